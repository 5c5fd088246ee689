"""Large networks: the report's map shows the groups and the ties between them, says so,
and no figure draws every actor (issue 13)."""

from __future__ import annotations

import matplotlib

from netzwerk.analysis.gaps import gaps_report
from netzwerk.analysis.views import actor_view
from netzwerk.model import SECTORS
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
        assert f"{group['actors']} Akteure\n{group['internal_ties']} Verbindungen" in label
    assert any("◆ Akteur X" in t for t in labels)
    keys = [g["group"] for g in shown]
    pairs = sum(1 for i, g in enumerate(keys) for h in keys[i + 1 :] if mixing["observed"][g][h])
    assert len(ax.lines) == pairs


def test_city_sized_labels_stay_inside_the_figure_and_apart():
    """Eleven sectors of 60,000–90,000 actors, two long broker names each (the 1M bench's
    map cut 5-digit counts at the figure's edges, and two labels at the bottom overlapped):
    every label lies inside the figure and no two labels' boxes overlap."""
    matplotlib.use("Agg")
    keys = list(SECTORS.keys())[:11]
    mixing = {
        "observed": {g: {h: 0 if g == h else 95_000 for h in keys} for g in keys},
        "groups": [
            {"group": g, "actors": 60_000 + 2_999 * i, "internal_ties": 18_180}
            for i, g in enumerate(keys)
        ],
    }
    brokers = [(f"Akteur {i:06d} mit langem Namen", keys[i % 11]) for i in range(22)]
    figure = groups.group_map(mixing, brokers=brokers, lang="de", title="Netzwerkkarte")
    figure.draw_without_rendering()
    inside = figure.bbox
    boxes = [text.get_window_extent() for text in figure.axes[0].texts]
    assert len(boxes) == 11
    for box in boxes:
        assert inside.x0 <= box.x0 and box.x1 <= inside.x1, box
        assert inside.y0 <= box.y0 and box.y1 <= inside.y1, box
    for i, box in enumerate(boxes):
        assert not any(box.overlaps(other) for other in boxes[i + 1 :])
