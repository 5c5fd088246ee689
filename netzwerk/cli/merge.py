"""`netzwerk merge KEEP OTHER` (German alias `zusammenfuehren`): two actors that are one
become KEEP; `netzwerk merge --undo RUN` puts the store back. A thin layer over the
store's `Merging` capability (`netzwerk.store.merging`)."""

from __future__ import annotations

import click

from netzwerk.cli.arguments import lang_option, names_option
from netzwerk.cli.common import store_from
from netzwerk.cli.main import cli
from netzwerk.errors import ConfigError
from netzwerk.present.names import ActorNames
from netzwerk.present.texts import text
from netzwerk.store import Merging, Store


@cli.command()
@click.argument("actors", nargs=-1, metavar="KEEP OTHER")
@click.option("--undo", "undo_run", metavar="RUN")
@lang_option
@names_option
@click.pass_context
def merge(
    ctx: click.Context, actors: tuple[str, ...], undo_run: str | None, lang: str, show_names: bool
) -> None:
    """Merge OTHER into KEEP: its ties, participation and topics move to KEEP, parallel
    ties are combined, its name becomes an alias later ingests land on KEEP by. Undo with
    --undo RUN (only the last change)."""
    if not ((undo_run is None and len(actors) == 2) or (undo_run is not None and not actors)):
        raise ConfigError(text("merge.usage", lang))
    with store_from(ctx) as store:
        merging = _merging(store, lang)
        if undo_run is not None:
            result = merging.undo_merge(undo_run)
            other = ActorNames(store.graph(), show_names).name(result.other)
            click.echo(text("merge.undone", lang, run=undo_run, other=other))
            return
        keep, other = actors
        names = ActorNames(store.graph(), show_names)
        shown = {"keep": names.name(keep), "other": names.name(other)}
        result = merging.merge_actors(keep, other)
    click.echo(
        text(
            "merge.done",
            lang,
            **shown,
            run=result.run_id,
            moved=result.moved,
            combined=result.combined,
            dropped=result.dropped,
        )
    )


cli.add_command(merge, name="zusammenfuehren")


def _merging(store: Store, lang: str) -> Merging:
    if not isinstance(store, Merging):
        raise ConfigError(text("merge.not_offered", lang, store=store.description))
    return store
