"""The named Cypher query library as files: every one loads, says what it answers, lists its
parameters, ships in the wheel, and every name the code and the docs use exists.

Running the queries against a real server is in `test_neo4j_queries.py`.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.errors import ConfigError
from netzwerk.store.queries import check_parameters, get_query, load_queries

REPO = Path(__file__).resolve().parents[2]
QUERY_FOLDER = REPO / "queries"
QUERIES = load_queries()
PARAMETERS_LINE = re.compile(r"^//\s*Parameters:(?P<rest>.*)$", re.MULTILINE)


def test_every_cypher_file_is_loaded_under_its_stem():
    stems = sorted(path.stem for path in QUERY_FOLDER.glob("*.cypher"))
    assert stems and sorted(QUERIES) == stems
    for name, query in QUERIES.items():
        assert query.name == name
        assert query.text == (QUERY_FOLDER / f"{name}.cypher").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_file_opens_with_what_it_answers(name):
    query = QUERIES[name]
    assert query.text.startswith("// ")
    assert len(query.description) > 20 and not query.description.startswith("Parameters")


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_header_lists_exactly_its_parameters(name):
    query = QUERIES[name]
    header = PARAMETERS_LINE.search(query.text)
    assert header, f"{name}: no '// Parameters:' line"
    listed = re.findall(r"\$([A-Za-z_]\w*)", header["rest"])
    assert sorted(listed) == sorted(query.parameters)
    if not query.parameters:
        assert header["rest"].strip().lower().startswith("none")


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_holds_one_statement_and_no_literal_user_values(name):
    body = "\n".join(line for line in QUERIES[name].text.splitlines() if not line.startswith("//"))
    assert ";" not in body.rstrip().rstrip(";")
    # values come only as $parameters: no quoted ids, names or dates in the query text
    assert not re.search(r"\{\s*\w+\s*:\s*['\"]", body)


def test_queries_ship_inside_the_wheel():
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    force_include = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force_include["queries"] == "netzwerk/queries"


def _names_used_in_code_and_docs() -> set[str]:
    used = set()
    call = re.compile(r"""get_query\(\s*["']([\w-]+)["']|load_queries\(\)\[\s*["']([\w-]+)["']""")
    command = re.compile(r"netzwerk(?: --store \S+)? query ([a-z_][\w]*)")
    for path in (REPO / "netzwerk").rglob("*.py"):
        for match in call.finditer(path.read_text(encoding="utf-8")):
            used.add(match.group(1) or match.group(2))
    docs = [
        REPO / "README.md",
        REPO / "CHANGELOG.md",
        *(REPO / "docs").rglob("*.md"),
        *(REPO / "notebooks").rglob("*.ipynb"),
        *(REPO / "examples").rglob("*.md"),
    ]
    for path in docs:
        if path.is_file():
            used.update(command.findall(path.read_text(encoding="utf-8")))
    return used


def test_every_query_name_used_in_code_and_docs_exists():
    assert _names_used_in_code_and_docs() <= set(QUERIES)


def test_unknown_query_name_is_a_config_error_pointing_to_the_list():
    with pytest.raises(ConfigError, match="netzwerk query --list"):
        get_query("does_not_exist")


def test_missing_and_unknown_parameters_are_reported_together():
    query = get_query("partners_since")
    with pytest.raises(ConfigError) as info:
        check_parameters(query, {"actor": "wiw", "sinse": "2024-01-01"})
    message = str(info.value)
    assert "fehlt: since" in message and "unbekannt: sinse" in message
    assert "-p actor=… -p since=…" in message
    check_parameters(query, {"actor": "wiw", "since": "2024-01-01"})


# ---------------------------------------------------------------------- the command (no server)


def query_cli(*args: str):
    return CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)


def test_query_list_shows_every_query_with_its_parameters():
    result = query_cli("query", "--list", "--format", "json")
    assert result.exit_code == 0, result.output
    listed = {row["name"]: row for row in json.loads(result.output)}
    assert set(listed) == set(load_queries())
    assert listed["partners_since"]["parameters"] == "actor, since"
    assert all(row["description"] for row in listed.values())


def test_query_on_the_embedded_store_says_it_needs_neo4j(tmp_path):
    path = tmp_path / "netz.sqlite"
    result = query_cli("--store", path, "query", "coordinator_only")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "Abfragen brauchen Neo4j" in result.output
    assert not path.exists()
