"""The `netzwerk` click group, its global options and the one place errors become messages."""

from __future__ import annotations

import sys

import click

from netzwerk.errors import NetzwerkError
from netzwerk.private_files import owner_only_umask


class NetzwerkGroup(click.Group):
    """Turns every `NetzwerkError` into one line per problem on stderr and exit code 2.

    A command runs with umask 077: every file and folder it creates (store, reports,
    exports, also those of libraries it calls) is for the owner only (`netzwerk.private_files`).
    """

    def invoke(self, ctx: click.Context):  # noqa: ANN201
        try:
            with owner_only_umask():
                return super().invoke(ctx)
        except NetzwerkError as error:
            for line in error.lines(option_name=option_flag):
                click.echo(line, err=True)
            ctx.exit(2)


def option_flag(option: str) -> str:
    """The command-line flag of an option an error names (``"store"`` → ``--store``)."""
    return "--" + option.replace("_", "-")


@click.group(cls=NetzwerkGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--store",
    "store_address",
    metavar="PATH|URI",
    envvar="NETZWERK_STORE",
    help="Embedded store file or Neo4j URI (bolt://, neo4j://). Default: NETZWERK_STORE, "
    "else ~/.local/share/netzwerk/netzwerk.sqlite.",
)
@click.version_option(package_name="netzwerk")
@click.pass_context
def cli(ctx: click.Context, store_address: str | None) -> None:
    """netzwerk – Netzwerke im Quartier erfassen und auswerten.

    Maps and analyses the network of people and organisations in a city district.
    """
    ctx.ensure_object(dict)
    ctx.obj["store_address"] = store_address


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="netzwerk", obj={})
    sys.exit(0)
