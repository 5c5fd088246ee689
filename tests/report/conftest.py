"""Shared fixtures for the report tests: the sample network (loaded once), reports built
once per language, and a tiny hostile store whose actor names try to inject markup and
spreadsheet formulas."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from netzwerk.model import Actor, Changeset, Event, NodeRef, Tie
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report.build import build_report, write_report
from netzwerk.store.sqlite import SqliteStore
from netzwerk.workflows import load_sample_data

KEY = b"report-test-key"
AS_OF = date(2024, 6, 30)
COMPARE = date(2022, 6, 30)
XSS_NAME = "<img src=x onerror=alert(1)>"
FORMULA_NAME = '=HYPERLINK("http://x")'


@pytest.fixture(scope="session")
def sample(tmp_path_factory) -> dict:
    """The Wehringhausen sample data in an embedded store: graph and ingest log."""
    folder = tmp_path_factory.mktemp("sample")
    store_path, _, graph = load_sample_data(folder)
    with SqliteStore(store_path) as store:
        log = store.ingest_log(limit=5)
    return {"store": store_path, "graph": graph, "log": log}


@pytest.fixture(scope="session")
def written(sample, tmp_path_factory) -> dict:
    """The sample report with --compare, built and written once per language."""
    out = {}
    for lang in ("de", "en"):
        report = build_report(
            sample["graph"],
            lang=lang,
            as_of=AS_OF,
            compare=COMPARE,
            ingest_log=sample["log"],
            pseudonymiser=Pseudonymiser(KEY),
            today=date(2024, 7, 1),
        )
        folder = tmp_path_factory.mktemp(f"report-{lang}")
        out[lang] = {"report": report, "folder": folder, "files": write_report(report, folder)}
    return out


def person(actor_id: str, name: str, consent: bool, sector: str = "neighbourhood") -> Actor:
    return Actor(id=actor_id, name=name, type="person", sector=sector, consent=consent)


def organisation(actor_id: str, name: str, sector: str, **fields) -> Actor:
    return Actor(id=actor_id, name=name, type="association", sector=sector, **fields)


def cooperation(a: str, b: str) -> Tie:
    return Tie("cooperation", NodeRef("actor", a), NodeRef("actor", b))


@pytest.fixture
def hostile_graph(tmp_path):
    """A small district: the QM, organisations with hostile names, two persons (one
    consented), an isolate and an event; loaded through the real embedded store."""
    changeset = Changeset(
        actors=[
            organisation("qm", "Quartiersbüro", "district_management", coordinator=True),
            organisation("xss", XSS_NAME, "culture"),
            organisation("formula", FORMULA_NAME, "economy"),
            organisation("school", "Grundschule Süd", "education"),
            organisation("club", "Jugendclub", "social"),
            organisation("shop", "Bäckerei Korn", "economy"),
            organisation("alone", "Neuer Verein", "neighbourhood"),
            person("erika", "Erika Mustermann", consent=True),
            person("max", "Max Geheim", consent=False, sector="culture"),
        ],
        events=[Event("fest", "Sommerfest", since=date(2023, 6, 1))],
        ties=[
            cooperation("qm", "xss"),
            cooperation("qm", "formula"),
            cooperation("qm", "school"),
            cooperation("school", "club"),
            cooperation("club", "xss"),
            cooperation("formula", "shop"),
            cooperation("qm", "erika"),
            cooperation("erika", "max"),
            cooperation("max", "xss"),
            *(
                Tie("participation", NodeRef("actor", a), NodeRef("event", "fest"))
                for a in ("qm", "shop", "club", "erika")
            ),
        ],
        files=["böse.xlsx"],
    )
    with SqliteStore(tmp_path / "hostile.sqlite") as store:
        store.init()
        store.apply(changeset, files=["böse.xlsx"])
        return store.graph(), store.ingest_log()


def read_text(folder: Path, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8-sig")
