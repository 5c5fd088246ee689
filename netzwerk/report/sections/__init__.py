"""The sections of the network report: plain data (texts, tables, figures), no markup.

Each ``*_section`` function takes the `Context` of one report (the view, the `Results`
already computed, who may be shown by name) and returns a `Section`; `SECTIONS` lists them
in report order and `build_sections` builds those that apply. Templates
(`templates/report.html.j2`, `templates/report.md.j2`) only lay the sections out; every word
comes from `netzwerk.present.texts` and every actor is shown through `Context.name`, which
pseudonymises natural persons.

The registry follows the report order of `netzwerk.present.texts.SECTION_KEYS`:

>>> from netzwerk.present.texts import SECTION_KEYS
>>> tuple(entry.key for entry in SECTIONS) == SECTION_KEYS
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from netzwerk.report.sections.brokers import ROLE_SHARE, brokers_section, role_words
from netzwerk.report.sections.changes import changes_section
from netzwerk.report.sections.committee import committee_section
from netzwerk.report.sections.contacts import contacts_section
from netzwerk.report.sections.context import Context, Results
from netzwerk.report.sections.dependency import dependency_section
from netzwerk.report.sections.funding import funding_section
from netzwerk.report.sections.gaps import gaps_section
from netzwerk.report.sections.introductions import introductions_section
from netzwerk.report.sections.map import map_section
from netzwerk.report.sections.overview import overview_section
from netzwerk.report.sections.parts import Figure, Section, Table
from netzwerk.report.sections.unreached import unreached_section
from netzwerk.report.sections.verstetigung import verstetigung_section

SectionBuilder = Callable[[Context], Section]


class RegisteredSection(NamedTuple):
    """One report section: its key, the function building it and when it appears."""

    key: str
    build: SectionBuilder
    applies: Callable[[Context], bool] = lambda ctx: True


SECTIONS: tuple[RegisteredSection, ...] = (
    RegisteredSection("overview", overview_section),
    RegisteredSection("verstetigung", verstetigung_section),
    RegisteredSection("map", map_section),
    RegisteredSection("brokers", brokers_section),
    RegisteredSection("dependency", dependency_section),
    RegisteredSection("funding", funding_section),
    RegisteredSection("committee", committee_section),
    RegisteredSection("contacts", contacts_section),
    RegisteredSection("gaps", gaps_section),
    RegisteredSection("introductions", introductions_section),
    RegisteredSection("unreached", unreached_section),
    RegisteredSection("changes", changes_section, lambda ctx: ctx.results.changes is not None),
)
"""The report sections in their order; ``changes`` only with a comparison day."""


def build_sections(ctx: Context) -> list[Section]:
    """The sections that apply to this report, in report order."""
    return [entry.build(ctx) for entry in SECTIONS if entry.applies(ctx)]


__all__ = [
    "ROLE_SHARE",
    "SECTIONS",
    "Context",
    "Figure",
    "RegisteredSection",
    "Results",
    "Section",
    "SectionBuilder",
    "Table",
    "brokers_section",
    "build_sections",
    "changes_section",
    "dependency_section",
    "gaps_section",
    "introductions_section",
    "map_section",
    "overview_section",
    "role_words",
    "unreached_section",
]
