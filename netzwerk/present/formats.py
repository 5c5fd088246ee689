"""Numbers, shares, dates and lists of names as a person reads them, per language.

>>> format_date(date(2024, 6, 30), "de"), format_date(date(2024, 6, 30), "en")
('30.06.2024', '30 Jun 2024')

Tables (terminal, CSV, xlsx) format every cell with `format_cell` (for reading) or
`csv_cell` (for a spreadsheet to read back): German has the decimal comma and
``dd.mm.yyyy``, English the point and ISO dates. `plural` gives "1 Akteur", "12 Akteure".
"""

from __future__ import annotations

import math
import os
from datetime import date, datetime
from typing import Any

from netzwerk.errors import ConfigError
from netzwerk.present.texts import text

LANGUAGES = ("de", "en")
"""The languages of every output; German is the default."""

LANGUAGE_ENV = "NETZWERK_LANG"
"""The environment variable that sets the language of every output (and of ``--help``)."""


def default_language() -> str:
    """The language ``NETZWERK_LANG`` chooses ('de' or 'en'); German when unset or unknown
    (an unknown value is reported where the language is checked, `check_language`)."""
    chosen = os.environ.get(LANGUAGE_ENV, "").strip().lower()
    return chosen if chosen in LANGUAGES else "de"


def check_language(lang: str) -> None:
    """ConfigError unless ``lang`` is one of `LANGUAGES`.

    >>> check_language("en")
    >>> check_language("fr")
    Traceback (most recent call last):
    netzwerk.errors.ConfigError: unbekannte Sprache "fr" — erlaubt: de, en
    """
    if lang not in LANGUAGES:
        raise ConfigError(f'unbekannte Sprache "{lang}" — erlaubt: {", ".join(LANGUAGES)}')


def format_date(day: date | None, lang: str = "de") -> str:
    """30.06.2024 in German, 30 Jun 2024 in English; '–' for no date."""
    if day is None:
        return "–"
    if lang == "en":
        return f"{day.day} {day.strftime('%b')} {day.year}"
    return day.strftime("%d.%m.%Y")


def format_number(value: float | int | None, lang: str = "de", digits: int = 2) -> str:
    """A number for reading: German decimal comma, thousands grouped; '–' for None.

    >>> format_number(1234.5, "de", 1), format_number(1234.5, "en", 1), format_number(7, "de")
    ('1.234,5', '1,234.5', '7')
    """
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    if isinstance(value, bool):
        return text("report.yes" if value else "report.no", lang)
    formatted = f"{value:,}" if isinstance(value, int) else f"{value:,.{digits}f}"
    if lang == "de":
        formatted = formatted.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return formatted


def format_share(value: float | None, lang: str = "de") -> str:
    """A share 0–1 as a percentage: 0.345 -> '34,5 %' (de) or '34.5%' (en)."""
    if value is None:
        return "–"
    number = format_number(100 * value, lang, 1)
    return f"{number} %" if lang == "de" else f"{number}%"


def join_names(names: list[str], lang: str = "de", limit: int = 8) -> str:
    """'A, B und C' / 'A, B and C'; longer lists end with '… (+n)'."""
    if not names:
        return text("report.none", lang)
    shown = list(names[:limit])
    rest = len(names) - len(shown)
    if rest:
        return ", ".join(shown) + f" … (+{rest})"
    if len(shown) == 1:
        return shown[0]
    conjunction = " und " if lang == "de" else " and "
    return ", ".join(shown[:-1]) + conjunction + shown[-1]


def _decimal(text_value: str, lang: str) -> str:
    """Point to comma in German (the text has no thousands separators)."""
    return text_value.replace(".", ",") if lang == "de" else text_value


def format_cell(value: Any, lang: str = "de", digits: int = 3) -> str:
    """One table cell for reading: numbers with ``digits`` decimals (German comma, no
    grouping, so columns stay narrow), dates dd.mm.yyyy (German) or ISO (English), yes/no
    in words, lists joined by '; ', '' for no value.

    >>> format_cell(0.6, "de"), format_cell(0.6, "en"), format_cell(12, "de")
    ('0,600', '0.600', '12')
    >>> format_cell(date(2024, 6, 30), "de"), format_cell(date(2024, 6, 30), "en")
    ('30.06.2024', '2024-06-30')
    >>> format_cell([1.5, "a"], "de"), format_cell(True, "en"), format_cell(None)
    ('1,500; a', 'yes', '')
    """
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if isinstance(value, bool):
        return text("report.yes" if value else "report.no", lang)
    if isinstance(value, float):
        return _decimal(f"{value:.{digits}f}", lang)
    if isinstance(value, datetime):
        return format_cell(value.date(), lang) + value.strftime(" %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y") if lang == "de" else value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return "; ".join(format_cell(item, lang, digits) for item in items)
    return str(value)


def csv_cell(value: Any, lang: str = "de") -> Any:
    """One CSV cell for a spreadsheet to read back: numbers at full precision (German
    decimal comma, so German Excel reads them as numbers), dates dd.mm.yyyy / ISO, yes/no
    in words, lists joined by '; '. Integers stay ints; text is returned as it is.

    >>> csv_cell(0.8283535245747284, "de"), csv_cell(-0.5, "en"), csv_cell(3, "de")
    ('0,8283535245747284', '-0.5', 3)
    """
    if isinstance(value, float) and math.isfinite(value):
        return _decimal(repr(value), lang)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return format_cell(value, lang) if value is not None else ""


def parse_csv_number(cell: str, lang: str = "de") -> float:
    """The number a `csv_cell` wrote (for readers of our CSV files, and tests).

    >>> parse_csv_number("0,25", "de"), parse_csv_number("0.25", "en")
    (0.25, 0.25)
    """
    return float(cell.replace(",", ".") if lang == "de" else cell)


def parse_iso_day(value: str | date | None) -> date | None:
    """A day from ISO text (as plain data holds it); None stays None."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value[:10])


def parse_iso_time(value: str | None) -> datetime | str | None:
    """A moment from ISO text (an ingest's start); text that is no ISO time stays text."""
    if not value:
        return value
    try:
        return datetime.fromisoformat(value).replace(second=0, microsecond=0)
    except ValueError:
        return value


def plural(count: int, noun: str, lang: str = "de") -> str:
    """``count`` with the noun in singular or plural, from the texts ``noun.<noun>``
    ("Akteur|Akteure").

    >>> plural(1, "actor"), plural(12, "actor"), plural(11, "topic"), plural(0, "tie", "en")
    ('1 Akteur', '12 Akteure', '11 Themen', '0 ties')
    >>> plural(1879, "tie"), plural(1879, "tie", "en")
    ('1.879 Beziehungen', '1,879 ties')
    """
    singular, plural_form = text(f"noun.{noun}", lang).split("|")
    return f"{format_number(count, lang)} {singular if count == 1 else plural_form}"


def kind_noun(kind: str, lang: str = "de") -> str:
    """The plural noun of a record kind ('actors' → 'Akteure'), capitalised."""
    noun = text(f"noun.{kind.removesuffix('s')}", lang).split("|")[1]
    return noun[:1].upper() + noun[1:]
