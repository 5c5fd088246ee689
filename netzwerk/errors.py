"""netzwerk's exceptions. A traceback means a bug in netzwerk, never a problem in the user's input.

    NetzwerkError                 base: the CLI prints its lines and exits 2
     +-- InputError               problems in the user's files (carries all `Problem`s at once)
     +-- ConfigError              bad option or environment (store URI, missing credentials, ...)
     +-- StoreError               the database refused or failed
          +-- StoreUnavailable    server unreachable or credentials wrong (message says how to fix)
          +-- StoreMissing        no store at that path, and the command only reads
          +-- StoreEmpty          the store holds no actors, and the command needs some
     +-- NotFound                 an id that is not in the store

An error about one option (the store address, an analysis's ``by``) names that option as
data, ``option="store"``, and marks its place in the message with ``{option}``: a notebook
reads the plain name (``store``), the CLI its flag (``--store``, see `netzwerk.cli.main`).
The library never spells a command-line flag.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath


@dataclass(frozen=True)
class Problem:
    """One finding in an input file, located as the spreadsheet shows it.

    ``row`` is the row number the user sees (header = 1 in a sheet); 0 means the whole file
    or sheet. ``severity`` is 'error' (nothing is written) or 'warning' (reported only).
    """

    file: str
    sheet: str
    row: int
    column: str
    value: str
    message: str
    severity: str = "error"

    @classmethod
    def without_cell(
        cls, file: str, sheet: str, row: int, message: str, severity: str = "error"
    ) -> Problem:
        """A finding about a whole file, sheet or row: no column and no value to show.

        >>> str(Problem.without_cell("a.csv", "", 0, "leer", "warning"))
        'Warnung: a.csv: leer'
        """
        return cls(file, sheet, row, "", "", message, severity)

    def __str__(self) -> str:
        place = [self.file]
        if self.sheet and self.sheet not in (self.file, PurePath(self.file).stem):
            place.append(self.sheet)
        if self.row:
            place.append(f"Zeile {self.row}")
        if self.column:
            place.append(f'Spalte "{self.column}"')
        prefix = "Warnung: " if self.severity == "warning" else ""
        value = f' "{_shorten(self.value)}"' if self.value else ""
        what, dash, fix = self.message.partition(" — ")  # the value before the fix
        return f"{prefix}{', '.join(place)}: {what}{value}{dash}{fix}"


def _shorten(value: str, limit: int = 80) -> str:
    value = value.replace("\n", "\\n").replace("\r", "\\r")
    return value if len(value) <= limit else value[: limit - 1] + "…"


class ProblemList(list):
    """The problems of one ingest, at most ``limit`` kept: a hostile file with a million bad
    rows costs a counter, not a million messages. Problems past the limit are counted by
    severity in ``dropped``; ``has_errors`` sees them too."""

    def __init__(self, limit: int = 1000):
        super().__init__()
        self.limit = limit
        self.dropped = {"error": 0, "warning": 0}

    def append(self, problem: Problem) -> None:
        if len(self) < self.limit:
            super().append(problem)
        else:
            self.dropped[problem.severity] = self.dropped.get(problem.severity, 0) + 1

    def has_errors(self) -> bool:
        return bool(self.dropped.get("error")) or any(p.severity == "error" for p in self)


#: where a message names the option at fault (see the module docstring)
OPTION_PLACE = "{option}"


class NetzwerkError(Exception):
    """Base class: an expected failure with a message for the user.

    ``option``: the name of the option the error is about, if any; the message names it
    at ``{option}``.

    >>> str(ConfigError('unbekanntes Merkmal "farbe" für {option}', option="by"))
    'unbekanntes Merkmal "farbe" für by'
    >>> ConfigError("für {option}", option="by").lines(lambda name: f"--{name}")
    ['Fehler: für --by']
    """

    def __init__(self, message: str = "", *, option: str | None = None) -> None:
        super().__init__(message)
        self.option = option

    def message(self, option_name: Callable[[str], str] | None = None) -> str:
        """The message, the option named by ``option_name(option)`` (default: as it is)."""
        text = str(self.args[0]) if self.args else ""
        if self.option is None:
            return text
        name = option_name(self.option) if option_name else self.option
        return text.replace(OPTION_PLACE, name)

    def __str__(self) -> str:
        return self.message()

    def lines(self, option_name: Callable[[str], str] | None = None) -> list[str]:
        """What the CLI prints, one line each (``option_name``: see `message`)."""
        return [f"Fehler: {self.message(option_name)}"]


class InputError(NetzwerkError):
    """The input has errors; ``problems`` lists every one of them (and any warnings)."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        self.dropped = dict(getattr(problems, "dropped", {}))
        errors = sum(p.severity == "error" for p in self.problems) + self.dropped.get("error", 0)
        super().__init__(f"{errors} Fehler in der Eingabe")

    def lines(self, option_name: Callable[[str], str] | None = None) -> list[str]:
        lines = [
            str(problem) if problem.severity == "warning" else f"Fehler: {problem}"
            for problem in self.problems
        ]
        if any(self.dropped.values()):
            lines.append(
                f"Fehler: dazu {self.dropped.get('error', 0)} weitere Fehler und "
                f"{self.dropped.get('warning', 0)} Warnungen, nicht einzeln gezeigt — "
                "die gezeigten beheben und erneut prüfen"
            )
        return lines


class ConfigError(NetzwerkError):
    """A bad option, store address or environment setting."""


class StoreError(NetzwerkError):
    """The database failed or refused an operation."""


class StoreUnavailable(StoreError):
    """The database server cannot be reached or refused the credentials."""


class StoreMissing(StoreError):
    """A command that only reads was pointed at a store that does not exist (a mistyped
    path, or a new terminal without ``NETZWERK_STORE``); nothing was created."""


class StoreEmpty(StoreError):
    """The store exists but holds no actors: nothing to analyse, show or export yet."""


class NotFound(NetzwerkError):
    """An id that the store does not hold."""
