"""`forget`: a person is erased from the store, its files, the ingest log and output folders."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.errors import NotFound
from netzwerk.model import Provenance
from netzwerk.privacy import erasure_plan, forget
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report.export import export_graph
from netzwerk.store.sqlite import SqliteStore


def test_forget_removes_actor_ties_and_participation(store, changeset):
    store.apply(changeset)
    report = forget(store, "erika")
    assert report.removed == {"actors": 1, "ties": 2}  # membership, participation
    assert report.participation == 1
    with pytest.raises(NotFound):
        store.actor_record("erika")
    graph = store.graph()
    assert "erika" not in graph
    assert {"qm", "schule", "verein", "event:fest-2024"} <= set(graph)
    assert store.counts()["ties"] == len(changeset.ties) - 2


def test_after_forget_the_store_holds_no_name_email_phone_or_address(store, changeset, search):
    store.apply(changeset, files=["netz.xlsx"])
    assert search.found_in_bytes(search.everything_in(store).encode()) == list(search.PERSONAL)
    forget(store, "erika")
    assert search.found_in_bytes(search.everything_in(store).encode()) == []
    assert "erika" not in search.everything_in(store)


def test_embedded_store_file_wal_and_shm_hold_no_trace_afterwards(tmp_path, changeset, search):
    path = tmp_path / "netz.sqlite"
    with SqliteStore(path) as store:
        store.init()
        store.apply(changeset)
        store.graph()
        report = forget(store, "erika")
        raw = search.store_bytes(path)  # while the store is still open (WAL mode)
        wal_size = Path(f"{path}-wal").stat().st_size
    assert search.found_in_bytes(raw) == []
    assert wal_size == 0
    assert report.embedded_traces == []
    assert [p.name for p in report.embedded_files] == [
        "netz.sqlite",
        "netz.sqlite-wal",
        "netz.sqlite-shm",
    ]
    assert search.found_in_bytes(search.store_bytes(path)) == []  # after closing, too


def test_embedded_report_warns_when_another_record_still_names_the_person(tmp_path, changeset):
    schule = next(a for a in changeset.actors if a.id == "schule")
    changeset.actors[changeset.actors.index(schule)] = replace(
        schule, note="Ansprechpartnerin: Erika Muster"
    )
    with SqliteStore(tmp_path / "netz.sqlite") as store:
        store.apply(changeset)
        report = forget(store, "erika")
    assert report.embedded_traces == ["Name"]
    assert report.mentions == ["actor schule: note"]
    text = "\n".join(report.lines())
    assert "WARNUNG" in text and "actor schule: note" in text
    assert "Erika Muster" not in text


def test_neo4j_report_says_deleted_data_persists_and_how_to_prune(store, changeset):
    store.apply(changeset)
    text = "\n".join(forget(store, "erika").lines())
    if isinstance(store, SqliteStore):
        assert "VACUUM" in text and "keine Spur" in text
        assert "Transaktionsprotokoll" not in text
    else:
        assert "Transaktionsprotokollen" in text
        assert "db.tx_log.rotation.retention_policy" in text
        assert "neo4j-admin database copy" in text


def test_forget_says_there_is_no_cache_and_no_mapping_table(store, changeset):
    store.apply(changeset)
    text = "\n".join(forget(store, "erika").lines())
    assert "keine Analyseergebnisse und keine Zuordnungstabelle" in text
    assert "Importprotokoll: enthält nur Dateinamen und Anzahlen" in text


def test_forget_lists_the_source_rows_to_delete_by_hand(store, changeset):
    erika = next(a for a in changeset.actors if a.id == "erika")
    changeset.actors[changeset.actors.index(erika)] = replace(
        erika, source=Provenance("netz.xlsx", "Akteure", 5)
    )
    membership = next(t for t in changeset.ties if t.kind == "membership")
    changeset.ties[changeset.ties.index(membership)] = replace(
        membership, provenance=Provenance("netz.xlsx", "Beziehungen", 7)
    )
    store.apply(changeset)
    report = forget(store, "erika")
    assert report.sources == ["netz.xlsx, Akteure, Zeile 5", "netz.xlsx, Beziehungen, Zeile 7"]
    assert "sonst legt der nächste Import sie wieder an" in "\n".join(report.lines())


def test_forget_renames_an_ingest_log_file_named_after_the_person(store, changeset, search):
    store.apply(changeset, files=["netz.xlsx", "Erika_Muster_Kontakt.csv"])
    report = forget(store, "erika")
    assert report.ingest_entries == 1
    (entry,) = store.ingest_log()
    assert entry["files"] == ["netz.xlsx", "(Dateiname entfernt)"]
    assert "erika_muster" not in search.everything_in(store).casefold()


def test_forget_unknown_actor_raises_not_found_and_changes_nothing(store, changeset):
    store.apply(changeset)
    with pytest.raises(NotFound):
        forget(store, "niemand")
    assert store.counts()["actors"] == 4


def test_forget_outputs_deletes_exports_that_mention_the_person(store, changeset, tmp_path, search):
    store.apply(changeset)
    out = tmp_path / "berichte"
    graph = store.graph()
    export_graph(graph, out / "netz.gexf", "gexf")  # pseudonym only
    export_graph(graph, out / "named" / "netz.csv", "csv", show_names=True)  # real name
    export_graph(graph, out / "netz.graphml", "graphml", show_names=True)
    (out / "person.json").write_text(json.dumps({"contact": search.EMAIL}), encoding="utf-8")
    (out / "unrelated.txt").write_text("Grundschule und Verein", encoding="utf-8")
    (out / "plot.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    pseudonym = Pseudonymiser().pseudonym("erika")
    assert pseudonym in (out / "netz.gexf").read_text(encoding="utf-8")

    report = forget(store, "erika", [out])

    deleted = sorted(p.relative_to(out).as_posix() for p in report.deleted_outputs)
    assert deleted == [
        "named/netz-nodes.csv",
        "named/netz-ties.csv",
        "netz.gexf",
        "netz.graphml",
        "person.json",
    ]
    assert sorted(p.name for p in out.rglob("*") if p.is_file()) == ["plot.png", "unrelated.txt"]
    assert [p.name for p in report.outputs.unchecked] == ["plot.png"]
    assert search.found_in_folder(out) == {}
    assert not any(
        pseudonym in p.read_bytes().decode("latin-1") for p in out.rglob("*") if p.is_file()
    )


def test_forget_outputs_never_deletes_input_files_or_other_stores(
    tmp_path, changeset, write_xlsx_named
):
    out = tmp_path / "ordner"
    source = write_xlsx_named(out / "netz.xlsx")
    with SqliteStore(out / "kopie.sqlite") as copy:
        copy.apply(changeset)
    with SqliteStore(tmp_path / "netz.sqlite") as store:
        store.apply(changeset, files=["netz.xlsx"])
        plan = erasure_plan(store, "erika", [out])
        report = forget(store, "erika", [out], plan=plan)
    assert report.deleted_outputs == []
    assert report.outputs.sources == [source]
    assert report.outputs.stores == [out / "kopie.sqlite"]
    assert source.exists() and (out / "kopie.sqlite").exists()


def test_forget_outputs_skips_the_store_itself(tmp_path, changeset):
    with SqliteStore(tmp_path / "netz.sqlite") as store:
        store.apply(changeset)
        report = forget(store, "erika", [tmp_path])
    assert report.outputs.stores == [] and report.deleted_outputs == []
    assert (tmp_path / "netz.sqlite").exists()


@pytest.fixture
def write_xlsx_named():
    """write_xlsx_named(path) -> a workbook at ``path`` naming Erika (a source file)."""
    from openpyxl import Workbook

    def write(path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Akteure"
        sheet.append(["id", "name", "typ", "sektor"])
        sheet.append(["erika", "Erika Muster", "Person", "Kultur"])
        workbook.save(path)
        return path

    return write


# ------------------------------------------------------------------------------------- CLI


@pytest.fixture
def store_address(store, changeset) -> str:
    """The address of the `store` fixture, filled with the changeset (sqlite path or URI)."""
    store.apply(changeset, files=["netz.xlsx"])
    return str(getattr(store, "path", None) or store.uri)


def test_cli_forget_with_yes_erases_and_reports(store, store_address, search):
    result = CliRunner().invoke(cli, ["--store", store_address, "forget", "erika", "--yes"])
    assert result.exit_code == 0, result.output
    assert "Gelöscht: Akteur erika, 2 Beziehungen (davon 1 Beteiligung)" in result.output
    assert "keine Zuordnungstabelle" in result.output
    assert search.found_in_bytes(result.output.encode()) == []
    assert search.found_in_bytes(search.everything_in(store).encode()) == []
    if not isinstance(store, SqliteStore):
        assert "neo4j-admin database copy" in result.output


def test_cli_forget_without_terminal_and_without_yes_refuses_with_exit_2(store, store_address):
    result = CliRunner().invoke(cli, ["--store", store_address, "forget", "erika"])
    assert result.exit_code == 2
    assert "--yes" in result.output
    assert store.actor_record("erika")["name"] == "Erika Muster"


@pytest.mark.parametrize(
    ("answer", "exit_code", "kept"), [("n\n", 1, True), ("j\n", 1, True), ("y\n", 0, False)]
)
def test_cli_forget_asks_at_a_terminal(monkeypatch, tmp_path, changeset, answer, exit_code, kept):
    monkeypatch.setattr("netzwerk.cli.privacy._stdin_is_terminal", lambda: True)
    path = tmp_path / "netz.sqlite"
    with SqliteStore(path) as store:
        store.apply(changeset)
    result = CliRunner().invoke(cli, ["--store", str(path), "forget", "erika"], input=answer)
    assert result.exit_code == exit_code, result.output
    assert "„Erika Muster“ (erika) endgültig löschen?" in result.output
    with SqliteStore(path) as store:
        assert ("erika" in store.graph()) is kept


def test_cli_forget_unknown_id_is_a_one_line_error(tmp_path, changeset):
    with SqliteStore(tmp_path / "s.sqlite") as store:
        store.apply(changeset)
    result = CliRunner().invoke(
        cli, ["--store", str(tmp_path / "s.sqlite"), "forget", "x", "--yes"]
    )
    assert result.exit_code == 2
    assert result.output.startswith('Fehler: Akteur "x" ist nicht im Speicher')


def test_cli_forget_outputs_option_deletes_matching_exports(tmp_path, changeset, search):
    path = tmp_path / "netz.sqlite"
    with SqliteStore(path) as store:
        store.apply(changeset)
    out = tmp_path / "export"
    runner = CliRunner()
    for fmt in ("csv", "gexf", "graphml", "json"):
        result = runner.invoke(
            cli,
            [
                "--store",
                str(path),
                "export",
                "--format",
                fmt,
                "--names",
                "--out",
                str(out / f"netz.{fmt}"),
            ],
        )
        assert result.exit_code == 0, result.output
    result = runner.invoke(
        cli, ["--store", str(path), "export-person", "erika", "--out", str(out / "auskunft.json")]
    )
    assert result.exit_code == 0, result.output
    assert search.found_in_folder(out)
    result = runner.invoke(
        cli, ["--store", str(path), "forget", "erika", "--outputs", str(out), "--yes"]
    )
    assert result.exit_code == 0, result.output
    assert "Gelöschte Ausgabedateien" in result.output
    assert search.found_in_folder(out) == {}
    assert search.found_in_bytes(search.store_bytes(path)) == []
