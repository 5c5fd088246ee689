"""Files -> one validated `model.Changeset`: workbooks, CSV and JSON as QM staff fill them in.

    read_files(["netzwerk.xlsx"])                    # one workbook with all sheets
    read_files(["Akteure.csv", "Beziehungen.csv"])   # one CSV per sheet
    read_files(["daten/"])                           # every .xlsx/.csv/.json in a folder

All files given together are read as one data set (a tie in one file may name an actor in
another) and checked in one pass: every problem of every file is collected, and if any is
an error, `errors.InputError` carries them all (warnings too). Otherwise the result holds
the changeset and the warnings.

Pipeline: `readers` (file -> tables of rows with their spreadsheet row numbers) ->
`columns` (headers -> fields) -> `records`/`relations` (rows -> records and ties, using
`values` for dates, yes/no, numbers) -> `duplicates` (likely double entries, warnings).
The format itself is described once, in `columns`; `template` writes it as a workbook.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from netzwerk.errors import InputError, Problem, ProblemList
from netzwerk.ingest.builder import Builder, where
from netzwerk.ingest.columns import ColumnMap, map_columns
from netzwerk.ingest.duplicates import find_duplicates
from netzwerk.ingest.readers import SUFFIXES, Table, read_path
from netzwerk.ingest.records import EVENT_ROWS, PROJECT_ROWS, add_actors, add_topics
from netzwerk.ingest.relations import add_participation, add_ties
from netzwerk.model import Changeset
from netzwerk.performance import gc_paused

__all__ = ["IngestResult", "TieCounts", "read_files", "source_name"]

#: problems kept and shown per ingest; the rest are counted (see `errors.ProblemList`)
MAX_PROBLEMS = 1000

# Node sheets first (all files), so references in later sheets resolve across files.
_HANDLERS: tuple[tuple[str, Callable[[Builder, Table, ColumnMap], None]], ...] = (
    ("topics", add_topics),
    ("actors", add_actors),
    ("projects", PROJECT_ROWS.add),
    ("events", EVENT_ROWS.add),
    ("participation", add_participation),
    ("ties", add_ties),
)


@dataclass
class TieCounts:
    """How the ties of a changeset came about, so a summary can say what the user wrote.

    ``stated``: ties written as rows of a Beziehungen sheet (a tie written in two rows with
    two periods counts once); ``participations``: rows of a Beteiligungen sheet;
    ``derived``: links netzwerk made from columns of the other sheets, by tie kind (an
    actor's or activity's ``themen`` → works_on, ``adresse``/``ort`` → located_at,
    ``träger``/``veranstalter`` → runs, ``förderer`` → funding). Together they are all
    ties of the changeset.
    """

    stated: int = 0
    participations: int = 0
    derived: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return self.stated + self.participations + sum(self.derived.values())

    def add(self, sheet_kind: str, new_ties: Iterable[str]) -> None:
        """Count the tie kinds ``new_ties`` that rows of a ``sheet_kind`` sheet added."""
        if sheet_kind == "ties":
            self.stated += sum(1 for _ in new_ties)
        elif sheet_kind == "participation":
            self.participations += sum(1 for _ in new_ties)
        else:
            self.derived.update(new_ties)


@dataclass
class IngestResult:
    """A validated changeset ready for `Store.apply`, the warnings found on the way, and
    how its ties came about (`TieCounts`)."""

    changeset: Changeset
    warnings: list[Problem] = field(default_factory=list)
    ties: TieCounts = field(default_factory=TieCounts)


def read_files(paths: Iterable[str | Path]) -> IngestResult:
    """Read and validate files together; raise `InputError` with all problems on any error.

    Paths may be .xlsx workbooks, CSV or JSON files named after their sheet, JSON files
    holding several sheets, or folders (their .xlsx/.csv/.json files, not recursive).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    with gc_paused():
        return _read(paths)


def source_name(paths: Iterable[str | Path]) -> str:
    """The source name of files read together: their names as given, joined by ' + '.

    >>> source_name(["daten/netzwerk.xlsx"]), source_name(["Akteure.csv", "Beziehungen.csv"])
    ('netzwerk.xlsx', 'Akteure.csv + Beziehungen.csv')
    """
    return " + ".join(Path(path).name or str(path) for path in paths)


def _read(paths: Iterable[str | Path]) -> IngestResult:
    problems = ProblemList(limit=MAX_PROBLEMS)
    paths = list(paths)
    files = _expand(paths, problems)
    tables: list[Table] = []
    for path, explicit in files:
        tables.extend(read_path(path, problems, strict_names=explicit))
    reading_failed = problems.has_errors()
    if not reading_failed and not any(table.sheet.kind == "actors" for table in tables):
        names = ", ".join(path.name for path, _ in files) or "keine Dateien angegeben"
        problems.append(
            Problem.without_cell(
                names,
                "",
                0,
                (
                    "kein Blatt Akteure gefunden — Blatt "
                    "oder Datei „Akteure“ ergänzen (Vorlage: netzwerk template)"
                ),
            )
        )

    builder = Builder()
    builder.problems = problems
    tie_counts = TieCounts()
    ties = builder.changeset.ties  # a repeat merges in place: only new ties lengthen it
    name_columns: dict[tuple[str, str], str] = {}
    for kind, handler in _HANDLERS:
        for table in tables:
            if table.sheet.kind != kind:
                continue
            columns = map_columns(
                table.sheet,
                table.header,
                file=table.file,
                sheet_name=table.sheet_name,
                row=table.header_row,
                problems=problems,
            )
            if columns is not None:
                if kind == "actors":
                    name_columns[(table.file, table.sheet_name)] = columns.header["name"]
                known = len(ties)
                handler(builder, table, columns)
                tie_counts.add(kind, (tie.kind for tie in ties[known:]))
    _warn_duplicate_actors(builder, name_columns)

    changeset = builder.changeset
    changeset.files = [path.name for path, _ in files]
    changeset.source = source_name(paths)
    problems.sort(key=_problem_order(files, tables))
    if problems.has_errors():
        raise InputError(problems)
    return IngestResult(changeset, problems, tie_counts)


def _expand(paths: Iterable[str | Path], problems: list[Problem]) -> list[tuple[Path, bool]]:
    """Files to read, with whether each was named explicitly (not found in a folder)."""
    files: list[tuple[Path, bool]] = []
    seen: set[Path] = set()

    def add(path: Path, explicit: bool) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            files.append((path, explicit))

    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(
                child
                for child in path.iterdir()
                if child.is_file()
                and child.suffix.lower() in SUFFIXES
                and not child.name.startswith(("~$", "."))
            )
            if not found:
                problems.append(
                    Problem.without_cell(
                        path.name or str(path),
                        "",
                        0,
                        "keine .xlsx-, .csv- oder .json-Dateien im Ordner — Pfad prüfen",
                    )
                )
            for child in found:
                add(child, False)
        elif path.exists():
            add(path, True)
        else:
            problems.append(
                Problem.without_cell(
                    path.name or str(path),
                    "",
                    0,
                    "Datei nicht gefunden — Pfad und Schreibweise prüfen",
                )
            )
    return files


_DUPLICATE_REASONS = {
    "name": "ähnlich wie",
    "address": "gleiche Adresse wie",
    "contact": "gleiche Kontaktangabe wie",
}


def _warn_duplicate_actors(builder: Builder, name_columns: dict[tuple[str, str], str]) -> None:
    actors = builder.changeset.actors
    identities = [
        {"name": a.name, "type": a.type, "address": a.address, "contact": a.contact} for a in actors
    ]
    for duplicate in sorted(find_duplicates(identities), key=lambda d: (d.first, d.second)):
        earlier, later = actors[duplicate.first], actors[duplicate.second]
        source = later.source
        if source is None or earlier.source is None:
            continue
        builder.problems.append(
            Problem(
                source.file,
                source.sheet,
                source.row,
                name_columns.get((source.file, source.sheet), "name"),
                later.name,
                f"möglicherweise doppelt — {_DUPLICATE_REASONS[duplicate.reasons[0]]} "
                f"„{earlier.name}“ ({where(earlier.source)}); zusammenführen, falls derselbe "
                "Akteur",
                "warning",
            )
        )


def _problem_order(files: list[tuple[Path, bool]], tables: list[Table]):
    """Sort problems as the user reads the files: file by file, sheet by sheet, row by row."""
    file_rank = {path.name: rank for rank, (path, _) in enumerate(files)}
    sheet_rank = {(table.file, table.sheet_name): rank for rank, table in enumerate(tables)}

    def key(problem: Problem) -> tuple[int, int, int]:
        return (
            file_rank.get(problem.file, -1),
            sheet_rank.get((problem.file, problem.sheet), -1),
            problem.row,
        )

    return key
