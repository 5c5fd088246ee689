"""Commands for getting data in: init, template, validate, ingest, demo.

(`status` and `export`, for looking at what is in, live in `netzwerk.cli.overview`.)
"""

from __future__ import annotations

from pathlib import Path

import click
import networkx as nx

from netzwerk.cli.arguments import lang_option, language_option
from netzwerk.cli.common import chosen_store_exists, store_from
from netzwerk.cli.main import cli
from netzwerk.errors import ConfigError
from netzwerk.ingest import IngestResult, read_files
from netzwerk.ingest.aliases import apply_aliases
from netzwerk.ingest.conflicts import settle
from netzwerk.ingest.corrections import is_correction_form, read_corrections
from netzwerk.ingest.diff import changeset_diff
from netzwerk.ingest.template import write_template
from netzwerk.model import Changeset, Tie
from netzwerk.present.conflicts import conflict_lines
from netzwerk.present.counts import records_and_ties
from netzwerk.present.diff import diff_lines
from netzwerk.present.formats import default_language, kind_noun, plural
from netzwerk.present.labels import column_titles
from netzwerk.present.names import shown_actor_ids
from netzwerk.present.tables import to_table
from netzwerk.present.texts import text
from netzwerk.store import Merging, PersonalData, Store, TieStatements
from netzwerk.store.base import ApplyResult, source_of
from netzwerk.workflows import sample_report

FILES = click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=True, path_type=Path)
)


@cli.command()
@click.pass_context
def init(ctx: click.Context) -> None:
    """Create the store (tables, constraints, indexes). Safe to run twice."""
    with store_from(ctx, create=True) as store:
        store.init()
        click.echo(text("msg.ready", default_language(), store=store.description))


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--force",
    is_flag=True,
)
def template(path: Path, force: bool) -> None:
    """Write the empty workbook staff fill in (with explanations and dropdowns).

    An existing file is not replaced unless --force is given.
    """
    write_template(path, force=force)
    click.echo(text("msg.template", default_language(), path=path))


def _echo_warnings(result: IngestResult) -> None:
    for warning in result.warnings:
        click.echo(str(warning), err=True)


@cli.command()
@FILES
@lang_option
def validate(files: tuple[Path, ...], lang: str) -> None:
    """Check workbooks/CSV/JSON files without writing anything."""
    result = read_files(list(files))
    _echo_warnings(result)
    counts = records_and_ties(result.changeset.counts(), result.ties, lang)
    click.echo(text("count.validate_ok", lang, counts=counts))


def _apply_table(result: ApplyResult, lang: str = "de") -> str:
    """What a load did per record kind, as a table in ``lang`` (the row of all ties says
    it counts every link, derived ones included)."""
    rows = [
        {
            "kind": text("count.all_ties_row", lang) if kind == "ties" else kind_noun(kind, lang),
            "new": result.created[kind],
            "changed": result.updated[kind],
            "unchanged": result.unchanged[kind],
            "removed": result.removed[kind],
        }
        for kind in result.created
        if result.created[kind]
        or result.updated[kind]
        or result.unchanged[kind]
        or result.removed[kind]
    ]
    columns = ["kind", "new", "changed", "unchanged", "removed"]
    return to_table(rows, columns, headers=column_titles(columns, lang), lang=lang)


@cli.command()
@FILES
@click.option(
    "--dry-run",
    is_flag=True,
)
@click.option(
    "--quelle",
    "--source",
    "source",
    metavar="NAME",
)
@lang_option
@click.pass_context
def ingest(
    ctx: click.Context, files: tuple[Path, ...], dry_run: bool, source: str | None, lang: str
) -> None:
    """Load workbooks/CSV/JSON into the store, all or nothing.

    The workbook is the truth: loading a source again makes the store say what it says now
    (changed entries are updated, entries it no longer lists are removed unless another
    source states them). Re-running unchanged files changes nothing.
    """
    forms = [path for path in files if is_correction_form(path)]
    if forms:
        if len(files) > 1:
            raise ConfigError(text("msg.corrections_alone", lang, file=forms[0].name))
        _ingest_form(ctx, forms[0], source, dry_run, lang)
        return
    result = read_files(list(files))
    _echo_warnings(result)
    if source:
        result.changeset.source = source
    counts = records_and_ties(result.changeset.counts(), result.ties, lang)
    if dry_run and not chosen_store_exists(ctx):
        click.echo(text("msg.dry_run_empty", lang, counts=counts))
        return
    with store_from(ctx, create=True) as store:
        store.init()
        click.echo(text("count.read", lang, counts=counts))
        _load(store, result.changeset, [p.name for p in files], dry_run, lang)


def _ingest_form(
    ctx: click.Context, path: Path, source: str | None, dry_run: bool, lang: str
) -> None:
    """A filled workshop correction form (`netzwerk.ingest.corrections`) into the store."""
    with store_from(ctx) as store:
        if not isinstance(store, TieStatements):
            raise ConfigError(text("msg.corrections_need_store", lang))
        graph = store.graph()
        known = shown_actor_ids(graph)
        if isinstance(store, Merging):
            known |= {alias["other"]: alias["other"] for alias in store.aliases()}

        def ties_between(first: str, second: str) -> list[Tie]:
            keys = graph.get_edge_data(first, second, default={}).keys() | (
                graph.get_edge_data(second, first, default={}).keys()
            )
            return [found.tie for found in store.stored_ties(keys).values()]

        changeset, warnings = read_corrections(path, source or path.name, ties_between, known)
        for warning in warnings:
            click.echo(str(warning), err=True)
        click.echo(text("count.read", lang, counts=plural(len(changeset.ties), "link", lang)))
        _load(store, changeset, [path.name], dry_run, lang)


def _load(store: Store, changeset: Changeset, files: list[str], dry_run: bool, lang: str) -> None:
    """Redirect merged actors, settle contradictions, apply; print what it did."""
    changeset = _landed(store, changeset, lang)
    changeset.source = source_of(changeset, files)
    conflicts = settle(changeset, store)
    applied = store.apply(changeset, files=files, dry_run=dry_run)
    if dry_run:
        click.echo(text("msg.dry_run", lang, source=applied.source, store=store.description))
    else:
        click.echo(
            text(
                "msg.loaded",
                lang,
                store=store.description,
                source=applied.source,
                run=applied.run_id,
            )
        )
    click.echo(_apply_table(applied, lang))
    if not conflicts and not dry_run:
        return
    graph = store.graph()  # once, for the names of both listings
    contested = {conflict.key: conflict.statements for conflict in conflicts}
    if contested:
        click.echo("\n".join(["", *conflict_lines(contested, graph, lang)]))
    if dry_run:
        click.echo("\n".join(["", *_dry_run_diff(store, graph, changeset, lang)]))


def _landed(store: Store, changeset: Changeset, lang: str) -> Changeset:
    """The changeset with merged actors redirected to the ones they were merged into."""
    if not isinstance(store, Merging):
        return changeset
    redirected = apply_aliases(changeset, store.aliases())
    if redirected.actors or redirected.ties:
        actors, ties = (
            plural(redirected.actors, "actor_row", lang),
            plural(redirected.ties, "link", lang),
        )
        click.echo(text("msg.aliases", lang, actors=actors, ties=ties))
    return redirected.changeset


def _dry_run_diff(
    store: Store, graph: nx.MultiDiGraph, changeset: Changeset, lang: str
) -> list[str]:
    """The record-by-record diff of a dry run against ``graph`` (the store's; persons
    pseudonymised)."""
    identities = store.actor_identities() if isinstance(store, PersonalData) else []
    return diff_lines(changeset_diff(changeset, graph, identities), changeset, graph, lang)


@cli.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("netzwerk-demo"),
    show_default=True,
)
@language_option()
def demo(out: Path, lang: str) -> None:
    """Load the Wehringhausen sample data into a fresh embedded store and write the full report.

    The report shows the network as of today and what changed since 30.06.2022 (the QM
    consortium ended on 31.12.2022).
    """
    applied, files = sample_report(out, lang=lang)
    store_path = out / "netzwerk.sqlite"
    click.echo(text("msg.demo_loaded", lang, store=store_path))
    click.echo(_apply_table(applied, lang))
    tables = plural(sum(1 for f in files if f.suffix == ".csv"), "csv_table", lang)
    click.echo(
        "\n" + text("msg.demo_report", lang, report=out / "report.html", csv=tables, folder=out)
    )
    click.echo(text("msg.next", lang, store=store_path))
