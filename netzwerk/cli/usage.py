"""click's usage errors as one line in the reader's language, built from the exception's
data (never from click's English message): ``Fehler: `` first, then where (command and
option), then the value in quotes, then the fix, then where the help is.

>>> import click
>>> ctx = click.Context(click.Command("brokers"), info_name="netzwerk brokers")
>>> print(usage_error_line(click.NoSuchOption("--topp", possibilities=["--top"], ctx=ctx)))
Fehler: netzwerk brokers: unbekannte Option "--topp" — gemeint: --top? (Hilfe: netzwerk brokers --help)
"""

from __future__ import annotations

import re

import click

from netzwerk.present.texts import text

_EXTRA_ARGUMENTS = re.compile(r"\((.*)\)\s*$")


def _param_name(param: click.Parameter | None, ctx: click.Context | None, lang: str) -> str:
    if param is None:
        return ""
    if isinstance(param, click.Argument):
        name = param.make_metavar(ctx) if ctx is not None else (param.name or "").upper()
        return text("usage.argument", lang, name=name)
    return text("usage.option", lang, name=" / ".join(param.opts))


def _example(param: click.Parameter | None, ctx: click.Context | None) -> str:
    """How a parameter is given: ``-k N``, ``--format table|csv|json``, ``DATEIEN...``."""
    if param is None or ctx is None:
        return ""
    if isinstance(param, click.Argument):
        return param.make_metavar(ctx)
    metavar = param.make_metavar(ctx)
    return f"{param.opts[0]} {metavar}".strip()


def _option_named(flag: str, ctx: click.Context | None) -> click.Parameter | None:
    """The option of ``ctx``'s command that ``flag`` names."""
    if ctx is None:
        return None
    for param in ctx.command.params:
        if flag in getattr(param, "opts", ()):
            return param
    return None


def _fix_for(param: click.Parameter | None, lang: str) -> str:
    """What a valid value looks like for ``param``'s type."""
    kind = param.type if param is not None else None
    if isinstance(kind, click.Choice):
        return text("usage.allowed", lang, choices=", ".join(map(str, kind.choices)))
    if isinstance(kind, click.IntRange | click.FloatRange):
        low, high = kind.min, kind.max
        if low is not None and high is not None:
            bounds = text("usage.between", lang, low=low, high=high)
        elif low is not None:
            bounds = text("usage.at_least", lang, low=low)
        else:
            bounds = text("usage.at_most", lang, high=high)
        return text("usage.range", lang, range=bounds)
    if kind is click.INT:
        return text("usage.integer", lang)
    if kind is click.FLOAT:
        return text("usage.number", lang)
    if isinstance(kind, click.Path):
        return text("usage.path", lang)
    return text("usage.check_value", lang)


def _what(error: click.ClickException, lang: str) -> tuple[str, str]:
    """(where after the command, what and how to fix) for one kind of usage error."""
    ctx = getattr(error, "ctx", None)
    if isinstance(error, click.MissingParameter):
        example = _example(error.param, ctx)
        return _param_name(error.param, ctx, lang), text("usage.missing", lang, example=example)
    if isinstance(error, click.BadParameter):
        value = getattr(error, "typed_value", None)
        invalid = text("usage.invalid", lang, value="" if value is None else value)
        return _param_name(error.param, ctx, lang), f"{invalid} — {_fix_for(error.param, lang)}"
    if isinstance(error, click.NoSuchOption | click.NoSuchCommand):
        is_option = isinstance(error, click.NoSuchOption)
        name = error.option_name if is_option else error.command_name  # type: ignore[union-attr]
        what = text("usage.unknown_option" if is_option else "usage.unknown_command", lang)
        message = what.format(value=name)
        if error.possibilities:
            names = ", ".join(sorted(error.possibilities))
            message += " — " + text("usage.did_you_mean", lang, names=names)
        return "", message
    if isinstance(error, click.BadOptionUsage):
        where = text("usage.option", lang, name=error.option_name)
        if "does not take a value" in error.message:
            return where, text("usage.takes_no_value", lang, value=error.option_name)
        param = _option_named(error.option_name, ctx)
        example = _example(param, ctx) if param is not None else f"{error.option_name} …"
        return where, text("usage.needs_value", lang, example=example)
    extra = _EXTRA_ARGUMENTS.search(error.message) if "extra argument" in error.message else None
    if extra is not None:
        return "", text("usage.extra", lang, value=extra.group(1))
    return "", text("usage.general", lang)


def usage_error_line(error: click.ClickException, lang: str = "de") -> str:
    """One line for a click usage error: ``Fehler: netzwerk keyplayers, Option -k: fehlt —
    angeben, z. B. -k N (Hilfe: netzwerk keyplayers --help)``."""
    ctx = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else "netzwerk"
    where, what = _what(error, lang)
    place = f"{command}, {where}" if where else command
    hint = text("usage.help_hint", lang, command=command)
    return f"{text('usage.error', lang)}{place}: {what} ({hint})"
