"""Rendering a built `Report` as HTML and Markdown, and writing it into a folder."""

from __future__ import annotations

import base64
import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from netzwerk.errors import ConfigError
from netzwerk.present.formats import format_date, format_number
from netzwerk.present.tables import CSV_BOM, to_csv
from netzwerk.present.texts import text
from netzwerk.present.workbook import SheetTable, workbook_bytes
from netzwerk.private_files import atomic_write_bytes, inside, make_private_folder
from netzwerk.report.sections import Figure, Table

if TYPE_CHECKING:
    from netzwerk.report.build import Report


def _package_version() -> str:
    try:
        return version("netzwerk")
    except PackageNotFoundError:  # running from a checkout without installing
        return "dev"


def _environment(markdown: bool) -> jinja2.Environment:
    """Jinja2 with autoescape on for HTML; for Markdown every value is escaped by
    ``finalize`` (actor names must never become markup in either)."""
    if markdown:
        env = jinja2.Environment(
            loader=jinja2.PackageLoader("netzwerk.report", "templates"),
            autoescape=False,
            finalize=_markdown_finalize,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
        )
    else:
        env = jinja2.Environment(
            loader=jinja2.PackageLoader("netzwerk.report", "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
        )
    return env


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|&!~{}])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#+\-=>])")
# "31.12.2027" must not start an ordered list; a backslash before a digit is no escape in
# Markdown (it would show), so the dot after the number is escaped
_MARKDOWN_NUMBER_START = re.compile(r"^(\s*\d+)([.)])")


def markdown_escape(value: object) -> str:
    """Text that Markdown shows as it is: no emphasis, links, HTML or table breaks.

    >>> markdown_escape("<img src=x onerror=alert(1)> | *x*")
    '\\\\<img src=x onerror=alert(1)\\\\> \\\\| \\\\*x\\\\*'
    >>> markdown_escape("# not a heading"), markdown_escape("31.12.2027")
    ('\\\\# not a heading', '31\\\\.12.2027')
    """
    text_value = " ".join(str(value).split())
    text_value = _MARKDOWN_SPECIAL.sub(r"\\\1", text_value)
    text_value = _MARKDOWN_NUMBER_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text_value)
    return _MARKDOWN_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text_value)


def _markdown_finalize(value: object) -> object:
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    return markdown_escape(value)


def _cell(value: object, column: str, table: Table, lang: str, breakable: bool = False) -> str:
    """A table cell as text; ``breakable`` lets long labels such as
    'Kultur/Kreativwirtschaft' wrap after the slash (zero-width space, HTML only)."""
    if value is None or value == "":
        return "–" if value is None else ""
    if isinstance(value, bool):
        return text("report.yes" if value else "report.no", lang)
    if isinstance(value, int | float) and column in table.numeric:
        digits = table.digits.get(column, 2)
        if isinstance(value, float) and value.is_integer() and column not in table.digits:
            value = int(value)
        return format_number(value, lang, digits)
    return str(value).replace("/", "/\u200b") if breakable else str(value)


def _template_values(report: Report, figure_source: Any, html: bool) -> dict:
    return {
        "report": report,
        "lang": report.lang,
        "t": lambda key, **values: text(key, report.lang, **values),
        "date": lambda day: format_date(day, report.lang),
        "cell": lambda value, column, table: _cell(value, column, table, report.lang, html),
        "figure_source": figure_source,
        "version": _package_version(),
    }


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page (figures as PNG data URIs)."""

    def data_uri(figure: Figure) -> str:
        return "data:image/png;base64," + base64.b64encode(figure.png).decode("ascii")

    template = _environment(markdown=False).get_template("report.html.j2")
    return template.render(**_template_values(report, data_uri, html=True))


def render_markdown(report: Report) -> str:
    """The report as Markdown; figures are referenced as ``figures/NAME.png``."""
    template = _environment(markdown=True).get_template("report.md.j2")
    return template.render(
        **_template_values(report, lambda figure: Markup(f"figures/{figure.name}.png"), html=False)
    )


VIEW_FILE = "netzwerksicht.txt"
"""Beside the report's CSV files and workbook: the view line they all show (a CSV file has
no place for it)."""
WORKBOOK = "tabellen.xlsx"
"""Every CSV table of the report as one sheet (same name in both languages)."""
MAP_FILE = "karte.html"
"""The interactive map beside report.html (`netzwerk.report.karte`)."""


def csv_tables(report: Report) -> dict[str, Table]:
    """The tables written as CSV, by file name (the first table naming a file wins)."""
    files: dict[str, Table] = {}
    for table in report.tables:
        if table.csv and table.csv not in files:
            files[table.csv] = table
    return files


def report_csv(table: Table, lang: str) -> str:
    """A report table as CSV: German with byte order mark, ``;`` and decimal comma (German
    Excel opens it by double-click), English plain (`netzwerk.present.tables`)."""
    content = to_csv(table.csv_records(), lang=lang)
    return CSV_BOM + content if lang == "de" else content


def report_workbook(report: Report) -> bytes:
    """``tabellen.xlsx``: one sheet per CSV table, titled like the table in the report."""
    sheets = [SheetTable(table.title, table.csv_records()) for table in csv_tables(report).values()]
    return workbook_bytes(sheets, report.lang)


def write_report(report: Report, out_dir: Path | str) -> list[Path]:
    """Write report.html, report.md, figures/*.png, the CSV tables, ``tabellen.xlsx``,
    `VIEW_FILE` (the view line of the tables) and the interactive map ``karte.html`` (if
    the report has one) into ``out_dir``.

    Every file is written atomically (a temporary file renamed into place) with mode 0600,
    folders created here get mode 0700, and every name is checked to stay inside
    ``out_dir``. Returns the files written, in order.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ConfigError(f"{out_dir}: ist kein Ordner — anderen Ausgabeordner wählen")
    # Render everything first: a failure while rendering changes nothing on disk.
    markdown, html = render_markdown(report), render_html(report)
    csv_files = {name: report_csv(table, report.lang) for name, table in csv_tables(report).items()}
    targets = [
        (inside(out_dir, f"figures/{figure.name}.png"), figure.png) for figure in report.figures
    ]
    targets += [
        (inside(out_dir, name), text_value.encode("utf-8"))
        for name, text_value in csv_files.items()
    ]
    if csv_files:  # the workbook, and one line beside the tables says which view they show
        targets.append((inside(out_dir, WORKBOOK), report_workbook(report)))
        companion = f"{report.view_line}\n{text('view_line.file', report.lang)}\n"
        targets.append((inside(out_dir, VIEW_FILE), companion.encode("utf-8")))
    if report.map_page is not None:
        targets.append((inside(out_dir, MAP_FILE), report.map_page.encode("utf-8")))
    targets += [
        (inside(out_dir, "report.md"), markdown.encode("utf-8")),
        (inside(out_dir, "report.html"), html.encode("utf-8")),
    ]
    make_private_folder(out_dir)  # 0700 if created here (files.py: files are 0600)
    written = [atomic_write_bytes(path, data) for path, data in targets]
    return written
