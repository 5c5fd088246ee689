"""Figures: deterministic, PNG and SVG by suffix, persons never labelled by name."""

from __future__ import annotations

from datetime import date

import pytest

from netzwerk.errors import ConfigError, NotFound
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report import figures
from netzwerk.report.build import find_actor, plot_figure

from .conftest import AS_OF, KEY


def test_svg_is_byte_identical_across_runs(hostile_graph, tmp_path):
    graph, _ = hostile_graph
    first = figures.svg_text(
        plot_figure("map", graph, as_of=AS_OF, pseudonymiser=Pseudonymiser(KEY))
    )
    second = figures.svg_text(
        plot_figure("map", graph, as_of=AS_OF, pseudonymiser=Pseudonymiser(KEY))
    )
    assert first == second
    assert "<dc:date>" not in first


@pytest.mark.parametrize("kind", ["map", "gaps", "ego", "dependency"])
def test_every_plot_kind_saves_png_and_svg(hostile_graph, tmp_path, kind):
    graph, _ = hostile_graph
    figure = plot_figure(
        kind, graph, actor="qm", as_of=AS_OF, lang="en", pseudonymiser=Pseudonymiser(KEY)
    )
    png = figures.save_figure(figure, tmp_path / f"{kind}.png")
    svg = figures.save_figure(figure, tmp_path / f"{kind}.svg")
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert svg.read_text().lstrip().startswith("<?xml")


def test_unknown_suffix_is_refused(hostile_graph, tmp_path):
    graph, _ = hostile_graph
    with pytest.raises(ConfigError):
        figures.save_figure(plot_figure("gaps", graph, as_of=AS_OF), tmp_path / "bild.jpg")


def figure_texts(figure) -> list[str]:
    texts = [t.get_text() for t in figure.texts]
    for ax in figure.axes:
        texts += [t.get_text() for t in ax.texts] + [ax.get_title()]
        texts += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    for legend in figure.legends:
        texts += [t.get_text() for t in legend.get_texts()]
    return texts


@pytest.mark.parametrize("kind", ["map", "ego", "dependency"])
def test_figures_never_show_names_of_persons(hostile_graph, kind):
    graph, _ = hostile_graph
    pseudonymiser = Pseudonymiser(KEY)
    figure = plot_figure(kind, graph, actor="erika", as_of=AS_OF, pseudonymiser=pseudonymiser)
    texts = " | ".join(figure_texts(figure))
    assert "Erika" not in texts and "Max Geheim" not in texts
    if kind == "ego":
        assert pseudonymiser.pseudonym("erika") in texts  # the ego figure labels everyone
    named = plot_figure(
        kind, graph, actor="erika", as_of=AS_OF, show_names=True, pseudonymiser=pseudonymiser
    )
    assert "Max Geheim" not in " | ".join(figure_texts(named))


def test_map_labels_organisations_and_marks_roles_by_shape(sample):
    from netzwerk.analysis.views import actor_view

    view = actor_view(sample["graph"], as_of_date=AS_OF)
    names = Pseudonymiser(KEY).names_for(view.nodes)
    figure = figures.network_map(view, names=names, brokers=["wiw"], cut_points=["ev-gemeinde"])
    labels = {t.get_text() for ax in figure.axes for t in ax.texts}
    assert any(label.startswith("Wir in Wehringhausen") for label in labels)
    persons = {d["name"] for _, d in view.nodes(data=True) if d.get("natural_person")}
    assert not labels & persons
    markers = {line.get_marker() for legend in figure.legends for line in legend.legend_handles}
    assert {"*", "D", "o", "^"} <= markers


def test_layout_is_deterministic(sample):
    from netzwerk.analysis.views import actor_view

    view = actor_view(sample["graph"], as_of_date=AS_OF)
    first, second = figures.network_layout(view), figures.network_layout(view)
    assert all((first[n] == second[n]).all() for n in view)


def test_large_parts_get_the_grid_force_layout_deterministically(monkeypatch):
    """Above `KAMADA_KAWAI_LIMIT` a part gets Fruchterman–Reingold with igraph's grid: the
    same positions in every run (and whatever the caller's random state), inside the
    page, and tied actors drawn nearer to each other than untied ones."""
    import random

    import networkx as nx
    import numpy as np

    from netzwerk.report.figures import layout

    monkeypatch.setattr(layout, "KAMADA_KAWAI_LIMIT", 20)
    view = nx.connected_watts_strogatz_graph(120, 4, 0.1, seed=3)
    first = layout.network_layout(view)
    random.seed(99)
    second = layout.network_layout(view)
    assert all((first[n] == second[n]).all() for n in view)
    coords = np.array([first[n] for n in view])
    assert np.isfinite(coords).all() and np.abs(coords).max() <= 1.0 + 1e-9
    tied = np.mean([np.linalg.norm(first[u] - first[v]) for u, v in view.edges()])
    pairs = random.Random(1).sample([(u, v) for u in view for v in view if u < v], 500)
    untied = np.mean([np.linalg.norm(first[u] - first[v]) for u, v in pairs])
    assert tied < untied / 2


def test_find_actor_accepts_id_pseudonym_and_name(hostile_graph):
    from netzwerk.analysis.views import actor_view

    graph, _ = hostile_graph
    view = actor_view(graph, as_of_date=date(2024, 6, 30))
    pseudonymiser = Pseudonymiser(KEY)
    assert find_actor(view, "school", pseudonymiser) == "school"
    assert find_actor(view, pseudonymiser.pseudonym("max").lower(), pseudonymiser) == "max"
    assert find_actor(view, "grundschule süd", pseudonymiser) == "school"
    with pytest.raises(NotFound):
        find_actor(view, "Niemand", pseudonymiser)


def test_dependency_figure_draws_the_cut_off_actors_of_the_analysis(sample):
    from netzwerk.analysis.dependency import coordinator_dependency
    from netzwerk.analysis.views import actor_view, coordinators

    view = actor_view(sample["graph"], as_of_date=AS_OF)
    hubs = coordinators(view)
    result = coordinator_dependency(view, hubs, weighted=False)
    assert figures.cut_off_actors(view, hubs) == result["cut_off"] != []
    figure = figures.dependency_figure(view, hubs, dependency=result, lang="en")
    legend = [t.get_text() for legend in figure.legends for t in legend.get_texts()]
    assert f"cut off without the QM ({len(result['cut_off'])})" in legend
    bars = {ax.get_title(): [t.get_text() for t in ax.texts] for ax in figure.axes}
    assert bars["Connected pairs"] == [
        f"{result['connected_pairs_including_coordinators']:,}",
        f"{result['connected_pairs_after']:,}",
    ]
    assert bars["Separate parts"] == [
        str(result["components_before"]),
        str(result["components_after"]),
    ]
