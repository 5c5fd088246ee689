"""Erasing one person (or any actor) everywhere netzwerk keeps it (Art. 17 GDPR).

What netzwerk keeps about an actor, and what `forget` does with each:

- the actor's record and every tie touching it (cooperation, membership, participation,
  located-at, …), each with its provenance (file, sheet, row, ingest run): deleted by
  `PersonalData.forget`;
- the ingest log: file names and counts only; a file *named* after the person is renamed in
  the log (`PersonalData.redact_ingest_files`);
- analysis results and pseudonym mappings: netzwerk keeps neither (pseudonyms are keyed
  HMACs computed on every output), so there is nothing to delete;
- a store held in local files (`StoreFiles`, the embedded store): vacuumed with
  secure_delete, write-ahead log truncated, then the raw bytes of its files are searched
  for the person's traces;
- a server store that keeps deleted data until pruned (`DeletionResidue`, Neo4j):
  everything is deleted through Cypher; the report says how to prune the rest;
- report and export folders (``outputs``): files mentioning the person are deleted (they
  can be regenerated from the store); input spreadsheets and other stores found there are
  listed, never touched; files that cannot be searched are listed.

`erasure_plan` looks before anything is deleted (the CLI shows it and asks); `forget`
carries a plan out and returns an `ErasureReport`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from netzwerk.model import normalise_token
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.privacy.texts import counted, privacy_text
from netzwerk.privacy.traces import OutputScan, Traces, delete_outputs, scan_outputs, traces_of
from netzwerk.store.base import Store
from netzwerk.store.capabilities import DeletionResidue, StoreFiles, personal_data

ALL_RUNS = 1_000_000
REDACTED_FILE_NAME = "(Dateiname entfernt)"
_TIE = "Beziehung "  # how `_mentions` starts a tie's entry (German; `ErasureReport` translates)


@dataclass
class ErasurePlan:
    """What `forget` will remove, found without changing anything."""

    actor_id: str
    name: str
    natural_person: bool
    ties: int
    participation: int
    sources: list[str]
    source_locations: list[dict]
    ingest_renames: dict[str, str]
    traces: Traces
    outputs: OutputScan | None

    def lines(self, lang: str = "de") -> list[str]:
        """Summary for the confirmation prompt in ``lang`` (no personal data besides the id)."""
        kind = privacy_text("forget.person" if self.natural_person else "forget.actor", lang)
        lines = [
            privacy_text(
                "forget.plan",
                lang,
                kind=kind,
                actor=self.actor_id,
                ties=counted(self.ties, "tie", lang),
                participation=counted(self.participation, "participation", lang),
            )
        ]
        if self.ingest_renames:
            lines.append(
                privacy_text("forget.plan_ingest_log", lang, count=len(self.ingest_renames))
            )
        if self.outputs is not None:
            lines += _listed(privacy_text("outputs.found", lang), self.outputs.mentioning)
        return lines

    def confirmation(self, lang: str = "de") -> str:
        """The question before deleting: the actor's name (if any) and id."""
        label = f"„{self.name}“ ({self.actor_id})" if self.name else self.actor_id
        return privacy_text("forget.confirm", lang, label=label)


@dataclass
class ErasureReport:
    """What `forget` removed and what is left for the user to do."""

    actor_id: str
    removed: dict[str, int]
    participation: int
    ingest_entries: int
    embedded_files: list[Path] | None = None
    embedded_traces: list[str] = field(default_factory=list)
    neo4j: bool = False
    mentions: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    source_locations: list[dict] = field(default_factory=list)
    outputs: OutputScan | None = None
    deleted_outputs: list[Path] = field(default_factory=list)

    def lines(self, lang: str = "de") -> list[str]:
        """The report the CLI prints, in ``lang``."""
        lines = [
            privacy_text(
                "forget.deleted",
                lang,
                actor=self.actor_id,
                ties=counted(self.removed.get("ties", 0), "tie", lang),
                participation=counted(self.participation, "participation", lang),
                provenance=privacy_text("forget.provenance", lang),
            )
        ]
        log = privacy_text("forget.ingest_log", lang)
        if self.ingest_entries:
            log += privacy_text("forget.ingest_log_renamed", lang, count=self.ingest_entries)
        lines += [log, privacy_text("forget.no_cache_no_mapping", lang)]
        if self.embedded_files is not None:
            files = ", ".join(path.name for path in self.embedded_files)
            what = ", ".join(privacy_text(f"trace.{label}", lang) for label in self.embedded_traces)
            key = "forget.embedded_traces" if self.embedded_traces else "forget.embedded_clean"
            lines.append(privacy_text(key, lang, files=files, what=what))
        if self.neo4j:
            lines.append(privacy_text("neo4j.persistence", lang))
        lines += _listed(privacy_text("forget.mentions", lang), self._mentions(lang))
        lines += self._output_lines(lang)
        lines += _listed(privacy_text("forget.source_files", lang), self._sources(lang))
        lines.append(privacy_text("forget.backups", lang))
        return lines

    def _output_lines(self, lang: str) -> list[str]:
        if self.outputs is None:
            return [privacy_text("outputs.not_given", lang)]
        if self.deleted_outputs:
            lines = _listed(privacy_text("outputs.deleted", lang), self.deleted_outputs)
        else:
            folders = ", ".join(str(folder) for folder in self.outputs.folders)
            lines = [privacy_text("outputs.none", lang, folders=folders)]
        lines += _listed(privacy_text("outputs.unchecked", lang), self.outputs.unchecked)
        lines += _listed(privacy_text("outputs.sources", lang), self.outputs.sources)
        lines += _listed(privacy_text("outputs.stores", lang), self.outputs.stores)
        return lines

    def _mentions(self, lang: str) -> list[str]:
        """`mentions` with the word for a tie in ``lang``."""
        tie = privacy_text("forget.mention_tie", lang)
        return [f"{tie} {m.removeprefix(_TIE)}" if m.startswith(_TIE) else m for m in self.mentions]

    def _sources(self, lang: str) -> list[str]:
        """`sources` in ``lang`` (from `source_locations`; as given if there are none)."""
        if not self.source_locations:
            return list(self.sources)
        return sorted({_where(location, lang) for location in self.source_locations})

    def as_dict(self) -> dict:
        return {
            "actor": self.actor_id,
            "removed": self.removed,
            "participation": self.participation,
            "ingest_log_entries_renamed": self.ingest_entries,
            "embedded_files_checked": [str(p) for p in self.embedded_files or []],
            "embedded_traces_left": self.embedded_traces,
            "neo4j": self.neo4j,
            "mentions": self.mentions,
            "sources": self.sources,
            "outputs": self.outputs.as_dict() if self.outputs else None,
            "deleted_outputs": [str(p) for p in self.deleted_outputs],
            "notes": self.lines(),
        }


def erasure_plan(store: Store, actor_id: str, outputs: Iterable[Path | str] = ()) -> ErasurePlan:
    """Everything `forget` would remove for ``actor_id``; changes nothing. Raises NotFound."""
    record = personal_data(store).actor_record(actor_id)
    natural_person = record.get("type") == "person"
    pseudonym = Pseudonymiser().pseudonym(actor_id) if natural_person else None
    traces = traces_of(record, pseudonym)
    matcher = traces.matcher()
    log = store.ingest_log(limit=ALL_RUNS)
    logged = {name for run in log for name in run["files"]}
    renames = {
        name: REDACTED_FILE_NAME
        for name in sorted(logged)
        if matcher.found(name) or _names_in_file_name(record, name)
    }
    locations = [item["source"] for item in [record, *record["ties"]] if item["source"].get("file")]
    folders = [Path(folder) for folder in outputs]
    scan = None
    if folders:
        source_names = logged | {
            item["source"]["file"]
            for item in [record, *record["ties"]]
            if item["source"].get("file")
        }
        scan = scan_outputs(
            folders, traces, source_names=source_names, skip=_store_files(store) or ()
        )
    return ErasurePlan(
        actor_id=actor_id,
        name=str(record.get("name") or ""),
        natural_person=natural_person,
        ties=len(record["ties"]),
        participation=sum(1 for tie in record["ties"] if tie["kind"] == "participation"),
        sources=sorted({_where(location) for location in locations}),
        source_locations=locations,
        ingest_renames=renames,
        traces=traces,
        outputs=scan,
    )


def forget(
    store: Store,
    actor_id: str,
    outputs: Iterable[Path | str] = (),
    *,
    plan: ErasurePlan | None = None,
) -> ErasureReport:
    """Erase an actor everywhere netzwerk keeps it; see the module docstring.

    ``outputs``: folders with reports/exports to search (files mentioning the actor are
    deleted). ``plan``: a plan from `erasure_plan` (computed if not given). Raises NotFound.
    In a notebook: ``print("\\n".join(forget(store, "erika-muster").lines()))``.
    """
    plan = plan or erasure_plan(store, actor_id, outputs)
    personal = personal_data(store)
    ingest_entries = personal.redact_ingest_files(plan.ingest_renames) if plan.ingest_renames else 0
    removed = personal.forget(actor_id)
    report = ErasureReport(
        actor_id,
        removed,
        plan.participation,
        ingest_entries,
        sources=plan.sources,
        source_locations=plan.source_locations,
        outputs=plan.outputs,
    )
    matcher = plan.traces.matcher()
    report.mentions = _mentions(store, matcher)
    files = _store_files(store)
    if files is not None:
        report.embedded_files = [path for path in files if path.exists()]
        report.embedded_traces = _raw_traces(report.embedded_files, matcher)
    else:
        report.neo4j = isinstance(store, DeletionResidue)
    if plan.outputs is not None:
        report.deleted_outputs = delete_outputs(plan.outputs.mentioning)
    return report


def _listed(title: str, items: Iterable[object]) -> list[str]:
    items = list(items)
    return [title, *(f"  - {item}" for item in items)] if items else []


def _where(source: dict, lang: str = "de") -> str:
    """Where a record came from: file, sheet (if not the file), row, in ``lang``."""
    sheet = source.get("sheet")
    row = source.get("row")
    parts = [str(source["file"])]
    if sheet and sheet != source["file"]:
        parts.append(str(sheet))
    if row:
        parts.append(privacy_text("forget.row", lang, row=row))
    return ", ".join(parts)


def _names_in_file_name(record: dict, file_name: str) -> bool:
    """A file named after the person, spelled any way ('Erika_Muster.xlsx')."""
    if record.get("type") != "person":
        return False
    name = normalise_token(str(record.get("name") or ""))
    return len(name) >= 4 and name in normalise_token(file_name)


def _store_files(store: Store) -> list[Path] | None:
    """The files that hold the store (see `StoreFiles`); None for a server store."""
    return store.store_files() if isinstance(store, StoreFiles) else None


def _raw_traces(files: list[Path], matcher) -> list[str]:
    found: list[str] = []
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="ignore")
        found += [label for label in matcher.found(text) if label not in found]
    return found


def _mentions(store: Store, matcher) -> list[str]:
    """Records left in the store whose name, note, role or topic mention the actor."""
    graph = store.graph()
    mentions = []
    for node, data in graph.nodes(data=True):
        for field_name in ("name", "note"):
            if matcher.found(str(data.get(field_name) or "")):
                mentions.append(f"{data.get('kind')} {data.get('id', node)}: {field_name}")
    for _, _, key, data in graph.edges(keys=True, data=True):
        for field_name in ("note", "role", "topic"):
            if matcher.found(str(data.get(field_name) or "")):
                mentions.append(f"{_TIE}{key}: {field_name}")
    return mentions
