"""One network, one truth: every figure that appears in more than one output is the same.

For the Wehringhausen sample data and for a generated network (seeded; some ties and
actors ended before today), each loaded through the real ingest into each store (SQLite;
Neo4j when a server answers, like the contract suite), the commands' JSON (`brokers`,
`gaps`, `suggest`, `dependency`, `keyplayers`), the report's CSV files and the library
call on the same `NetworkView` must agree: betweenness, constraint, brokerage counts,
E-I, mixing cells (observed and expected), dependency figures, unreached lists, and the
introductions with the expected ties they cite.

The report's CSV files are read tolerantly (`,` or `;`, decimal point or comma, headers
looked up through the text table), so they may change form without this test changing.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from netzwerk.analysis import NetworkView
from netzwerk.analysis.brokers import broker_table, coordinator_dependency
from netzwerk.analysis.gaps import gaps_report
from netzwerk.analysis.introductions import suggest_introductions
from netzwerk.cli import cli
from netzwerk.ingest import read_files
from netzwerk.present.formats import format_number
from netzwerk.present.labels import sector_label
from netzwerk.present.names import ActorNames
from netzwerk.present.texts import text
from netzwerk.workflows import sample_data_path

PERMUTATIONS = "1000"  # as the report computes the E-I test
INTRODUCTIONS = "12"  # as many as the report lists
TODAY = date.today()


# ----------------------------------------------------------------- the generated network


SECTORS = ("Soziales", "Bildung", "Kultur/Kreativwirtschaft", "Lokale Wirtschaft")
ENDED = "31.12.2021"  # before today: ties and actors ending then are not in today's view


def generated_network(path: Path, seed: int = 7) -> Path:
    """A district of 36 actors in four sectors plus the QM and one church (a sector of
    one actor), with persons, projects and ties of which some ended in 2021: written as a
    JSON workbook for the real ingest."""
    rng = random.Random(seed)
    actors = [
        _actor("qm", "Quartiersmanagement", "Gremium", "Quartiersmanagement", coordinator="ja"),
        _actor("kirche", "Kirchengemeinde", "Einrichtung", "Religion"),
        _actor("einsam", "Einsamer Verein", "Verein", "Soziales"),  # no tie at all
        _actor("nur-qm", "Laden am Markt", "Unternehmen", "Lokale Wirtschaft"),  # QM only
        _actor("weg", "Alter Verein", "Verein", "Bildung", until=ENDED),  # has left
    ]
    members = []
    for i in range(32):
        sector = SECTORS[i % len(SECTORS)]
        person = i % 5 == 0
        actor_id = f"a{i:02d}"
        members.append(actor_id)
        actors.append(
            _actor(
                actor_id,
                f"Person {i}" if person else f"Einrichtung {i}",
                "Person" if person else rng.choice(["Verein", "Einrichtung", "Initiative"]),
                sector,
                consent="ja" if person and i % 2 == 0 else "",
            )
        )
    ties = [_tie("qm", m, strength=rng.randint(1, 3)) for m in members[::3]]
    ties += [_tie("qm", "nur-qm"), _tie("qm", "kirche"), _tie("weg", members[1])]
    ties.append(_tie("kirche", members[2], until=ENDED))  # the church's only other tie, ended
    seen = set()
    for _ in range(55):
        a, b = rng.sample(members, 2)
        if (a, b) in seen or (b, a) in seen:
            continue
        seen.add((a, b))
        ended = rng.random() < 0.15
        ties.append(_tie(a, b, strength=rng.randint(1, 3), until=ENDED if ended else ""))
    projects = [
        {"id": "garten", "name": "Gemeinschaftsgarten", "seit": "01.03.2019", "bis": ""},
        {"id": "lesen", "name": "Lesepaten", "seit": "01.01.2019", "bis": ENDED},
    ]
    participation = [
        {"akteur": m, "projekt": "garten", "seit": "01.03.2019"} for m in rng.sample(members, 6)
    ]
    participation += [
        {"akteur": m, "projekt": "lesen", "seit": "01.01.2019", "bis": ENDED}
        for m in rng.sample(members, 5)
    ]
    workbook = {
        "Akteure": actors,
        "Beziehungen": ties,
        "Projekte": projects,
        "Beteiligungen": participation,
    }
    path.write_text(json.dumps(workbook, ensure_ascii=False), encoding="utf-8")
    return path


def _actor(actor_id: str, name: str, kind: str, sector: str, **extra: str) -> dict[str, str]:
    fields = {"id": actor_id, "name": name, "typ": kind, "sektor": sector}
    if extra.get("until"):
        fields["bis"] = extra["until"]
    if extra.get("coordinator"):
        fields["koordination"] = extra["coordinator"]
    if extra.get("consent"):
        fields["einwilligung"] = extra["consent"]
    return fields


def _tie(a: str, b: str, strength: int = 1, until: str = "") -> dict[str, Any]:
    return {"von": a, "zu": b, "art": "Kooperation", "staerke": strength, "bis": until}


# ----------------------------------------------------------------- loading and running


@dataclass
class Loaded:
    """One network in one store: its address, the report folders and the outputs."""

    network: str
    address: str
    folder: Path
    outputs: dict[tuple[str, ...], Any] = field(default_factory=dict)

    def run(self, *args: str) -> Any:
        """The command's JSON (cached: each command runs once per network and store)."""
        if args not in self.outputs:
            result = CliRunner().invoke(cli, ["--store", self.address, *args, "--format", "json"])
            assert result.exit_code == 0, result.output
            self.outputs[args] = json.loads(result.stdout)
        return self.outputs[args]

    def report(self, *options: str) -> Path:
        """The report's folder for these view options (written once)."""
        out = self.folder / ("report" + "".join(options).replace("-", "_"))
        if not out.exists():
            result = CliRunner().invoke(
                cli, ["--store", self.address, "report", "--out", str(out), *options]
            )
            assert result.exit_code == 0, result.output
        return out


@pytest.fixture(scope="module")
def module_home(tmp_path_factory) -> Iterator[None]:
    """The suite's isolated home (`tests/conftest.py`) for the module-wide fixtures too:
    the same pseudonym key as every test, no real store or key touched."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(home / "data"))
        patch.setenv("XDG_CONFIG_HOME", str(home / "config"))
        patch.setenv("NETZWERK_PSEUDONYM_KEY", "test-key")
        patch.delenv("NETZWERK_STORE", raising=False)
        yield


@pytest.fixture(
    scope="module",
    params=[
        ("sample", "sqlite"),
        pytest.param(("sample", "neo4j"), marks=pytest.mark.neo4j),
        ("generated", "sqlite"),
        pytest.param(("generated", "neo4j"), marks=pytest.mark.neo4j),
    ],
    ids=["sample-sqlite", "sample-neo4j", "generated-sqlite", "generated-neo4j"],
)
def loaded(request, tmp_path_factory, module_home) -> Iterator[Loaded]:
    """The network loaded through the real ingest into a fresh store of each kind."""
    network, kind = request.param
    folder = tmp_path_factory.mktemp(f"{network}-{kind}")
    source = sample_data_path() if network == "sample" else generated_network(folder / "netz.json")
    changeset = read_files([source]).changeset
    if kind == "sqlite":
        from netzwerk.store.sqlite import SqliteStore

        address = str(folder / "netz.sqlite")
        store = SqliteStore(Path(address))
    else:
        from netzwerk.store.neo4j import Neo4jStore

        address = request.getfixturevalue("neo4j_uri")
        store = Neo4jStore(address)
        store.init()
        store.wipe()
    with store:
        store.init()
        store.apply(changeset, files=[source.name])
    yield Loaded(network, address, folder)


@pytest.fixture(scope="module")
def library(loaded, module_home) -> dict[str, Any]:
    """The library call on the default view (today), over the same store."""
    from netzwerk.store import open_existing_store

    with open_existing_store(loaded.address) as store:
        store_graph = store.graph()
    view = NetworkView()
    graph = view.actor_graph(store_graph)
    return {
        "store_graph": store_graph,
        "graph": graph,
        "names": ActorNames(graph, False),
        "brokers": broker_table(graph),
        "gaps": gaps_report(graph, permutations=int(PERMUTATIONS), seed=42),
        "dependency": coordinator_dependency(graph),
        "introductions": suggest_introductions(graph, store_graph, top=int(INTRODUCTIONS)),
    }


# ----------------------------------------------------------------- reading the report's CSV


def read_report_csv(path: Path) -> list[dict[str, _Cell]]:
    """Rows of a report CSV file (`read_csv_text`)."""
    return read_csv_text(path.read_text(encoding="utf-8-sig"))


def read_csv_text(content: str) -> list[dict[str, _Cell]]:
    """Rows of CSV text, whatever its form: `,` or `;` (then decimal commas), with or
    without a BOM; headers without soft hyphens."""
    content = content.lstrip("\ufeff")
    first = content.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = csv.DictReader(io.StringIO(content), delimiter=delimiter)
    german = delimiter == ";"
    return [
        {(k or "").replace("\u00ad", ""): _Cell(v or "", german) for k, v in row.items()}
        for row in rows
    ]


class _Cell(str):
    """A CSV cell that also reads as a number with the file's decimal mark."""

    german: bool

    def __new__(cls, value: str, german: bool) -> _Cell:
        cell = super().__new__(cls, value)
        cell.german = german
        return cell

    def number(self) -> float:
        value = self.strip()
        if self.german or re.fullmatch(r"-?\d+,\d+", value):
            value = value.replace(".", "").replace(",", ".")
        return float(value.replace("−", "-"))

    def tolerance(self) -> float:
        """Half a unit of the last decimal the cell shows."""
        decimals = re.search(r"[.,](\d+)$", self.strip())
        return 0.5 * 10 ** -len(decimals.group(1)) + 1e-9 if decimals else 1e-9


def column(key: str, lang: str = "de") -> str:
    """A report column's title as the CSV carries it (`col.<key>` text)."""
    return text(f"col.{key}", lang).replace("\u00ad", "")


def close(cell: _Cell, value: float | None) -> bool:
    return value is not None and abs(cell.number() - value) <= cell.tolerance()


# ----------------------------------------------------------------- the figures


def test_brokers_command_report_and_library_agree(loaded, library):
    rows = {row["id"]: row for row in loaded.run("brokers")["rows"]}
    shown = library["names"].id
    expected = {shown(row["id"]): row for row in library["brokers"]}
    assert set(rows) == set(expected) and any(row["betweenness"] for row in rows.values())
    for actor, row in expected.items():
        for key in ("betweenness", "constraint", "brokerage_total", "liaison", "itinerant"):
            assert rows[actor][key] == pytest.approx(row[key], abs=1e-12), (actor, key)
    report = {r[column("id")]: r for r in read_report_csv(loaded.report() / "brokers.csv")}
    assert set(report) == set(rows)
    for actor, row in rows.items():
        cells = report[actor]
        assert close(cells[column("betweenness")], row["betweenness"]), actor
        if row["constraint"] is not None:
            assert close(cells[column("constraint")], row["constraint"]), actor
        for role in ("coordinator", "itinerant", "gatekeeper", "representative", "liaison"):
            assert cells[column(role)].number() == row[role], (actor, role)
        assert cells[column("brokerage_total")].number() == row["brokerage_total"], actor


def test_mixing_cells_agree_in_gaps_json_csv_report_and_library(loaded, library):
    gaps = loaded.run("gaps", "--permutations", PERMUTATIONS)
    mixing = library["gaps"]
    keys = [group["group"] for group in mixing["groups"]]
    for g in keys:
        for h in keys:
            label_g, label_h = sector_label(g).lower(), sector_label(h).lower()
            json_g = _label_key(gaps["observed"], label_g)
            json_h = _label_key(gaps["observed"], label_h)
            assert gaps["observed"][json_g][json_h] == mixing["observed"][g][h]
            assert gaps["expected"][json_g][json_h] == pytest.approx(mixing["expected"][g][h])
    report = read_report_csv(loaded.report() / "mixing.csv")
    assert len(report) == len(keys) * (len(keys) + 1) // 2
    by_label = {sector_label(g).lower(): g for g in keys}
    for row in report:
        g = by_label[row[column("sector_a")].lower()]
        h = by_label[row[column("sector_b")].lower()]
        assert row[column("observed")].number() == mixing["observed"][g][h], (g, h)
        assert close(row[column("expected")], mixing["expected"][g][h]), (g, h)
    stdout = CliRunner().invoke(
        cli, ["--store", loaded.address, "gaps", "--format", "csv", "--permutations", "0"]
    )
    table = read_csv_text(stdout.stdout)
    assert len(table) == len(report)
    title = {
        key: text(f"cli.col.{key}", "de") for key in ("group_a", "group_b", "ties", "expected")
    }
    for row in table:
        g, h = by_label[row[title["group_a"]].lower()], by_label[row[title["group_b"]].lower()]
        assert row[title["ties"]].number() == mixing["observed"][g][h]
        assert close(row[title["expected"]], mixing["expected"][g][h])


def test_within_group_cells_count_each_tie_once_and_no_self_pairs(loaded, library):
    """O_gg = ties inside g, E_gg = (D_g² − Σ k_i²) / 4m, recomputed from the view's
    degrees; a group of one actor (the generated network's church) expects 0."""
    graph = library["graph"]
    expected_json = loaded.run("gaps", "--permutations", PERMUTATIONS)["expected"]
    observed_json = loaded.run("gaps", "--permutations", PERMUTATIONS)["observed"]
    m = graph.number_of_edges()
    sectors = {n: d.get("sector") for n, d in graph.nodes(data=True)}
    for group in {s for s in sectors.values() if s}:
        members = [n for n, s in sectors.items() if s == group]
        degrees = [graph.degree(n) for n in members]
        inside = sum(1 for u, v in graph.edges() if sectors[u] == sectors[v] == group)
        label = _label_key(expected_json, sector_label(group).lower())
        assert observed_json[label][label] == inside
        chance = (sum(degrees) ** 2 - sum(k * k for k in degrees)) / (4 * m)
        assert expected_json[label][label] == pytest.approx(chance)
        if len(members) == 1:
            assert expected_json[label][label] == 0
    if loaded.network == "generated":
        assert expected_json["Religion"]["Religion"] == 0


def test_ei_index_is_the_same_in_gaps_and_report(loaded, library):
    gaps = loaded.run("gaps", "--permutations", PERMUTATIONS)
    assert gaps["ei_index"] == pytest.approx(library["gaps"]["ei_index"], abs=1e-12)
    assert gaps["ei_test"]["p_value"] == library["gaps"]["ei_test"]["p_value"]
    markdown = (loaded.report() / "report.md").read_text(encoding="utf-8")
    shown = format_number(gaps["ei_index"], "de")
    assert any(f"E-I-Index {number}" in markdown for number in (shown, shown.replace("-", "−")))


def test_dependency_figures_agree(loaded, library):
    result = loaded.run("dependency")
    expected = library["dependency"]
    for key in ("connected_pairs_before", "connected_pairs_after", "fragmentation_before"):
        assert result[key] == pytest.approx(expected[key], abs=1e-12), key
    shown = library["names"]
    assert expected["cut_off"] and expected["successors"]  # there is something to compare
    assert result["cut_off"] == [shown.id(a) for a in expected["cut_off"]]
    rows = {
        r[text("dependency.measure")]: r
        for r in read_report_csv(loaded.report() / "dependency.csv")
    }
    pairs = rows[text("dependency.connected_pairs")]
    assert pairs[text("dependency.before")].number() == result["connected_pairs_before"]
    assert pairs[text("dependency.after")].number() == result["connected_pairs_after"]
    fragmentation = rows[text("dependency.fragmentation")]
    assert close(fragmentation[text("dependency.before")], result["fragmentation_before"])
    assert close(fragmentation[text("dependency.after")], result["fragmentation_after"])
    parts = rows[text("dependency.n_components")]
    assert parts[text("dependency.before")].number() == result["components_before"]
    assert parts[text("dependency.after")].number() == result["components_after"]
    cut_off = read_report_csv(loaded.report() / "cut_off_without_qm.csv")
    assert sorted(r[column("actor")] for r in cut_off) == sorted(
        shown.name(a) for a in expected["cut_off"]
    )
    successors = read_report_csv(loaded.report() / "successors.csv")
    by_name = {s["name"]: s for s in result["successors"]}
    assert [r[column("actor")] for r in successors] == [s["name"] for s in result["successors"]]
    for row in successors:
        assert close(row[column("gain")], by_name[row[column("actor")]]["gain"])


def test_unreached_lists_agree(loaded, library):
    gaps = loaded.run("gaps", "--permutations", PERMUTATIONS)
    shown = library["names"].id
    assert gaps["isolates"] == [shown(a) for a in library["gaps"]["isolates"]]
    rows = read_report_csv(loaded.report() / "unreached.csv")

    def listed(status: str) -> list[str]:
        return [r[column("id")] for r in rows if r[column("status")] == text(f"unreached.{status}")]

    assert gaps["isolates"] and gaps["coordinator_only"]  # both networks have some
    assert listed("isolate") == gaps["isolates"]
    assert listed("coordinator_only") == [c["actor"] for c in gaps["coordinator_only"]]
    assert listed("single") == [p["actor"] for p in gaps["peripheral"] if p["degree"] == 1]


def test_introductions_agree_and_cite_the_gaps_expected_ties(loaded, library):
    suggested = loaded.run("suggest", "--top", INTRODUCTIONS)["suggestions"]
    gaps = loaded.run("gaps", "--permutations", PERMUTATIONS)
    shown = library["names"].id
    assert suggested
    assert [(s["a"], s["b"]) for s in suggested] == [
        (shown(s["a"]), shown(s["b"])) for s in library["introductions"]
    ]
    report = read_report_csv(loaded.report() / "introductions.csv")
    a_id = f"{text('col.a')} ({text('col.id')})"
    b_id = f"{text('col.b')} ({text('col.id')})"
    assert [(r[a_id], r[b_id]) for r in report] == [(s["a"], s["b"]) for s in suggested]
    for suggestion, row in zip(suggested, report, strict=True):
        assert suggestion["gap_text"] in row[column("reasons")]
        [group_a], [group_b] = suggestion["groups"]
        expected = gaps["expected"][group_a][group_b]
        assert f"({format_number(expected, 'de', 1)} " in suggestion["gap_text"]
        observed = gaps["observed"][group_a][group_b]
        assert observed == 0 or f": {observed} " in suggestion["gap_text"]


def test_keyplayers_are_named_in_the_report(loaded):
    players = loaded.run("keyplayers", "-k", "5")["players"]
    markdown = (loaded.report() / "report.md").read_text(encoding="utf-8")
    for player in players:
        assert _markdown(player["name"]) in markdown


def test_every_output_names_the_same_view(loaded):
    line = (loaded.report() / "netzwerksicht.txt").read_text(encoding="utf-8").splitlines()[0]
    assert line.startswith(f"Sicht: Stand {TODAY:%d.%m.%Y}")
    for command in (("brokers",), ("gaps", "--permutations", "0"), ("suggest",), ("dependency",)):
        view = loaded.run(*command)["view"]
        assert view["line"] == line and view["as_of"] == TODAY.isoformat()
    assert loaded.run("keyplayers", "-k", "2")["view"]["line"] == line


def test_all_periods_change_command_and_report_alike(loaded):
    every = "--alle-zeitraeume"
    gaps = loaded.run("gaps", "--permutations", "0", every)
    brokers = {row["id"]: row for row in loaded.run("brokers", every)["rows"]}
    today = {row["id"]: row for row in loaded.run("brokers")["rows"]}
    assert gaps["view"]["as_of"] is None
    assert len(brokers) > len(today)  # actors who left count again
    folder = loaded.report(every)
    assert "alle Zeiträume" in (folder / "netzwerksicht.txt").read_text(encoding="utf-8")
    header = (folder / "report.md").read_text(encoding="utf-8")
    assert "Stand: alle Zeiträume" in header and f"Stand: {TODAY:%d.%m.%Y}" not in header
    report = {r[column("id")]: r for r in read_report_csv(folder / "brokers.csv")}
    assert set(report) == set(brokers)
    for actor, row in brokers.items():
        assert close(report[actor][column("betweenness")], row["betweenness"]), actor
    for row in read_report_csv(folder / "mixing.csv"):
        g = _label_key(gaps["observed"], row[column("sector_a")].lower())
        h = _label_key(gaps["observed"], row[column("sector_b")].lower())
        assert row[column("observed")].number() == gaps["observed"][g][h]
        assert close(row[column("expected")], gaps["expected"][g][h])


def test_a_tie_ended_before_today_is_not_counted_by_default(loaded, library):
    store_graph, graph = library["store_graph"], library["graph"]
    every = NetworkView(as_of=None).actor_graph(store_graph)
    ended = [(u, v, kind) for u, v, kind in _ended_ties(store_graph) if u in graph and v in graph]
    assert ended  # both networks have ties that ended while both actors stayed
    for u, v, kind in ended:
        assert kind in every[u][v]["kinds"]
        assert not graph.has_edge(u, v) or kind not in graph[u][v]["kinds"], (u, v, kind)
    if loaded.network == "generated":  # the church's only other tie ended in 2021
        religion, culture = "Religion", "Kultur/Kreativwirtschaft"  # kirche–a02 (SECTORS[2])
        assert loaded.run("gaps", "--permutations", "0")["observed"][religion][culture] == 0
        all_periods = loaded.run("gaps", "--permutations", "0", "--alle-zeitraeume")
        assert all_periods["observed"][religion][culture] == 1
        [cell] = [
            r
            for r in read_report_csv(loaded.report() / "mixing.csv")
            if {r[column("sector_a")], r[column("sector_b")]} == {religion, culture}
        ]
        assert cell[column("observed")].number() == 0


def _ended_ties(store_graph) -> list[tuple[str, str, str]]:
    """Direct ties of the default kinds that ended before today, between two actors with
    no other tie of that kind still running."""
    running = {
        (frozenset((u, v)), data["kind"])
        for u, v, data in store_graph.edges(data=True)
        if not (data.get("until") and data["until"] < TODAY)
    }
    return [
        (u, v, data["kind"])
        for u, v, data in store_graph.edges(data=True)
        if data.get("kind") in NetworkView().tie_kinds
        and data.get("until")
        and data["until"] < TODAY
        and (frozenset((u, v)), data["kind"]) not in running
    ]


# ----------------------------------------------------------------- helpers


def _label_key(table: Mapping[str, Any], label: str) -> str:
    """The key of ``table`` that is ``label`` (case-insensitive)."""
    [key] = [k for k in table if k.lower() == label]
    return key


def _markdown(name: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|&!~{}])", r"\\\1", name)
