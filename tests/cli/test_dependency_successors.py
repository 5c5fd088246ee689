"""`netzwerk dependency` says in its table output what the report says in words when the
successors came from fewer sources than the broker table (a very large network,
`analysis.dependency.SUCCESSOR_WORK`): the same sentence from the same texts."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from netzwerk.cli import cli, load_commands


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    from netzwerk.workflows import load_sample_data

    store_path, _, _ = load_sample_data(tmp_path_factory.mktemp("sample"))
    return store_path


def dependency(store, *arguments: str) -> str:
    load_commands()
    result = CliRunner().invoke(
        cli, ["--store", str(store), "dependency", "--sample", "8", *arguments]
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_the_table_says_when_the_successors_came_from_fewer_sources(sample_store, monkeypatch):
    import netzwerk.analysis.dependency as dependency_module

    assert "Stichproben-Quellen" not in dependency(sample_store)
    monkeypatch.setattr(dependency_module, "SUCCESSOR_WORK", 1)  # one batch only
    german = dependency(sample_store)
    assert "wer einspringen könnte, ist aus 1 der 8 Stichproben-Quellen" in german, german
    english = dependency(sample_store, "--lang", "en")
    assert "estimated from 1 of the broker table's 8 sampled sources" in english, english
    assert "Stichproben-Quellen" not in dependency(sample_store, "--exact")
