"""The interactive map's data (`netzwerk.report.karte.data.map_payload`): the same figures
as the report, the time slider's bits equal to the view on each day, persons shown only as
the report shows them."""

from __future__ import annotations

import json
from datetime import date

import networkx as nx
import numpy as np
import pytest

from netzwerk.analysis.network_view import NetworkView
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report.build import ReportOptions, assemble, compute
from netzwerk.report.karte.data import BROKER, CUT_OFF, CUT_POINT, map_payload
from netzwerk.report.karte.layout import spread_apart
from netzwerk.report.karte.part import map_part
from netzwerk.report.karte.slices import slider_days, time_slices

from .conftest import KEY

DAY = date(2026, 12, 3)


def computed_for(graph: nx.MultiDiGraph, lang: str = "de", show_names: bool = False):
    options = ReportOptions(
        view=NetworkView(as_of=DAY),
        lang=lang,
        as_of=None,
        compare=None,
        show_names=show_names,
        ingest_log=(),
        tie_kinds=(),
        weighted=True,
        pseudonymiser=Pseudonymiser(KEY),
        today=DAY,
        figures=False,
    )
    return compute(graph, options)


@pytest.fixture(scope="module")
def karte(sample) -> dict:
    computed = computed_for(sample["graph"])
    return {"computed": computed, "payload": map_payload(computed.context)}


def test_every_slider_position_is_the_view_on_its_day(sample, karte):
    """Brute force: for each position, the ties with its bit set are exactly the ties of
    NetworkView(as_of=that day), and so are the actors."""
    payload, graph = karte["payload"], sample["graph"]
    order = sorted(karte["computed"].context.view, key=str)
    days = slider_days(graph, DAY)
    assert (
        len(payload["meta"]["years"]) == len(days) and payload["meta"]["current"] == len(days) - 1
    )
    shown = {i: a for i, a in enumerate(sorted(_union(graph, days), key=str))}
    edges = payload["edges"]
    for position, day in enumerate(days):
        view = NetworkView(as_of=day).actor_graph(graph)
        with_bit = {
            frozenset((shown[s], shown[t]))
            for s, t, bits in zip(edges["source"], edges["target"], edges["years"], strict=True)
            if bits >> position & 1
        }
        assert with_bit == {frozenset(e) for e in view.edges()}, day
        actors = {
            shown[i] for i, bits in enumerate(payload["nodes"]["years"]) if bits >> position & 1
        }
        assert actors == set(view), day
    assert set(order) <= set(shown.values())


def _union(graph, days):
    actors = set()
    for day in days:
        actors |= set(NetworkView(as_of=day).actor_graph(graph))
    return actors


def test_the_consortium_ties_of_caritas_end_with_2022(karte):
    """The sample's QM consortium ended on 31.12.2022: the tie between Caritas and the QM
    is there in 2021 and gone on the view's day."""
    payload = karte["payload"]
    ids = payload["nodes"]["id"]
    caritas, qm = ids.index("caritas-hagen"), ids.index("qm-wehringhausen")
    labels = [y["label"] for y in payload["meta"]["years"]]
    in_2021, today = labels.index("2021"), payload["meta"]["current"]
    edges = payload["edges"]
    pair = next(
        k
        for k, (s, t) in enumerate(zip(edges["source"], edges["target"], strict=True))
        if {s, t} == {caritas, qm}
    )
    assert edges["years"][pair] >> in_2021 & 1
    assert not edges["years"][pair] >> today & 1
    assert "31.12.2022" in edges["dates"][pair]


def test_figures_and_questions_are_the_reports(karte):
    """Betweenness, flags and the 'without the QM' lines come from the report's own results
    and sections (one computation)."""
    computed, payload = karte["computed"], karte["payload"]
    ctx = computed.context
    nodes = payload["nodes"]
    index = {a: i for i, a in enumerate(sorted(_payload_actors(ctx, payload), key=str))}
    for row in ctx.results.brokers:
        i = index[row["id"]]
        assert nodes["betweenness"][i] == row["betweenness"]
        assert nodes["facts"][i][0][1] == f"{row['betweenness']:.4f}".replace(".", ",")
        assert bool(nodes["flags"][i] & CUT_POINT) == bool(row["cut_point"])
    cut_off = {nodes["id"][i] for i in payload["questions"]["cut_off"]}
    assert cut_off == {ctx.shown_id(a) for a in ctx.results.cut_off} and cut_off
    assert {nodes["id"][i] for i, f in enumerate(nodes["flags"]) if f & CUT_OFF} == cut_off
    assert sum(1 for f in nodes["flags"] if f & BROKER) == len(ctx.results.map_brokers)
    report = assemble(computed)
    assert payload["questions"]["without_coordinator"] == report.section("dependency").findings
    unreached_rows = report.section("unreached").tables[0].rows
    assert len(payload["questions"]["unreached"]) == len(unreached_rows)


def test_the_funding_question_is_the_funding_sections(karte):
    """'Ohne auslaufende Förderung': the funding section's words, its cut-off actors, and
    exactly its lost ties marked on the edges (one computation)."""
    computed, payload = karte["computed"], karte["payload"]
    ctx, nodes, edges = computed.context, payload["nodes"], payload["edges"]
    funding = ctx.results.funding
    assert funding and funding["ties_lost"]
    report = assemble(computed)
    assert payload["questions"]["without_funding"] == report.section("funding").findings
    marked = {nodes["id"][i] for i in payload["questions"]["funding_cut_off"]}
    assert marked == {ctx.shown_id(a) for a in funding["cut_off"]}
    lost = {
        frozenset((nodes["id"][s], nodes["id"][t]))
        for s, t, f in zip(edges["source"], edges["target"], edges["funding"], strict=True)
        if f
    }
    expected = {
        frozenset((ctx.shown_id(t["source"]), ctx.shown_id(t["target"])))
        for t in funding["ties_lost"]
    }
    assert lost == expected


def _payload_actors(ctx, payload):
    """The payload's actors, by store id (the payload shows pseudonym ids for persons)."""
    shown = {
        ctx.shown_id(a): a
        for a in ctx.store_graph
        if ctx.store_graph.nodes[a].get("kind") == "actor"
    }
    return [shown[i] for i in payload["nodes"]["id"]]


def test_persons_only_as_the_report_shows_them(sample):
    """No name of a person without consent anywhere in the data, no person's street as a
    value or in an introduction involving a person, no note; with names asked for,
    consenting persons are named and still have no street. (Streets may appear in
    organisations' names and in introductions of two organisations.)"""
    graph = sample["graph"]
    persons = [d for _, d in graph.nodes(data=True) if d.get("natural_person")]
    streets = {d["street"] for d in persons if d.get("street")}
    assert streets
    for show_names in (False, True):
        payload = map_payload(computed_for(graph, show_names=show_names).context)
        text = json.dumps(payload, ensure_ascii=False)
        for data in persons:
            named = show_names and data.get("consent")
            assert (data["name"] in text) == bool(named and _on_any_day(data)), data["id"]
        assert not streets & set(_strings(payload))
        is_person = [
            graph.nodes[a].get("natural_person")
            for a in _payload_actors(computed_for(graph, show_names=show_names).context, payload)
        ]
        for i, suggestions in enumerate(payload["nodes"]["introductions"]):
            for other, _, reason in suggestions:
                if is_person[i] or is_person[other]:
                    assert not any(street in reason for street in streets), reason
        for _, d in graph.nodes(data=True):
            if len(d.get("note") or "") > 12:
                assert d["note"] not in text


def _strings(value):
    """Every string anywhere in a JSON-like value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _on_any_day(data) -> bool:
    return data.get("until") is None or data["until"].year >= 2018


def test_english_texts_for_every_german_key(sample):
    german = map_payload(computed_for(sample["graph"]).context)
    english = map_payload(computed_for(sample["graph"], "en").context)
    assert german["texts"].keys() == english["texts"].keys()
    assert german["texts"]["search"] != english["texts"]["search"]
    assert english["lang"] == "en" and english["meta"]["years"][0]["day"].startswith("31 Dec")


def test_time_slices_of_a_hand_made_network():
    """a–b tied 2019–2021, b–c from 2021 on, c present from 2020: positions 31.12.2019,
    31.12.2020, 31.12.2021, 30.06.2022 give a–b bits 0,1,2 (0b0111), b–c bit 2 and 3
    (0b1100), c bits 1–3 (0b1110)."""
    graph = nx.MultiDiGraph()
    for actor, since in (("a", date(2019, 1, 1)), ("b", date(2019, 1, 1)), ("c", date(2020, 1, 1))):
        graph.add_node(actor, kind="actor", id=actor, name=actor, since=since, until=None)
    graph.add_edge(
        "a", "b", key="1", kind="cooperation", since=date(2019, 2, 1), until=date(2021, 12, 31)
    )
    graph.add_edge("b", "c", key="2", kind="cooperation", since=date(2021, 3, 1), until=None)
    days = slider_days(graph, date(2022, 6, 30))
    assert days == [date(2019, 12, 31), date(2020, 12, 31), date(2021, 12, 31), date(2022, 6, 30)]
    spec = NetworkView(as_of=days[-1])
    slices = time_slices(graph, spec, spec.actor_graph(graph), days)
    assert slices.tie_bits == {("a", "b"): 0b0111, ("b", "c"): 0b1100}
    assert slices.actor_bits == {"a": 0b1111, "b": 0b1111, "c": 0b1110}


def test_spread_apart_removes_overlaps():
    """400 discs of radius 0.02 dropped into a 0.2 × 0.2 square overlap a lot; afterwards
    (before the final rescaling, measured in the same units) almost none overlap."""
    rng = np.random.default_rng(1)
    xy = rng.uniform(0, 0.2, size=(400, 2))
    radii = np.full(400, 0.02)

    def overlapping(points):
        d = np.linalg.norm(points[:, None] - points[None], axis=2)
        return int(((d < 0.04 * 0.95) & ~np.eye(400, dtype=bool)).sum() // 2)

    before = overlapping(xy)
    after = spread_apart(xy, radii, rounds=200, rescale=False)
    assert before > 1000
    assert overlapping(after) < before / 50
    assert np.array_equal(after, spread_apart(xy, radii, rounds=200, rescale=False))


def test_map_part_around_an_actor_and_of_a_sector(karte):
    view = karte["computed"].context.view
    around = map_part(view, around="qm-wehringhausen", steps=1)
    assert around == {"qm-wehringhausen", *view["qm-wehringhausen"]}
    sector = map_part(view, sector="education")
    members = {a for a, d in view.nodes(data=True) if d.get("sector") == "education"}
    assert members < sector and all(any(m in view[a] for m in members) for a in sector - members)
    partial = map_payload(karte["computed"].context, around)
    assert len(partial["nodes"]["id"]) == len(around)
    assert all(
        s < len(partial["nodes"]["id"]) and t < len(partial["nodes"]["id"])
        for s, t in zip(partial["edges"]["source"], partial["edges"]["target"], strict=True)
    )
