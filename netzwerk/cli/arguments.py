"""What commands share on the way in: the common options and how typed values are read.

Click decorators end in ``_option`` or ``_option_flags``; their help texts come from
`netzwerk.present.texts.help` (set by `netzwerk.cli.help.localise_help`, looked up by the
parameter's name). Readers of typed text start with
``parse_`` or ``find_`` and raise `ConfigError` / `NotFound` with a message saying how to
fix the input (the CLI prints it as one line and exits 2).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import networkx as nx

from netzwerk.analysis.views import DEFAULT_TIE_KINDS
from netzwerk.errors import ConfigError
from netzwerk.model import ACTOR_TYPES, SECTORS, TIE_KINDS, normalise_token
from netzwerk.present.formats import LANGUAGE_ENV, LANGUAGES
from netzwerk.present.labels import group_label
from netzwerk.present.tables import FORMATS

if TYPE_CHECKING:  # imported where used: a command without a view does not import scipy
    from netzwerk.analysis.network_view import NetworkView

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


def names_option(function: Callable) -> Callable:
    """--names (``show_names``): real names of persons who consented."""
    return click.option(
        "--names",
        "show_names",
        is_flag=True,
    )(function)


def view_option_flags(function: Callable) -> Callable:
    """--as-of DATE, --alle-zeitraeume/--all-periods, --ties KIND,… and --unweighted: the
    network view (`netzwerk.analysis.NetworkView`), built here once per run.

    The command receives it as ``view`` instead of the four options; if the command has
    --by (``by_text``), that is the view's grouping and ``by_text`` is not passed either.
    Default: the network as it is today, default tie kinds with shared projects and
    events, weighted, grouped by sector.
    """

    @functools.wraps(function)
    def with_view(
        *args: Any,
        as_of: str | None,
        all_periods: bool,
        tie_kinds: str,
        unweighted: bool,
        **kwargs: Any,
    ) -> Any:
        by_text = kwargs.pop("by_text", None)
        kwargs["view"] = parse_view(as_of, all_periods, tie_kinds, unweighted, by_text)
        return function(*args, **kwargs)

    decorated = click.option("--unweighted", is_flag=True)(with_view)
    decorated = click.option(
        "--ties",
        "tie_kinds",
        default=",".join(DEFAULT_TIE_KINDS),
        show_default=True,
        metavar="KINDS",
    )(decorated)
    return _period_options(decorated)


def _period_options(function: Callable) -> Callable:
    """--as-of DATE and --alle-zeitraeume/--all-periods (``as_of``, ``all_periods``)."""
    function = click.option(
        "--alle-zeitraeume",
        "--all-periods",
        "all_periods",
        is_flag=True,
    )(function)
    return click.option(
        "--as-of",
        "as_of",
        metavar="DATE",
    )(function)


def period_option_flags(function: Callable) -> Callable:
    """--as-of DATE and --alle-zeitraeume/--all-periods for commands that show the store's
    records rather than the actor network (``export``): the command receives a
    `NetworkView` as ``view`` of which only the day counts."""

    @functools.wraps(function)
    def with_period(*args: Any, as_of: str | None, all_periods: bool, **kwargs: Any) -> Any:
        kwargs["view"] = parse_view(as_of, all_periods)
        return function(*args, **kwargs)

    return _period_options(with_period)


def parse_view(
    as_of: str | None,
    all_periods: bool,
    tie_kinds: str = ",".join(DEFAULT_TIE_KINDS),
    unweighted: bool = False,
    by_text: str | None = None,
) -> NetworkView:
    """The one `NetworkView` of a run from the typed options (--as-of and
    --alle-zeitraeume exclude each other; neither: today)."""
    if as_of and all_periods:
        raise ConfigError(
            f'--as-of "{as_of}" und --alle-zeitraeume schließen sich aus — eine der beiden '
            "Angaben weglassen"
        )
    from netzwerk.analysis.network_view import NetworkView

    day = None if all_periods else (parse_day(as_of) or date.today())
    return NetworkView(
        as_of=day,
        tie_kinds=parse_tie_kinds(tie_kinds),
        weighted=not unweighted,
        by=parse_by(by_text) if by_text else "sector",
    )


def sampling_option_flags(function: Callable) -> Callable:
    """--sample K, --genauigkeit/--precision EPS, --exact and --seed: how betweenness is
    computed (read them with `netzwerk.cli.brokers_printout.betweenness_sources`)."""
    function = seed_option()(function)
    function = click.option(
        "--genauigkeit",
        "--precision",
        "precision",
        type=click.FloatRange(min=0, max=1, min_open=True),
        metavar="EPS",
    )(function)
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


def parse_day(text: str | None, option: str = "as_of") -> date | None:
    """Parse a CLI date: 2024-06-30, 30.06.2024 or 2024 (= 31 Dec); an error names
    ``option`` (the parameter the date came from)."""
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
            f'{{option}}: ungültiges Datum "{text}" — Format JJJJ-MM-TT oder TT.MM.JJJJ, '
            "z. B. 2024-06-30",
            option=option,
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
            raise ConfigError(
                f'{{option}}: unbekannte Beziehungsart "{part.strip()}" — erlaubt: {allowed}',
                option="ties",
            )
        kinds.append(key)
    return tuple(kinds)


def parse_by(text: str, view: nx.Graph | None = None) -> str:
    """--by value → node attribute (German and English spellings of sector, topic, type).

    With ``view``: ConfigError naming the choices if no actor has the attribute.
    """
    from netzwerk.analysis.groups import NOT_GROUPINGS

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
