"""Small performance helpers shared by every layer."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects.

    Ingest, store writes and graph building allocate millions of tuples and dicts and no
    reference cycles; letting the collector rescan the growing heap again and again costs
    more than the work itself (measured: writing 125k ties took 0.82 s of CPU with the
    collector, 0.19 s without).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
