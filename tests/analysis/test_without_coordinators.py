"""Sampled betweenness without the coordinators, from the intact run's batches."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

import netzwerk.analysis.betweenness as betweenness_module
from netzwerk.analysis._graph_arrays import graph_arrays
from netzwerk.analysis._without_coordinators import kept_pairs
from netzwerk.analysis.betweenness import betweenness_kernel
from netzwerk.analysis.dependency import coordinator_dependency


def weighted_network(seed: int, n: int = 120) -> nx.Graph:
    """A connected random network with ties of three strengths (so shortest paths tie
    and differ in length) and some actors hanging on one tie."""
    graph = nx.connected_watts_strogatz_graph(n, 4, 0.3, seed=seed)
    rng = np.random.default_rng(seed)
    for _, _, data in graph.edges(data=True):
        data["weight"] = float(rng.choice([1, 2, 4]))
        data["distance"] = 1.0 / data["weight"]
    return graph


@pytest.fixture(params=["igraph", "scipy"])
def kernel(request, monkeypatch) -> str:
    monkeypatch.setattr(betweenness_module, "SCIPY_FROM", 0 if request.param == "scipy" else 10**12)
    return request.param


@pytest.mark.parametrize("seed", [1, 2])
def test_kept_pairs_equal_a_pool_run_with_the_same_sources(kernel, seed):
    """The identity (module docstring) against the direct way: the pool run with the
    intact run's non-coordinator sources, summing δ_st only over targets among the others.
    Coordinators 0 and 7 are among the sampled sources, so both correction terms count."""
    arrays = graph_arrays(weighted_network(seed), weight="weight", distance="distance")
    parts = [[0, 3, 9, 40], [7, 11, 50], [60, 61, 99, 100]]
    intact = betweenness_kernel(arrays, parts=parts)
    keep = np.ones(arrays.n, dtype=bool)
    keep[[0, 7]] = False
    ours = kept_pairs(arrays, intact, keep)
    kept_parts = [[3, 9, 40], [11, 50], [60, 61, 99, 100]]
    pool = np.flatnonzero(keep).tolist()
    direct = betweenness_kernel(arrays, pool=pool, parts=kept_parts)
    assert ours.batches is not None and ours.batches.parts == kept_parts
    assert ours.sources == direct.sources == 9
    assert max(ours.values.values()) > 0.01
    for node in pool:
        assert ours.values[node] == pytest.approx(direct.values[node], rel=1e-9, abs=1e-12)
        assert ours.error_95[node] == pytest.approx(direct.error_95[node], rel=1e-9, abs=1e-12)


def test_every_source_sampled_gives_the_exact_values(kernel):
    """With every actor a source (in batches), the estimate is the exact betweenness over
    pairs of the others (exact pool run)."""
    arrays = graph_arrays(weighted_network(3, 60), weight="weight", distance="distance")
    parts = [list(range(i, min(i + 8, 60))) for i in range(0, 60, 8)]
    keep = np.ones(arrays.n, dtype=bool)
    keep[[5, 30]] = False
    ours = kept_pairs(arrays, betweenness_kernel(arrays, parts=parts), keep)
    exact = betweenness_kernel(arrays, pool=np.flatnonzero(keep).tolist())
    assert exact.exact
    for node in np.flatnonzero(keep):
        assert ours.values[node] == pytest.approx(exact.values[node], rel=1e-9, abs=1e-12)


def test_sampled_dependency_uses_the_intact_runs_sources(monkeypatch):
    """A sampled dependency run: successors' before values are the pool estimate on the
    intact run's sources minus the coordinator, after values the run without it on those
    same sources (computed here directly)."""
    monkeypatch.setattr(betweenness_module, "EXACT_LIMIT", 20)
    graph = weighted_network(4, 200)
    graph.nodes[0]["coordinator"] = True
    nx.set_node_attributes(graph, {n: f"s{n % 3}" for n in graph}, "sector")
    result = coordinator_dependency(graph, k_sample=40, seed=7)
    assert result["betweenness"]["betweenness"] == "sampled"
    arrays = graph_arrays(graph, weight="weight", distance="distance")
    intact = betweenness_kernel(arrays, k_sample=40, seed=7, normalized=False)
    kept = [[s for s in part if s != 0] for part in intact.batches.parts]
    kept = [part for part in kept if part]
    before = betweenness_kernel(arrays, pool=list(range(1, 200)), parts=kept).values
    after = betweenness_kernel(
        arrays.subgraph(np.arange(200) != 0), parts=[[s - 1 for s in part] for part in kept]
    ).values
    assert result["successors"]
    for row in result["successors"]:
        assert row["betweenness_before"] == pytest.approx(before[row["id"]], rel=1e-9)
        assert row["betweenness_after"] == pytest.approx(after[row["id"]], rel=1e-9)


def test_a_very_large_network_takes_the_first_batches_for_the_successors(monkeypatch):
    """Past `SUCCESSOR_WORK` the successors' before and after come from the first batches
    of the intact run only (here 2 of them), computed directly on those sources; the
    broker share keeps every source, and ``successor_sources`` says how many were taken."""
    import netzwerk.analysis.dependency as dependency_module

    monkeypatch.setattr(betweenness_module, "EXACT_LIMIT", 20)
    graph = weighted_network(4, 200)
    graph.nodes[0]["coordinator"] = True
    nx.set_node_attributes(graph, {n: f"s{n % 3}" for n in graph}, "sector")
    arrays = graph_arrays(graph, weight="weight", distance="distance")
    intact = betweenness_kernel(arrays, k_sample=40, seed=7, normalized=False)
    first_two = sum(len(part) for part in intact.batches.parts[:2])
    whole = coordinator_dependency(graph, k_sample=40, seed=7, intact=intact)
    size = arrays.n + len(arrays.tail)
    monkeypatch.setattr(dependency_module, "SUCCESSOR_WORK", first_two * size)
    cut = coordinator_dependency(graph, k_sample=40, seed=7)
    assert cut["successor_sources"] == first_two < intact.sources == 40
    assert cut["betweenness"]["betweenness_sources"] == 40
    assert cut["betweenness_share"] == pytest.approx(whole["betweenness_share"], rel=1e-12)
    kept = [[s for s in part if s != 0] for part in intact.batches.parts[:2]]
    kept = [part for part in kept if part]
    before = betweenness_kernel(arrays, pool=list(range(1, 200)), parts=kept).values
    after = betweenness_kernel(
        arrays.subgraph(np.arange(200) != 0), parts=[[s - 1 for s in part] for part in kept]
    ).values
    assert cut["successors"] and cut["successors"] != whole["successors"]
    for row in cut["successors"]:
        assert row["betweenness_before"] == pytest.approx(before[row["id"]], rel=1e-9)
        assert row["betweenness_after"] == pytest.approx(after[row["id"]], rel=1e-9)
    assert whole["successor_sources"] == 40
