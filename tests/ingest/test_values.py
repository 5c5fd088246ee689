"""Cell value parsers: dates (German order, never swapped), yes/no, strengths, lists, text."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from netzwerk.ingest.values import (
    BadValue,
    clean_text,
    parse_bool,
    parse_date,
    parse_weight,
    split_values,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03.04.2023", date(2023, 4, 3)),
        ("3.4.2023", date(2023, 4, 3)),
        ("12.01.2023", date(2023, 1, 12)),
        ("2023-04-03", date(2023, 4, 3)),
        ("2023-04-03 00:00:00", date(2023, 4, 3)),
        (" 31.12.2023 ", date(2023, 12, 31)),
        ("2023", date(2023, 1, 1)),
        ("12.2023", date(2023, 12, 1)),
        ("2023-02", date(2023, 2, 1)),
        ("", None),
    ],
)
def test_dates_parse_day_before_month(text, expected):
    assert parse_date(text) == expected


def test_german_day_month_order_is_never_swapped():
    # 12.01. is 12 January, even though 01.12. would also be a valid date
    assert parse_date("12.01.2023") == date(2023, 1, 12)
    assert parse_date("01.12.2023") == date(2023, 12, 1)
    with pytest.raises(BadValue):
        parse_date("04.13.2023")  # month 13: no silent US reading as 13 April


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023", date(2023, 12, 31)),
        ("02.2024", date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 28)),
        ("15.06.2023", date(2023, 6, 15)),
    ],
)
def test_partial_dates_as_end_of_period(text, expected):
    assert parse_date(text, end=True) == expected


def test_two_digit_year_is_refused_with_a_hint():
    with pytest.raises(BadValue, match="zweistellige Jahreszahl.*31.12.2023"):
        parse_date("31.12.23")


@pytest.mark.parametrize(
    "text",
    [
        "31.02.2023",
        "29.02.2023",
        "00.01.2023",
        "2023-13-01",
        "13.2023",
        "12/31/2023",
        "morgen",
        "1.1.0023",
    ],
)
def test_invalid_dates_are_errors(text):
    with pytest.raises(BadValue, match="TT.MM.JJJJ"):
        parse_date(text)


def test_excel_cells_dates_and_serial_numbers():
    assert parse_date(date(2023, 4, 3)) == date(2023, 4, 3)
    assert parse_date(datetime(2023, 4, 3, 14, 30)) == date(2023, 4, 3)
    assert parse_date(45291.0) == date(2023, 12, 31)
    assert parse_date(45291.75) == date(2023, 12, 31)  # time of day ignored
    assert parse_date(2023.0) == date(2023, 1, 1)  # a year typed as a number
    assert parse_date(2023.0, end=True) == date(2023, 12, 31)
    with pytest.raises(BadValue):
        parse_date(-5.0)
    with pytest.raises(BadValue):
        parse_date(True)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ja", True),
        ("Ja", True),
        ("yes", True),
        ("X", True),
        ("1", True),
        ("true", True),
        ("WAHR", True),
        ("nein", False),
        ("no", False),
        ("0", False),
        ("false", False),
        ("falsch", False),
        ("", False),
        ("  ", False),
        (True, True),
        (0.0, False),
        (None, False),
    ],
)
def test_booleans(value, expected):
    assert parse_bool(value) is expected


def test_unknown_boolean_lists_allowed_values():
    with pytest.raises(BadValue, match="erlaubt: ja oder nein"):
        parse_bool("vielleicht")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", 1.0),
        ("1", 1.0),
        ("2,5", 2.5),
        ("0.5", 0.5),
        (" 3 ", 3.0),
        (2.0, 2.0),
        (4, 4.0),
    ],
)
def test_weights(value, expected):
    assert parse_weight(value) == expected


@pytest.mark.parametrize("value", ["0", "-1", "abc", "nan", "inf", "1,5,2", 0.0, -2.0])
def test_weight_must_be_positive_number(value):
    with pytest.raises(BadValue, match="größer 0"):
        parse_weight(value)


def test_multi_values_split_on_all_separators():
    assert split_values("Bildung; Integration, Kultur|Sprache\nJugend\r\nSenioren") == [
        "Bildung",
        "Integration",
        "Kultur",
        "Sprache",
        "Jugend",
        "Senioren",
    ]
    assert split_values("Bildung") == ["Bildung"]
    assert split_values(" ; ,") == []


def test_text_is_trimmed_and_spaces_normalised():
    assert clean_text("\u200bLange\xa0Straße\u202f22 \ufeff") == "Lange Straße 22"
    assert clean_text("a\u200bb") == "a\u200bb"  # zero-width inside stays: it is data
    assert clean_text(12.0) == "12"
    assert clean_text(0.1 + 0.2) == "0.3"
    assert clean_text(datetime(2023, 4, 3)) == "2023-04-03"


@pytest.mark.parametrize(
    "value",
    [
        '=HYPERLINK("http://x")',
        "+SUM(A1)",
        "@cmd",
        "<script>alert(1)</script>",
        "x'}) MATCH (n) DETACH DELETE n //",
        "a\x00b\x07c",
        "x" * 100_000,
    ],
)
def test_hostile_text_is_kept_as_data(value):
    assert clean_text(value) == value
