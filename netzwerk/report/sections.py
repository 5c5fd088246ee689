"""The sections of the network report: plain data (texts, tables, figures), no markup.

Each ``*_section`` function takes the `Context` of one report (the view, the analyses
already computed, who may be shown by name) and returns a `Section`. Templates
(`templates/report.html.j2`, `templates/report.md.j2`) only lay the sections out; every word
comes from `netzwerk.report.i18n` and every actor is shown through `Context.name`, which
pseudonymises natural persons.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx

from netzwerk.model import ACTOR_TYPES, NODE_KINDS, SECTORS, TIE_KINDS
from netzwerk.report.i18n import format_date, format_number, format_share, join_names, text
from netzwerk.report.pseudonyms import Pseudonymiser

# --------------------------------------------------------------------------- plain data


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
    ``limit`` how many rows the HTML and Markdown show (None: all; 0: CSV only).
    ``digits`` gives the decimals of numeric columns when shown; ``full_in`` names the
    CSV file holding all rows when this table shows only some of them.
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
        titles = {c: self.headers[c].replace("\u00ad", "") for c in self.columns}
        return [{titles[c]: row.get(c) for c in self.columns} for row in self.rows]


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


@dataclass
class Context:
    """Everything the sections of one report share."""

    store_graph: nx.MultiDiGraph
    view: nx.Graph
    lang: str
    day: date
    show_names: bool
    pseudonymiser: Pseudonymiser
    tie_kinds: tuple[str, ...]
    weighted: bool
    coordinators: list[Hashable]
    results: dict[str, Any] = field(default_factory=dict)

    def name(self, actor: Hashable) -> str:
        """What may be shown for an actor: persons pseudonymised unless consented and
        names asked for; organisations by name."""
        data = self._attributes(actor)
        return self.pseudonymiser.display_name(str(actor), data, self.show_names)

    def shown_id(self, actor: Hashable) -> str:
        return self.pseudonymiser.display_id(str(actor), self._attributes(actor), self.show_names)

    def _attributes(self, actor: Hashable) -> Mapping:
        if actor in self.view:
            return self.view.nodes[actor]
        if actor in self.store_graph:
            return self.store_graph.nodes[actor]
        # Unknown to both graphs: treat as a person, so nothing identifying leaks.
        return {"natural_person": True}

    def names(self, graph: nx.Graph | None = None) -> dict[Hashable, str]:
        graph = self.view if graph is None else graph
        return {n: self.name(n) for n in graph}

    def sector(self, actor: Hashable) -> str:
        return sector_label(self._attributes(actor).get("sector"), self.lang)

    def actor_type(self, actor: Hashable) -> str:
        return capitalised(ACTOR_TYPES.label(self._attributes(actor).get("type") or "", self.lang))

    def t(self, key: str, **values: object) -> str:
        return text(key, self.lang, **values)

    def date(self, day: date | None) -> str:
        return format_date(day, self.lang)

    def view_line(self, *, shared: bool = True, day: date | None = None) -> str:
        """How the actor view was built: date, tie kinds, shared activities, weighting."""
        kinds = ", ".join(TIE_KINDS.label(k, self.lang) for k in self.tie_kinds)
        parts = [
            self.t("view.as_of", day=self.date(day or self.day)),
            self.t("view.ties", kinds=kinds or self.t("report.none")),
        ]
        if shared:
            activities = " " + ("und" if self.lang == "de" else "and") + " "
            parts.append(
                self.t(
                    "view.shared",
                    kinds=activities.join(self.t(f"shared.{k}") for k in ("project", "event")),
                )
            )
        parts.append(self.t("view.weighted" if self.weighted else "view.unweighted"))
        return self.t("view.line", parts="; ".join(parts))


def capitalised(label: str) -> str:
    return label[:1].upper() + label[1:]


def sector_label(key: str | None, lang: str) -> str:
    return capitalised(SECTORS.label(key or "", lang)) if key else "–"


def _headers(
    lang: str, columns: Sequence[str], overrides: Mapping[str, str] | None = None
) -> dict[str, str]:
    overrides = overrides or {}
    return {c: overrides.get(c) or text(f"col.{c}", lang) for c in columns}


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(float(value), digits)


# --------------------------------------------------------------------------- overview


def overview_section(ctx: Context, summary: Mapping, ingest_log: Sequence[Mapping]) -> Section:
    """What is in the data: counts by kind, type, sector and tie kind; sources and dates."""
    actor_label = NODE_KINDS.label("actor", ctx.lang)
    section = Section("overview", ctx.t("section.overview"))
    first = date.fromisoformat(summary["first_date"]) if summary.get("first_date") else None
    last = date.fromisoformat(summary["last_date"]) if summary.get("last_date") else None
    section.lead = ctx.t(
        "overview.lead",
        actors=format_number(summary["nodes"].get(actor_label, 0), ctx.lang),
        persons=format_number(summary["persons"], ctx.lang),
        consent=format_number(summary["persons_with_consent"], ctx.lang),
        ties=format_number(sum(summary["ties"].values()), ctx.lang),
        first=ctx.date(first),
        last=ctx.date(last),
    )
    section.findings.append(
        ctx.t(
            "overview.view",
            day=ctx.date(ctx.day),
            actors=format_number(ctx.view.number_of_nodes(), ctx.lang),
            ties=format_number(ctx.view.number_of_edges(), ctx.lang),
        )
    )
    sources = []
    for entry in ingest_log:
        started = str(entry.get("started") or "")[:10]
        try:
            day = ctx.date(date.fromisoformat(started))
        except ValueError:
            day = started or "–"
        files = (
            ", ".join(
                str(f).replace("\\", "/").rsplit("/", 1)[-1] for f in entry.get("files") or []
            )
            or "–"
        )
        sources.append(ctx.t("overview.sources_line", files=files, day=day))
    section.paragraphs.append(
        f"{ctx.t('overview.sources')}: "
        + ("; ".join(sources) if sources else ctx.t("overview.no_sources"))
    )
    long_rows = []
    for key, title_key, header in (
        ("actor_types", "overview.by_type", "col.type"),
        ("sectors", "overview.by_sector", "col.sector"),
        ("ties", "overview.by_tie", "col.kind"),
        ("nodes", "overview.nodes", "col.kind"),
    ):
        rows = [
            {"label": capitalised(str(label)), "count": n} for label, n in summary[key].items() if n
        ]
        title = ctx.t(title_key)
        section.tables.append(
            Table(
                title,
                ["label", "count"],
                {"label": ctx.t(header), "count": ctx.t("col.count")},
                rows,
                numeric=frozenset({"count"}),
            )
        )
        long_rows += [{"table": title, "label": r["label"], "count": r["count"]} for r in rows]
    section.tables.append(
        Table(
            ctx.t("section.overview"),
            ["table", "label", "count"],
            {
                "table": ctx.t("report.contents"),
                "label": ctx.t("col.label") or "label",
                "count": ctx.t("col.count"),
            },
            long_rows,
            csv="overview.csv",
            limit=0,
        )
    )
    section.method = [ctx.t("overview.method"), ctx.view_line()]
    return section


# --------------------------------------------------------------------------- map


def map_section(ctx: Context, figure: Figure) -> Section:
    brokers = ctx.results["map_brokers"]
    cut_points = ctx.results["cut_points"]
    section = Section("map", ctx.t("section.map"), lead=ctx.t("map.lead"), figures=[figure])
    section.findings.append(
        ctx.t(
            "brokers.top_other",
            names=join_names([ctx.name(b) for b in brokers if b not in ctx.coordinators], ctx.lang),
        )
    )
    section.findings.append(
        ctx.t(
            "brokers.cut_points",
            names=join_names([ctx.name(c) for c in cut_points], ctx.lang, limit=10),
        )
    )
    section.method = [ctx.view_line(), ctx.t("map.method")]
    return section


# --------------------------------------------------------------------------- brokers

ROLE_SHARE = 0.2
"""A role is named for an actor if it makes up at least this share of its brokerage."""


def role_words(row: Mapping[str, Any], lang: str = "de", limit: int = 2) -> str:
    """The actor's main brokerage roles in plain words, strongest first.

    In an undirected view gatekeeper and representative counts are equal by definition;
    they are then named together.

    >>> role_words({"liaison": 8, "itinerant": 1, "gatekeeper": 3, "representative": 3,
    ...             "coordinator": 0}, "de")
    'Brückenbauer, Türöffner/Vertreter'
    >>> role_words({"liaison": 0, "itinerant": 0, "gatekeeper": 0, "representative": 0,
    ...             "coordinator": 0}, "en")
    'no broker role'
    """
    counts = {
        key: int(row.get(key) or 0)
        for key in ("liaison", "itinerant", "coordinator", "gatekeeper", "representative")
    }
    if counts["gatekeeper"] == counts["representative"]:
        counts["gatekeeper_representative"] = counts.pop("gatekeeper") + counts.pop(
            "representative"
        )
    total = sum(counts.values())
    if not total:
        return text("role.none", lang)
    ranked = sorted(
        ((n, key) for key, n in counts.items() if n >= ROLE_SHARE * total),
        key=lambda item: (-item[0], item[1]),
    )[:limit]
    return ", ".join(text(f"role.{key}", lang) for _, key in ranked)


def brokers_section(ctx: Context, top: int = 12) -> Section:
    rows = ctx.results["brokers"]
    section = Section(
        "brokers", ctx.t("section.brokers"), lead=ctx.t("brokers.lead", n=min(top, len(rows)))
    )
    if rows and rows[0]["betweenness"]:
        section.findings.append(
            ctx.t(
                "brokers.top",
                name=ctx.name(rows[0]["id"]),
                share=format_share(rows[0]["betweenness"], ctx.lang),
            )
        )
    others = [r["id"] for r in rows if r["id"] not in ctx.coordinators and r["betweenness"]][:4]
    section.findings.append(
        ctx.t("brokers.top_other", names=join_names([ctx.name(a) for a in others], ctx.lang))
    )
    cuts = [r["id"] for r in rows if r["cut_point"]]
    section.findings.append(
        ctx.t("brokers.cut_points", names=join_names([ctx.name(a) for a in cuts], ctx.lang, 10))
    )
    players = ctx.results.get("key_players")
    if players and players.get("players"):
        section.findings.append(
            ctx.t(
                "brokers.key_players",
                k=len(players["players"]),
                names=join_names([ctx.name(a) for a in players["players"]], ctx.lang),
            )
        )

    columns = [
        "rank",
        "actor",
        "sector",
        "roles",
        "betweenness",
        "constraint",
        "brokerage_total",
        "cut_point",
    ]
    table_rows = []
    for rank, row in enumerate(rows, start=1):
        table_rows.append(
            {
                "rank": rank,
                "id": ctx.shown_id(row["id"]),
                "actor": ctx.name(row["id"]),
                "sector": ctx.sector(row["id"]),
                "roles": role_words(row, ctx.lang),
                "betweenness": _round(row["betweenness"]),
                "constraint": _round(row["constraint"]),
                "effective_size": _round(row["effective_size"], 2),
                "efficiency": _round(row["efficiency"]),
                "hierarchy": _round(row["hierarchy"]),
                **{
                    role: row[role]
                    for role in (
                        "liaison",
                        "gatekeeper",
                        "representative",
                        "itinerant",
                        "coordinator",
                    )
                },
                "brokerage_total": row["brokerage_total"],
                "cut_point": ctx.t("report.yes") if row["cut_point"] else "",
            }
        )
    all_columns = [
        "rank",
        "id",
        "actor",
        "sector",
        "roles",
        "betweenness",
        "constraint",
        "effective_size",
        "efficiency",
        "hierarchy",
        "liaison",
        "gatekeeper",
        "representative",
        "itinerant",
        "coordinator",
        "brokerage_total",
        "cut_point",
    ]
    digits = {
        "betweenness": 3,
        "constraint": 3,
        "effective_size": 1,
        "efficiency": 2,
        "hierarchy": 2,
    }
    numeric = frozenset(
        {
            "rank",
            "betweenness",
            "constraint",
            "effective_size",
            "efficiency",
            "hierarchy",
            "liaison",
            "gatekeeper",
            "representative",
            "itinerant",
            "coordinator",
            "brokerage_total",
        }
    )
    section.tables.append(
        Table(
            ctx.t("section.brokers"),
            columns,
            _headers(ctx.lang, columns),
            table_rows,
            limit=top,
            full_in="brokers.csv",
            digits=digits,
            numeric=numeric,
        )
    )
    section.tables.append(
        Table(
            ctx.t("section.brokers"),
            all_columns,
            _headers(ctx.lang, all_columns),
            table_rows,
            csv="brokers.csv",
            limit=0,
            digits=digits,
            numeric=numeric,
        )
    )
    roles = ["liaison", "gatekeeper_representative", "itinerant", "coordinator"]
    section.glossary = [(ctx.t(f"role.{r}"), ctx.t(f"role_help.{r}")) for r in roles]
    section.glossary.append((ctx.t("col.cut_point"), ctx.t("role_help.cut_point")))
    section.method = [ctx.view_line(), ctx.t("brokers.method", by=ctx.t("col.sector"))]
    return section


# --------------------------------------------------------------------------- dependency


def dependency_section(ctx: Context, figure: Figure | None, cut_off: Sequence[Hashable]) -> Section:
    section = Section("dependency", ctx.t("section.dependency"))
    result = ctx.results.get("dependency")
    if not result:
        section.lead = ctx.t("dependency.none")
        section.method = [ctx.view_line()]
        return section
    names = join_names([ctx.name(c) for c in result["coordinators"]], ctx.lang)
    section.lead = ctx.t("dependency.lead", coordinators=names)
    lang = ctx.lang
    section.findings.append(
        ctx.t(
            "dependency.share", names=names, share=format_share(result["betweenness_share"], lang)
        )
    )
    section.findings.append(
        ctx.t(
            "dependency.pairs",
            before=format_number(result["connected_pairs_before"], lang),
            after=format_number(result["connected_pairs_after"], lang),
            lost=format_number(result["connected_pairs_lost"], lang),
        )
    )
    section.findings.append(ctx.t("dependency.cut_off", n=len(cut_off)))
    if result.get("group_pairs_lost"):
        pairs = [
            f"{sector_label(g, lang)} – {sector_label(h, lang)}"
            for g, h in result["group_pairs_lost"]
        ]
        section.findings.append(ctx.t("dependency.group_pairs_lost", pairs=join_names(pairs, lang)))
    if result.get("successors"):
        section.findings.append(
            ctx.t(
                "dependency.successors",
                names=join_names([ctx.name(s["id"]) for s in result["successors"][:3]], lang),
            )
        )
    if figure is not None:
        section.figures.append(figure)
    measures = [
        ("connected_pairs", result["connected_pairs_before"], result["connected_pairs_after"]),
        (
            "fragmentation",
            _round(result["fragmentation_before"], 3),
            _round(result["fragmentation_after"], 3),
        ),
        ("n_components", ctx.results["components"][0], ctx.results["components"][1]),
    ]
    rows = [
        {"measure": ctx.t(f"dependency.{key}"), "before": before, "after": after}
        for key, before, after in measures
    ]
    headers = {
        "measure": ctx.t("dependency.measure"),
        "before": ctx.t("dependency.before"),
        "after": ctx.t("dependency.after"),
    }
    section.tables.append(
        Table(
            ctx.t("dependency.title"),
            ["measure", "before", "after"],
            headers,
            rows,
            csv="dependency.csv",
            numeric=frozenset({"before", "after"}),
            digits={"before": 3, "after": 3},
        )
    )
    successor_rows = [
        {
            "actor": ctx.name(s["id"]),
            "id": ctx.shown_id(s["id"]),
            "sector": ctx.sector(s["id"]),
            "betweenness_before": _round(s["betweenness_before"]),
            "betweenness_after": _round(s["betweenness_after"]),
            "gain": _round(s["gain"]),
        }
        for s in result.get("successors", [])
    ]
    columns = ["actor", "sector", "betweenness_before", "betweenness_after", "gain"]
    section.tables.append(
        Table(
            ctx.t("dependency.successors_title"),
            columns,
            _headers(lang, columns),
            successor_rows,
            csv="successors.csv",
            limit=8,
            numeric=frozenset(columns[2:]),
            digits={c: 3 for c in columns[2:]},
        )
    )
    cut_rows = [
        {
            "actor": ctx.name(a),
            "id": ctx.shown_id(a),
            "sector": ctx.sector(a),
            "type": ctx.actor_type(a),
        }
        for a in cut_off
    ]
    cut_rows.sort(key=lambda r: (r["sector"], r["actor"]))
    section.tables.append(
        Table(
            ctx.t("dependency.cut_off_title"),
            ["actor", "type", "sector"],
            _headers(lang, ["actor", "type", "sector"]),
            cut_rows,
            csv="cut_off_without_qm.csv",
        )
    )
    section.method = [ctx.view_line(), ctx.t("dependency.method", coordinators=names)]
    return section


# --------------------------------------------------------------------------- gaps


def gaps_section(ctx: Context, figure: Figure, permutations: int, seed: int) -> Section:
    gaps = ctx.results["gaps"]
    lang = ctx.lang
    section = Section("gaps", ctx.t("section.gaps"), lead=ctx.t("gaps.lead"), figures=[figure])
    missing = gaps.get("missing_pairs") or []
    if missing:
        pairs = [
            f"{sector_label(p['groups'][0], lang)} – {sector_label(p['groups'][1], lang)}"
            for p in missing[:3]
        ]
        section.findings.append(
            ctx.t("gaps.missing", n=len(missing), pairs=join_names(pairs, lang))
        )
    if gaps.get("ei_index") is not None:
        p_value = gaps.get("ei_p_value")
        section.findings.append(
            ctx.t(
                "gaps.ei",
                ei=format_number(gaps["ei_index"], lang),
                p=ctx.t("gaps.ei_p", p=format_number(p_value, lang, 3))
                if p_value is not None
                else "",
            )
        )
    r = gaps.get("assortativity")
    if r is not None:
        meaning = (
            "gaps.assortative" if r > 0.1 else "gaps.disassortative" if r < -0.1 else "gaps.neutral"
        )
        section.findings.append(
            ctx.t("gaps.assortativity", r=format_number(r, lang), meaning=ctx.t(meaning))
        )
    communities = gaps.get("communities") or []
    if communities:
        section.findings.append(
            ctx.t(
                "gaps.communities", n=len(communities), holes=len(gaps.get("community_holes") or [])
            )
        )
    actors = {g["group"]: g["actors"] for g in gaps.get("groups", []) if isinstance(g, dict)}
    columns = ["sector_a", "sector_b", "actors_a", "actors_b", "expected"]
    rows = [
        {
            "sector_a": sector_label(p["groups"][0], lang),
            "sector_b": sector_label(p["groups"][1], lang),
            "actors_a": actors.get(p["groups"][0]),
            "actors_b": actors.get(p["groups"][1]),
            "expected": _round(p["expected"], 2),
        }
        for p in missing
    ]
    section.tables.append(
        Table(
            ctx.t("gaps.missing_title"),
            columns,
            _headers(lang, columns),
            rows,
            csv="missing_pairs.csv",
            limit=10,
            numeric=frozenset(columns[2:]),
            digits={"expected": 1},
        )
    )
    groups = list(gaps["observed"])
    mixing_rows = [
        {
            "sector_a": sector_label(g, lang),
            "sector_b": sector_label(h, lang),
            "observed": gaps["observed"][g][h],
            "expected": _round(gaps["expected"][g][h], 3),
            "ratio": _round(gaps["ratio"][g][h], 3),
        }
        for i, g in enumerate(groups)
        for h in groups[i:]
    ]
    mixing_columns = ["sector_a", "sector_b", "observed", "expected", "ratio"]
    section.tables.append(
        Table(
            ctx.t("gaps.title"),
            mixing_columns,
            _headers(lang, mixing_columns),
            mixing_rows,
            csv="mixing.csv",
            limit=0,
        )
    )
    section.method = [ctx.view_line(), ctx.t("gaps.method", permutations=permutations, seed=seed)]
    return section


# --------------------------------------------------------------------------- introductions


def introductions_section(ctx: Context, intro_day: date) -> Section:
    suggestions = ctx.results.get("introductions") or []
    lang = ctx.lang
    section = Section(
        "introductions", ctx.t("section.introductions"), lead=ctx.t("introductions.lead")
    )
    rows = []
    for rank, item in enumerate(suggestions, start=1):
        reasons = item.get("reasons") or ""
        gap = item.get("gap_text") or ""
        rows.append(
            {
                "rank": rank,
                "a": ctx.name(item["a"]),
                "a_id": ctx.shown_id(item["a"]),
                "a_sector": ctx.sector(item["a"]),
                "b": ctx.name(item["b"]),
                "b_id": ctx.shown_id(item["b"]),
                "b_sector": ctx.sector(item["b"]),
                "reasons": (
                    f"{reasons}. {ctx.t('introductions.gap', gap=gap)}".strip(". ")
                    if gap
                    else reasons
                ),
                "pair_a": f"{ctx.name(item['a'])} ({ctx.sector(item['a'])})",
                "pair_b": f"{ctx.name(item['b'])} ({ctx.sector(item['b'])})",
                "introducer": ctx.name(item["introducer"]) if item.get("introducer") else "–",
                "score": _round(item.get("score"), 3),
            }
        )
    if not rows:
        section.paragraphs.append(ctx.t("introductions.none"))
    shown = ["rank", "pair_a", "pair_b", "reasons", "introducer"]
    headers = _headers(lang, shown)
    section.tables.append(
        Table(ctx.t("section.introductions"), shown, headers, rows, numeric=frozenset({"rank"}))
    )
    csv_columns = [
        "rank",
        "a_id",
        "a",
        "a_sector",
        "b_id",
        "b",
        "b_sector",
        "score",
        "reasons",
        "introducer",
    ]
    csv_headers = _headers(
        lang,
        csv_columns,
        {
            "a_id": f"{ctx.t('col.a')} ({ctx.t('col.id')})",
            "b_id": f"{ctx.t('col.b')} ({ctx.t('col.id')})",
            "a_sector": f"{ctx.t('col.sector')} A",
            "b_sector": f"{ctx.t('col.sector')} B",
        },
    )
    section.tables.append(
        Table(
            ctx.t("section.introductions"),
            csv_columns,
            csv_headers,
            rows,
            csv="introductions.csv",
            limit=0,
        )
    )
    section.method = [ctx.view_line(shared=False, day=intro_day), ctx.t("introductions.method")]
    return section


# --------------------------------------------------------------------------- unreached


def unreached_section(ctx: Context) -> Section:
    gaps = ctx.results["gaps"]
    lang = ctx.lang
    isolates = list(gaps.get("isolates") or [])
    coordinator_only = list(gaps.get("coordinator_only") or [])
    single = [p for p in gaps.get("peripheral") or [] if p.get("degree") == 1]
    section = Section("unreached", ctx.t("section.unreached"), lead=ctx.t("unreached.lead"))
    section.findings.append(
        ctx.t(
            "unreached.counts",
            isolates=len(isolates),
            coordinator_only=len(coordinator_only),
            single=len(single),
        )
    )
    rows: list[dict] = []

    def add(actor: Hashable, status: str, partners: Sequence[Hashable]) -> None:
        rows.append(
            {
                "actor": ctx.name(actor),
                "id": ctx.shown_id(actor),
                "type": ctx.actor_type(actor),
                "sector": ctx.sector(actor),
                "status": ctx.t(f"unreached.{status}"),
                "partners": ", ".join(ctx.name(p) for p in partners) or "–",
            }
        )

    for actor in isolates:
        add(actor, "isolate", [])
    for item in coordinator_only:
        add(item["actor"], "coordinator_only", item.get("coordinators") or ctx.coordinators)
    for item in single:
        add(item["actor"], "single", item.get("partners") or [])
    shown = ["actor", "type", "sector", "status", "partners"]
    section.tables.append(
        Table(ctx.t("section.unreached"), shown, _headers(lang, shown), rows, csv=None)
    )
    csv_columns = ["id", "actor", "type", "sector", "status", "partners"]
    section.tables.append(
        Table(
            ctx.t("section.unreached"),
            csv_columns,
            _headers(lang, csv_columns),
            rows,
            csv="unreached.csv",
            limit=0,
        )
    )
    section.method = [ctx.view_line(), ctx.t("unreached.method")]
    return section


# --------------------------------------------------------------------------- changes


def changes_section(ctx: Context, changes: Mapping[str, Any]) -> Section:
    lang = ctx.lang
    before, after = changes["before"], changes["after"]
    section = Section(
        "changes",
        ctx.t("section.changes"),
        lead=ctx.t("changes.lead", before=ctx.date(before), after=ctx.date(after)),
    )
    section.findings.append(
        ctx.t(
            "changes.counts",
            actors_before=changes["actors_before"],
            actors_after=changes["actors_after"],
            new_actors=len(changes["new_actors"]),
            lost_actors=len(changes["lost_actors"]),
            ties_before=changes["ties_before"],
            ties_after=changes["ties_after"],
            new_ties=len(changes["new_ties"]),
            lost_ties=len(changes["lost_ties"]),
            changed_ties=len(changes["changed_ties"]),
        )
    )
    for key, ties in (
        ("changes.coordinator_lost", changes["coordinator_ties_lost"]),
        ("changes.coordinator_new", changes["coordinator_ties_new"]),
    ):
        if ties:
            partners = [
                f"{ctx.name(tie['partner'])} ({_kinds(tie['kinds'], lang)})" for tie in ties
            ]
            section.findings.append(ctx.t(key, names=join_names(partners, lang, 6)))
    if changes["brokers_gained"]:
        section.findings.append(
            ctx.t(
                "changes.brokers_gained",
                names=join_names([ctx.name(a) for a in changes["brokers_gained"]], lang),
            )
        )
    if changes["brokers_lost"]:
        section.findings.append(
            ctx.t(
                "changes.brokers_lost",
                names=join_names([ctx.name(a) for a in changes["brokers_lost"]], lang),
            )
        )

    actor_rows = [
        {
            "actor": ctx.name(a),
            "id": ctx.shown_id(a),
            "sector": ctx.sector(a),
            "type": ctx.actor_type(a),
            "change": ctx.t("changes.new"),
        }
        for a in changes["new_actors"]
    ] + [
        {
            "actor": ctx.name(a),
            "id": ctx.shown_id(a),
            "sector": ctx.sector(a),
            "type": ctx.actor_type(a),
            "change": ctx.t("changes.lost"),
        }
        for a in changes["lost_actors"]
    ]
    actor_columns = ["actor", "type", "sector", "change"]
    headers = _headers(lang, [*actor_columns, "id"], {"change": ctx.t("changes.change")})
    section.tables.append(
        Table(
            ctx.t("changes.actors_title"),
            actor_columns,
            headers,
            actor_rows,
            limit=20,
            full_in="changes_actors.csv",
        )
    )
    section.tables.append(
        Table(
            ctx.t("changes.actors_title"),
            ["id", *actor_columns],
            headers,
            actor_rows,
            csv="changes_actors.csv",
            limit=0,
        )
    )

    tie_rows = []
    for status, ties in (
        ("lost", changes["lost_ties"]),
        ("changed", changes["changed_ties"]),
        ("new", changes["new_ties"]),
    ):
        for tie in ties:
            before_kinds = (
                tie["kinds"]
                if status == "lost"
                else tie.get("kinds_before", [])
                if status == "changed"
                else []
            )
            after_kinds = tie["kinds"] if status != "lost" else []
            tie_rows.append(
                {
                    "a": ctx.name(tie["a"]),
                    "a_id": ctx.shown_id(tie["a"]),
                    "b": ctx.name(tie["b"]),
                    "b_id": ctx.shown_id(tie["b"]),
                    "kinds_before": _kinds(before_kinds, lang) or "–",
                    "kinds_after": _kinds(after_kinds, lang) or "–",
                    "change": ctx.t(f"changes.{status}"),
                    "coordinator": tie["coordinator"],
                    "order": {"lost": 0, "changed": 1, "new": 2}[status],
                }
            )
    tie_rows.sort(key=lambda r: (not r["coordinator"], r["order"]))
    tie_columns = ["a", "b", "change", "kinds_before", "kinds_after"]
    tie_headers = _headers(
        lang,
        ["a", "b", "kinds_before", "kinds_after", "a_id", "b_id"],
        {
            "a_id": f"{ctx.t('col.a')} ({ctx.t('col.id')})",
            "b_id": f"{ctx.t('col.b')} ({ctx.t('col.id')})",
        },
    )
    tie_headers["change"] = ctx.t("changes.change")
    section.tables.append(
        Table(
            ctx.t("changes.ties_title"),
            tie_columns,
            tie_headers,
            tie_rows,
            limit=25,
            full_in="changes_ties.csv",
        )
    )
    section.tables.append(
        Table(
            ctx.t("changes.ties_title"),
            ["a_id", "a", "b_id", "b", *tie_columns[2:]],
            tie_headers,
            tie_rows,
            csv="changes_ties.csv",
            limit=0,
        )
    )
    broker_rows = []
    for actor in changes["brokers_compared"]:
        status = (
            "changes.gained_broker"
            if actor in changes["brokers_gained"]
            else "changes.lost_broker"
            if actor in changes["brokers_lost"]
            else None
        )
        broker_rows.append(
            {
                "actor": ctx.name(actor),
                "id": ctx.shown_id(actor),
                "sector": ctx.sector(actor),
                "betweenness_before": _round(changes["betweenness_before"].get(actor)),
                "betweenness_after": _round(changes["betweenness_after"].get(actor)),
                "change": ctx.t(status) if status else "",
            }
        )
    broker_columns = ["actor", "sector", "betweenness_before", "betweenness_after", "change"]
    broker_headers = _headers(lang, [*broker_columns, "id"], {"change": ctx.t("changes.change")})
    section.tables.append(
        Table(
            ctx.t("changes.brokers"),
            broker_columns,
            broker_headers,
            broker_rows,
            numeric=frozenset({"betweenness_before", "betweenness_after"}),
            digits={"betweenness_before": 3, "betweenness_after": 3},
        )
    )
    section.tables.append(
        Table(
            ctx.t("changes.brokers"),
            ["id", *broker_columns],
            broker_headers,
            broker_rows,
            csv="changes_brokers.csv",
            limit=0,
        )
    )
    section.method = [
        ctx.view_line(day=before),
        ctx.view_line(day=after),
        ctx.t("changes.method", top=changes["top"]),
    ]
    return section


def _kinds(kinds: Sequence[str], lang: str) -> str:
    return ", ".join(_kind_label(k, lang) for k in kinds)


def _kind_label(kind: str, lang: str) -> str:
    if kind in ("project", "event"):
        return text(f"kind.{kind}", lang)
    return TIE_KINDS.label(kind, lang)


SectionBuilder = Callable[..., Section]
