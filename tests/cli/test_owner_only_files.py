"""Everything netzwerk writes can hold persons' data, so it is for the owner only: files 0600,
folders netzwerk creates 0700; the store's -wal and -shm too. Folders the user made keep their
mode. Each test runs under umask 022 (the usual one), so nothing here passes by luck."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.store.sqlite import SqliteStore

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes mean nothing on Windows")

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "wehringhausen" / "wehringhausen.xlsx"
PERSON = "zeynep-thiele"  # a natural person of the sample data


@pytest.fixture(autouse=True)
def usual_umask():
    previous = os.umask(0o022)
    yield
    assert os.umask(previous) == 0o022, "a command left its umask behind"


def run(*args: object) -> str:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def modes_under(folder: Path) -> dict[str, str]:
    """Mode of ``folder`` and of everything below it, as octal strings, by relative path."""
    found = {".": oct(mode(folder))}
    for root, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(root) / name
            found[str(path.relative_to(folder))] = oct(mode(path))
    return found


def assert_owner_only(folder: Path) -> None:
    expected = {
        name: oct(0o700 if (folder / name).is_dir() else 0o600) for name in modes_under(folder)
    }
    assert modes_under(folder) == expected


def test_demo_writes_only_owner_only_files_and_folders(tmp_path):
    out = tmp_path / "neu" / "demo"
    run("demo", "--out", out)
    assert (out / "report.html").exists() and (out / "figures").is_dir()
    assert (out / "netzwerk.sqlite").exists()
    assert_owner_only(tmp_path / "neu")


def test_store_report_exports_and_export_person_are_owner_only(tmp_path):
    store = tmp_path / "speicher" / "netz.sqlite"
    run("--store", store, "ingest", SAMPLE)
    run("--store", store, "report", "--out", tmp_path / "berichte" / "2024")
    for fmt in ("graphml", "gexf", "json", "csv"):
        run("--store", store, "export", "--format", fmt, "--out", tmp_path / "export" / f"n.{fmt}")
    run("--store", store, "export-person", PERSON, "--out", tmp_path / "auskunft" / "z.json")
    run("--store", store, "plot", "map", "--out", tmp_path / "bilder" / "karte.svg")
    run("--store", store, "plot", "ego", PERSON, "--out", tmp_path / "bilder" / "ego.png")
    written = {path.name for path in tmp_path.rglob("*") if path.is_file()}
    assert {
        "netz.sqlite",
        "report.html",
        "report.md",
        "n.gexf",
        "n-nodes.csv",
        "z.json",
        "karte.svg",
        "ego.png",
    } <= written
    assert_owner_only(tmp_path)


def test_folders_the_user_made_keep_their_mode_and_old_files_are_tightened(tmp_path):
    store = tmp_path / "netz.sqlite"
    run("--store", store, "ingest", SAMPLE)
    folder = tmp_path / "bericht"
    folder.mkdir(mode=0o755)
    old = folder / "report.md"
    old.write_text("alt")
    old.chmod(0o644)
    run("--store", store, "report", "--out", folder)
    assert mode(folder) == 0o755
    assert mode(old) == 0o600 and old.read_text() != "alt"
    assert mode(folder / "figures") == 0o700
    assert all(mode(p) == 0o600 for p in folder.rglob("*") if p.is_file())


def test_store_file_wal_and_shm_are_owner_only_from_the_start(tmp_path, small_changeset):
    path = tmp_path / "neu" / "netz.sqlite"
    with SqliteStore(path) as store:
        assert mode(path) == 0o600  # before SQLite wrote a byte
        store.init()
        store.apply(small_changeset)
        journal = [Path(f"{path}-wal"), Path(f"{path}-shm")]
        assert all(p.exists() for p in journal)
        assert [mode(p) for p in (path, *journal)] == [0o600, 0o600, 0o600]
    assert mode(tmp_path / "neu") == 0o700


def test_an_existing_store_folder_keeps_its_mode(tmp_path):
    folder = tmp_path / "geteilt"
    folder.mkdir(mode=0o755)
    with SqliteStore(folder / "netz.sqlite") as store:
        store.init()
    assert mode(folder) == 0o755
    assert mode(folder / "netz.sqlite") == 0o600
