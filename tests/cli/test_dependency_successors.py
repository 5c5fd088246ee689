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


def test_the_table_and_the_report_say_the_same_sentence(sample_store, monkeypatch, tmp_path):
    """One truth: with the report's own sampling, `netzwerk dependency` prints the very
    sentence the report's dependency section writes."""
    import netzwerk.analysis.betweenness as betweenness_module
    import netzwerk.analysis.dependency as dependency_module

    monkeypatch.setattr(betweenness_module, "EXACT_LIMIT", 5)
    monkeypatch.setattr(betweenness_module, "DEFAULT_SAMPLE", 8)
    monkeypatch.setattr(dependency_module, "SUCCESSOR_WORK", 1)
    load_commands()
    table = CliRunner().invoke(cli, ["--store", str(sample_store), "dependency"])
    assert table.exit_code == 0, table.output
    (sentence,) = [line for line in table.output.splitlines() if "Stichproben-Quellen" in line]
    report = CliRunner().invoke(
        cli, ["--store", str(sample_store), "report", "--out", str(tmp_path / "bericht")]
    )
    assert report.exit_code == 0, report.output
    written = (tmp_path / "bericht" / "report.md").read_text(encoding="utf-8")
    assert "aus 1 der 8 Stichproben-Quellen" in sentence
    assert sentence.strip().lstrip("# ") in written.replace("\n", " ")
