"""Shared by the atheris harnesses: read one input through `netzwerk.ingest.read_files`.

The property that must hold for any input: `read_files` returns, or raises `InputError`
whose problems all name a file; anything else (another exception, an abort, more than a
second for one input, writing a file) is a finding. libFuzzer's ``-timeout`` and
``-rss_limit_mb`` turn hangs and memory blow-ups into findings too.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["netzwerk"]):
    from netzwerk.errors import InputError
    from netzwerk.ingest import read_files

SECONDS_PER_INPUT = 1.0
_FOLDER = Path(tempfile.mkdtemp(prefix="netzwerk-fuzz-", dir="/dev/shm"
                                if os.path.isdir("/dev/shm") else None))
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)


def check(name: str, data: bytes) -> None:
    """Write ``data`` as file ``name`` and read it; raise on any broken promise."""
    path = _FOLDER / name
    path.write_bytes(data)
    started = time.perf_counter()
    try:
        read_files([path])
    except InputError as error:
        if not any(problem.severity == "error" for problem in error.problems):
            raise AssertionError("InputError without an error") from error
        for problem in error.problems:
            if not problem.file:
                raise AssertionError(f"problem without a location: {problem}") from error
            str(problem).encode("utf-8")
    finally:
        path.unlink()
    elapsed = time.perf_counter() - started
    if elapsed > SECONDS_PER_INPUT:
        raise AssertionError(f"{len(data)} bytes took {elapsed:.2f} s")
    leftovers = list(_FOLDER.iterdir())
    if leftovers:
        raise AssertionError(f"reading wrote files: {leftovers}")


def main(test_one_input) -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
