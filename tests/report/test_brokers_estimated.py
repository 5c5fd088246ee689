"""The brokers section when betweenness was estimated: the error column and, in words, how
sure the order of the first ten is."""

from __future__ import annotations

from datetime import date

from netzwerk.analysis import betweenness as betweenness_module
from netzwerk.analysis.network_view import NetworkView
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report.build import build_report
from netzwerk.report.sections.brokers import ERROR, sure_ranks

from .conftest import AS_OF, KEY


def brokers_section(sample, lang):
    """The report's brokers section for the sample data, as the report tests see it."""
    report = build_report(
        sample["graph"],
        lang=lang,
        as_of=AS_OF,
        pseudonymiser=Pseudonymiser(KEY),
        today=date(2024, 7, 1),
    )
    return report.section("brokers")


def test_estimated_brokers_state_error_and_how_sure_the_ranking_is(sample, monkeypatch):
    monkeypatch.setattr(betweenness_module, "EXACT_LIMIT", 5)
    monkeypatch.setattr(betweenness_module, "DEFAULT_SAMPLE", 8)
    sections = {lang: brokers_section(sample, lang) for lang in ("de", "en")}
    table = sections["de"].tables[0]
    assert ERROR in table.columns and ERROR in table.csv_columns
    assert table.headers[ERROR] == "± Fehler (95 %)"
    rows = table.rows
    assert all(row[ERROR] is not None and row[ERROR] >= 0 for row in rows)
    sure = sure_ranks([{"betweenness": r["betweenness"], ERROR: r[ERROR]} for r in rows])
    german = [f for f in sections["de"].findings if "95 % Sicherheit" in f]
    english = [f for f in sections["en"].findings if "95 % confidence" in f]
    assert len(german) == 1 and len(english) == 1
    if sure >= min(10, len(rows)):
        assert "richtig geordnet: ihre Fehlerbereiche" in german[0]
    elif sure == 1:
        assert "Nur Platz 1 ist mit 95 % Sicherheit richtig" in german[0]
    elif sure == 0:
        assert "nicht mit 95 % Sicherheit richtig" in german[0]
    else:
        assert f"Nur die ersten {sure} sind" in german[0]


def test_exact_brokers_have_no_error_column_and_no_ranking_sentence(written):
    section = written["de"]["report"].section("brokers")
    assert ERROR not in section.tables[0].columns
    assert not [f for f in section.findings if "Sicherheit" in f]


def test_sure_ranks_stops_at_the_first_overlap():
    def rows(*pairs):
        return [{"betweenness": v, ERROR: e} for v, e in pairs]

    assert sure_ranks(rows((0.9, 0.01), (0.5, 0.01), (0.1, 0.01))) == 3
    # rank 2 overlaps rank 3, so only rank 1 is sure
    assert sure_ranks(rows((0.9, 0.01), (0.5, 0.2), (0.4, 0.01))) == 1
    # a wide error further down makes even rank 1 unsure
    assert sure_ranks(rows((0.9, 0.01), (0.5, 0.01), (0.1, 0.85))) == 0
    assert sure_ranks(rows((0.9, 0.01), (0.5, 0.01), (0.1, 0.01)), limit=2) == 2


def test_a_shortened_key_player_search_is_said_in_words(sample, monkeypatch):
    """On a network too large for the usual 10 restarts the report searches with fewer and
    says so, or says that it searched from the greedy start only; the sample data (a few
    thousand actors + ties, far below the budget) gets no such words."""
    from netzwerk.report import analyses

    def said(lang: str, word: str) -> list[str]:
        return [f for f in brokers_section(sample, lang).findings if word in f]

    assert not said("de", "Zufallsstart")
    view = NetworkView(as_of=AS_OF).actor_graph(sample["graph"])
    size = view.number_of_nodes() + view.number_of_edges()
    monkeypatch.setattr(analyses, "KEY_PLAYER_WORK", 4 * size)  # as if the sample were huge
    assert said("de", "Zufallsstart") == [
        "Das Netz ist sehr groß: die Schlüsselakteure wurden mit 3 statt 10 Zufallsstarts "
        "gesucht (dazu vom schrittweise gewählten Start aus). Eine andere Gruppe könnte das "
        "Netz noch stärker zerteilen."
    ]
    assert len(said("en", "with 3 instead of 10 random starts")) == 1
    monkeypatch.setattr(analyses, "KEY_PLAYER_WORK", 1)  # no restart at all
    assert said("de", "Zufallsstart") == [
        "Das Netz ist sehr groß: die Schlüsselakteure wurden nur vom schrittweise gewählten "
        "Start aus gesucht, ohne die sonst 10 Zufallsstarts. Eine andere Gruppe könnte das "
        "Netz noch stärker zerteilen."
    ]
    assert len(said("en", "from the step-by-step start only, without the usual 10")) == 1


def test_the_error_column_is_the_same_in_brokers_and_the_reports_csv(sample, tmp_path, monkeypatch):
    """With betweenness estimated (limits lowered), `netzwerk brokers --format json` and the
    report's brokers.csv state the same 95 % error for every actor (the CSV rounded to 3
    digits, German decimal comma) — one computation shown in two places."""
    import csv
    import json

    from click.testing import CliRunner

    from netzwerk.cli import cli
    from netzwerk.present.formats import parse_csv_number

    monkeypatch.setattr(betweenness_module, "EXACT_LIMIT", 5)
    monkeypatch.setattr(betweenness_module, "DEFAULT_SAMPLE", 8)
    store, day = str(sample["store"]), AS_OF.isoformat()
    runner = CliRunner()
    shown = runner.invoke(cli, ["--store", store, "brokers", "--format", "json", "--as-of", day])
    assert shown.exit_code == 0, shown.output
    errors = {row["id"]: row[ERROR] for row in json.loads(shown.output)["rows"]}
    folder = tmp_path / "bericht"
    written = runner.invoke(cli, ["--store", store, "report", "--out", str(folder), "--as-of", day])
    assert written.exit_code == 0, written.output
    with open(folder / "brokers.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert len(rows) == len(errors) > 100
    assert len(set(errors.values())) > 10  # the errors differ between actors
    for row in rows:
        stated = parse_csv_number(row["± Fehler (95 %)"], "de")
        assert abs(stated - errors[row["Kennung"]]) <= 0.0005 + 1e-12, row["Kennung"]


def test_successors_from_fewer_sources_are_said_in_words(sample, monkeypatch):
    """On a network past `dependency.SUCCESSOR_WORK` the dependency section says from how
    many of the broker table's sources the successors were estimated; with every source
    (the sample's own size) it says nothing of the kind."""
    import netzwerk.analysis.dependency as dependency_module

    monkeypatch.setattr(betweenness_module, "EXACT_LIMIT", 5)
    monkeypatch.setattr(betweenness_module, "DEFAULT_SAMPLE", 8)

    def said(lang: str, word: str) -> list[str]:
        section = build_report(
            sample["graph"], lang=lang, as_of=AS_OF, pseudonymiser=Pseudonymiser(KEY)
        ).section("dependency")
        return [f for f in section.findings if word in f]

    assert not said("de", "Stichproben-Quellen")
    monkeypatch.setattr(dependency_module, "SUCCESSOR_WORK", 1)  # one batch only
    german = said("de", "Stichproben-Quellen")
    assert len(german) == 1 and "aus 1 der 8 Stichproben-Quellen" in german[0], german
    assert len(said("en", "from 1 of the broker table's 8 sampled sources")) == 1
