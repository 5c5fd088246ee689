"""``--help`` in the reader's language: every command's and option's help comes from
`netzwerk.present.texts.help`, and click's own words (Usage, Options, Commands, default,
required) are replaced, not patched into click.

Help is shown before ``--lang`` is read, so the environment decides
(``NETZWERK_LANG``, `netzwerk.present.formats.default_language`). `localise_help` sets the
texts on the whole command tree once per run (`netzwerk.cli.main.NetzwerkGroup.main`);
`LocalisedCommand` writes the help page with German section names.

Keys: ``help.<command path>`` for a command (``help.plot.map``, ``help.netzwerk`` for the
group), ``help.<command path>.<parameter>`` for an option of one command, looked up with
ever shorter paths down to ``help.option.<parameter>``; ``meta.<NAME>`` for metavars.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import click

from netzwerk.present.formats import default_language
from netzwerk.present.texts import TEXTS, text

_EXTRA = re.compile(r"\s*\[([^\[\]]*)\]$")


def help_key(path: str, parameter: str) -> str | None:
    """The text key holding ``parameter``'s help in the command at ``path`` (None: none).

    >>> help_key("plot.ego", "out"), help_key("brokers", "fmt"), help_key("init", "nothing")
    ('help.plot.out', 'help.option.fmt', None)
    """
    parts = path.split(".")
    for length in range(len(parts), 0, -1):
        key = f"help.{'.'.join(parts[:length])}.{parameter}"
        if key in TEXTS:
            return key
    key = f"help.option.{parameter}"
    return key if key in TEXTS else None


def _metavar_key(param: click.Parameter, original: str | None) -> str | None:
    if isinstance(param, click.Argument):
        return f"meta.{param.name}"
    if original:
        return f"meta.{original}"
    if isinstance(param, click.Option) and (param.is_flag or isinstance(param.type, click.Choice)):
        return None
    return f"meta.{param.type.name}"


def walk_commands(
    command: click.Command, path: str = "netzwerk"
) -> Iterator[tuple[str, click.Command]]:
    """Every command below ``command`` (itself first) with its path (``plot.map``)."""
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from walk_commands(sub, name if path == "netzwerk" else f"{path}.{name}")


def localise_help(group: click.Command, lang: str, at: str = "netzwerk") -> None:
    """Set every help text and metavar of ``group``'s command tree to ``lang`` (``at``:
    the group's own path, for a command of the top group its name)."""
    for path, command in walk_commands(group, at):
        if f"help.{path}" in TEXTS:
            command.help = text(f"help.{path}", lang)
            command.short_help = None
        command.options_metavar = text("meta.options", lang)
        if isinstance(command, click.Group):
            command.subcommand_metavar = text("meta.subcommand", lang)
        for param in command.params:
            _localise_parameter(param, path, lang)


def _localise_parameter(param: click.Parameter, path: str, lang: str) -> None:
    if isinstance(param, click.Option):
        key = help_key(path, param.name or "")
        if key is not None:
            param.help = text(key, lang)
    if not hasattr(param, "_original_metavar"):
        param._original_metavar = param.metavar  # type: ignore[attr-defined]
    meta = _metavar_key(param, param._original_metavar)  # type: ignore[attr-defined]
    if meta is not None and meta in TEXTS:
        param.metavar = text(meta, lang)


def _localised_extra(help_text: str, lang: str) -> str:
    """``… [default: table; required]`` with click's words in ``lang``."""
    match = _EXTRA.search(help_text)
    if match is None or lang == "en":
        return help_text
    words = {
        "default: ": text("usage.default", lang) + ": ",
        "env var: ": text("usage.env_var", lang) + ": ",
        "required": text("usage.required", lang),
    }
    extra = match.group(1)
    for english, german in words.items():
        extra = extra.replace(english, german)
    return help_text[: match.start()] + f"  [{extra}]"


class LocalisedCommand(click.Command):
    """A command whose help page speaks the reader's language; it also remembers the typed
    value of a parameter click rejects (``error.typed_value``, for `netzwerk.cli.usage`)."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = text("help.option.help", default_language())
        return option

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        prefix = text("usage.usage", default_language()) + " "
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=prefix)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = default_language()
        rows = []
        for param in self.get_params(ctx):
            record = None if isinstance(param, click.Argument) else param.get_help_record(ctx)
            if record is not None:
                rows.append((record[0], _localised_extra(record[1], lang)))
        if rows:
            with formatter.section(text("usage.options", lang)):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            commands = [
                (name, sub.get_short_help_str(formatter.width - 6 - len(name)))
                for name, sub in self.commands.items()
                if not sub.hidden
            ]
            if commands:
                with formatter.section(text("usage.commands", lang)):
                    formatter.write_dl(commands)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        typed = list(args)
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as error:
            if error.ctx is None:
                error.ctx = ctx
            if (
                isinstance(error, click.BadParameter)
                and not isinstance(error, click.MissingParameter)
                and error.param is not None
            ):
                value = typed_value(self, ctx, typed, error.param)
                error.typed_value = value  # type: ignore[attr-defined]
            raise


def typed_value(
    command: click.Command, ctx: click.Context, args: list[str], param: click.Parameter
) -> Any:
    """What was typed (or set in the environment) for ``param``; None if unknown."""
    try:
        opts, _, _ = command.make_parser(ctx).parse_args(args=list(args))
    except click.UsageError:
        opts = {}
    value = opts.get(param.name or "")
    if value is None and param.envvar:
        value = param.resolve_envvar_value(ctx)
    if isinstance(value, list | tuple):
        value = " ".join(str(v) for v in value)
    return value
