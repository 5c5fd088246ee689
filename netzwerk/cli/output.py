"""What commands share on the way out: one place that prints a result as table, CSV, JSON
or writes it as an xlsx workbook.

A command builds a `Printout` (the result as plain data for JSON, the tables that table,
CSV and xlsx show, and how it was computed) and hands it to `emit`; no command asks which
format was chosen. Language (``--lang``) and target file (``--out``) are read from the
command's options when the command does not pass them.

CSV in German starts with a UTF-8 byte order mark and uses ``;`` and the decimal comma
(German Excel opens it by double-click); in English it is plain ``,`` and ``.`` CSV
(`netzwerk.present.tables`). ``--format xlsx`` writes a workbook, one sheet per table
(`netzwerk.present.workbook`), to ``--out FILE`` or to a pipe, never to a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from netzwerk.errors import ConfigError
from netzwerk.present.labels import column_titles
from netzwerk.present.method_line import method_line
from netzwerk.present.tables import CSV_BOM, columns_of, to_csv, to_json, to_table
from netzwerk.present.texts import text
from netzwerk.present.workbook import SheetTable, workbook_bytes
from netzwerk.private_files import atomic_write_bytes, safe_output_path

BOTH = ("table", "csv", "xlsx")


@dataclass(frozen=True)
class Section:
    """One table of a printout.

    ``heading`` is printed above the table (after a blank line) and names its xlsx sheet,
    ``headers`` rename the columns (default: the texts ``col.<column>`` in the output's
    language), ``max_width`` cuts long cells in table format. ``empty`` is said instead of
    an empty table. ``formats`` says where the section appears.
    """

    records: list[dict]
    columns: Sequence[str] | None = None
    heading: str | None = None
    headers: Mapping[str, str] | None = None
    max_width: int = 40
    empty: str | None = None
    formats: tuple[str, ...] = BOTH

    def shown_columns(self) -> list[str]:
        return list(self.columns or columns_of(self.records))

    def titles(self, lang: str) -> Mapping[str, str]:
        return self.headers or column_titles(self.shown_columns(), lang)

    def table(self, lang: str = "de") -> str:
        if self.empty is not None and not self.records:
            return self.empty
        return to_table(
            self.records,
            self.columns,
            max_width=self.max_width,
            headers=self.titles(lang),
            lang=lang,
        )

    def csv(self, lang: str = "de") -> str:
        return to_csv(self.records, self.columns, lang=lang, headers=self.titles(lang))

    def sheet(self, lang: str, number: int) -> SheetTable:
        name = self.heading or text("output.sheet", lang, number=number)
        return SheetTable(name, self.records, self.shown_columns(), self.titles(lang))


@dataclass(frozen=True)
class Printout:
    """A command's result in every format.

    ``json`` is the whole result as plain data; ``sections`` are the tables that table,
    CSV and xlsx show; ``options`` (how the result was computed, values already as text)
    open the table output as a ``#`` line and, if ``options_in_csv``, go to stderr before
    CSV and xlsx so the file itself stays clean. ``notes`` are lines the table output
    shows above the tables.

    ``view_line`` says which network view the result shows
    (`netzwerk.present.view_line.view_line`). It is the first line of every output: a
    ``# Sicht: …`` line above a table, the same line on **stderr** before CSV and xlsx (so
    the file stays a plain table that Excel and pandas read as it is), and in JSON the
    command puts the view into the data itself (a ``view`` key).
    """

    json: Any
    sections: Sequence[Section] = field(default_factory=tuple)
    options: Mapping[str, Any] | None = None
    options_in_csv: bool = True
    view_line: str | None = None
    notes: Sequence[str] = ()


def _from_command(name: str) -> Any:
    ctx = click.get_current_context(silent=True)
    return None if ctx is None else ctx.params.get(name)


def _text_output(data: Printout, fmt: str, lang: str) -> str:
    if fmt == "json":
        return to_json(data.json) + "\n"
    parts = [line + "\n" for line in data.notes] if fmt == "table" else []
    sections = [section for section in data.sections if fmt in section.formats]
    for index, section in enumerate(sections):
        if section.heading and fmt == "table":
            parts.append(f"\n{section.heading}\n")
        elif index:
            parts.append("\n")
        parts.append(section.table(lang) + "\n" if fmt == "table" else section.csv(lang))
    body = "".join(parts)
    return CSV_BOM + body if fmt == "csv" and lang == "de" else body


def _head_lines(data: Printout, fmt: str, lang: str) -> list[str]:
    """The view line, then the options line: what a table opens with and what goes to
    stderr before CSV and xlsx (JSON carries both in its data)."""
    if fmt == "json":
        return []
    heads = [f"# {data.view_line}"] if data.view_line else []
    if data.options and (fmt == "table" or data.options_in_csv):
        heads.append(f"# {method_line(data.options, lang)}")
    return heads


def _write_workbook(data: Printout, lang: str, out: Path | None) -> None:
    sections = [section for section in data.sections if "xlsx" in section.formats]
    content = workbook_bytes(
        [section.sheet(lang, number) for number, section in enumerate(sections, start=1)], lang
    )
    if out is not None:
        atomic_write_bytes(safe_output_path(out), content)
        click.echo(text("output.written", lang, path=out))
        return
    stdout = sys.stdout.buffer
    if stdout.isatty():
        raise ConfigError(text("output.xlsx_terminal", "de"), option="format")
    stdout.write(content)
    stdout.flush()


def emit(
    data: Any,
    fmt: str,
    columns: Sequence[str] | None = None,
    *,
    options: dict | None = None,
    lang: str | None = None,
    out: Path | None = None,
) -> None:
    """Print a `Printout`, or plain records (``columns`` chosen), in the format ``fmt``;
    with ``out`` (default: the command's --out) write it to that file (owner only).

    For plain records, ``options`` go first as a comment line in table format.
    """
    lang = lang or _from_command("lang") or "de"
    out = out or _from_command("out_file")
    if not isinstance(data, Printout):
        records = data if isinstance(data, list) else [data]
        data = Printout(data, [Section(records, columns)], options, options_in_csv=False)
    content = "" if fmt == "xlsx" else _text_output(data, fmt, lang)
    heads = _head_lines(data, fmt, lang)
    if heads and fmt == "table" and out is not None:
        content = "".join(line + "\n" for line in heads) + content
    else:
        for line in heads:
            click.echo(line, err=fmt != "table")
    if fmt == "xlsx":
        _write_workbook(data, lang, out)
        return
    if out is None:
        click.echo(content, nl=False)
        return
    atomic_write_bytes(safe_output_path(out), content.encode("utf-8"))
    click.echo(text("output.written", lang, path=out), err=True)
