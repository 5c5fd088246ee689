"""What commands share on the way in: the common options and how typed values are read.

Click decorators end in ``_option`` or ``_option_flags``; their help texts come from
`netzwerk.present.texts.help` (set by `netzwerk.cli.help.localise_help`, looked up by the
parameter's name). Readers of typed text start with
``parse_`` or ``find_`` and raise `ConfigError` / `NotFound` with a message saying how to
fix the input (the CLI prints it as one line and exits 2).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

import click
import networkx as nx

from netzwerk.analysis.groups import NOT_GROUPINGS
from netzwerk.analysis.views import DEFAULT_TIE_KINDS
from netzwerk.errors import ConfigError
from netzwerk.model import ACTOR_TYPES, SECTORS, TIE_KINDS, normalise_token
from netzwerk.present.formats import LANGUAGE_ENV, LANGUAGES
from netzwerk.present.labels import group_label
from netzwerk.present.tables import FORMATS

# What --by accepts besides raw attribute names (folded with `normalise_token`).
BY_ALIASES = {
    "sector": "sector",
    "sektor": "sector",
    "topic": "topics",
    "topics": "topics",
    "thema": "topics",
    "themen": "topics",
    "type": "type",
    "typ": "type",
    "art": "type",
}


def format_option(function: Callable) -> Callable:
    """--format table|csv|json|xlsx (``fmt``) and --out FILE (``out_file``), read by
    `netzwerk.cli.output.emit`."""
    function = click.option(
        "--out",
        "out_file",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
    )(function)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
    )(function)


def stacked(*decorators: Callable[[Callable], Callable]) -> Callable[[Callable], Callable]:
    """Several option decorators as one: ``@stacked(a, b)`` is ``@a`` above ``@b`` (the
    options show in ``--help`` in this order)."""

    def decorate(function: Callable) -> Callable:
        for decorator in reversed(decorators):
            function = decorator(function)
        return function

    return decorate


def language_option() -> Callable[[Callable], Callable]:
    """--lang de|en (default: ``NETZWERK_LANG``, else de)."""
    return click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default="de",
        envvar=LANGUAGE_ENV,
    )


lang_option = language_option()
"""--lang de|en."""


def seed_option() -> Callable[[Callable], Callable]:
    """--seed N (default 42) for whatever draws at random."""
    return click.option(
        "--seed",
        type=int,
        default=42,
        show_default=True,
    )


def top_option(default: int | None = None) -> Callable[[Callable], Callable]:
    """--top N (at least 1): how many rows to keep."""
    return click.option(
        "--top",
        type=click.IntRange(min=1),
        default=default,
        show_default=default is not None,
        metavar="N",
    )


def as_of_option(function: Callable) -> Callable:
    """--as-of DATE (``as_of``, still text: read it with `parse_day`)."""
    return click.option(
        "--as-of",
        "as_of",
        metavar="DATE",
        help="Only actors and ties valid on this day (2024-06-30 or 30.06.2024).",
    )(function)


def names_option(function: Callable) -> Callable:
    """--names (``show_names``): real names of persons who consented."""
    return click.option(
        "--names",
        "show_names",
        is_flag=True,
    )(function)


def view_option_flags(function: Callable) -> Callable:
    """--as-of, --ties KIND,… and --unweighted: how the actor–actor view is built.

    (`netzwerk.analysis.brokers.view_options` is the other side: how a built view was made.)
    """
    function = click.option("--unweighted", is_flag=True, help="Treat every tie as strength 1.")(
        function
    )
    function = click.option(
        "--ties",
        "tie_kinds",
        default=",".join(DEFAULT_TIE_KINDS),
        show_default=True,
        help="Tie kinds that link actors directly (comma-separated; shared projects and events "
        "always link their participants).",
    )(function)
    return as_of_option(function)


def sampling_option_flags(function: Callable) -> Callable:
    """--sample K, --exact and --seed: how betweenness is computed (read them with
    `netzwerk.cli.brokers_printout.betweenness_sources`)."""
    function = seed_option()(function)
    function = click.option(
        "--exact",
        is_flag=True,
    )(function)
    return click.option(
        "--sample",
        "k_sample",
        type=click.IntRange(min=2),
        metavar="K",
    )(function)


BROKER_OUTPUT = stacked(lang_option, view_option_flags, names_option, format_option)
"""--lang, the view options, --names and --format, as `brokers`, `keyplayers` and
`dependency` take them."""

GAPS_OUTPUT = stacked(lang_option, view_option_flags, format_option, names_option)
"""--lang, the view options, --format and --names, as `gaps` and `suggest` take them."""


def by_option(metavar: str = "sector|topic|ATTRIBUTE") -> Callable[[Callable], Callable]:
    """--by (``by_text``): the actor attribute that forms the groups."""
    return click.option(
        "--by",
        "by_text",
        default="sector",
        show_default=True,
        metavar=metavar,
    )


def parse_day(text: str | None) -> date | None:
    """Parse a CLI date: 2024-06-30, 30.06.2024 or 2024 (= 31 Dec)."""
    if not text:
        return None
    text = text.strip()
    try:
        if "." in text:
            day, month, year = text.split(".")
            return date(int(year), int(month), int(day))
        if len(text) == 4 and text.isdigit():
            return date(int(text), 12, 31)
        return date.fromisoformat(text)
    except ValueError as error:
        raise ConfigError(
            f'ungültiges Datum "{text}" — Format JJJJ-MM-TT oder TT.MM.JJJJ, z. B. 2024-06-30'
        ) from error


def parse_tie_kinds(text: str) -> tuple[str, ...]:
    """--ties cooperation,membership → tie kind keys (German or English spellings)."""
    kinds = []
    for part in text.split(","):
        if not part.strip():
            continue
        key = TIE_KINDS.parse(part)
        if key is None:
            allowed = ", ".join(TIE_KINDS.keys())
            raise ConfigError(f'unbekannte Beziehungsart "{part.strip()}" — erlaubt: {allowed}')
        kinds.append(key)
    return tuple(kinds)


def parse_by(text: str, view: nx.Graph | None = None) -> str:
    """--by value → node attribute (German and English spellings of sector, topic, type).

    With ``view``: ConfigError naming the choices if no actor has the attribute.
    """
    attribute = BY_ALIASES.get(normalise_token(text), text.strip())
    if view is None or not len(view) or any(attribute in data for _, data in view.nodes(data=True)):
        return attribute
    present = sorted(
        {key for _, data in view.nodes(data=True) for key in data}
        - NOT_GROUPINGS
        - {"sector", "topics", "type"}
    )
    raise ConfigError(
        f'unbekanntes Merkmal "{text}" für --by — möglich: sector, topic, '
        f"type{', ' if present else ''}{', '.join(present)}"
    )


def parse_group(text: str, by: str, view: nx.Graph, names: Mapping[str, str]) -> str:
    """A group typed as key or label (German or English) → its key."""
    vocabulary = {"sector": SECTORS, "type": ACTOR_TYPES}.get(by)
    key = vocabulary.parse(text) if vocabulary is not None else None
    if key:
        return key
    values = {
        str(v)
        for _, value in view.nodes(data=by)
        for v in (value if isinstance(value, list | tuple | set) else [value])
        if v not in (None, "")
    }
    wanted = normalise_token(text)
    for value in sorted(values):
        if wanted in (normalise_token(value), normalise_token(names.get(value, value))):
            return value
    shown = ", ".join(group_label(by, v, "de", names) for v in sorted(values))
    raise ConfigError(f'unbekannte Gruppe "{text}" für --by {by} — vorhanden: {shown}')
