"""Likely double entries of one actor are reported as warnings naming both rows."""

from __future__ import annotations

import pytest

from netzwerk.ingest import read_files
from netzwerk.ingest.duplicates import MAX_BLOCK, likely_duplicates, significant_words


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Caritasverband Hagen e.V.", "Caritas Hagen"),
        ("Diakonie Mark-Ruhr gGmbH", "Diakonie Mark Ruhr"),
        ("Stadtteilladen Wehringhausen", "Stadtteilladen"),
        ("Bürgerverein Wehringhausen", "Buergerverein Wehringhausen e.V."),
        ("Evangelische Kirchengemeinde", "Evangelische Kirchengemiende"),  # typo: ratio >= 0.85
    ],
)
def test_flagged(first, second):
    assert likely_duplicates([first, second]) == [(0, 1)]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Grundschule Wehringhausen", "Kita Wehringhausen"),
        ("Kita 1", "Kita 2"),
        ("Anna Schmidt", "Anna Meier"),
        ("Stadt Hagen", "Sparkasse Hagen"),
    ],
)
def test_not_flagged(first, second):
    assert likely_duplicates([first, second]) == []


def test_legal_forms_and_fillers_are_dropped():
    assert significant_words("Förderverein der Grundschule Wehringhausen e.V.") == (
        "foerderverein",
        "grundschule",
    )


def test_common_words_form_no_block_but_equal_names_are_still_found():
    names = [f"Verein Nummer {i}" for i in range(MAX_BLOCK + 50)] + ["Nummer Verein 7"]
    assert likely_duplicates(names) == [(7, MAX_BLOCK + 50)]


def test_many_distinct_names_are_compared_in_blocks():
    words = ["Sonne", "Mond", "Stern", "Wolke", "Regen", "Wind", "Feld", "Wald", "Berg", "Tal"]
    names = [
        f"{a}{b} {c}{d} {i}"
        for i, (a, b, c, d) in enumerate(
            (a, b, c, d) for a in words for b in words for c in words for d in words
        )
    ]
    assert likely_duplicates(names) == []  # 10,000 names: numbers differ, nothing flagged


def test_warning_names_both_rows(write_csv):
    path = write_csv(
        "Akteure.csv",
        [
            ["name", "typ", "sektor"],
            ["Caritasverband Hagen e.V.", "Verein", "Soziales"],
            ["Grundschule Wehringhausen", "Einrichtung", "Bildung"],
            ["Kita Wehringhausen", "Einrichtung", "Bildung"],
            ["Caritas Hagen", "Verein", "Soziales"],
        ],
    )
    (warning,) = read_files([path]).warnings
    assert (warning.file, warning.row, warning.column, warning.value, warning.severity) == (
        "Akteure.csv",
        5,
        "name",
        "Caritas Hagen",
        "warning",
    )
    assert "„Caritasverband Hagen e.V.“ (Akteure.csv, Zeile 2)" in warning.message
