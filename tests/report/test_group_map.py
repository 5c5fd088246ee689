"""Large networks: the report's map shows the groups and the ties between them, says so,
and no figure draws every actor (issue 13)."""

from __future__ import annotations

import matplotlib

from netzwerk.analysis.gaps import gaps_report
from netzwerk.analysis.views import actor_view
from netzwerk.present.labels import sector_label
from netzwerk.report.build import build_report
from netzwerk.report.figures import groups

from .conftest import AS_OF


def section(report, key):
    (found,) = [s for s in report.sections if s.key == key]
    return found


def test_past_the_limit_the_report_maps_groups_and_says_so(sample, monkeypatch):
    monkeypatch.setattr(groups, "GROUP_MAP_FROM", 100)  # the sample view has 173 actors
    report = build_report(sample["graph"], lang="de", as_of=AS_OF)
    shown = section(report, "map")
    actors = len(actor_view(sample["graph"], as_of_date=AS_OF))
    assert actors >= 100
    assert f"Das Netz hat {actors} Akteure" in shown.lead
    assert [figure.title for figure in shown.figures] == ["Netzwerkkarte nach Sektoren"]
    assert any("Ab 100 Akteuren" in line for line in shown.method)
    assert section(report, "dependency").figures == []  # in numbers only


def test_below_the_limit_the_map_shows_every_actor(sample):
    report = build_report(sample["graph"], lang="de", as_of=AS_OF)
    assert [figure.title for figure in section(report, "map").figures] == ["Netzwerkkarte"]
    assert section(report, "dependency").figures


def test_group_map_draws_each_group_with_its_counts_and_brokers(sample):
    """One circle per group with actors, one line per pair of groups with ties, the label
    naming actors and inner ties as the mixing result counts them."""
    matplotlib.use("Agg")
    view = actor_view(sample["graph"], as_of_date=AS_OF)
    mixing = gaps_report(view, permutations=0)
    shown = [g for g in mixing["groups"] if g["actors"]]
    figure = groups.group_map(mixing, brokers=[("Akteur X", "social")], lang="de")
    ax = figure.axes[0]
    labels = [t.get_text() for t in ax.texts]
    assert len(ax.collections) == len(shown)  # one scatter per group
    for group in shown:
        (label,) = [t for t in labels if t.startswith(sector_label(group["group"], "de"))]
        assert f"{group['actors']} Akteure · {group['internal_ties']} Verbindungen" in label
    assert any("◆ Akteur X" in t for t in labels)
    keys = [g["group"] for g in shown]
    pairs = sum(1 for i, g in enumerate(keys) for h in keys[i + 1 :] if mixing["observed"][g][h])
    assert len(ax.lines) == pairs
