"""Cell values -> Python values: text, dates, yes/no, tie strengths, multi-valued cells.

Every parser takes what a reader delivers (a ``str`` from CSV/JSON, or a typed value from
an .xlsx cell: float, int, bool, date, datetime) and either returns the value or raises
`BadValue` whose message says, in German, how to fix the cell. Parsers never guess: German
day-month order is never swapped and two-digit years are refused.
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date, datetime, time, timedelta

EXCEL_EPOCH = date(1899, 12, 30)
_LAST_SERIAL = (date(9999, 12, 31) - EXCEL_EPOCH).days
# Numbers in an .xlsx date column between these are years ("2023"), above them serial days.
_YEAR_RANGE = (1000, 2999)

DATE_HINT = "Format TT.MM.JJJJ, z. B. 31.12.2023"
BOOL_HINT = "erlaubt: ja oder nein (auch x, 1, 0, wahr, falsch, yes, no, true, false)"
WEIGHT_HINT = "Stärke muss eine Zahl größer 0 sein — z. B. 1, 2 oder 0,5 (leer = 1)"

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_NO_BREAK_SPACES = ("\xa0", "\u202f", "\u2007")
_SEPARATORS = re.compile(r"\s*[;,|\r\n]+\s*")
#: Refused in ids and names: C0 controls except tab, line feed and carriage return (an
#: Excel cell holds those: Alt+Enter), DEL and the C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d+)(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_YEAR = re.compile(r"\d{4}")
_MONTH_YEAR = re.compile(r"(\d{1,2})\.(\d{4})")
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{1,2})")

_BOOLEANS = {
    "ja": True,
    "yes": True,
    "x": True,
    "1": True,
    "true": True,
    "wahr": True,
    "nein": False,
    "no": False,
    "0": False,
    "false": False,
    "falsch": False,
    "": False,
}


class BadValue(ValueError):
    """A cell value that cannot be used; ``str(error)`` is the German message for the user."""


# --------------------------------------------------------------------------- text


def clean_text(value: object) -> str:
    """A cell as trimmed text: no-break spaces become spaces, zero-width characters are cut
    from the ends (not from the middle), numbers lose a trailing ``.0``.

    >>> clean_text("  Caritas\\xa0Hagen \\u200b")
    'Caritas Hagen'
    >>> clean_text(12.0), clean_text(2.5), clean_text(None), clean_text(True)
    ('12', '2.5', '', 'ja')
    >>> clean_text("=HYPERLINK(\\"x\\")")
    '=HYPERLINK("x")'
    """
    if type(value) is str:
        value = value.strip()
        if value.isascii():
            return value
        return _clean_unicode(value)
    return _typed_text(value)


def _clean_unicode(value: str) -> str:
    for space in _NO_BREAK_SPACES:
        if space in value:
            value = value.replace(space, " ")
    while value and (value[0] in _ZERO_WIDTH or value[-1] in _ZERO_WIDTH):
        value = value.strip(_ZERO_WIDTH).strip()
    return value


def _typed_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(value, ".15g")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    return clean_text(str(value))


def control_character(text: str) -> str | None:
    """The first control character an id or a name must not hold, as ``U+0000``; None if
    there is none. Tab and line breaks are allowed (Excel cells hold them).

    Ids and names (also of the topics and places a cell names) are shown, compared,
    exported and typed again by people, so invisible characters that change how a
    terminal or a spreadsheet shows them (NUL ends a C string, ESC starts a colour code)
    are refused there. Free text (notes, contact, roles) keeps them unchanged: it is data,
    stored and exported as given (tables for the terminal escape it).

    >>> control_character("Erika\\x00Muster"), control_character("Escape\\x1b[31m")
    ('U+0000', 'U+001B')
    >>> control_character("Zeile 1\\nZeile 2\\tTab"), control_character("Erika \\u202eretsuM")
    (None, None)
    """
    if text.isprintable():
        return None
    match = _CONTROL.search(text)
    return None if match is None else f"U+{ord(match.group()):04X}"


def visible(text: str) -> str:
    """``text`` with the control characters `control_character` refuses written as ``\\x00``.

    >>> print(visible("Klingel\\x07 rot"))
    Klingel\\x07 rot
    """
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def split_values(text: str) -> list[str]:
    """The values of a multi-valued cell, split on ``;`` ``,`` ``|`` and line breaks.

    Empty parts and repeats are dropped; the order is kept.

    >>> split_values("Bildung; Integration |Kultur,\\nBildung")
    ['Bildung', 'Integration', 'Kultur']
    >>> split_values("")
    []
    """
    if not text:
        return []
    parts = _SEPARATORS.split(text)
    if len(parts) == 1:
        return [text]
    return list(dict.fromkeys(part for part in (clean_text(p) for p in parts) if part))


# --------------------------------------------------------------------------- dates


def parse_date(value: object, *, end: bool = False) -> date | None:
    """A date from a cell; partial dates fill in the start (``end=False``) or the end.

    Accepted: ``31.12.2023``, ``2023-12-31``, ``12.2023``/``2023-12`` (a month), ``2023``
    (a year), and .xlsx date cells or serial day numbers. Empty cells give None.

    >>> parse_date("03.04.2023")  # 3 April: German order, never swapped
    datetime.date(2023, 4, 3)
    >>> parse_date("2023"), parse_date("2023", end=True)
    (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    >>> parse_date("02.2024", end=True), parse_date("2024-02")
    (datetime.date(2024, 2, 29), datetime.date(2024, 2, 1))
    >>> parse_date(45291.0)  # an Excel serial number
    datetime.date(2023, 12, 31)
    >>> parse_date("31.12.23")
    Traceback (most recent call last):
    ...
    netzwerk.ingest.values.BadValue: zweistellige Jahreszahl — bitte vierstellig schreiben, z. B. 31.12.2023 statt 31.12.23
    >>> parse_date("31.02.2023")
    Traceback (most recent call last):
    ...
    netzwerk.ingest.values.BadValue: Datum existiert nicht — Tag und Monat prüfen, Format TT.MM.JJJJ, z. B. 31.12.2023
    """
    if type(value) is not str:
        return _typed_date(value, end)
    text = clean_text(value)
    if not text:
        return None
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = match.groups()
        if len(year) == 2:
            raise BadValue(
                "zweistellige Jahreszahl — bitte vierstellig schreiben, "
                f"z. B. {day}.{month}.20{year} statt {text}"
            )
        if len(year) != 4:
            raise BadValue(f"ungültiges Datum — {DATE_HINT}")
        return _day(int(year), int(month), int(day))
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = match.groups()
        return _day(int(year), int(month), int(day))
    if _YEAR.fullmatch(text):
        return _year_bound(int(text), end)
    if match := _MONTH_YEAR.fullmatch(text):
        return _month_bound(int(match[2]), int(match[1]), end)
    if match := _YEAR_MONTH.fullmatch(text):
        return _month_bound(int(match[1]), int(match[2]), end)
    raise BadValue(f"ungültiges Datum — {DATE_HINT}")


def _typed_date(value: object, end: bool) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise BadValue(f"ungültiges Datum — {DATE_HINT}")
        if float(value).is_integer() and _YEAR_RANGE[0] <= value <= _YEAR_RANGE[1]:
            return _year_bound(int(value), end)
        if 1 <= value <= _LAST_SERIAL:
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise BadValue(f"ungültiges Datum — {DATE_HINT}")
    if isinstance(value, str):  # str subclass
        return parse_date(str(value), end=end)
    raise BadValue(f"ungültiges Datum — {DATE_HINT}")


def _check_year(year: int) -> None:
    if not _YEAR_RANGE[0] <= year <= _YEAR_RANGE[1]:
        raise BadValue(f"Jahr {year} unplausibel — Tippfehler? {DATE_HINT}")


def _day(year: int, month: int, day: int) -> date:
    _check_year(year)
    try:
        return date(year, month, day)
    except ValueError:
        raise BadValue(f"Datum existiert nicht — Tag und Monat prüfen, {DATE_HINT}") from None


def _year_bound(year: int, end: bool) -> date:
    _check_year(year)
    return date(year, 12, 31) if end else date(year, 1, 1)


def _month_bound(year: int, month: int, end: bool) -> date:
    _check_year(year)
    if not 1 <= month <= 12:
        raise BadValue(f"Monat {month} gibt es nicht — {DATE_HINT}")
    return date(year, month, calendar.monthrange(year, month)[1] if end else 1)


# --------------------------------------------------------------------------- yes/no, numbers


def parse_bool(value: object) -> bool:
    """Yes/no from a cell; empty means no.

    >>> parse_bool("Ja"), parse_bool("x"), parse_bool(""), parse_bool("falsch"), parse_bool(1.0)
    (True, True, False, False, True)
    >>> parse_bool("vielleicht")
    Traceback (most recent call last):
    ...
    netzwerk.ingest.values.BadValue: unbekannter Wert — erlaubt: ja oder nein (auch x, 1, 0, wahr, falsch, yes, no, true, false)
    """
    if type(value) is bool:
        return value
    answer = _BOOLEANS.get(clean_text(value).lower())
    if answer is None:
        raise BadValue(f"unbekannter Wert — {BOOL_HINT}")
    return answer


def parse_weight(value: object) -> float:
    """Tie strength: a number greater than 0, German decimal comma accepted; empty means 1.

    >>> parse_weight(""), parse_weight("2,5"), parse_weight("3"), parse_weight(0.5)
    (1.0, 2.5, 3.0, 0.5)
    >>> parse_weight("0")
    Traceback (most recent call last):
    ...
    netzwerk.ingest.values.BadValue: Stärke muss eine Zahl größer 0 sein — z. B. 1, 2 oder 0,5 (leer = 1)
    """
    if type(value) is float or (type(value) is int):
        number = float(value)
    else:
        text = clean_text(value)
        if not text:
            return 1.0
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise BadValue(WEIGHT_HINT) from None
    if not (number > 0 and math.isfinite(number)):
        raise BadValue(WEIGHT_HINT)
    return number
