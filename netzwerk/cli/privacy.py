"""Commands for the rights of the people in the data: forget, export-person, retention,
privacy-record. Each calls one function of `netzwerk.privacy` and prints its result."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from netzwerk.cli.common import emit, store_from
from netzwerk.cli.main import cli
from netzwerk.errors import ConfigError
from netzwerk.present.tables import to_table
from netzwerk.privacy import (
    apply_retention,
    erasure_plan,
    export_person,
    forget,
    person_json,
    privacy_record,
    retention_plan,
    texts,
    write_person_export,
)
from netzwerk.store import DeletionResidue

YES = click.option(
    "--yes",
    "-y",
    is_flag=True,
)


def _stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def confirm(question: str, yes: bool) -> None:
    """Ask before deleting; without a terminal and without --yes, refuse (exit 2)."""
    if yes:
        return
    if not _stdin_is_terminal():
        raise ConfigError(
            "Löschen muss bestätigt werden, aber es gibt keine Eingabe (kein "
            "Terminal) — Befehl mit --yes wiederholen, wenn sicher"
        )
    click.confirm(question, abort=True)


def _is_neo4j(store: object) -> bool:
    """A server store that keeps deleted data until pruned (asked as a capability)."""
    return isinstance(store, DeletionResidue)


@cli.command(name="forget")
@click.argument("actor_id")
@click.option(
    "--outputs",
    "outputs",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    metavar="DIR",
)
@YES
@click.pass_context
def forget_command(ctx: click.Context, actor_id: str, outputs: tuple[Path, ...], yes: bool) -> None:
    """Erase a person (or any actor) everywhere netzwerk keeps it (Art. 17 GDPR).

    Deletes the actor, all its ties and participation, their provenance, and file names
    in the ingest log that name the person (the log holds file names and counts only).
    netzwerk keeps no cache of analysis results and no pseudonym mapping table
    (pseudonyms are keyed HMACs), so there is nothing more to delete inside netzwerk.
    The embedded store is vacuumed and its raw bytes checked; on Neo4j the deleted data
    stays in store files and transaction logs until they are pruned (the output says how).
    Source spreadsheets and backups are not touched: the output lists what to clean.
    """
    with store_from(ctx) as store:
        plan = erasure_plan(store, actor_id, outputs)
        if not yes:
            for line in plan.lines():
                click.echo(line)
        label = f"„{plan.name}“ ({actor_id})" if plan.name else actor_id
        confirm(f"{label} endgültig löschen?", yes)
        report = forget(store, actor_id, outputs, plan=plan)
    for line in report.lines():
        click.echo(line)


@cli.command(name="export-person")
@click.argument("actor_id")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
)
@click.pass_context
def export_person_command(ctx: click.Context, actor_id: str, out: Path | None) -> None:
    """Everything stored about one actor as JSON, for an access request (Art. 15/20 GDPR).

    Includes real names, address and contact: it is the person's own data. Hand it over
    securely and do not keep copies.
    """
    with store_from(ctx) as store:
        data = export_person(store, actor_id)
    if out is None:
        click.echo(person_json(data))
        return
    write_person_export(data, out)
    click.echo(
        f"Geschrieben: {out} (enthält personenbezogene Daten — sicher übergeben, danach löschen)"
    )


@cli.command(name="retention")
@click.option(
    "--years",
    type=int,
    default=None,
)
@click.option(
    "--apply",
    "apply_",
    is_flag=True,
)
@YES
@click.pass_context
def retention_command(ctx: click.Context, years: int | None, apply_: bool, yes: bool) -> None:
    """List (and with --apply delete) actors and ties whose end date lies longer ago than
    the retention period.

    The period is --years, else the environment variable NETZWERK_RETENTION_YEARS, else
    3 years. Deleting an actor deletes its ties too. Topics, projects, events and places
    are kept.
    """
    with store_from(ctx) as store:
        plan = retention_plan(store, years)
        click.echo(plan.summary())
        if plan.rows():
            click.echo(to_table(plan.rows(), max_width=80))
        if not apply_:
            if not plan.empty:
                click.echo("Nichts gelöscht — mit --apply löschen.")
            return
        if plan.empty:
            click.echo("Nichts zu löschen.")
            return
        confirm(
            f"{len(plan.actors)} Akteure und {plan.expected()['ties']} Beziehungen "
            "endgültig löschen?",
            yes,
        )
        removed = apply_retention(store, plan)
        neo4j = _is_neo4j(store)
    click.echo(f"Gelöscht: {removed['actors']} Akteure, {removed['ties']} Beziehungen.")
    if removed != plan.expected():
        click.echo(
            "Hinweis: der Speicher hat sich seit der Auflistung geändert; gelöscht "
            "wurde, was zum Zeitpunkt des Löschens abgelaufen war."
        )
    if neo4j:
        click.echo(texts.NEO4J_PERSISTENCE)


@cli.command(name="privacy-record")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
@click.option(
    "--years",
    type=int,
    default=None,
)
@click.pass_context
def privacy_record_command(ctx: click.Context, fmt: str, years: int | None) -> None:
    """What personal data the store holds, by category, with counts, sources, retention and
    consent: a starting point for the record of processing activities (Art. 30 GDPR)."""
    with store_from(ctx) as store:
        record = privacy_record(store, years=years)
    if fmt == "json":
        emit(record, "json")
        return
    click.echo("\n".join(record_lines(record)))


def record_lines(record: dict) -> list[str]:
    """The record as German text with small tables, for the terminal."""
    subjects = record["data_subjects"]
    lines = [
        record["title"],
        "=" * len(record["title"]),
        record["introduction"],
        "",
        f"Erstellt: {record['generated']}",
        f"Speicher: {record['store']}",
        "",
        "Betroffene Personen",
        f"  {subjects['description']}",
        f"  Personen: {subjects['persons']} (davon an Veranstaltungen/Projekten beteiligt: "
        f"{subjects['persons_in_events']}); Organisationen: {subjects['organisations']}",
        "",
        "Kategorien personenbezogener Daten",
        to_table(
            record["categories"],
            ["category", "count", "note"],
            headers={"category": "Kategorie", "count": "Anzahl", "note": "Hinweis"},
            max_width=60,
        ),
        "",
        f"Einwilligungen: ja {record['consent']['yes']}, nein {record['consent']['no']}",
        "",
        "Herkunft (Importprotokoll)",
        to_table(
            record["sources"],
            ["file", "runs", "first", "last"],
            headers={"file": "Datei", "runs": "Importe", "first": "erster", "last": "letzter"},
        ),
        "",
        "Löschfrist",
        f"  {record['retention']['rule']}",
        f"  Derzeit abgelaufen: {record['retention']['expired_actors']} Akteure, "
        f"{record['retention']['expired_ties']} Beziehungen.",
        "",
        "Technische und organisatorische Maßnahmen",
    ]
    lines += [f"  - {measure}" for measure in record["measures"]]
    lines += ["", "Noch zu ergänzen"] + [f"  - {item}" for item in record["to_complete"]]
    return lines
