"""The named Cypher query library (`queries/*.cypher`): one query per file, the stem is its name.

Each file opens with ``//`` comment lines: the first says what the query answers, a line
``Parameters: $a, $b (…)`` lists its parameters. The files ship inside the package
(``netzwerk/queries``, see pyproject) and are read from the repository in a development
checkout. This module only reads them; `Neo4jStore.run_query` hands them to the driver.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from netzwerk.errors import ConfigError

_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    parameters: tuple[str, ...]
    text: str


def _query_folder() -> Path:
    installed = resources.files("netzwerk") / "queries"
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parents[2] / "queries"


def load_queries() -> dict[str, NamedQuery]:
    """Every named query, by name.

    >>> queries = load_queries()
    >>> "ego_network" in queries and queries["ego_network"].parameters
    ('actor',)
    """
    queries = {}
    for path in sorted(_query_folder().glob("*.cypher")):
        text = path.read_text(encoding="utf-8")
        comments = [line[2:].strip() for line in text.splitlines() if line.startswith("//")]
        description = comments[0] if comments else ""
        body = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
        parameters = tuple(dict.fromkeys(_PARAMETER.findall(body)))
        queries[path.stem] = NamedQuery(path.stem, description, parameters, text)
    return queries


def get_query(name: str) -> NamedQuery:
    queries = load_queries()
    if name not in queries:
        raise ConfigError(f'unbekannte Abfrage "{name}" — `netzwerk query --list` zeigt alle')
    return queries[name]


def check_parameters(query: NamedQuery, given: dict[str, str]) -> None:
    missing = [p for p in query.parameters if p not in given]
    unknown = [p for p in given if p not in query.parameters]
    if missing or unknown:
        parts = []
        if missing:
            parts.append("fehlt: " + ", ".join(missing))
        if unknown:
            parts.append("unbekannt: " + ", ".join(unknown))
        usage = " ".join(f"-p {p}=…" for p in query.parameters) or "(keine Parameter)"
        raise ConfigError(
            f'Abfrage "{query.name}": Parameter {"; ".join(parts)} — '
            f"Aufruf: netzwerk query {query.name} {usage}"
        )
