"""Rows of the tie sheets (Beteiligungen, Beziehungen) -> ties.

`add_ties` is the hot loop of a big import (one row per tie, hundreds of thousands of
rows), so it reads cells by position into locals and caches vocabulary lookups; the
happy path raises no exceptions.
"""

from __future__ import annotations

from datetime import date

from netzwerk.ingest.builder import (
    ALL_KINDS,
    Builder,
    data_rows,
    is_blank,
    new_tie,
    text_at,
    tie_key,
)
from netzwerk.ingest.columns import ColumnMap
from netzwerk.ingest.readers import Table
from netzwerk.ingest.records import rows_of
from netzwerk.ingest.values import BadValue, clean_text, parse_date, parse_weight
from netzwerk.model import TIE_ENDPOINTS, TIE_KINDS, Event, Provenance

_KIND_HINT = ", ".join(TIE_KINDS.labels("de"))
_ACTOR = ("actor",)
# Source and target kinds per tie kind, in ALL_KINDS order; ("actor",) is always _ACTOR.
_ENDPOINTS = {
    kind: tuple(_ACTOR if allowed == {"actor"} else tuple(k for k in ALL_KINDS if k in allowed)
                for allowed in ends)
    for kind, ends in TIE_ENDPOINTS.items()
}
# Tie kinds whose only possible target kind is created when it is merely named.
_CREATES_TARGET = {kind: ends[1][0] for kind, ends in _ENDPOINTS.items()
                   if len(ends[1]) == 1 and ends[1][0] in ("topic", "place")}


def add_participation(builder: Builder, table: Table, columns: ColumnMap) -> None:
    if not (columns.has("project") or columns.has("event")):
        builder.problem(table, table.header_row, "projekt", "",
                        'Spalte fehlt — "projekt" oder "veranstaltung" in der Kopfzeile ergänzen')
        return
    for row in rows_of(builder, table, columns):
        actor_text = row.required("actor")
        project_text, event_text = row.text("project"), row.text("event")
        since, until = row.period()
        if bool(project_text) == bool(event_text):
            row.error("project" if columns.has("project") else "event",
                      project_text or event_text,
                      'genau eines ausfüllen: "projekt" oder "veranstaltung"')
            continue
        field, kind, text = (("project", "project", project_text) if project_text
                             else ("event", "event", event_text))
        target, message = builder.resolve(text, (kind,))
        if target is None:
            row.error(field, text, message)
        actor = None
        if actor_text:
            actor, message = builder.resolve(actor_text, ("actor",))
            if actor is None:
                row.error("actor", actor_text, message)
        if actor is None or target is None:
            continue
        if since is None and isinstance(target.record, Event):
            since = target.record.since
        builder.link("participation", actor, target, row.source, table, role=row.text("role"),
                     since=since, until=until, note=row.text("note"))


def add_ties(builder: Builder, table: Table, columns: ColumnMap) -> None:
    """Beziehungen rows -> ties. Dates, strengths and kinds repeat a lot: parsed once each."""
    index, header = columns.index, columns.header
    at_source, at_target, at_kind = index["source"], index["target"], index["kind"]
    at_weight, at_topic, at_role = index.get("weight"), index.get("topic"), index.get("role")
    at_since, at_until, at_note = index.get("since"), index.get("until"), index.get("note")
    file, sheet = table.file, table.sheet_name
    kinds: dict[str, str | None] = {}
    topics: dict[str, str] = {}
    weights: dict[str, float] = {}
    starts: dict[str, date | None] = {}
    ends: dict[str, date | None] = {}
    resolve, add_tie, problem = builder.resolve, builder.add_tie, builder.problem
    actors = builder.nodes["actor"]
    # Actors by unique name, then by id (ids win): one lookup for the usual reference.
    actor_ids = {name: nodes[0] for name, nodes in actors.by_name.items() if len(nodes) == 1}
    actor_ids.update(actors.by_id)
    tie_sources, ties = builder.tie_sources, builder.changeset.ties
    clean = clean_text

    def report(field: str, position: int, message: str) -> None:
        problem(table, number, header[field], text_at(cells, position), message)

    for number, cells in data_rows(table, builder):
        # clean_text, with its common case (plain ASCII text) inlined
        source_text = cells[at_source]
        source_text = (source_text.strip() if type(source_text) is str and source_text.isascii()
                       else clean(source_text))
        target_text = cells[at_target]
        target_text = (target_text.strip() if type(target_text) is str and target_text.isascii()
                       else clean(target_text))
        kind_text = cells[at_kind]
        kind_text = (kind_text.strip() if type(kind_text) is str and kind_text.isascii()
                     else clean(kind_text))
        ok = True
        if not (source_text and target_text and kind_text):
            if not (source_text or target_text or kind_text) and is_blank(cells):
                continue
            ok = False
            for field, value in (("source", source_text), ("target", target_text),
                                 ("kind", kind_text)):
                if not value:
                    problem(table, number, header[field], "", "Pflichtfeld leer — Wert eintragen")

        kind = kinds.get(kind_text)
        if kind is None and kind_text:
            kind = kinds[kind_text] = TIE_KINDS.parse(kind_text)
            if kind is None:
                problem(table, number, header["kind"], kind_text,
                        f"unbekannte Beziehungsart — erlaubt: {_KIND_HINT}")
        if kind is None:
            ok = False
            source_kinds = target_kinds = ALL_KINDS
        else:
            source_kinds, target_kinds = _ENDPOINTS[kind]

        weight = 1.0
        if at_weight is not None and (raw := cells[at_weight]) != "":
            cached = weights.get(raw) if type(raw) is str else None
            if cached is not None:
                weight = cached
            else:
                try:
                    weight = parse_weight(raw)
                    if type(raw) is str:
                        weights[raw] = weight
                except BadValue as error:
                    report("weight", at_weight, str(error))
                    ok = False
        since, until = None, None
        if at_since is not None and (raw := cells[at_since]) != "":
            cached_start = starts.get(raw) if type(raw) is str else None
            if cached_start is None:
                try:
                    parsed = parse_date(raw)
                    cached_start = parsed
                    if type(raw) is str:
                        starts[raw] = cached_start
                except BadValue as error:
                    report("since", at_since, str(error))
                    ok, cached_start = False, None
            since = cached_start
        if at_until is not None and (raw := cells[at_until]) != "":
            if type(raw) is str and raw in ends:
                until = ends[raw]
            else:
                try:
                    until = parse_date(raw, end=True)
                    if type(raw) is str:
                        ends[raw] = until
                except BadValue as error:
                    report("until", at_until, str(error))
                    ok = False
        if since and until and since > until:
            report("until", at_until, f"Ende liegt vor dem Beginn ({since:%d.%m.%Y}) — "
                   f'"{header["since"]}" und "{header["until"]}" prüfen')
            ok = False

        source = target = None
        if source_text:
            source = actor_ids.get(source_text) if source_kinds is _ACTOR else None
            if source is None:
                source, message = resolve(source_text, source_kinds)
                if source is None:
                    problem(table, number, header["source"], source_text, message)
                    ok = False
        if target_text:
            target = actor_ids.get(target_text) if target_kinds is _ACTOR else None
            if target is None:
                target, message = resolve(target_text, target_kinds)
            if target is None and kind in _CREATES_TARGET \
                    and not any(builder.nodes[k].find(target_text) for k in ALL_KINDS):
                target = builder.ensure(_CREATES_TARGET[kind], target_text,
                                        Provenance(file, sheet, number))
            elif target is None:
                problem(table, number, header["target"], target_text, message)
                ok = False
        if kind == "participation" and since is None and target is not None \
                and isinstance(target.record, Event):
            since = target.record.since  # as in Beteiligungen: the event's date
        if source is not None and source is target:
            problem(table, number, header["target"], target_text,
                    'Beziehung zu sich selbst — "von" und "zu" müssen verschieden sein')
            ok = False

        topic = ""
        if at_topic is not None and (raw := cells[at_topic]) != "":
            topic_text = clean(raw)
            topic = topics.get(topic_text, "")
            if topic_text and not topic:
                topic = topics[topic_text] = builder.topic(
                    topic_text, Provenance(file, sheet, number), table, header["topic"]).ref.id

        if not ok:
            continue
        provenance = Provenance(file, sheet, number)
        role = clean(raw) if at_role is not None and (raw := cells[at_role]) != "" else ""
        note = clean(raw) if at_note is not None and (raw := cells[at_note]) != "" else ""
        tie = new_tie(kind, source.ref, target.ref, weight, topic,  # type: ignore[union-attr]
                      role, since, until, note, provenance)
        key = tie_key(kind, source.graph_key, target.graph_key,  # type: ignore[union-attr]
                      topic)
        if key in tie_sources:
            add_tie(tie, table, number, key)  # reports the duplicate
        else:
            tie_sources[key] = provenance
            tie.__dict__["_key"] = key  # seed Tie.key's cache: the store needs it again
            ties.append(tie)
