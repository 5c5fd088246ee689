"""Betweenness: published values, networkx as the reference, sampling and its error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from netzwerk.analysis import betweenness as module
from netzwerk.analysis._graph_arrays import graph_arrays
from netzwerk.analysis.betweenness import betweenness, betweenness_kernel

REPO = Path(__file__).resolve().parents[2]


def random_weighted(n: int, p: float, seed: int, directed: bool = False) -> nx.Graph:
    """gnp graph with strengths 1, 2 or 4: distances 1, 0.5, 0.25 add up exactly in binary
    floating point, so equally short paths are equal for networkx and igraph alike."""
    graph = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    rng = np.random.default_rng(seed)
    for _, _, data in graph.edges(data=True):
        data["weight"] = float(rng.choice([1, 2, 4]))
        data["distance"] = 1.0 / data["weight"]
    return graph


@pytest.fixture(params=["igraph", "scipy"])
def kernel(request, monkeypatch) -> str:
    """Run a test on both kernels: igraph (small networks) and scipy (`_betweenness_sparse`, large)."""
    monkeypatch.setattr(module, "SCIPY_FROM", 0 if request.param == "scipy" else 10**12)
    return request.param


def assert_same(ours: dict, reference: dict) -> None:
    assert ours.keys() == reference.keys()
    assert max(abs(ours[v] - reference[v]) for v in reference) < 1e-9


def test_medici_betweenness_matches_padgett(kernel):
    values = betweenness(nx.florentine_families_graph(), weighted=False).values
    assert values["Medici"] == pytest.approx(0.522, abs=5e-4)
    assert max(values, key=values.get) == "Medici"


def test_path_middle_lies_on_every_path():
    values = betweenness(nx.path_graph(5), weighted=False, normalized=False).values
    assert values == {0: 0.0, 1: 3.0, 2: 4.0, 3: 3.0, 4: 0.0}


def test_strong_detour_takes_the_shortest_paths(kernel):
    # a - c directly with distance 3, or a - b - c with 1 + 1: b carries the pair when
    # weighted, nobody does when ties are only counted
    graph = nx.Graph(
        [
            ("a", "b", {"distance": 1.0}),
            ("b", "c", {"distance": 1.0}),
            ("a", "c", {"distance": 3.0}),
        ]
    )
    assert betweenness(graph, normalized=False).values["b"] == 1.0
    assert betweenness(graph, weighted=False, normalized=False).values["b"] == 0.0


def test_distance_defaults_to_inverse_weight():
    graph = nx.Graph(
        [("a", "b", {"weight": 2.0}), ("b", "c", {"weight": 2.0}), ("a", "c", {"weight": 0.5})]
    )
    assert betweenness(graph, normalized=False).values["b"] == 1.0


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("weighted", [True, False])
def test_exact_matches_networkx(seed, weighted, kernel):
    graph = random_weighted(120, 0.05, seed)
    ours = betweenness(graph, weighted=weighted).values
    reference = nx.betweenness_centrality(graph, weight="distance" if weighted else None)
    assert_same(ours, reference)


@pytest.mark.parametrize("weighted", [True, False])
def test_directed_exact_matches_networkx(weighted, kernel):
    graph = random_weighted(80, 0.06, 3, directed=True)
    ours = betweenness(graph, weighted=weighted).values
    assert_same(ours, nx.betweenness_centrality(graph, weight="distance" if weighted else None))


@pytest.mark.parametrize("normalized", [True, False])
def test_unnormalised_matches_networkx(normalized, kernel):
    graph = random_weighted(60, 0.08, 5)
    ours = betweenness(graph, normalized=normalized).values
    assert_same(ours, nx.betweenness_centrality(graph, weight="distance", normalized=normalized))


@pytest.mark.parametrize("seed", [1, 7, 42])
@pytest.mark.parametrize("weighted", [True, False])
def test_sampled_estimate_equals_networkx_with_the_same_seed(seed, weighted, kernel):
    graph = random_weighted(150, 0.04, seed)
    ours = betweenness(graph, weighted=weighted, k_sample=40, seed=seed)
    reference = nx.betweenness_centrality(
        graph, k=40, seed=seed, weight="distance" if weighted else None
    )
    assert not ours.exact and ours.sources == 40
    assert_same(ours.values, reference)


def test_sampling_every_actor_is_exact(kernel):
    graph = random_weighted(50, 0.1, 2)
    assert_same(betweenness(graph, k_sample=500).values, betweenness(graph).values)
    assert betweenness(graph, k_sample=500).exact


def test_sampled_result_reports_its_error():
    graph = random_weighted(300, 0.03, 1)
    result = betweenness(graph, k_sample=64, seed=3)
    assert result.error_95.keys() == result.values.keys()
    assert all(
        e == pytest.approx(1.959964 * result.standard_error[v]) for v, e in result.error_95.items()
    )
    assert result.max_error_95 == max(result.error_95.values()) > 0
    method = result.method()
    assert method["betweenness"] == "sampled" and method["betweenness_sources"] == 64
    assert method["betweenness_max_error_95"] == result.max_error_95
    assert betweenness(graph).error_95 is None


def test_stated_95_percent_error_covers_the_exact_value():
    """Over seeds, the interval value ± error_95 holds the exact betweenness for about 95 %
    of actors (a smaller case of `benchmarks/bench_betweenness_error.py`)."""
    from benchmarks.synthetic import store_graph
    from netzwerk.analysis.views import actor_view

    view = actor_view(store_graph(1500, 6000))
    exact = betweenness(view).values
    covered = []
    for seed in range(12):
        estimate = betweenness(view, k_sample=128, seed=seed)
        covered += [abs(estimate.values[v] - exact[v]) <= estimate.error_95[v] for v in view]
    assert 0.92 <= np.mean(covered) <= 0.98


def test_precision_adds_sources_until_every_error_is_small_enough():
    graph = random_weighted(400, 0.02, 2)
    coarse = betweenness(graph, k_sample=32, seed=5)
    wanted = coarse.max_error_95 / 2
    result = betweenness(graph, precision=wanted, seed=5)
    assert result.precision == wanted and result.method()["betweenness_precision"] == wanted
    if not result.exact:
        assert result.max_error_95 <= wanted
        assert result.sources > 32
    tiny = betweenness(graph, precision=1e-9, seed=5)
    assert tiny.exact and tiny.sources == 400
    assert_same(tiny.values, betweenness(graph).values)


def test_large_networks_are_sampled_by_default(monkeypatch):
    graph = random_weighted(60, 0.1, 4)
    monkeypatch.setattr(module, "EXACT_LIMIT", 50)
    monkeypatch.setattr(module, "DEFAULT_SAMPLE", 20)
    result = betweenness(graph)
    assert not result.exact and result.sources == 20 and result.seed == 42
    assert_same(result.values, nx.betweenness_centrality(graph, k=20, seed=42, weight="distance"))


def test_worker_processes_give_the_same_estimate(kernel):
    graph = random_weighted(200, 0.04, 6)
    serial = betweenness(graph, k_sample=48, processes=1)
    parallel = betweenness(graph, k_sample=48, processes=2)
    assert serial.values == parallel.values
    assert serial.standard_error == parallel.standard_error
    assert serial.error_95 == parallel.error_95


UNGUARDED_SCRIPT = """
import networkx as nx
from netzwerk.analysis import betweenness as module
module.SCIPY_FROM = 0  # the kernel that runs in worker processes
print("script ran", flush=True)
graph = nx.gnm_random_graph(300, 1200, seed=1)
result = module.betweenness(graph, k_sample=32, processes=2, weighted=False)
print("estimated", len(result.values), flush=True)
"""


def test_worker_processes_do_not_run_the_callers_script_again(tmp_path):
    """A user's script without an ``if __name__ == "__main__":`` guard: forkserver and spawn
    workers would import it again (and print once more, or fail starting a pool of their
    own). It must run once, and the estimate must come back."""
    script = tmp_path / "no_main_guard.py"
    script.write_text(UNGUARDED_SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["script ran", "estimated 300"]


@pytest.mark.parametrize("k_sample", [None, 30])
def test_pool_counts_only_paths_between_pool_members(k_sample, kernel):
    graph = random_weighted(90, 0.06, 8)
    arrays = graph_arrays(graph)
    pool = [i for i in range(90) if i % 3]
    ours = betweenness_kernel(arrays, pool=pool, normalized=False, k_sample=k_sample, seed=1)
    members = [arrays.nodes[i] for i in pool]
    if k_sample is None:
        reference = nx.betweenness_centrality_subset(
            graph, members, members, normalized=False, weight="distance"
        )
    else:
        # the same estimator written out: pool sources sampled as random.sample does
        import random

        sources = random.Random(1).sample(members, k_sample)
        sums = nx.betweenness_centrality_subset(
            graph, sources, members, normalized=False, weight="distance"
        )
        reference = {}
        for node in graph:
            valid = len(members) - (node in members)
            used = k_sample - (node in sources)
            reference[node] = valid / used * sums[node]
    assert_same(ours.values, reference)


def test_too_few_sources_is_refused():
    with pytest.raises(ValueError, match="at least 2"):
        betweenness(nx.path_graph(5), k_sample=1)


def test_tiny_graphs_have_zero_betweenness(kernel):
    assert betweenness(nx.Graph([(1, 2)])).values == {1: 0.0, 2: 0.0}
    assert betweenness(nx.empty_graph(1)).values == {0: 0.0}
