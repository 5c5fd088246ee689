"""Workshop sheets (`netzwerk workshop`): one printable page per sector for the Net-Map
round where partners correct the map of their sector, and the correction form.

Every actor valid on the day gets a **number**, one numbering for all sheets (sectors in
vocabulary order, actors by the name shown), so "Nr. 17" means the same actor on every
sheet and in the form. A sheet lists its sector's actors with their number and their known
**ties to other sectors** (direct ties valid on the day: kind, the other's number, name and
sector, since when), a legend, and empty numbered lines for new ties, ties that ended and
corrections. Persons appear as output may show them (pseudonyms unless they consented and
names are asked for). ``korrekturen.xlsx`` holds the form as the sheet ``Korrekturen``
(dropdowns for what changed and the kind of tie) and the numbering as ``Nummern``.

Files: ``workshop-<sector>.html`` (A4, print CSS, no script) and ``korrekturen.xlsx``,
owner-only like every output.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx

from netzwerk.model import SECTORS, TIE_KINDS, is_valid_on, slugify
from netzwerk.present.formats import format_cell
from netzwerk.present.labels import group_label
from netzwerk.present.names import ActorNames
from netzwerk.present.texts import text
from netzwerk.private_files import atomic_write_text, inside, make_private_folder
from netzwerk.report.workshop_form import write_form

BLANK_LINES = 15
"""Empty numbered lines per sheet for what the partners say."""
DIRECT_TIES = ("cooperation", "membership", "runs", "funding")
CHANGES = ("new", "ended", "correction")


@dataclass
class WorkshopActor:
    """An actor on a sheet: ``id`` its store id, ``shown_id`` and ``name`` as output may
    show them (a person's id is often made from the name: hidden like it)."""

    number: int
    id: str
    shown_id: str
    name: str
    group: str
    ties: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class WorkshopSheet:
    group: str
    title: str
    actors: list[WorkshopActor]


def workshop_sheets(
    store_graph: nx.MultiDiGraph,
    day: date,
    by: str = "sector",
    lang: str = "de",
    show_names: bool = False,
) -> list[WorkshopSheet]:
    """The sheets of ``store_graph`` on ``day``, one per group of ``by`` that has actors."""
    names = ActorNames(store_graph, show_names)
    actors = [
        n
        for n, d in store_graph.nodes(data=True)
        if d.get("kind") == "actor" and is_valid_on(d.get("since"), d.get("until"), day)
    ]
    groups: dict[str, list[str]] = defaultdict(list)
    for actor in actors:
        groups[str(store_graph.nodes[actor].get(by) or "")].append(actor)
    order = {key: rank for rank, key in enumerate(SECTORS.keys())} if by == "sector" else {}
    numbered: dict[str, WorkshopActor] = {}
    sheets = []
    for group in sorted(groups, key=lambda g: (order.get(g, len(order)), group_label(by, g, lang))):
        members = sorted(groups[group], key=lambda a: names.name(a).casefold())
        entries = []
        for actor in members:
            entry = WorkshopActor(
                len(numbered) + 1, str(actor), names.id(actor), names.name(actor), group
            )
            numbered[actor] = entry
            entries.append(entry)
        sheets.append(WorkshopSheet(group, group_label(by, group, lang), entries))
    _add_ties(store_graph, day, by, lang, numbered)
    return sheets


def _add_ties(
    store_graph: nx.MultiDiGraph, day: date, by: str, lang: str, numbered: dict[str, WorkshopActor]
) -> None:
    for u, v, data in store_graph.edges(data=True):
        if data.get("kind") not in DIRECT_TIES or u not in numbered or v not in numbered:
            continue
        if not is_valid_on(data.get("since"), data.get("until"), day):
            continue
        if numbered[u].group == numbered[v].group:
            continue
        for own, other, way in ((u, v, "out"), (v, u, "in")):
            numbered[own].ties.append(
                {
                    "number": numbered[other].number,
                    "name": numbered[other].name,
                    "group": group_label(by, numbered[other].group, lang),
                    "kind": text(f"workshop.tie.{data['kind']}.{way}", lang),
                    "since": format_cell(data.get("since"), lang),
                }
            )
    for entry in numbered.values():
        entry.ties.sort(key=lambda tie: tie["number"])


def write_workshop(
    folder: Path, sheets: list[WorkshopSheet], day: date, lang: str = "de"
) -> list[Path]:
    """Write one HTML page per sheet and ``korrekturen.xlsx`` into ``folder``."""
    make_private_folder(folder)
    template = jinja2.Environment(
        loader=jinja2.PackageLoader("netzwerk.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    ).get_template("workshop.html.j2")
    kinds = [TIE_KINDS.label(kind, lang) for kind in DIRECT_TIES]
    changes = [text(f"workshop.change.{c}", lang) for c in CHANGES]
    written = []
    for sheet in sheets:
        page = template.render(
            sheet=sheet,
            lang=lang,
            day=format_cell(day, lang),
            blank_lines=range(1, BLANK_LINES + 1),
            kinds=kinds,
            changes=changes,
            t=lambda key, **values: text(key, lang, **values),
        )
        name = f"workshop-{slugify(sheet.title) or 'ohne'}.html"
        written.append(atomic_write_text(inside(folder, name), page))
    written.append(write_form(inside(folder, "korrekturen.xlsx"), sheets, changes, kinds, lang))
    return written
