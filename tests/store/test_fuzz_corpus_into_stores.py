"""The fuzz corpus goes all the way: read, validated and written into each store through the
CLI, every input ends in exit 0 (loaded) or exit 2 with one-line errors, never a traceback
and never an exception escaping the store layer.

The corpus is the seed corpus of `fuzz/seeds.py` plus seeded mutations of it (bytes flipped,
cut, repeated, hostile strings spliced in: injections, formulas, control characters, huge
numbers), the same kinds of inputs the atheris harnesses produce.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from netzwerk.cli import cli

REPO = Path(__file__).resolve().parents[2]
SHEETS = ("Akteure", "Beziehungen", "Themen", "Projekte", "Veranstaltungen", "Beteiligungen")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsx", ".xlsm", ".xls", ".ods")
HOSTILE = [
    b"'; DROP TABLE nodes; --",
    b"MATCH (n) DETACH DELETE n",
    b'"}) RETURN 1 //',
    b'=HYPERLINK("http://x")',
    b"\x00\x01\x1b[31m",
    b"9" * 400,
    b"-1e309",
    b";;;;;;",
    b"\xff\xfe",
    b"<script>alert(1)</script>",
    b'\n\r\n"""',
    "Ärger ß".encode(),
]
MUTANTS_PER_SEED = 12


def seed_corpus(folder: Path) -> dict[str, bytes]:
    spec = importlib.util.spec_from_file_location("fuzz_seeds", REPO / "fuzz" / "seeds.py")
    assert spec and spec.loader
    seeds = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(seeds)
    seeds.write_seeds(folder)
    return {
        f"{kind}/{path.name}": path.read_bytes()
        for kind in ("csv", "json", "xlsx")
        for path in sorted((folder / kind).iterdir())
    }


def mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        position = rng.randrange(1, max(2, len(data)))
        action = rng.choice(["flip", "cut", "repeat", "splice", "splice"])
        if action == "flip":
            data[position] ^= 1 << rng.randrange(8)
        elif action == "cut":
            del data[position : position + rng.randint(1, 64)]
        elif action == "repeat":
            data[position:position] = data[position : position + rng.randint(1, 200)] * 3
        else:
            data[position:position] = rng.choice(HOSTILE)
    return bytes(data)


def as_file(folder: Path, name: str, data: bytes) -> Path:
    """The file a harness would have read: the first byte picks sheet or suffix."""
    kind = name.split("/")[0]
    selector, body = (data[0] if data else 0), data[1:]
    if kind == "csv":
        file = folder / f"{SHEETS[selector % len(SHEETS)]}.csv"
    elif kind == "json":
        file = folder / "netz.json"
    else:
        file = folder / f"netz{WORKBOOK_SUFFIXES[selector % len(WORKBOOK_SUFFIXES)]}"
    file.write_bytes(body)
    return file


def corpus(folder: Path) -> list[tuple[str, bytes]]:
    rng = random.Random(10)
    inputs = []
    for name, data in seed_corpus(folder / "seeds").items():
        inputs.append((name, data))
        inputs += [(name, mutate(data, rng)) for _ in range(MUTANTS_PER_SEED)]
    return inputs


@pytest.fixture(params=["sqlite", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store_address(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "netz.sqlite")
    from netzwerk.store.neo4j import Neo4jStore

    uri = request.getfixturevalue("neo4j_uri")
    with Neo4jStore(uri) as store:
        store.init()
        store.wipe()
    return uri


def test_every_corpus_input_loads_or_fails_in_one_located_line(store_address, tmp_path):
    loaded = refused = 0
    for number, (name, data) in enumerate(corpus(tmp_path)):
        folder = tmp_path / f"input-{number}"
        folder.mkdir()
        file = as_file(folder, name, data)
        result = CliRunner().invoke(cli, ["--store", store_address, "ingest", str(file)])
        context = f"{name} #{number}: {result.output[-500:]}"
        assert result.exit_code in (0, 2), context
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"{context} {result.exception!r}"
        )
        assert "Traceback" not in result.output, context
        if result.exit_code == 2:
            refused += 1
            assert any(line.startswith("Fehler:") for line in result.output.splitlines()), context
        else:
            loaded += 1
    assert loaded and refused  # the corpus exercises both outcomes
