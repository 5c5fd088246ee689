"""A filled workshop correction form (``korrekturen.xlsx`` from `netzwerk workshop`) →
the ties it states, as a changeset of its own source.

The form has the sheet ``Korrekturen`` (English ``Corrections``), one statement per row —
Nr., Was, mit wem, Art, ab wann, bis, wer hat es gesagt, Notiz — and the sheet ``Nummern``
(``Numbers``), which turns the numbers printed on the workshop sheets back into actor ids.
"Nr." is the actor the statement is about; for a directed kind it is the member, the
Träger or the funder, "mit wem" the other end (a tie written the other way round is found
too). What a row says:

- **neu** (new): a tie of kind "Art" from "ab wann" (and "bis", if given); a tie the store
  already holds is corrected instead;
- **beendet** (ended): the stored tie between the two ends on "bis" (or "ab wann");
- **Korrektur** (correction): the stored tie's start and/or end become the days given.

"Art" may stay empty for an ended or corrected tie when the two share exactly one tie. A
row without "mit wem" is about the actor itself: it is listed as a warning to change in
the workbook, not applied. "Wer hat es gesagt" stays in the form (the store keeps only
where the statement is: file, sheet, row). Every problem names file, sheet, row, column
and value, all in one pass; with any error nothing is loaded.

Ended and corrected ties start from the tie as the store holds it (``stored``: tie key →
`Tie`), so the form's statement is the whole tie with its new dates. Which statement holds
when it contradicts the workbook is `netzwerk.ingest.conflicts`' business.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from netzwerk.errors import InputError, Problem
from netzwerk.ingest.values import BadValue, clean_text, parse_date
from netzwerk.model import Changeset, NodeRef, Provenance, Tie
from netzwerk.model.vocabulary import TIE_KINDS

FORM_SHEETS = ("Korrekturen", "Corrections")
NUMBER_SHEETS = ("Nummern", "Numbers")
#: the form's columns in order (`report.workshop_form.FORM_COLUMNS`), German and English
COLUMNS = (
    ("Nr.", "No."),
    ("Was", "What"),
    ("mit wem", "with whom"),
    ("Art", "Kind"),
    ("ab wann", "from when"),
    ("bis", "until"),
    ("wer hat es gesagt", "said by"),
    ("Notiz", "Note"),
)
CHANGES = {"neu": "new", "new": "new", "beendet": "ended", "ended": "ended"}
CHANGES |= {"korrektur": "correction", "correction": "correction"}
DIRECT_KINDS = ("cooperation", "membership", "runs", "funding")
MAX_ROWS = 5000

#: the stored ties between two actors (either direction, any kind and topic)
Lookup = Callable[[str, str], list[Tie]]


def is_correction_form(path: Path) -> bool:
    """True for an .xlsx with a correction sheet and a number sheet."""
    if path.suffix.lower() != ".xlsx" or not path.is_file():
        return False
    try:
        names = set(load_workbook(path, read_only=True).sheetnames)
    except Exception:  # noqa: BLE001 - not readable as a form: the workbook reader reports it
        return False
    return bool(names & set(FORM_SHEETS)) and bool(names & set(NUMBER_SHEETS))


@dataclass
class _Row:
    at: int
    cells: list[Any]

    def text(self, column: int) -> str:
        value = self.cells[column] if column < len(self.cells) else None
        return clean_text(str(value)) if value is not None else ""


def read_corrections(
    path: Path, source: str, stored: Lookup, known: Mapping[str, str]
) -> tuple[Changeset, list[Problem]]:
    """The ties the form at ``path`` states, under ``source``, and its warnings; raises
    `InputError` with every problem if any row is wrong. ``known``: the ids the Nummern
    sheet may give (store ids, persons' pseudonyms, ids merged into others) → actor id."""
    workbook = load_workbook(path, read_only=True, data_only=True)
    form_name = next(name for name in FORM_SHEETS if name in workbook.sheetnames)
    numbers_name = next(name for name in NUMBER_SHEETS if name in workbook.sheetnames)
    form = _Form(path.name, form_name, stored, known)
    form.read_numbers(workbook[numbers_name])
    form.read_statements(workbook[form_name])
    workbook.close()
    errors = [p for p in form.problems if p.severity == "error"]
    if errors:
        raise InputError(form.problems)
    ties = list(form.ties.values())
    changeset = Changeset(ties=ties, files=[path.name], source=source)
    return changeset, form.problems


class _Form:
    """One form being read: the numbering, the problems found, the ties made so far."""

    def __init__(self, file: str, sheet: str, stored: Lookup, known: Mapping[str, str]) -> None:
        self.file, self.sheet, self.stored, self.known = file, sheet, stored, known
        self.actors: dict[str, str] = {}
        self.problems: list[Problem] = []
        self.ties: dict[str, Tie] = {}

    def problem(self, row: int, column: int, value: str, message: str, warn: bool = False):
        self.problems.append(
            Problem(
                self.file,
                self.sheet,
                row,
                COLUMNS[column][0],
                value,
                message,
                "warning" if warn else "error",
            )
        )

    def read_numbers(self, sheet: Any) -> None:
        for cells in sheet.iter_rows(min_row=2, max_row=MAX_ROWS + 1, values_only=True):
            if cells and cells[0] is not None and len(cells) > 1 and cells[1] is not None:
                self.actors[_number_text(cells[0])] = str(cells[1])

    def read_statements(self, sheet: Any) -> None:
        rows = sheet.iter_rows(
            min_row=1, max_row=MAX_ROWS + 1, values_only=True
        )  # one past the cap
        header = [clean_text(str(c)) if c is not None else "" for c in next(rows, ())]
        expected = [de for de, _ in COLUMNS]
        if [h.casefold() for h in header[:3]] not in (
            [de.casefold() for de in expected[:3]],
            [en.casefold() for _, en in COLUMNS[:3]],
        ):
            self.problems.append(
                Problem.without_cell(
                    self.file,
                    self.sheet,
                    1,
                    "Kopfzeile ist nicht die des Korrekturbogens — den Bogen aus "
                    "`netzwerk workshop` verwenden (Spalten: " + ", ".join(expected) + ")",
                )
            )
            return
        for at, cells in enumerate(rows, start=2):
            row = _Row(at, list(cells))
            if not any(row.text(column) for column in range(len(COLUMNS))):
                continue
            if at > MAX_ROWS:
                self.problems.append(
                    Problem.without_cell(
                        self.file,
                        self.sheet,
                        at,
                        f"mehr als {MAX_ROWS - 1} Aussagen — auf mehrere Bögen verteilen",
                    )
                )
                return
            self.statement(row)

    def actor(self, row: _Row, column: int) -> str | None:
        value = row.text(column)
        shown = self.actors.get(_number_text(value))
        if shown is None:
            self.problem(
                row.at, column, value, "Nummer nicht im Blatt Nummern — Nr. vom Workshop-Bogen"
            )
            return None
        actor = self.known.get(shown)
        if actor is None:
            self.problem(row.at, column, value, "Akteur nicht (mehr) im Speicher — Nummer prüfen")
        return actor

    def day(self, row: _Row, column: int) -> tuple[bool, date | None]:
        try:
            return True, parse_date(row.cells[column] if column < len(row.cells) else None)
        except BadValue as error:
            self.problem(row.at, column, row.text(column), str(error))
            return False, None

    def statement(self, row: _Row) -> None:
        change = CHANGES.get(row.text(1).casefold())
        if change is None:
            self.problem(row.at, 1, row.text(1), "unbekannt — neu, beendet oder Korrektur")
        actor = self.actor(row, 0)
        if not row.text(2):
            self.problem(
                row.at,
                2,
                "",
                "Aussage über den Akteur selbst, nicht übernommen — im Arbeitsbuch ändern",
                warn=True,
            )
            return
        other = self.actor(row, 2)
        (since_ok, since), (until_ok, until) = self.day(row, 4), self.day(row, 5)
        kind = TIE_KINDS.parse(row.text(3)) if row.text(3) else None
        if row.text(3) and kind not in DIRECT_KINDS:
            self.problem(row.at, 3, row.text(3), "unbekannte Art — " + _kinds_hint())
            return
        if None in (change, actor, other) or not (since_ok and until_ok):
            return
        assert actor is not None and other is not None and change is not None
        self.apply(row, change, (actor, other), kind, (since, until))

    def apply(
        self,
        row: _Row,
        change: str,
        ends: tuple[str, str],
        kind: str | None,
        days: tuple[date | None, date | None],
    ) -> None:
        since, until = days
        where = Provenance(self.file, self.sheet, row.at)
        found = self.find(ends, kind)
        if len(found) > 1:
            self.problem(row.at, 3, "", "mehrere Verbindungen der beiden — Art angeben")
            return
        if not found:
            if change != "new" or kind is None:
                message = (
                    "Art fehlt — " + _kinds_hint()
                    if change == "new"
                    else "keine Verbindung der beiden bekannt — als neu eintragen"
                )
                self.problem(row.at, 3 if change == "new" else 2, row.text(2), message)
                return
            tie = Tie(
                kind,
                NodeRef("actor", ends[0]),
                NodeRef("actor", ends[1]),
                1.0,
                since=since,
                until=until,
                note=row.text(7),
                provenance=where,
            )
            self.ties[tie.key] = tie
            return
        if change == "ended":
            until = until or since
            since = None
            if until is None:
                self.problem(row.at, 5, "", "Datum fehlt — in „bis“ das Ende eintragen")
                return
        elif since is None and until is None:
            self.problem(row.at, 4, "", "nichts zu ändern — „ab wann“ oder „bis“ eintragen")
            return
        tie = redated(found[0], since, until, where)
        if tie.since and tie.until and tie.until < tie.since:
            self.problem(row.at, 5, row.text(5), "Ende vor dem Beginn — Daten prüfen")
            return
        self.ties[tie.key] = tie

    def find(self, ends: tuple[str, str], kind: str | None) -> list[Tie]:
        """The ties between the two ends (of ``kind``, else of any direct kind), as this
        form has made them so far, else as the store holds them; either direction."""
        kinds = (kind,) if kind else DIRECT_KINDS
        found = {tie.key: tie for tie in self.stored(*ends) if tie.kind in kinds}
        found |= {
            key: tie
            for key, tie in self.ties.items()
            if tie.kind in kinds and {tie.source.id, tie.target.id} == set(ends)
        }
        return list(found.values())


def redated(tie: Tie, since: date | None, until: date | None, where: Provenance) -> Tie:
    """``tie`` with a new start and/or end (None keeps it); of a tie with several periods
    the first start and the last end change."""
    periods = list(tie.periods)
    if periods:
        if since is not None:
            periods[0] = (since, periods[0][1])
        if until is not None:
            periods[-1] = (periods[-1][0], until)
    return replace(
        tie,
        since=since if since is not None else tie.since,
        until=until if until is not None else tie.until,
        periods=tuple(periods),
        provenance=where,
    )


def _number_text(value: object) -> str:
    """A number as the form may hold it (7, 7.0, "7", "Nr. 7") → "7"."""
    text = str(value).strip().removeprefix("Nr.").removeprefix("No.").strip()
    if text.endswith(".0"):
        text = text[:-2]
    return text


def _kinds_hint() -> str:
    return ", ".join(TIE_KINDS.label(kind) for kind in DIRECT_KINDS)
