"""Communities (Louvain, Leiden), modularity and the holes between communities."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netzwerk.analysis.communities import communities, community_holes, modularity
from netzwerk.errors import ConfigError


def southern_women() -> tuple[nx.Graph, list[str]]:
    """Davis' women × events, projected onto the women with Newman's collaboration weights."""
    davis = nx.davis_southern_women_graph()
    women = davis.graph["top"]  # in the published order, woman 1 (Evelyn) … 18 (Flora)
    return nx.bipartite.collaboration_weighted_projected_graph(davis, women), women


# Davis, Gardner & Gardner (1941) put women 1–9 in one group and 9–18 in the other (Ruth,
# woman 9, in both); Freeman's (2003) meta-analysis of 21 analyses finds the same split,
# with the peripheral members (Pearl 8, Ruth 9, Dorothy 16, Olivia 17, Flora 18) placed
# differently by different methods. The core and primary members are never in doubt.
FIRST_CORE = range(1, 8)  # Evelyn … Eleanor
SECOND_CORE = range(10, 16)  # Verne … Helen
AMBIGUOUS = {8, 9, 16, 17, 18}


@pytest.mark.parametrize("method", ["louvain", "leiden"])
def test_southern_women_split_into_freemans_two_groups(method):
    projected, women = southern_women()
    result = communities(projected, method, seed=42)
    number = {name: i + 1 for i, name in enumerate(women)}
    found = [{number[w] for w in group} for group in result["communities"]]
    assert len(found) == 2
    first = next(g for g in found if 1 in g)
    second = next(g for g in found if 10 in g)
    assert first is not second
    assert set(FIRST_CORE) <= first and set(SECOND_CORE) <= second
    assert first | second == set(range(1, 19))
    assert (first - set(FIRST_CORE)) | (second - set(SECOND_CORE)) <= AMBIGUOUS


def test_southern_women_consensus_split_with_collaboration_weights():
    """With the collaboration weighting and seed 42 both methods give exactly 1–9 / 10–18."""
    projected, women = southern_women()
    for method in ("louvain", "leiden"):
        groups = communities(projected, method, seed=42)["communities"]
        assert sorted(sorted(women.index(w) + 1 for w in g) for g in groups) == [
            list(range(1, 10)),
            list(range(10, 19)),
        ]


@pytest.mark.parametrize("method", ["louvain", "leiden"])
def test_same_seed_same_communities(method):
    graph = nx.les_miserables_graph()
    first = communities(graph, method, seed=7)
    assert communities(graph, method, seed=7) == first


def test_modularity_matches_networkx():
    graph = nx.les_miserables_graph()
    found = communities(graph, "leiden", seed=1)
    assert found["modularity"] == pytest.approx(
        nx.community.modularity(graph, found["communities"], weight="weight")
    )
    assert modularity(graph, found["communities"], weight=None) == pytest.approx(
        nx.community.modularity(graph, found["communities"], weight=None)
    )


@settings(max_examples=40, deadline=None)
@given(st.integers(4, 30), st.integers(0, 60), st.integers(0, 1000), st.floats(0.5, 2.0))
def test_modularity_matches_networkx_on_random_partitions(n, m, seed, resolution):
    graph = nx.gnm_random_graph(n, min(m, n * (n - 1) // 2), seed=seed)
    parts = [set(range(0, n, 3)), set(range(1, n, 3)), set(range(2, n, 3))]
    if graph.number_of_edges() == 0:
        assert modularity(graph, parts) == 0.0
        return
    assert modularity(graph, parts, resolution=resolution) == pytest.approx(
        nx.community.modularity(graph, parts, resolution=resolution)
    )


def test_communities_are_a_partition_largest_first_isolates_alone():
    graph = nx.les_miserables_graph()
    graph.add_node("Alone")
    found = communities(graph, "leiden", seed=3)["communities"]
    members = [node for group in found for node in group]
    assert sorted(members) == sorted(graph)
    assert [len(g) for g in found] == sorted((len(g) for g in found), reverse=True)
    assert ["Alone"] in found


def test_unknown_method_is_a_config_error():
    with pytest.raises(ConfigError, match="unbekanntes Verfahren"):
        communities(nx.path_graph(3), "girvan")


# ----------------------------------------------------------------- holes


def test_holes_none_single_actor_and_coordinator_only():
    """Four triangles: A–B joined through a single actor of A (two of B's members),
    A–C only through the QM (in A), D stands apart, B–C joined by several on both sides."""
    graph = nx.Graph()
    triangles = {
        "A": ["qm", "a1", "a2"],
        "B": ["b1", "b2", "b3"],
        "C": ["c1", "c2", "c3"],
        "D": ["d1", "d2", "d3"],
    }
    for x, y, z in triangles.values():
        graph.add_edges_from([(x, y), (y, z), (x, z)])
    graph.add_edges_from(
        [
            ("a1", "b1"),
            ("a1", "b2"),  # single actor on A's side
            ("qm", "c1"),
            ("qm", "c2"),  # only through the QM
            ("b1", "c1"),
            ("b2", "c2"),
        ]
    )  # healthy
    holes = community_holes(graph, list(triangles.values()), ["qm"])
    kinds = {tuple(h["communities"]): (h["kind"], h["ties"], h["bridging_actors"]) for h in holes}
    assert kinds == {
        (0, 3): ("none", 0, []),
        (1, 3): ("none", 0, []),
        (2, 3): ("none", 0, []),
        (0, 2): ("coordinator_only", 2, ["qm"]),
        (0, 1): ("single_actor", 2, ["a1"]),
    }
    assert [h["kind"] for h in holes] == ["none"] * 3 + ["coordinator_only", "single_actor"]


def test_holes_take_the_result_of_communities_and_the_views_coordinators():
    graph = nx.Graph(
        [("qm", "a"), ("a", "b"), ("qm", "b"), ("c", "d"), ("d", "e"), ("c", "e"), ("qm", "c")]
    )
    graph.nodes["qm"]["coordinator"] = True
    found = communities(graph, "leiden", seed=1)
    holes = community_holes(graph, found)
    assert [h["kind"] for h in holes] == ["coordinator_only"]


def test_small_communities_are_skipped():
    graph = nx.Graph([(1, 2), (2, 3), (1, 3)])
    graph.add_node(4)
    assert community_holes(graph, [[1, 2, 3], [4]], []) == []
    assert community_holes(graph, [[1, 2, 3], [4]], [], min_size=1)[0]["kind"] == "none"
