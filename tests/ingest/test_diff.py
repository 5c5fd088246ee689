"""`ingest --dry-run` shows record by record what a load would change; its counts are the
store's own dry-run counts, on both stores."""

from __future__ import annotations

import dataclasses
from datetime import date

from netzwerk.ingest.diff import changeset_diff
from netzwerk.present.diff import diff_lines
from netzwerk.store.base import RECORD_KINDS
from tests.conftest import actor, tie


def corrected(changeset):
    """The small changeset as a workshop corrects it: the school renamed, Erika's contact
    changed, the QM–school tie weaker and ended, a new kita with a tie to the QM."""
    actors = [
        dataclasses.replace(a, name="Grundschule Wehringhausen")
        if a.id == "schule"
        else dataclasses.replace(a, contact="erika@example.net")
        if a.id == "erika"
        else a
        for a in changeset.actors
    ]
    ties = [
        dataclasses.replace(t, weight=1.0, until=date(2025, 12, 31))
        if t.key == "cooperation|qm|schule|"
        else t
        for t in changeset.ties
    ]
    actors.append(actor("kita", name="Kita Regenbogen", sector="education"))
    ties.append(tie("cooperation", "kita", "qm"))
    return dataclasses.replace(changeset, actors=actors, ties=ties)


def test_the_diff_counts_are_the_stores_dry_run_counts(store, small_changeset):
    store.apply(small_changeset)
    changes = corrected(small_changeset)
    applied = store.apply(changes, dry_run=True)
    diff = changeset_diff(changes, store.graph(), store.actor_identities())
    changed_keys = {c.entry.key for c in diff.changed}
    for kind in RECORD_KINDS:
        assert sum(1 for e in diff.new if e.kind == kind) == applied.created[kind], kind
        changed = {c.entry.key for c in diff.changed if c.entry.kind == kind}
        assert len(changed) == applied.updated[kind], kind
        assert diff.unchanged[kind] == applied.unchanged[kind], kind
    assert {"schule", "erika", "cooperation|qm|schule|"} == changed_keys
    assert [e.key for e in diff.ended] == ["cooperation|qm|schule|"]
    assert diff.ended[0].end == date(2025, 12, 31)
    assert store.graph().nodes["schule"]["name"] == "Grundschule"  # nothing written


def test_the_lines_show_old_and_new_hide_contacts_and_pseudonymise_persons(
    tmp_path, small_changeset
):
    from netzwerk.store import open_store

    with open_store(str(tmp_path / "netz.sqlite")) as store:
        store.init()
        store.apply(small_changeset)
        changes = corrected(small_changeset)
        changes.actors[3] = dataclasses.replace(changes.actors[3], consent=False)
        graph = store.graph()
        diff = changeset_diff(changes, graph, store.actor_identities())
    lines = diff_lines(diff, changes, graph, "de")
    shown = "\n".join(lines)
    assert "Neu (2):" in lines and "  + Akteur Kita Regenbogen" in lines
    assert (  # named as the workbook now names it
        "Akteur Grundschule Wehringhausen: Name „Grundschule“ → „Grundschule Wehringhausen“"
        in shown
    )
    assert lines[-1] == "Unverändert: 2 Akteure, 1 Thema, 1 Veranstaltung, 4 Beziehungen"
    assert "Stärke 2 → 1; Zeitraum 01.01.2019– → 01.01.2019–31.12.2025" in shown
    assert "(Kooperation) zum 31.12.2025" in shown
    assert "Kontakt geändert" in shown and "example" not in shown
    assert "Erika" not in shown and "Person-" in shown  # consent withdrawn: a pseudonym
    english = "\n".join(diff_lines(diff, changes, graph, "en"))
    assert "name “Grundschule” → “Grundschule Wehringhausen”" in english
    assert english.endswith("Unchanged: 2 actors, 1 topic, 1 event, 4 ties")
    assert "strength 2 → 1" in english


def test_ingest_dry_run_prints_the_diff_and_writes_nothing(tmp_path):
    """The sample workbook with one actor renamed and one added: the command prints both
    lines below the count table, and the store keeps the old name."""
    import shutil

    from click.testing import CliRunner
    from openpyxl import load_workbook

    from netzwerk.cli import cli
    from netzwerk.workflows import sample_data_path

    sample = sample_data_path()
    store = tmp_path / "netz.sqlite"
    first = CliRunner().invoke(cli, ["--store", str(store), "ingest", str(sample)])
    assert first.exit_code == 0, first.output
    (tmp_path / "neu").mkdir()
    changed = tmp_path / "neu" / sample.name
    shutil.copy(sample, changed)
    book = load_workbook(changed)
    sheet = book["Akteure"]
    old_name = sheet.cell(3, 2).value
    sheet.cell(3, 2).value = "Fachbereich Stadtentwicklung"
    sheet.append(["kita-sonnenblume", "Kita Sonnenblume", "Einrichtung", "Bildung"])
    book.save(changed)
    result = CliRunner().invoke(cli, ["--store", str(store), "ingest", str(changed), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Neu (1):\n  + Akteur Kita Sonnenblume\n" in result.output
    assert f"Name „{old_name}“ → „Fachbereich Stadtentwicklung“" in result.output
    status = CliRunner().invoke(
        cli, ["--store", str(store), "export-person", "fb-stadtentwicklung"]
    )
    assert old_name in status.output  # nothing was written
