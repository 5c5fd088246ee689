"""The README stays true: every command is documented, and the tour's commands run."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from netzwerk.cli import cli, load_commands

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
SAMPLE_CSV = REPO / "examples" / "wehringhausen" / "csv"


@pytest.mark.parametrize("command", sorted(load_commands().commands))
def test_every_command_is_in_the_readme(command):
    assert re.search(rf"netzwerk {re.escape(command)}\b", README), command


def test_readme_names_the_two_commands():
    assert "make demo" in README and "make test" in README


def block_commands(start: str, end: str) -> list[list[str]]:
    """The netzwerk commands of the README between ``start`` and ``end`` (arguments only)."""
    block = README.split(start, 1)[1].split(end, 1)[0]
    commands = []
    for line in block.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("netzwerk "):
            commands.append(shlex.split(line)[1:])
    return commands


def tour_commands() -> list[list[str]]:
    return block_commands("## A five-minute tour", "Your own data")


def own_data_block() -> str:
    return README.split("Your own data", 1)[1].split("```", 2)[1]


def test_tour_commands_run_on_the_sample_data(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    demo = runner.invoke(cli, ["demo", "--out", "netzwerk-demo"], catch_exceptions=False)
    assert demo.exit_code == 0, demo.output
    monkeypatch.setenv("NETZWERK_STORE", "netzwerk-demo/netzwerk.sqlite")
    commands = tour_commands()
    assert len(commands) >= 8
    for arguments in commands:
        result = runner.invoke(cli, arguments, catch_exceptions=False)
        assert result.exit_code == 0, (arguments, result.output)


def test_own_data_goes_into_its_own_store_not_the_demo_store(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["demo", "--out", "netzwerk-demo"]).exit_code == 0
    demo_store = tmp_path / "netzwerk-demo" / "netzwerk.sqlite"
    demo_bytes = demo_store.read_bytes()
    (export,) = re.findall(r"^export NETZWERK_STORE=(\S+)", own_data_block(), re.MULTILINE)
    assert Path(export).resolve() != demo_store.resolve()
    monkeypatch.setenv("NETZWERK_STORE", export)
    shutil.copytree(SAMPLE_CSV, tmp_path / "meine-tabellen")
    commands = block_commands("Your own data", "**The workbook is the truth.**")
    assert [command[0] for command in commands[:2]] == ["init", "template"]
    for arguments in commands:
        result = runner.invoke(cli, arguments, catch_exceptions=False)
        assert result.exit_code == 0, (arguments, result.output)
    assert (tmp_path / export).exists() and demo_store.read_bytes() == demo_bytes


def test_privacy_commands_run_on_the_demo_store_with_a_sample_id(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["demo", "--out", "netzwerk-demo"]).exit_code == 0
    (tmp_path / "bericht").mkdir()
    monkeypatch.setenv("NETZWERK_STORE", "netzwerk-demo/netzwerk.sqlite")
    commands = block_commands("For the rights of the persons", "Analysts:")
    assert [command[0] for command in commands[:2]] == ["export-person", "forget"]
    for arguments in commands:
        arguments = [*arguments, "--yes"] if arguments[0] == "forget" else arguments
        result = runner.invoke(cli, arguments, catch_exceptions=False)
        assert result.exit_code == 0, (arguments, result.output)
