"""What a betweenness run returns, and the pieces every run shares: the sample frame of
sources, the normalisation, the result of a sampled estimate."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np

from netzwerk.analysis._betweenness_error import Z95, SourceSample
from netzwerk.analysis._graph_arrays import GraphArrays


@dataclass(frozen=True)
class Betweenness:
    """Betweenness of every actor and how it was obtained.

    ``values`` are normalised to [0, 1] unless asked otherwise. For a sampled estimate,
    ``error_95`` holds each actor's 95 % error: the half-width of the interval
    value ± error that contains the exact value with about 95 % probability (same units as
    ``values``), ``standard_error`` the standard error it is 1.96 times, ``max_error_95``
    the largest error, and ``precision`` the largest error asked for (None if a number of
    sources was asked for instead). See `netzwerk.analysis._betweenness_error`.
    """

    values: dict[Hashable, float]
    weighted: bool
    normalized: bool
    exact: bool
    sources: int
    seed: int | None
    standard_error: dict[Hashable, float] | None = None
    error_95: dict[Hashable, float] | None = None
    max_error_95: float | None = None
    precision: float | None = None
    batches: SampledBatches | None = field(default=None, repr=False, compare=False)

    def method(self) -> dict[str, Any]:
        """How the values were computed, for the output's options line."""
        return {
            "betweenness": "exact" if self.exact else "sampled",
            "betweenness_weighted": self.weighted,
            "betweenness_sources": self.sources,
            "betweenness_seed": None if self.exact else self.seed,
            "betweenness_precision": self.precision,
            "betweenness_max_error_95": self.max_error_95,
        }

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "batches"}


@dataclass(frozen=True)
class SampledBatches:
    """The sources of a sampled estimate in their batches (indices into ``nodes``) and,
    per batch, the raw sums Σ_s δ_s(v) of every actor (batches × n)."""

    nodes: list[Hashable]
    parts: list[list[int]]
    sums: np.ndarray


def source_sample(
    arrays: GraphArrays, members: list[int], sums_of: Callable[[list[list[int]]], np.ndarray]
) -> SourceSample:
    """The sample frame of sources ``members`` (pairs of members count)."""
    in_pool = np.zeros(arrays.n, dtype=bool)
    in_pool[members] = True
    # sources that could count for v: every pool member except v itself
    valid = len(members) - in_pool.astype(np.int64)
    degree = np.bincount(np.concatenate([arrays.tail, arrays.head]), minlength=arrays.n)
    return SourceSample(members, valid, in_pool, degree, sums_of)


def pair_scale(arrays: GraphArrays, valid: np.ndarray, normalized: bool) -> np.ndarray:
    """1 / the number of counted pairs not involving v (all ones if not normalised)."""
    pairs = valid * (valid - 1) / (1 if arrays.directed else 2)
    if not normalized:
        return np.ones(arrays.n)
    scale: np.ndarray = np.divide(1.0, pairs, out=np.zeros(arrays.n), where=pairs > 0)
    return scale


def sampled_result(
    arrays: GraphArrays,
    sample: SourceSample,
    raw: np.ndarray,
    error: np.ndarray,
    scale: np.ndarray,
    weighted: bool,
    normalized: bool,
    k: int,
    seed: int | None,
    precision: float | None,
) -> Betweenness:
    """The `Betweenness` of a sampled estimate, with its batches kept."""
    values, error = raw * scale, error * scale
    nodes = arrays.nodes
    return Betweenness(
        {node: float(values[i]) for i, node in enumerate(nodes)},
        weighted,
        normalized,
        False,
        k,
        seed,
        {node: float(error[i]) for i, node in enumerate(nodes)},
        {node: float(Z95 * error[i]) for i, node in enumerate(nodes)},
        float(Z95 * error.max()) if len(nodes) else None,
        precision,
        SampledBatches(nodes, sample.parts, sample.sums),
    )
