"""Rows -> records: every problem located as the spreadsheet shows it, all in one pass."""

from __future__ import annotations

from datetime import date

import pytest

from netzwerk.errors import InputError
from netzwerk.ingest import read_files
from netzwerk.model import NodeRef

ACTORS = [
    ["id", "name", "typ", "sektor"],
    ["qm", "Quartiersmanagement Wehringhausen", "Einrichtung", "Quartiersmanagement"],
    ["caritas", "Caritasverband Hagen e.V.", "Verein", "Soziales"],
    ["stadt", "Stadt Hagen", "Behörde", "Verwaltung"],
]


def _located(problems):
    return [(p.file, p.sheet, p.row, p.column, p.value, p.severity) for p in problems]


# --------------------------------------------------------------------------- columns


def test_headers_match_aliases_case_spaces_and_umlaut_spelling(write_csv, actors_csv):
    ties = write_csv(
        "Beziehungen.csv",
        [
            [" Von ", "ZU", "Art", "Stärke", "the_me", "Rolle"],
            ["qm", "caritas", "Kooperation", "2,5", "", ""],
        ],
    )
    english = write_csv(
        "ties.csv",
        [
            ["source", "target", "kind", "STAERKE"],
            ["qm", "stadt", "cooperation", "3"],
        ],
    )
    result = read_files([actors_csv, ties, english])
    weights = sorted(tie.weight for tie in result.changeset.ties)
    assert weights == [2.5, 3.0]
    (warning,) = result.warnings
    assert (warning.file, warning.row, warning.column, warning.severity) == (
        "Beziehungen.csv",
        1,
        "the_me",
        "warning",
    )
    assert "unbekannte Spalte" in warning.message


def test_missing_required_column_names_sheet_and_column(write_csv, errors_of):
    path = write_csv("Akteure.csv", [["name", "typ"], ["A", "Verein"]])
    (problem,) = errors_of([path])
    assert (problem.sheet, problem.row, problem.column) == ("Akteure", 1, "sektor")
    assert "Pflichtspalte fehlt" in problem.message


def test_column_given_twice_is_an_error(write_csv, errors_of):
    path = write_csv(
        "Akteure.csv", [["name", "typ", "type", "sektor"], ["A", "Verein", "Verein", "Soziales"]]
    )
    (problem,) = errors_of([path])
    assert problem.column == "type" and "doppelt" in problem.message


# --------------------------------------------------------------------------- locations


def test_errors_carry_file_sheet_row_and_column_as_written(write_csv, errors_of):
    path = write_csv(
        "Akteure.csv",
        [
            ["ID", "Name", "Typ", "Sektor", "Seit"],
            ["a", "A", "Verein", "Soziales", "01.02.2020"],
            ["", "", "", "", ""],  # empty row 3
            ["b", "B", "Verien", "Soziales", ""],  # row 4: typo in Typ
            [" ", " ", "\u00a0", "", ""],  # row 5: only spaces
            ["c", "C", "Verein", "Soziales", "31.02.2020"],  # row 6: no 31 February
        ],
    )
    assert _located(errors_of([path])) == [
        ("Akteure.csv", "Akteure", 4, "Typ", "Verien", "error"),
        ("Akteure.csv", "Akteure", 6, "Seit", "31.02.2020", "error"),
    ]


def test_xlsx_errors_use_sheet_name_and_row_numbers_with_gaps(write_xlsx, errors_of):
    path = write_xlsx(
        "netz.xlsx",
        {
            "Akteure": [
                ["id", "name", "typ", "sektor"],
                ["a", "A", "Verein", "Soziales"],
                ["b", "B", "Verein", "Soziales"],
            ],
            "Beziehungen": [
                ["von", "zu", "art"],
                ["a", "b", "Kooperation"],
                [],
                [],
                ["a", "Polizeiwache Hagen-Zentrum", "Kooperation"],
            ],
        },
    )
    (problem,) = errors_of([path])
    assert (problem.file, problem.sheet, problem.row, problem.column) == (
        "netz.xlsx",
        "Beziehungen",
        5,
        "zu",
    )
    assert str(problem) == (
        'netz.xlsx, Beziehungen, Zeile 5, Spalte "zu": unbekannter Akteur '
        '"Polizeiwache Hagen-Zentrum" — in Akteure anlegen oder Schreibweise prüfen'
    )


def test_all_errors_of_all_files_in_one_pass(write_csv, write_xlsx, errors_of):
    actors = write_csv(
        "Akteure.csv",
        [
            ["id", "name", "typ", "sektor", "seit", "bis", "einwilligung"],
            ["a", "A", "Verein", "Sozial", "2020", "2019", "vielleicht"],  # bis < seit, bad flag
            ["b", "B", "Ding", "Nirgends", "31.12.23", "", ""],  # type, sector, date
        ],
    )
    workbook = write_xlsx(
        "mehr.xlsx",
        {
            "Beziehungen": [
                ["von", "zu", "art", "staerke"],
                ["a", "b", "Freundschaft", "1"],  # unknown kind
                ["a", "a", "Kooperation", "0"],  # self tie, weight
                ["a", "x", "Kooperation", ""],
            ],  # dangling
        },
    )
    found = [(p.file, p.row, p.column) for p in errors_of([actors, workbook])]
    assert found == [
        ("Akteure.csv", 2, "bis"),
        ("Akteure.csv", 2, "einwilligung"),
        ("Akteure.csv", 3, "typ"),
        ("Akteure.csv", 3, "sektor"),
        ("Akteure.csv", 3, "seit"),
        ("mehr.xlsx", 2, "art"),
        ("mehr.xlsx", 3, "staerke"),
        ("mehr.xlsx", 3, "zu"),
        ("mehr.xlsx", 4, "zu"),
    ]


def test_messages_say_how_to_fix_in_german(write_csv, errors_of):
    path = write_csv(
        "Akteure.csv",
        [
            ["name", "typ", "sektor", "seit"],
            ["A", "Ding", "Soziales", "31.12.23"],
            ["B", "Verein", "Soziales", "Anfang 2020"],
        ],
    )
    messages = [problem.message for problem in errors_of([path])]
    assert messages[0].startswith("unbekannter Typ — erlaubt: Person, Einrichtung, Verein")
    assert "zweistellige Jahreszahl" in messages[1]
    assert messages[2] == "ungültiges Datum — Format TT.MM.JJJJ, z. B. 31.12.2023"


# --------------------------------------------------------------------------- references


def test_ties_reference_actors_in_other_files_by_id_or_exact_name(write_csv, write_json):
    actors = write_csv("Akteure.csv", ACTORS)
    ties = write_json(
        "Beziehungen.json",
        [
            {"von": "qm", "zu": "Caritasverband Hagen e.V.", "art": "Kooperation"},
            {"von": "Stadt Hagen", "zu": "qm", "art": "fördert", "seit": "2021"},
        ],
    )
    result = read_files([ties, actors])
    pairs = {(t.kind, t.source.id, t.target.id, t.since) for t in result.changeset.ties}
    assert pairs == {
        ("cooperation", "qm", "caritas", None),
        ("funding", "stadt", "qm", date(2021, 1, 1)),
    }
    assert result.changeset.files == ["Beziehungen.json", "Akteure.csv"]


def test_unknown_reference_suggests_near_spelling(write_csv, actors_csv, errors_of):
    ties = write_csv(
        "Beziehungen.csv", [["von", "zu", "art"], ["qm", "stadt hagen", "Kooperation"]]
    )
    (problem,) = errors_of([actors_csv, ties])
    assert "gemeint: „Stadt Hagen“" in problem.message


def test_ambiguous_name_is_an_error(write_csv, errors_of):
    actors = write_csv(
        "Akteure.csv",
        [
            ["id", "name", "typ", "sektor"],
            ["p1", "Anna Schmidt", "Person", "Nachbarschaft"],
            ["p2", "Anna Schmidt", "Person", "Nachbarschaft"],
            ["qm", "QM", "Einrichtung", "QM"],
        ],
    )
    ties = write_csv(
        "Beziehungen.csv",
        [["von", "zu", "art"], ["qm", "Anna Schmidt", "Kooperation"], ["qm", "p2", "Mitglied"]],
    )
    (problem,) = errors_of([actors, ties])
    assert (problem.file, problem.row, problem.column) == ("Beziehungen.csv", 2, "zu")
    assert (
        "mehrdeutig" in problem.message
        and "Zeile 2" in problem.message
        and "Zeile 3" in problem.message
    )


def test_duplicate_ids_name_both_rows(write_csv, errors_of):
    first = write_csv(
        "Akteure.csv", [["id", "name", "typ", "sektor"], ["x", "Erster", "Verein", "Soziales"]]
    )
    second = write_csv(
        "actors.csv",
        [
            ["id", "name", "typ", "sektor"],
            ["y", "Y", "Verein", "Soziales"],
            ["x", "Zweiter", "Verein", "Soziales"],
        ],
    )
    (problem,) = errors_of([first, second])
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "actors.csv",
        3,
        "id",
        "x",
    )
    assert "Akteure.csv, Zeile 2" in problem.message


def test_same_derived_id_is_a_duplicate(write_csv, errors_of):
    path = write_csv(
        "Akteure.csv",
        [
            ["name", "typ", "sektor"],
            ["Kita Sonnenschein", "Einrichtung", "Bildung"],
            ["kita sonnenschein", "Einrichtung", "Bildung"],
        ],
    )
    problems = errors_of([path])
    assert [(p.row, p.column) for p in problems] == [(3, "name")]
    assert "Zeile 2" in problems[0].message


def test_tie_endpoint_kind_must_fit_the_tie_kind(write_xlsx, errors_of):
    path = write_xlsx(
        "netz.xlsx",
        {
            "Akteure": ACTORS,
            "Themen": [["id", "name"], ["bildung", "Bildung"]],
            "Projekte": [["id", "name"], ["sprachcafe", "Sprachcafé"]],
            "Beziehungen": [
                ["von", "zu", "art"],
                ["qm", "bildung", "Kooperation"],  # cooperation: actors only
                ["qm", "Sprachcafé", "Beteiligung"],  # fine
                ["bildung", "qm", "Mitglied"],
            ],  # a topic as member
        },
    )
    problems = errors_of([path])
    assert [(p.row, p.column) for p in problems] == [(2, "zu"), (4, "von")]
    assert "ist ein Thema, hier ist aber nur Akteur erlaubt" in problems[0].message


def test_duplicate_tie_is_a_warning_and_the_first_is_kept(write_csv, actors_csv):
    ties = write_csv(
        "Beziehungen.csv",
        [
            ["von", "zu", "art", "staerke"],
            ["qm", "caritas", "Kooperation", "2"],
            ["caritas", "qm", "Zusammenarbeit", "3"],  # same undirected tie, other direction
            ["qm", "caritas", "Mitglied", ""],  # another kind: a different tie
        ],
    )
    result = read_files([actors_csv, ties])
    cooperation = [tie for tie in result.changeset.ties if tie.kind == "cooperation"]
    assert [tie.weight for tie in cooperation] == [2.0]
    (warning,) = result.warnings
    assert (warning.row, warning.severity) == (3, "warning")
    assert "Zeile 2" in warning.message


# --------------------------------------------------------------------------- derived records


def test_actor_topics_addresses_and_flags(write_csv):
    path = write_csv(
        "Akteure.csv",
        [
            ["name", "typ", "sektor", "themen", "adresse", "einwilligung", "koordination", "seit"],
            [
                "QM Wehringhausen",
                "Einrichtung",
                "QM",
                "Integration, Bildung",
                "Lange Straße 22, 58089 Hagen",
                "ja",
                "x",
                "2018",
            ],
            ["Erika Muster", "Person", "Nachbarschaft", "Bildung", "Lange Straße 5", "", "", ""],
        ],
    )
    result = read_files([path])
    qm, erika = result.changeset.actors
    assert qm.id == "qm-wehringhausen"
    assert qm.topics == ("integration", "bildung")
    assert qm.consent and qm.coordinator and not erika.consent
    assert qm.since == date(2018, 1, 1)
    assert [(p.id, p.name) for p in result.changeset.places] == [("lange-strasse", "Lange Straße")]
    assert sorted(t.id for t in result.changeset.topics) == ["bildung", "integration"]
    kinds = sorted((t.kind, t.source.id, t.target.kind, t.target.id) for t in result.changeset.ties)
    assert kinds == [
        ("located_at", "erika-muster", "place", "lange-strasse"),
        ("located_at", "qm-wehringhausen", "place", "lange-strasse"),
        ("works_on", "erika-muster", "topic", "bildung"),
        ("works_on", "qm-wehringhausen", "topic", "bildung"),
        ("works_on", "qm-wehringhausen", "topic", "integration"),
    ]
    assert all(t.provenance is not None for t in result.changeset.ties)


def test_topics_by_id_or_name_from_the_themen_sheet(write_xlsx):
    path = write_xlsx(
        "netz.xlsx",
        {
            "Themen": [["id", "name"], ["t1", "Gemeinwesenarbeit"]],
            "Akteure": [
                ["name", "typ", "sektor", "themen"],
                ["A", "Verein", "Soziales", "Gemeinwesenarbeit"],
                ["B", "Verein", "Soziales", "t1; Sauberkeit"],
            ],
        },
    )
    result = read_files([path])
    assert [a.topics for a in result.changeset.actors] == [("t1",), ("t1", "sauberkeit")]
    (warning,) = result.warnings  # Sauberkeit is not in Themen: created, with a hint
    assert (warning.sheet, warning.row, warning.value) == ("Akteure", 3, "Sauberkeit")


def test_projects_events_and_participation(write_xlsx):
    path = write_xlsx(
        "netz.xlsx",
        {
            "Akteure": ACTORS,
            "Projekte": [
                ["id", "name", "traeger", "foerderung", "themen", "seit", "bis"],
                ["", "Sprachcafé", "caritas", "stadt; qm", "Sprache", "2022", "2023"],
            ],
            "Veranstaltungen": [
                ["name", "datum", "ort", "veranstalter"],
                ["Frühlingsfest 2024", "04.05.2024", "Bodelschwinghplatz 3", "qm"],
            ],
            "Beteiligungen": [
                ["akteur", "projekt", "veranstaltung", "rolle", "seit"],
                ["stadt", "", "Frühlingsfest 2024", "Stand", ""],
                ["caritas", "sprachcafe", "", "", "01.03.2022"],
            ],
        },
    )
    changeset = read_files([path]).changeset
    (project,) = changeset.projects
    assert (project.id, project.since, project.until) == (
        "sprachcafe",
        date(2022, 1, 1),
        date(2023, 12, 31),
    )
    (event,) = changeset.events
    assert event.since == date(2024, 5, 4)
    ties = {(t.kind, t.source.id, t.target.id): t for t in changeset.ties}
    assert ("runs", "caritas", "sprachcafe") in ties
    assert ("funding", "stadt", "sprachcafe") in ties and ("funding", "qm", "sprachcafe") in ties
    assert ("works_on", "sprachcafe", "sprache") in ties
    assert ("runs", "qm", "fruehlingsfest-2024") in ties
    assert ties[("located_at", "fruehlingsfest-2024", "bodelschwinghplatz")].target.kind == "place"
    stand = ties[("participation", "stadt", "fruehlingsfest-2024")]
    assert (stand.role, stand.since) == ("Stand", date(2024, 5, 4))  # event date by default
    assert ties[("participation", "caritas", "sprachcafe")].since == date(2022, 3, 1)


def test_funding_end_dates_the_funders_ties_of_the_row(write_xlsx, errors_of):
    """Förderung bis (a year: its last day) ends the funding ties of the row's funders; the
    Träger's tie keeps no end. A funding end without a funder is an error at its cell."""
    path = write_xlsx(
        "netz.xlsx",
        {
            "Akteure": ACTORS,
            "Projekte": [
                ["name", "traeger", "foerdergeber", "foerderung_bis", "seit"],
                ["Sprachcafé", "caritas", "stadt; qm", "2027", "2022"],
                ["Garten", "caritas", "", "", "2022"],
            ],
        },
    )
    ties = {(t.kind, t.source.id, t.target.id): t for t in read_files([path]).changeset.ties}
    assert ties[("funding", "stadt", "sprachcafe")].until == date(2027, 12, 31)
    assert ties[("funding", "qm", "sprachcafe")].until == date(2027, 12, 31)
    assert ties[("runs", "caritas", "sprachcafe")].until is None
    broken = write_xlsx(
        "kaputt.xlsx",
        {"Akteure": ACTORS, "Projekte": [["name", "foerderung_bis"], ["Garten", "30.06.2027"]]},
    )
    (problem,) = errors_of([broken])
    assert (problem.sheet, problem.row, problem.column, problem.value) == (
        "Projekte",
        2,
        "foerderung_bis",
        "30.06.2027",
    )
    assert "ohne Förderer" in problem.message


def test_participation_needs_exactly_one_of_project_or_event(write_xlsx, errors_of):
    path = write_xlsx(
        "netz.xlsx",
        {
            "Akteure": ACTORS,
            "Projekte": [["name"], ["P"]],
            "Veranstaltungen": [["name"], ["V"]],
            "Beteiligungen": [
                ["akteur", "projekt", "veranstaltung"],
                ["qm", "P", "V"],
                ["qm", "", ""],
                ["qm", "Q", ""],
            ],
        },
    )
    problems = errors_of([path])
    assert [(p.row, p.column) for p in problems] == [(2, "projekt"), (3, "projekt"), (4, "projekt")]
    assert "unbekanntes Projekt" in problems[2].message


def test_works_on_and_located_at_create_missing_targets(write_csv, actors_csv):
    ties = write_csv(
        "Beziehungen.csv",
        [
            ["von", "zu", "art", "thema"],
            ["qm", "Leerstand", "arbeitet zu", ""],
            ["qm", "Lange Straße", "Standort", ""],
            ["qm", "caritas", "Kooperation", "Leerstand"],
        ],
    )
    changeset = read_files([actors_csv, ties]).changeset
    assert [t.id for t in changeset.topics] == ["leerstand"]
    assert [p.id for p in changeset.places] == ["lange-strasse"]
    (cooperation,) = [t for t in changeset.ties if t.kind == "cooperation"]
    assert cooperation.topic == "leerstand"
    assert NodeRef("topic", "leerstand") in {t.target for t in changeset.ties}


def test_hostile_values_are_stored_unchanged(write_csv, actors_csv):
    hostile = [
        '=HYPERLINK("http://evil","klick")',
        "<img src=x onerror=alert(1)>",
        "'}) MATCH (n) DETACH DELETE n //",
        "a\x07b",
        "ü" * 20_000,
    ]
    path = write_csv(
        "Themen.csv",
        [["id", "name", "notiz"]]
        + [[f"t{i}", f"Thema {i}", value] for i, value in enumerate(hostile)],
    )
    result = read_files([actors_csv, path])
    assert [topic.note for topic in result.changeset.topics] == hostile


def test_no_akteure_sheet_is_an_error(write_csv, errors_of):
    path = write_csv("Themen.csv", [["name"], ["Bildung"]])
    (problem,) = errors_of([path])
    assert "kein Blatt Akteure" in problem.message


def test_input_error_carries_warnings_too(write_csv):
    path = write_csv(
        "Akteure.csv", [["name", "typ", "sektor", "extra"], ["A", "Quatsch", "Soziales", ""]]
    )
    with pytest.raises(InputError) as raised:
        read_files([path])
    severities = sorted(problem.severity for problem in raised.value.problems)
    assert severities == ["error", "warning"]
    assert str(raised.value) == "1 Fehler in der Eingabe"


def test_participation_tie_in_beziehungen_defaults_to_the_event_date(write_xlsx):
    path = write_xlsx(
        "netz.xlsx",
        {
            "Akteure": ACTORS,
            "Veranstaltungen": [["name", "datum"], ["Fest", "01.06.2024"]],
            "Beziehungen": [["von", "zu", "art", "rolle"], ["qm", "Fest", "Teilnahme", "Stand"]],
            "Beteiligungen": [["akteur", "veranstaltung", "rolle"], ["qm", "Fest", "Stand"]],
        },
    )
    result = read_files([path])
    (tie,) = [tie for tie in result.changeset.ties if tie.kind == "participation"]
    assert tie.since == date(2024, 6, 1)
    (warning,) = result.warnings  # the same participation twice: one tie, one warning
    assert warning.sheet == "Beziehungen" and "doppelte Beziehung" in warning.message
