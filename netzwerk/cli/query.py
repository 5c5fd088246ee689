"""`netzwerk query`: run a named Cypher query from the library against Neo4j."""

from __future__ import annotations

from pathlib import Path

import click

from netzwerk.cli.arguments import lang_option
from netzwerk.cli.common import emit, format_option, names_option, store_from
from netzwerk.cli.main import cli
from netzwerk.errors import ConfigError
from netzwerk.privacy.disclosure import shareable_rows
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.store import NamedQueries, is_neo4j_address, store_address
from netzwerk.store.queries import check_parameters, get_query, load_queries

NEEDS_NEO4J = (
    "Abfragen brauchen Neo4j — --store bolt://host:7687 oder NETZWERK_STORE setzen "
    "(der eingebettete Speicher kann kein Cypher)"
)


def _parse_parameters(pairs: tuple[str, ...]) -> dict[str, str]:
    parameters = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ConfigError(f'Parameter "{pair}" — Form name=wert, z. B. -p actor=stadt-hagen')
        parameters[name.strip()] = value
    return parameters


@cli.command()
@click.argument("name", required=False)
@click.option(
    "-p",
    "--param",
    "pairs",
    multiple=True,
    metavar="NAME=VALUE",
)
@click.option(
    "--list",
    "list_queries",
    is_flag=True,
)
@format_option
@lang_option
@names_option
@click.pass_context
def query(
    ctx: click.Context,
    name: str | None,
    pairs: tuple[str, ...],
    list_queries: bool,
    fmt: str,
    out_file: Path | None,
    lang: str,
    show_names: bool,
) -> None:
    """Run a named Cypher query (needs Neo4j); --list shows them all."""
    if list_queries or not name:
        rows = [
            {"name": q.name, "parameters": ", ".join(q.parameters), "description": q.description}
            for q in load_queries().values()
        ]
        emit(rows, fmt)
        return
    named = get_query(name)
    parameters = _parse_parameters(pairs)
    check_parameters(named, parameters)
    # checked before opening: opening an embedded store would create an empty file
    if not is_neo4j_address(store_address(ctx.find_root().obj.get("store_address"))):
        raise ConfigError(NEEDS_NEO4J)
    with store_from(ctx) as store:
        if not isinstance(store, NamedQueries):
            raise ConfigError(NEEDS_NEO4J)
        rows = store.run_query(named, parameters)
        rows = shareable_rows(rows, store.persons(), show_names, Pseudonymiser())
    emit(rows, fmt)
