"""Both stores write a changeset with Python's cyclic garbage collector paused.

A city changeset is millions of small lists and no reference cycles; the collector
rescanning them again and again cost the Neo4j ingest a fifth of its time (100k actors /
750k ties: 113 s with it, 92 s without). The test counts collections while `apply` runs:
at most the two that may fall at the edges of the paused block (before it, while the
changeset's source is named; after it, in the driver's resampling call). Without the pause
the Neo4j store ran 18 for these 3,000 ties.
"""

from __future__ import annotations

import gc

from benchmarks.bench_neo4j import build_changeset


def test_apply_runs_no_garbage_collection_and_restores_the_collector(store):
    changeset = build_changeset(300, 3_000)
    started: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            started.append(info["generation"])

    assert gc.isenabled()
    gc.collect()  # start from empty generations: what follows is apply's own allocation
    gc.callbacks.append(count)
    try:
        result = store.apply(changeset)
    finally:
        gc.callbacks.remove(count)
    assert result.created["ties"] == 3_000
    assert len(started) <= 2, started
    assert gc.isenabled()
