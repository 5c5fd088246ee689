"""The README stays true: every command is documented, and the tour's commands run."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from netzwerk.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_readme(command):
    assert re.search(rf"netzwerk {re.escape(command)}\b", README), command


def test_readme_names_the_two_commands():
    assert "make demo" in README and "make test" in README


def tour_commands() -> list[list[str]]:
    block = README.split("## A five-minute tour", 1)[1].split("Your own data", 1)[0]
    commands = []
    for line in block.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("netzwerk "):
            commands.append(shlex.split(line)[1:])
    return commands


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
