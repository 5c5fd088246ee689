"""Commands are imported when first used: `netzwerk status` does not pay for matplotlib,
scipy and the analysis, and the table of command modules says what the modules register."""

from __future__ import annotations

import subprocess
import sys

import click
from click.testing import CliRunner

from netzwerk.cli import cli, load_commands
from netzwerk.cli.main import COMMAND_MODULES
from netzwerk.workflows import sample_data_path


def test_the_table_names_the_module_of_every_command():
    registered = {
        name: (command.callback.__module__ if command.callback else "").rsplit(".", 1)[-1]
        for name, command in load_commands().commands.items()
    }
    assert registered == COMMAND_MODULES


def test_status_imports_neither_the_analysis_nor_matplotlib(tmp_path):
    store = str(tmp_path / "netz.sqlite")
    loaded = CliRunner().invoke(cli, ["--store", store, "ingest", str(sample_data_path())])
    assert loaded.exit_code == 0, loaded.output
    probe = (
        "import sys\n"
        "from netzwerk.cli.main import cli\n"
        f"cli.main(['--store', {store!r}, 'status'], standalone_mode=False)\n"
        "heavy = [m for m in ('matplotlib', 'scipy', 'igraph', 'netzwerk.analysis.groups') "
        "if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert "wehringhausen.xlsx" in result.stdout, result.stderr
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr


def test_a_command_loaded_on_demand_has_german_help():
    group = load_commands()
    assert isinstance(group.commands["status"], click.Command)
    assert "Speicher" in (group.commands["status"].help or "")
