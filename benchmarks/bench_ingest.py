"""Ingest speed: files -> validated Changeset (and, if a store is there, into SQLite).

    .venv/bin/python benchmarks/bench_ingest.py              # 100k ties as CSV and as .xlsx
    .venv/bin/python benchmarks/bench_ingest.py --ties 20000 # smaller
    .venv/bin/python benchmarks/bench_ingest.py --million    # 1M ties as CSV: time, peak RSS

Targets (issue 2): CSV well above 50,000 ties/s (the store write must fit in the same
budget), .xlsx at least 20,000 ties/s, 1M ties within 2 GB of memory. Data is generated
into a temporary folder first; generation is not timed. The 1M measurement runs in a
fresh child process so its peak RSS is the ingest's own.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netzwerk.ingest import read_files  # noqa: E402
from netzwerk.model import ACTOR_TYPES, SECTORS  # noqa: E402

ACTOR_HEADER = ["id", "name", "typ", "sektor", "themen", "adresse", "seit", "einwilligung"]
TIE_HEADER = ["von", "zu", "art", "staerke", "seit", "notiz"]
TOPICS = [
    "Bildung",
    "Integration",
    "Kultur",
    "Leerstand",
    "Fassaden",
    "Sauberkeit",
    "Senioren",
    "Jugend",
    "Grün",
    "Sicherheit",
    "Sprache",
    "Nachbarschaft",
]
WORDS = [
    "Sonnenblick",
    "Regenbogen",
    "Lindenhof",
    "Brückenbau",
    "Werkstatt",
    "Treffpunkt",
    "Kulturforum",
    "Nachbarschaftshilfe",
    "Bürgerverein",
    "Sportfreunde",
    "Chor",
    "Laden",
]
STREETS = [
    "Lange Straße",
    "Wehringhauser Straße",
    "Minervastraße",
    "Augustastraße",
    "Bismarckstraße",
    "Gutenbergstraße",
    "Lenzmannstraße",
    "Rehstraße",
]
ACTOR_KINDS = ["Kooperation"] * 8 + ["Mitgliedschaft", "Träger", "Förderung"]


def actor_rows(n_actors: int, seed: int = 7):
    rng = random.Random(seed)
    types, sectors = ACTOR_TYPES.labels("de"), SECTORS.labels("de")
    for i in range(n_actors):
        topics = "; ".join(rng.sample(TOPICS, rng.randint(0, 3)))
        yield [
            f"a{i}",
            f"{rng.choice(WORDS)} {i}",
            rng.choice(types),
            rng.choice(sectors),
            topics,
            f"{rng.choice(STREETS)} {rng.randint(1, 120)}, 58089 Hagen",
            str(rng.randint(2000, 2024)),
            rng.choice(["ja", "nein", ""]),
        ]


def tie_rows(n_actors: int, n_ties: int, seed: int = 11):
    """Unique ties without a set: tie t joins actor t mod n to the one d = t div n + 1 on.

    Half the ends are written as names, half as ids, as staff do.
    """
    rng = random.Random(seed)
    names = {i: row[1] for i, row in enumerate(actor_rows(n_actors))}
    if n_ties > n_actors * (n_actors // 2 - 1):
        raise SystemExit("too many ties for the number of actors")
    for t in range(n_ties):
        source, distance = t % n_actors, t // n_actors + 1
        target = (source + distance) % n_actors
        weight = rng.choice(["", "1", "2", "1,5", "3"])
        since = rng.choice(["", "", "2021", "03.04.2022", "2023-06"])
        yield [
            names[source] if rng.random() < 0.5 else f"a{source}",
            names[target] if rng.random() < 0.5 else f"a{target}",
            rng.choice(ACTOR_KINDS),
            weight,
            since,
            "",
        ]


def write_csv(folder: Path, n_actors: int, n_ties: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    actors, ties = folder / "Akteure.csv", folder / "Beziehungen.csv"
    with actors.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(ACTOR_HEADER)
        writer.writerows(actor_rows(n_actors))
    with ties.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(TIE_HEADER)
        writer.writerows(tie_rows(n_actors, n_ties))
    return [actors, ties]


def as_excel_cell(text: str) -> object:
    """The cell Excel makes of typed text: nothing, a number, a date, or text."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if text.replace(",", "", 1).isdigit():
        return float(text.replace(",", "."))
    parts = text.split(".")
    if len(parts) == 3 and all(part.isdigit() for part in parts):
        return date(int(parts[2]), int(parts[1]), int(parts[0]))
    return text


def write_xlsx(path: Path, n_actors: int, n_ties: int) -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Akteure")
    sheet.append(ACTOR_HEADER)
    for row in actor_rows(n_actors):
        sheet.append([as_excel_cell(cell) for cell in row])
    sheet = workbook.create_sheet("Beziehungen")
    sheet.append(TIE_HEADER)
    for row in tie_rows(n_actors, n_ties):
        sheet.append([as_excel_cell(cell) for cell in row])
    workbook.save(path)
    return path


def timed_read(label: str, paths: list[Path]):
    """Read and report wall-clock and CPU rates (CPU time is steadier on a busy machine)."""
    started, started_cpu = time.perf_counter(), time.process_time()
    result = read_files(paths)
    seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    n_ties = len(result.changeset.ties)
    print(
        f"{label:>6}: {n_ties:>9,} ties (+ {len(result.changeset.actors):,} actors) in "
        f"{seconds:6.2f} s = {n_ties / seconds:>10,.0f} ties/s  "
        f"(CPU {cpu:.2f} s = {n_ties / cpu:,.0f} ties/s; {len(result.warnings)} warnings)"
    )
    return result, seconds, cpu


def timed_store(result, folder: Path, read_seconds: float, read_cpu: float) -> None:
    from netzwerk.store import open_store

    started, started_cpu = time.perf_counter(), time.process_time()
    with open_store(str(folder / "bench.sqlite")) as store:
        store.init()
        store.apply(result.changeset)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - started_cpu
    n_ties = len(result.changeset.ties)
    total, total_cpu = read_seconds + seconds, read_cpu + cpu
    print(
        f"  store: SQLite write {seconds:6.2f} s (CPU {cpu:.2f} s); end to end "
        f"{total:6.2f} s = {n_ties / total:,.0f} ties/s (CPU {total_cpu:.2f} s = "
        f"{n_ties / total_cpu:,.0f} ties/s)"
    )


def measure_child(folder: Path) -> None:
    """Run in a fresh process: read the CSV pair and report time and peak RSS."""
    started, started_cpu = time.perf_counter(), time.process_time()
    result = read_files([folder / "Akteure.csv", folder / "Beziehungen.csv"])
    seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n_ties = len(result.changeset.ties)
    print(
        f"   csv: {n_ties:>9,} ties in {seconds:6.2f} s = {n_ties / seconds:>10,.0f} ties/s "
        f"(CPU {cpu:.2f} s = {n_ties / cpu:,.0f} ties/s); peak RSS {peak_mb:,.0f} MB "
        "(target < 2,048 MB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ties", type=int, default=100_000)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--million", action="store_true", help="1M ties as CSV, peak memory")
    parser.add_argument("--no-xlsx", action="store_true", help="skip the .xlsx run")
    parser.add_argument("--measure-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_child:
        measure_child(args.measure_child)
        return
    with tempfile.TemporaryDirectory(prefix="netzwerk-bench-") as temp:
        folder = Path(temp)
        if args.million:
            write_csv(folder / "csv", args.actors, 1_000_000)
            subprocess.run(
                [sys.executable, __file__, "--measure-child", str(folder / "csv")], check=True
            )
            return
        paths = write_csv(folder / "csv", args.actors, args.ties)
        result, seconds, cpu = timed_read("csv", paths)
        timed_store(result, folder, seconds, cpu)
        del result
        if not args.no_xlsx:
            workbook = write_xlsx(folder / "bench.xlsx", args.actors, args.ties)
            timed_read("xlsx", [workbook])


if __name__ == "__main__":
    main()
