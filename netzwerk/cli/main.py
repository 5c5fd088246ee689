"""The `netzwerk` click group, its global options and the one place errors become messages.

Every message is in the reader's language (``NETZWERK_LANG``, German by default): the help
(`netzwerk.cli.help`), click's usage errors (`netzwerk.cli.usage`, printed here instead of
by click) and our own errors.
"""

from __future__ import annotations

import importlib
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
    group_class: type[click.Group] | type[type] | None = type  # subgroups: NetzwerkGroups too

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


#: the module of `netzwerk.cli` that registers each command: imported the first time the
#: command is asked for, so ``netzwerk status`` does not import matplotlib, scipy and the
#: analysis (a second of every run); a test checks it against what the modules register
COMMAND_MODULES = {
    **dict.fromkeys(("init", "template", "validate", "ingest", "demo"), "data"),
    **dict.fromkeys(("status", "export"), "overview"),
    **dict.fromkeys(("brokers", "keyplayers"), "brokers"),
    **dict.fromkeys(("gremium", "committee"), "committee"),
    **dict.fromkeys(("kontakte", "dormant"), "contacts"),
    "dependency": "dependency",
    **dict.fromkeys(("dubletten", "duplicates"), "duplicates"),
    **dict.fromkeys(("foerderung", "funding"), "funding"),
    **dict.fromkeys(("gaps", "suggest"), "gaps"),
    **dict.fromkeys(("merge", "zusammenfuehren"), "merge"),
    "workshop": "workshop",
    **dict.fromkeys(("karte", "map"), "karte"),
    **dict.fromkeys(("forget", "export-person", "retention", "privacy-record"), "privacy"),
    "query": "query",
    **dict.fromkeys(("report", "plot"), "report"),
}


class CommandsOnDemand(NetzwerkGroup):
    """The top group: a command's module is imported when the command is first asked for
    (`COMMAND_MODULES`); listing the commands (``--help``) imports them all. Its subgroups
    (``plot``) are plain `NetzwerkGroup`s."""

    group_class = NetzwerkGroup

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            self.load(COMMAND_MODULES[cmd_name])
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        for module in dict.fromkeys(COMMAND_MODULES.values()):
            self.load(module)
        return super().list_commands(ctx)

    def load(self, module: str) -> None:
        """Import ``netzwerk.cli.<module>``; its new commands get help in the reader's
        language."""
        before = set(self.commands)
        importlib.import_module(f"netzwerk.cli.{module}")
        for name in set(self.commands) - before:
            localise_help(self.commands[name], default_language(), at=name)


def option_flag(option: str) -> str:
    """The command-line flag of an option an error names (``"store"`` → ``--store``)."""
    return "--" + option.replace("_", "-")


@click.group(
    "netzwerk", cls=CommandsOnDemand, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.option("--store", "store_address", metavar="PATH|URI", envvar="NETZWERK_STORE")
@click.version_option(package_name="netzwerk", message=text("usage.version", default_language()))
@click.pass_context
def cli(ctx: click.Context, store_address: str | None) -> None:
    """netzwerk – Netzwerke im Quartier erfassen und auswerten (help: `help.netzwerk`)."""
    ctx.ensure_object(dict)
    ctx.obj["store_address"] = store_address


__all__ = [
    "COMMAND_MODULES",
    "LANGUAGE_ENV",
    "CommandsOnDemand",
    "NetzwerkGroup",
    "cli",
    "load_commands",
    "main",
    "option_flag",
]


def load_commands() -> click.Group:
    """The `cli` group with every command imported (for code that walks them all)."""
    cli.list_commands(click.Context(cli))
    return cli


def main() -> None:
    """Console-script entry point."""
    freeze_what_is_built()  # one command, then the process ends
    cli(prog_name="netzwerk", obj={})
    sys.exit(0)
