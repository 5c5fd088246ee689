"""Commands for the rights of the people in the data: forget, export-person, retention,
privacy-record. Each calls one function of `netzwerk.privacy` and prints its result, in
German or, with ``--lang en`` / ``NETZWERK_LANG=en``, in English (the texts are in
`netzwerk.privacy.texts`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from netzwerk.cli.arguments import lang_option
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
    write_person_export,
)
from netzwerk.privacy.texts import counted, privacy_text
from netzwerk.store import DeletionResidue

YES = click.option(
    "--yes",
    "-y",
    is_flag=True,
)


def _stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def confirm(question: str, yes: bool, lang: str = "de") -> None:
    """Ask before deleting; without a terminal and without --yes, refuse (exit 2)."""
    if yes:
        return
    if not _stdin_is_terminal():
        raise ConfigError(privacy_text("confirm.no_terminal", lang))
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
@lang_option
@click.pass_context
def forget_command(
    ctx: click.Context, actor_id: str, outputs: tuple[Path, ...], yes: bool, lang: str
) -> None:
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
            for line in plan.lines(lang):
                click.echo(line)
        confirm(plan.confirmation(lang), yes, lang)
        report = forget(store, actor_id, outputs, plan=plan)
    for line in report.lines(lang):
        click.echo(line)


@cli.command(name="export-person")
@click.argument("actor_id")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
)
@lang_option
@click.pass_context
def export_person_command(ctx: click.Context, actor_id: str, out: Path | None, lang: str) -> None:
    """Everything stored about one actor as JSON, for an access request (Art. 15/20 GDPR).

    Includes real names, address and contact: it is the person's own data. Hand it over
    securely and do not keep copies.
    """
    with store_from(ctx) as store:
        data = export_person(store, actor_id, lang=lang)
    if out is None:
        click.echo(person_json(data))
        return
    write_person_export(data, out)
    click.echo(privacy_text("export.written", lang, path=out))


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
@lang_option
@click.pass_context
def retention_command(
    ctx: click.Context, years: int | None, apply_: bool, yes: bool, lang: str
) -> None:
    """List (and with --apply delete) actors and ties whose end date lies longer ago than
    the retention period.

    The period is --years, else the environment variable NETZWERK_RETENTION_YEARS, else
    3 years. Deleting an actor deletes its ties too. Topics, projects, events and places
    are kept.
    """
    with store_from(ctx) as store:
        plan = retention_plan(store, years)
        click.echo(plan.summary(lang))
        if not plan.empty:
            click.echo(to_table(plan.rows(lang), max_width=80, lang=lang))
        if not apply_:
            if not plan.empty:
                click.echo(privacy_text("retention.nothing_deleted", lang))
            return
        if plan.empty:
            click.echo(privacy_text("retention.nothing_to_delete", lang))
            return
        confirm(
            privacy_text("retention.confirm", lang, **_counts(plan.expected(), lang)), yes, lang
        )
        removed = apply_retention(store, plan)
        neo4j = _is_neo4j(store)
    click.echo(privacy_text("retention.deleted", lang, **_counts(removed, lang)))
    if removed != plan.expected():
        click.echo(privacy_text("retention.changed", lang))
    if neo4j:
        click.echo(privacy_text("neo4j.persistence", lang))


def _counts(numbers: dict[str, int], lang: str) -> dict[str, str]:
    """``{"actors": "2 Akteure", "ties": "1 Beziehung"}`` from counts of actors and ties."""
    return {
        "actors": counted(numbers["actors"], "actor", lang),
        "ties": counted(numbers["ties"], "tie", lang),
    }


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
@lang_option
@click.pass_context
def privacy_record_command(ctx: click.Context, fmt: str, years: int | None, lang: str) -> None:
    """What personal data the store holds, by category, with counts, sources, retention and
    consent: a starting point for the record of processing activities (Art. 30 GDPR)."""
    with store_from(ctx) as store:
        record = privacy_record(store, years=years, lang=lang)
    if fmt == "json":
        emit(record, "json")
        return
    click.echo("\n".join(record_lines(record, lang)))


def record_lines(record: dict, lang: str = "de") -> list[str]:
    """The record as text with small tables, for the terminal, in ``lang``."""

    def say(key: str, **fields: object) -> str:
        return privacy_text(key, lang, **fields)

    def headers(*columns: str) -> dict[str, str]:
        return {column: say(f"record.col.{column}") for column in columns}

    subjects = record["data_subjects"]
    retention = record["retention"]
    lines = [
        record["title"],
        "=" * len(record["title"]),
        record["introduction"],
        "",
        say("record.generated", generated=record["generated"]),
        say("record.store", store=record["store"]),
        "",
        say("record.subjects"),
        f"  {subjects['description']}",
        "  "
        + say(
            "record.subject_counts",
            persons=subjects["persons"],
            in_events=subjects["persons_in_events"],
            organisations=subjects["organisations"],
        ),
        "",
        say("record.categories"),
        to_table(
            record["categories"],
            ["category", "count", "note"],
            headers=headers("category", "count", "note"),
            max_width=60,
            lang=lang,
        ),
        "",
        say("record.consent", **record["consent"]),
        "",
        say("record.sources"),
        to_table(
            record["sources"],
            ["file", "runs", "first", "last"],
            headers=headers("file", "runs", "first", "last"),
            lang=lang,
        ),
        "",
        say("record.retention"),
        f"  {retention['rule']}",
        "  "
        + say(
            "record.expired",
            **_counts(
                {"actors": retention["expired_actors"], "ties": retention["expired_ties"]}, lang
            ),
        ),
        "",
        say("record.measures"),
    ]
    lines += [f"  - {measure}" for measure in record["measures"]]
    lines += ["", say("record.to_complete")] + [f"  - {item}" for item in record["to_complete"]]
    return lines
