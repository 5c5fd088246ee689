"""What commands share on the way out: one place that prints a result as table, CSV or JSON.

A command builds a `Printout` (the result as plain data for JSON, the tables that table
and CSV show, and how it was computed) and hands it to `emit`; no command asks which
format was chosen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import click

from netzwerk.present.tables import to_csv, to_json, to_table

BOTH = ("table", "csv")


@dataclass(frozen=True)
class Section:
    """One table of a printout.

    ``heading`` is printed above the table (after a blank line), ``headers`` rename the
    columns and ``max_width`` cuts long cells — all three in table format only. ``empty``
    is said instead of an empty table. ``formats`` says where the section appears.
    """

    records: list[dict]
    columns: Sequence[str] | None = None
    heading: str | None = None
    headers: Mapping[str, str] | None = None
    max_width: int = 40
    empty: str | None = None
    formats: tuple[str, ...] = BOTH

    def table(self) -> str:
        if self.empty is not None and not self.records:
            return self.empty
        return to_table(self.records, self.columns, max_width=self.max_width, headers=self.headers)

    def csv(self) -> str:
        return to_csv(self.records, self.columns)


@dataclass(frozen=True)
class Printout:
    """A command's result in every format.

    ``json`` is the whole result as plain data; ``sections`` are the tables that table and
    CSV show; ``options`` (how the result was computed, values already as text) open the
    table output as a ``#`` line and, if ``options_in_csv``, go to stderr before CSV so the
    CSV itself stays clean.

    ``view_line`` says which network view the result shows
    (`netzwerk.present.view_line.view_line`). It is the first line of every output: a
    ``# Sicht: …`` line above a table, the same line on **stderr** before CSV (so the CSV
    on stdout stays a plain table that Excel and pandas read as it is), and in JSON the
    command puts the view into the data itself (a ``view`` key).
    """

    json: Any
    sections: Sequence[Section] = field(default_factory=tuple)
    options: Mapping[str, Any] | None = None
    options_in_csv: bool = True
    view_line: str | None = None


def options_line(options: Mapping[str, Any]) -> str:
    """``# key=value, …``: how a result was computed, as one comment line."""
    return "# " + ", ".join(f"{key}={value}" for key, value in options.items())


def emit(
    data: Any, fmt: str, columns: Sequence[str] | None = None, *, options: dict | None = None
) -> None:
    """Print a `Printout`, or plain records (``columns`` chosen), in the format ``fmt``.

    For plain records, ``options`` go first as a comment line in table format.
    """
    if not isinstance(data, Printout):
        records = data if isinstance(data, list) else [data]
        data = Printout(data, [Section(records, columns)], options, options_in_csv=False)
    if fmt == "json":
        click.echo(to_json(data.json))
        return
    if data.view_line:
        click.echo(f"# {data.view_line}", err=fmt == "csv")
    if data.options and (fmt == "table" or data.options_in_csv):
        click.echo(options_line(data.options), err=fmt == "csv")
    sections = [section for section in data.sections if fmt in section.formats]
    for index, section in enumerate(sections):
        if section.heading and fmt == "table":
            click.echo(f"\n{section.heading}")
        elif index:
            click.echo("")
        click.echo(section.table() if fmt == "table" else section.csv())
