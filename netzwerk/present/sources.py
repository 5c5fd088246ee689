"""The data sources a store was loaded from, each file once (not once per ingest run).

`Store.ingest_log` has one entry per run; loading the same workbook every month would list
it twelve times a year. `data_sources` folds the log by file: the day it was last read and
how often it was loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from netzwerk.present.formats import format_date, plural
from netzwerk.present.texts import text
from netzwerk.store.base import SOURCE_SEPARATOR

__all__ = ["ALL_RUNS", "data_sources", "last_read", "source_phrase"]

#: ``limit`` for `Store.ingest_log` that reads every run (sources are folded from all)
ALL_RUNS = 1_000_000


def _file_name(path: object) -> str:
    return str(path).replace("\\", "/").rsplit("/", 1)[-1]


def data_sources(ingest_log: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Each file of the log once: ``file``, ``last`` (ISO time of its latest load) and
    ``loads`` (runs that read it), the most recently loaded first. A file loaded under a
    name of its own (``ingest --quelle``) is listed by that name, the file in brackets.

    >>> log = [
    ...     {"started": "2026-03-01T09:00:00", "files": ["netz.xlsx"]},
    ...     {"started": "2026-02-01T09:00:00", "files": ["daten/netz.xlsx", "Orte.csv"]},
    ...     {"started": "2026-03-12T17:00:00", "files": ["k.xlsx"], "source": "Workshop"},
    ... ]
    >>> [(s["file"], s["last"][:10], s["loads"]) for s in data_sources(log)]
    [('Workshop (k.xlsx)', '2026-03-12', 1), ('netz.xlsx', '2026-03-01', 2), ('Orte.csv', '2026-02-01', 1)]
    """
    sources: dict[str, dict[str, Any]] = {}
    for entry in ingest_log:
        started = str(entry.get("started") or "")
        files = list(dict.fromkeys(_file_name(f) for f in entry.get("files") or []))
        named = str(entry.get("source") or "")
        if files and named and named not in (SOURCE_SEPARATOR.join(files), *files):
            files = [f"{named} ({', '.join(files)})"]
        for name in files:
            source = sources.setdefault(name, {"file": name, "last": started, "loads": 0})
            source["loads"] += 1
            source["last"] = max(source["last"], started)
    return sorted(sources.values(), key=lambda s: (s["last"], s["file"]), reverse=True)


def _day(started: str, format_day: Callable[[date], str]) -> str:
    try:
        return format_day(date.fromisoformat(started[:10]))
    except ValueError:
        return started[:10] or "–"


def last_read(source: Mapping[str, Any], lang: str = "de") -> str:
    """The day a data source was last read, as a person reads a date.

    >>> last_read({"file": "netz.xlsx", "last": "2026-03-01T09:00", "loads": 3})
    '01.03.2026'
    """
    return _day(str(source["last"]), lambda d: format_date(d, lang))


def source_phrase(
    source: Mapping[str, Any], lang: str = "de", format_day: Callable[[date], str] | None = None
) -> str:
    """One data source as a phrase: the file, the day it was last read (``format_day``,
    default `format_date` in ``lang``), how often.

    >>> source_phrase({"file": "netz.xlsx", "last": "2026-03-01T09:00", "loads": 3})
    'netz.xlsx (zuletzt eingelesen am 01.03.2026, 3 Ladevorgänge)'
    >>> source_phrase({"file": "netz.xlsx", "last": "2026-03-01T09:00", "loads": 1}, "en")
    'netz.xlsx (read on 1 Mar 2026)'
    """
    day = _day(str(source["last"]), format_day or (lambda d: format_date(d, lang)))
    if source["loads"] == 1:
        return text("sources.line_once", lang, file=source["file"], day=day)
    loads = plural(source["loads"], "load", lang)
    return text("sources.line", lang, file=source["file"], day=day, loads=loads)
