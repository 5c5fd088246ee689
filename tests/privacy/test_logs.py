"""Logs never hold personal data or credentials, at any level, for either store.

The neo4j driver logs every Bolt message with its parameters at DEBUG. netzwerk caps the
driver's loggers at INFO and redacts the values of every driver record, so even a user who
lowers the driver's level again after import sees message patterns only.
"""

from __future__ import annotations

import logging
import os

import pytest

from netzwerk.ingest import read_files
from netzwerk.privacy import export_person, forget, privacy_record
from netzwerk.store.neo4j import (
    DRIVER_LOGGERS,
    DriverLogRedaction,
    Neo4jStore,
    guard_driver_logs,
)

PASSWORD_ENV = "NEO4J_PASSWORD"


@pytest.fixture
def workbook(tmp_path, search):
    """A real workbook with Erika's name, e-mail, phone and address, as staff would write it."""
    from openpyxl import Workbook

    book = Workbook()
    actors = book.active
    actors.title = "Akteure"
    actors.append(["id", "name", "typ", "sektor", "adresse", "kontakt", "einwilligung", "notiz"])
    actors.append(
        [
            "qm",
            "Quartiersmanagement",
            "Einrichtung",
            "Quartiersmanagement",
            "Lange Straße 22",
            "info@qm.example.org",
            "nein",
            "",
        ]
    )
    actors.append(
        [
            "erika",
            search.NAME,
            "Person",
            "Kultur",
            search.ADDRESS,
            f"{search.EMAIL}; {search.PHONE}",
            "ja",
            "Stand beim Fest",
        ]
    )
    ties = book.create_sheet("Beziehungen")
    ties.append(["von", "zu", "art", "notiz"])
    ties.append(["erika", "qm", "Kooperation", f"über {search.NAME}"])
    path = tmp_path / "netz.xlsx"
    book.save(path)
    return path


@pytest.fixture(params=["root-debug", "driver-debug-after-import"])
def debug_logging(request, caplog):
    """Scenario 1: logging.basicConfig(level=DEBUG). Scenario 2: also the driver's logger
    set to DEBUG after netzwerk capped it."""
    caplog.set_level(logging.DEBUG)
    if request.param == "driver-debug-after-import":
        caplog.set_level(logging.DEBUG, logger="neo4j")
    return request.param


def test_debug_log_of_ingest_read_and_forget_holds_no_personal_data(
    store, workbook, caplog, debug_logging, search
):
    neo4j = not hasattr(store, "path")
    if neo4j:  # a fresh driver, so connecting and logging on happen under DEBUG, too
        store = Neo4jStore(store.uri)
    result = read_files([workbook])
    store.apply(result.changeset, files=[workbook.name])
    store.graph()
    store.counts()
    store.ingest_log()
    export_person(store, "erika")
    privacy_record(store)
    forget(store, "erika")
    if neo4j:
        store.close()

    captured = caplog.text + "\n".join(
        f"{r.name} {r.getMessage()} {r.exc_text or ''} {r.args!r}" for r in caplog.records
    )
    secrets = list(search.PERSONAL) + ["Stand beim Fest", "info@qm.example.org"]
    password = os.environ.get(PASSWORD_ENV)
    if password:
        secrets.append(password)
    assert [s for s in secrets if s.casefold() in captured.casefold()] == []
    if debug_logging == "driver-debug-after-import" and neo4j:
        bolt = [r for r in caplog.records if r.name == "neo4j.io" and r.levelno == logging.DEBUG]
        assert any(" C: RUN " in r.getMessage() for r in bolt)  # the driver did log …
        assert any(" C: LOGON " in r.getMessage() for r in bolt)  # … incl. authentication


def test_redaction_keeps_the_pattern_and_numbers_and_drops_values():
    record = logging.LogRecord(
        "neo4j.io",
        logging.DEBUG,
        "",
        0,
        "[#%04X]  C: RUN %r %s %d%%",
        (0x1F, {"name": "Erika Muster"}, "erika@example.org", 3),
        None,
    )
    DriverLogRedaction().filter(record)
    assert record.getMessage() == "[#001F]  C: RUN … … 3%"


def test_redaction_drops_exception_text_and_mapping_arguments():
    try:
        raise ValueError("Erika Muster")
    except ValueError:
        import sys

        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "neo4j", logging.ERROR, "", 0, "%(who)s failed", ({"who": "Erika Muster"},), exc_info
    )
    DriverLogRedaction().filter(record)
    text = logging.Formatter().format(record)
    assert "Erika" not in text
    assert text == "… failed (ValueError, Details entfernt)"


def test_every_driver_logger_carries_the_redaction_filter():
    import neo4j  # noqa: F401  (all driver modules imported)

    logging.getLogger("neo4j.some_future_module")
    guard_driver_logs()
    names = set(DRIVER_LOGGERS) | {
        name for name in logging.root.manager.loggerDict if name.startswith("neo4j.")
    }
    for name in names:
        assert any(isinstance(f, DriverLogRedaction) for f in logging.getLogger(name).filters), name
