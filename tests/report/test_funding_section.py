"""The report's funding section: the same scenario as `netzwerk foerderung`, in words a QM
worker reads, and what data it needs when there is none."""

from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report.build import build_report

DAY = date(2026, 6, 30)  # horizon: 31.12.2027
FUNDERS = ["stadt-hagen", "land-nrw", "programm-sozialer-zusammenhalt"]


def funding_section(graph, lang="de", day=DAY):
    report = build_report(graph, lang=lang, as_of=day, pseudonymiser=Pseudonymiser(b"k"))
    (section,) = [s for s in report.sections if s.key == "funding"]
    return section


def test_the_report_shows_the_scenario_the_command_computes(sample):
    """Every funding of the sample that ends by 31.12.2027 (the city's, the Land's and the
    programme's): the report's projects, numbers and cut-off actors are those of
    `netzwerk foerderung` with these funders and --bis 2027 on the same day."""
    arguments = ["--store", str(sample["store"]), "foerderung", "--bis", "2027"]
    arguments += [part for funder in FUNDERS for part in ("--foerdergeber", funder)]
    result = CliRunner().invoke(cli, [*arguments, "--as-of", DAY.isoformat(), "--format", "json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    section = funding_section(sample["graph"])
    tables = {table.csv: table for table in section.tables}
    assert [row["project"] for row in tables["projects_ending.csv"].rows] == [
        p["name"] for p in shown["projects"]
    ]
    assert len(shown["projects"]) == 4
    measures = tables["funding.csv"].rows
    assert (measures[0]["before"], measures[0]["after"]) == (
        shown["connected_pairs_before"],
        shown["connected_pairs_after"],
    )
    assert (measures[2]["before"], measures[2]["after"]) == (
        shown["components_before"],
        shown["components_after"],
    )
    assert len(tables["cut_off_without_funding.csv"].rows) == len(shown["cut_off"]) == 2
    lost = f"{len(shown['ties_lost'])} Verbindungen gäbe es dann nicht mehr"
    assert any(finding.startswith(lost) for finding in section.findings)
    assert "31.12.2027" in section.lead


def test_english_words_and_no_funding_without_an_end_in_the_horizon(sample):
    english = funding_section(sample["graph"], "en")
    assert english.title == "When funding ends (sustaining the network)"
    assert english.findings[0].startswith("By 31 Dec 2027 funding runs out from Stadt Hagen")
    # in 2020 nothing the sample funds ends by the end of 2021 but the playground's project
    # (funded until its end, 31.10.2021): the section names that one project
    early = funding_section(sample["graph"], day=date(2020, 6, 30))
    (projects,) = [t for t in early.tables if t.csv == "projects_ending.csv"]
    assert [row["project"] for row in projects.rows] == [
        "Umgestaltung Spielplatz Bodelschwinghplatz"
    ]


def test_without_funding_data_the_section_says_which_columns_enable_it(hostile_graph):
    graph, _ = hostile_graph
    section = funding_section(graph, day=date(2024, 6, 30))
    assert "foerderung_bis" in section.lead and not section.tables


def sections_of(graph, lang="de", day=DAY):
    report = build_report(graph, lang=lang, as_of=day, pseudonymiser=Pseudonymiser(b"k"))
    return {section.key: section for section in report.sections}


def test_the_verstetigung_page_repeats_the_numbers_of_its_three_sections(sample):
    """One computation: the page's table shows the dependency section's pairs without the
    QM, the funding section's pairs with and without the funding, and its findings are
    the committee section's."""
    sections = sections_of(sample["graph"])
    page = sections["verstetigung"]
    (table,) = page.tables
    pairs, fragmentation, cut_off = table.rows
    funding = {t.csv: t for t in sections["funding"].tables}["funding.csv"].rows
    dependency = {t.csv: t for t in sections["dependency"].tables}["dependency.csv"].rows
    assert (pairs["today"], pairs["money"]) == (funding[0]["before"], funding[0]["after"])
    assert pairs["qm"] == dependency[0]["after"]
    assert fragmentation["qm"] == dependency[1]["after"]
    assert fragmentation["money"] == funding[1]["after"]
    funding_cut = {t.csv: t for t in sections["funding"].tables}["cut_off_without_funding.csv"]
    qm_cut = {t.csv: t for t in sections["dependency"].tables}["cut_off_without_qm.csv"]
    assert (cut_off["qm"], cut_off["money"]) == (len(qm_cut.rows), len(funding_cut.rows))
    assert set(sections["committee"].findings) <= set(page.findings)
    assert list(sections)[:2] == ["overview", "verstetigung"]  # the page comes first


def test_the_committee_section_shows_the_lenkungskreis_and_its_missing_sectors(sample):
    """The QM runs the Lenkungskreis and the Verfügungsfonds-Jury; the Lenkungskreis has
    more members, so the report shows it: local economy and housing have no seat there."""
    section = sections_of(sample["graph"], "en")["committee"]
    assert "Lenkungskreis Wehringhausen" in section.lead
    tables = {t.csv: t for t in section.tables}
    missing = [r["group"] for r in tables["committee_seats.csv"].rows if r["members"] == 0]
    assert "local economy" in missing and "housing and property" in [m.lower() for m in missing]
    assert tables["committee_candidates.csv"].rows


def test_the_contacts_section_lists_what_netzwerk_kontakte_lists(sample):
    """The report's call list and counts are `netzwerk kontakte`'s on the same day."""
    result = CliRunner().invoke(
        cli,
        [
            "--store",
            str(sample["store"]),
            "kontakte",
            "--as-of",
            DAY.isoformat(),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    section = sections_of(sample["graph"])["contacts"]
    (table,) = section.tables
    assert len(table.rows) == shown["dormant"] > 10
    assert [row["last_contact"] for row in table.rows] == [
        date.fromisoformat(t["last_contact"]).strftime("%d.%m.%Y") for t in shown["ties"]
    ]
    assert section.findings[0].startswith(f"{shown['dormant']} von {shown['ties_total']}")


def test_a_city_sized_call_list_is_cut_but_its_counts_cover_every_dormant_tie(sample, monkeypatch):
    """With room for 5 ties, dormant_ties.csv holds the 5 most important (the head of the
    full list) and says so; the counts and the carrying ties still cover all of them."""
    full = sections_of(sample["graph"])["contacts"]
    monkeypatch.setattr("netzwerk.report.analyses.DORMANT_TIES_IN_CSV", 5)
    cut = sections_of(sample["graph"])["contacts"]
    (full_table,), (cut_table,) = full.tables, cut.tables
    assert cut_table.rows == full_table.rows[:5] and len(full_table.rows) > 5
    assert "dormant_ties.csv nennt die wichtigsten 5." in cut.findings[0]
    assert "nennt" not in full.findings[0]
    assert cut.findings[1:] == full.findings[1:]  # carrying ties and callers unchanged
