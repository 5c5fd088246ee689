"""The `netzwerk` click group, its global options and the one place errors become messages.

Every message is in the reader's language (``NETZWERK_LANG``, German by default): the help
(`netzwerk.cli.help`), click's usage errors (`netzwerk.cli.usage`, printed here instead of
by click) and our own errors.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from netzwerk.cli.help import LocalisedCommand, localise_help
from netzwerk.cli.usage import usage_error_line
from netzwerk.errors import NetzwerkError
from netzwerk.performance import freeze_what_is_built
from netzwerk.present.formats import LANGUAGE_ENV, default_language
from netzwerk.present.texts import text
from netzwerk.private_files import owner_only_umask


class NetzwerkGroup(LocalisedCommand, click.Group):
    """Turns every `NetzwerkError` into one line per problem on stderr and exit code 2, and
    click's usage errors into one line in the reader's language (exit 2).

    A command runs with umask 077: every file and folder it creates (store, reports,
    exports, also those of libraries it calls) is for the owner only (`netzwerk.private_files`).
    """

    command_class = LocalisedCommand
    group_class = type  # subgroups (``plot``) are NetzwerkGroups too

    def invoke(self, ctx: click.Context):  # noqa: ANN201
        try:
            with owner_only_umask():
                return super().invoke(ctx)
        except NetzwerkError as error:
            for line in error.lines(option_name=option_flag):
                click.echo(line, err=True)
            ctx.exit(2)

    def main(
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line; usage errors are printed here, in the reader's language."""
        lang = default_language()
        localise_help(self, lang)
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as error:
            error.show()
            sys.exit(error.exit_code)
        except click.ClickException as error:
            click.echo(usage_error_line(error, lang), err=True)
            sys.exit(error.exit_code)
        except click.Abort:
            click.echo(text("usage.aborted", lang), err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) and not isinstance(result, bool) else 0)


def option_flag(option: str) -> str:
    """The command-line flag of an option an error names (``"store"`` → ``--store``)."""
    return "--" + option.replace("_", "-")


@click.group(
    "netzwerk", cls=NetzwerkGroup, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.option("--store", "store_address", metavar="PATH|URI", envvar="NETZWERK_STORE")
@click.version_option(package_name="netzwerk", message=text("usage.version", default_language()))
@click.pass_context
def cli(ctx: click.Context, store_address: str | None) -> None:
    """netzwerk – Netzwerke im Quartier erfassen und auswerten (help: `help.netzwerk`)."""
    ctx.ensure_object(dict)
    ctx.obj["store_address"] = store_address


__all__ = ["LANGUAGE_ENV", "NetzwerkGroup", "cli", "main", "option_flag"]


def main() -> None:
    """Console-script entry point."""
    freeze_what_is_built()  # one command, then the process ends
    cli(prog_name="netzwerk", obj={})
    sys.exit(0)
