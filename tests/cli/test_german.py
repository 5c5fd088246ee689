"""German by default wherever a person reads: every command's --help, every table command's
headers on the sample store, click's usage errors; English with NETZWERK_LANG=en / --lang en.
"""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from netzwerk.cli import cli, load_commands
from netzwerk.cli.help import help_key, walk_commands
from netzwerk.model import ACTOR_TYPES, SECTORS, TIE_KINDS
from netzwerk.present.texts import TEXTS

ENGLISH_WORDS = (
    "actor",
    "actors",
    "ties",
    "none",
    "group",
    "betweenness",  # the column key; the German title is "Betweenness" as in the report
    "Error",
    "Usage",
    "Options",
    "Commands",
    "Show",
    "default",
    "required",
    "Missing",
    "Invalid",
    "Try",
    "the",
    "and",
    "of",
    "with",
    "INTEGER",
    "DIRECTORY",
    "FILE",
    "PATH",
)
"""Words that must not appear in German output (whole words, case as written)."""

COMMANDS = [path for path, _ in walk_commands(load_commands())]


def internal_codes() -> set[str]:
    """Vocabulary keys a German table must never show (those unlike their German label)."""
    codes = set()
    for vocabulary in (SECTORS, ACTOR_TYPES, TIE_KINDS):
        for key in vocabulary.keys():
            if key.lower() != vocabulary.label(key, "de").lower():
                codes.add(key)
    return codes


def english_in(text: str) -> list[str]:
    return [word for word in ENGLISH_WORDS if re.search(rf"(?<![\w-]){word}(?![\w-])", text)]


def help_page(path: str, env: dict[str, str] | None = None) -> str:
    arguments = [] if path == "netzwerk" else path.split(".")
    result = CliRunner().invoke(cli, [*arguments, "--help"], env=env)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("path", COMMANDS)
def test_every_help_text_comes_from_the_texts(path):
    command = dict(walk_commands(cli))[path]
    assert f"help.{path}" in TEXTS
    for param in command.params:
        if isinstance(param, click.Option):
            assert help_key(path, param.name or ""), f"{path}: no help text for {param.name}"


@pytest.mark.parametrize("path", COMMANDS)
def test_help_is_german_by_default(path):
    page = help_page(path)
    assert page.startswith("Aufruf: netzwerk")
    assert "Diese Hilfe zeigen und beenden." in page
    assert english_in(page) == [], page


@pytest.mark.parametrize("path", ["netzwerk", "brokers", "plot.ego", "ingest"])
def test_help_is_english_with_netzwerk_lang_en(path):
    page = help_page(path, {"NETZWERK_LANG": "en"})
    assert page.startswith("Usage: netzwerk") and "Show this message and exit." in page
    assert "Aufruf" not in page and "Optionen" not in page


# --------------------------------------------------------------------------- tables

TABLE_COMMANDS = [
    ["status"],
    ["brokers", "--top", "5"],
    ["keyplayers", "-k", "2"],
    ["dependency"],
    ["foerderung", "--foerdergeber", "land-nrw", "--bis", "2027"],
    ["gremium", "lenkungskreis"],
    ["kontakte", "--top", "5"],
    ["gaps", "--permutations", "9"],
    ["suggest", "--top", "3"],
    ["query", "--list"],
    ["ingest", "{sample}", "--dry-run"],
    ["retention"],
    ["privacy-record"],
]


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    from netzwerk.workflows import load_sample_data

    store_path, _, _ = load_sample_data(tmp_path_factory.mktemp("sample"))
    return store_path


def header_lines(output: str) -> list[str]:
    """Heading and column-title lines of a table output (the line above each ---- rule,
    headings above those), and the ``#`` lines (which view, how it was computed)."""
    lines = output.splitlines()
    found = [line for line in lines if line.startswith("#")]
    for index, line in enumerate(lines):
        if index + 1 < len(lines) and set(lines[index + 1].replace(" ", "")) == {"-"}:
            found.append(line)
            above = lines[index - 1] if index else ""
            if above.strip() and not above.startswith("#"):
                found.append(above)
    return found


def cells(output: str) -> set[str]:
    """Every cell of a table output (columns are separated by two spaces or more)."""
    return {
        cell.strip()
        for line in output.splitlines()
        if not line.startswith("#")
        for cell in re.split(r"\s{2,}", line)
    }


@pytest.mark.parametrize("arguments", TABLE_COMMANDS, ids=lambda a: a[0])
def test_table_headers_are_german_and_show_no_internal_codes(sample_store, arguments):
    from netzwerk.workflows import sample_data_path

    arguments = [a.format(sample=sample_data_path()) for a in arguments]
    result = CliRunner().invoke(cli, ["--store", str(sample_store), *arguments])
    assert result.exit_code == 0, result.output
    headers = header_lines(result.output)
    assert headers, result.output
    assert english_in("\n".join(headers)) == [], headers
    assert internal_codes() & cells(result.output) == set()


@pytest.mark.parametrize("arguments", TABLE_COMMANDS[1:4], ids=lambda a: a[0])
def test_csv_headers_are_german(sample_store, arguments):
    result = CliRunner().invoke(cli, ["--store", str(sample_store), *arguments, "--format", "csv"])
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert first.startswith("\ufeff") and ";" in first
    assert english_in(first) == [] and not set(first.lstrip("\ufeff").split(";")) & {
        "id",
        "name",
        "sector",
        "measure",
    }


def test_tables_are_english_with_lang_en(sample_store):
    result = CliRunner().invoke(
        cli, ["--store", str(sample_store), "brokers", "--top", "3", "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    assert "Sector" in result.output and "District management" in result.output
    assert "Sektor" not in result.output and re.search(r"\d\.\d{3}", result.output)


def test_netzwerk_lang_sets_the_default_of_lang(sample_store):
    result = CliRunner().invoke(
        cli, ["--store", str(sample_store), "status"], env={"NETZWERK_LANG": "en"}
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Store: ") and "Actor types" in result.output


def test_decimal_comma_and_german_dates_in_german_tables(sample_store):
    brokers = CliRunner().invoke(cli, ["--store", str(sample_store), "brokers", "--top", "3"])
    assert re.search(r"\b0,\d{3}\b", brokers.output) and not re.search(
        r"\b0\.\d{3}\b", brokers.output
    )
    status = CliRunner().invoke(cli, ["--store", str(sample_store), "status"])
    assert re.search(r"Zeitraum: \d\d\.\d\d\.\d{4} bis \d\d\.\d\d\.\d{4}", status.output)


def test_validate_counts_in_german_with_plurals(tmp_path):
    from netzwerk.workflows import sample_data_path

    result = CliRunner().invoke(cli, ["validate", str(sample_data_path())])
    assert result.exit_code == 0, result.output
    assert re.match(r"Keine Fehler: \d+ Akteure, \d+ Themen, ", result.output)
    english = CliRunner().invoke(cli, ["validate", str(sample_data_path()), "--lang", "en"])
    assert re.match(r"No errors: \d+ actors, \d+ topics, ", english.output)


# --------------------------------------------------------------------------- usage errors

USAGE_ERRORS = {
    "missing option": (["keyplayers"], ["-k"]),
    "unknown option": (["brokers", "--topp", "3"], ['"--topp"', "--top?"]),
    "bad choice": (["brokers", "--format", "xml"], ["--format", '"xml"', "table, csv"]),
    "out of range": (["brokers", "--top", "0"], ["--top", '"0"', "ab 1"]),
    "not a number": (["brokers", "--seed", "x"], ["--seed", '"x"', "ganze Zahl"]),
    "value missing": (["brokers", "--top"], ["--top", "z. B. --top N"]),
    "unknown command": (["brokerz"], ['"brokerz"', "brokers?"]),
    "extra argument": (["status", "zuviel"], ['"zuviel"']),
    "missing argument": (["validate"], ["DATEIEN..."]),
    "bad language": (["status", "--lang", "fr"], ["--lang", '"fr"', "de, en"]),
}


@pytest.mark.parametrize("case", USAGE_ERRORS, ids=str)
def test_usage_errors_are_one_german_line_and_exit_2(case):
    arguments, expected = USAGE_ERRORS[case]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Fehler: netzwerk"), result.output
    assert all(part in lines[0] for part in expected), lines[0]
    assert "(Hilfe: netzwerk" in lines[0]
    assert english_in(lines[0]) == [] and "Error" not in lines[0], lines[0]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["brokers", "--as-of", "31.02.2024"], 'Fehler: --as-of: ungültiges Datum "31.02.2024" — '),
        (["gaps", "--ties", "freundschaft"], 'Fehler: --ties: unbekannte Beziehungsart "freund'),
    ],
)
def test_value_errors_name_the_option_then_the_value_then_the_fix(
    sample_store, arguments, expected
):
    result = CliRunner().invoke(cli, ["--store", str(sample_store), *arguments])
    assert result.exit_code == 2
    assert result.output.startswith(expected) and result.output.count("\n") == 1, result.output
    assert "z. B." in result.output or "erlaubt:" in result.output  # the fix comes last


def test_usage_errors_are_english_with_netzwerk_lang_en():
    result = CliRunner().invoke(cli, ["keyplayers"], env={"NETZWERK_LANG": "en"})
    assert result.exit_code == 2
    assert result.output.startswith("Error: netzwerk keyplayers, option -k: missing")
