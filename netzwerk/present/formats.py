"""Numbers, shares, dates and lists of names as a person reads them, per language.

>>> format_date(date(2024, 6, 30), "de"), format_date(date(2024, 6, 30), "en")
('30.06.2024', '30 Jun 2024')
"""

from __future__ import annotations

from datetime import date

from netzwerk.errors import ConfigError
from netzwerk.present.texts import text

LANGUAGES = ("de", "en")
"""The languages of every output; German is the default."""


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
