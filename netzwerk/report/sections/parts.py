"""The parts a report section is made of: plain data (texts, tables, figures), no markup."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Figure:
    """One rendered figure: PNG bytes for the HTML (inline) and the Markdown (a file)."""

    name: str
    title: str
    alt: str
    png: bytes


@dataclass
class Table:
    """A table: rows keyed by ``columns``; ``headers`` are the shown column titles.

    ``csv`` is the file name the full table is written to (None: not exported);
    ``csv_columns`` the columns of that file when they differ from the shown ``columns``
    (None: the same); ``limit`` how many rows the HTML and Markdown show (None: all;
    0: CSV only). ``digits`` gives the decimals of numeric columns when shown; ``full_in``
    names the CSV file holding all rows when this table shows only some of them.
    """

    title: str
    columns: list[str]
    headers: dict[str, str]
    rows: list[dict[str, Any]]
    csv: str | None = None
    limit: int | None = None
    digits: dict[str, int] = field(default_factory=dict)
    numeric: frozenset[str] = frozenset()
    full_in: str | None = None
    csv_columns: list[str] | None = None

    @property
    def more_file(self) -> str:
        return self.csv or self.full_in or "CSV"

    @property
    def shown_rows(self) -> list[dict[str, Any]]:
        return self.rows if self.limit is None else self.rows[: self.limit]

    @property
    def hidden(self) -> int:
        return len(self.rows) - len(self.shown_rows)

    @property
    def visible(self) -> bool:
        return self.limit != 0

    def csv_records(self) -> list[dict[str, Any]]:
        """Rows keyed by the shown column titles (for the CSV file; soft hyphens removed)."""
        columns = self.columns if self.csv_columns is None else self.csv_columns
        titles = {c: self.headers[c].replace("\u00ad", "") for c in columns}
        return [{titles[c]: row.get(c) for c in columns} for row in self.rows]


@dataclass
class Section:
    """One report section: heading, lead paragraph, findings, figures, tables, method."""

    key: str
    title: str
    lead: str = ""
    findings: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    glossary: list[tuple[str, str]] = field(default_factory=list)
    method: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
