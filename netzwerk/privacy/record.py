"""A starting point for the record of processing activities (Art. 30 GDPR).

`privacy_record` counts what personal data the store holds, by category (names of natural
persons, contact data, addresses, notes about persons, consent flags, participation in
events and projects, ties of persons), lists the source files from the ingest log, the
retention setting and the technical measures netzwerk takes, and names what the controller
still has to fill in. Counts only: no names, no values.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from netzwerk.privacy.retention import retention_plan
from netzwerk.privacy.texts import CATEGORY_KEYS, MEASURE_KEYS, TO_COMPLETE_KEYS, privacy_text
from netzwerk.store.base import Store
from netzwerk.store.capabilities import personal_data

ALL_RUNS = 1_000_000


def privacy_record(
    store: Store,
    *,
    years: int | None = None,
    today: date | None = None,
    now: datetime | None = None,
    lang: str = "de",
) -> dict:
    """Categories of personal data with counts, sources, retention and measures; the texts
    in ``lang`` ('de' or 'en'), the keys the same in both.

    Reads every actor's record (for contact and address, which the graph leaves out).
    """
    graph = store.graph()
    actors = {node: data for node, data in graph.nodes(data=True) if data.get("kind") == "actor"}
    persons = {node for node, data in actors.items() if data.get("natural_person")}
    personal = personal_data(store)
    details = {node: personal.actor_record(actors[node]["id"]) for node in actors}

    def has(node: str, field: str) -> bool:
        return bool(str(details[node].get(field) or "").strip())

    person_ties = [
        (source, target, data)
        for source, target, data in graph.edges(data=True)
        if source in persons or target in persons
    ]
    participation = [
        (source, target)
        for source, target, data in person_ties
        if data.get("kind") == "participation"
    ]
    participants = {node for pair in participation for node in pair if node in persons}
    noted = {node for node in persons if has(node, "note")}
    noted |= {
        node
        for source, target, data in person_ties
        if data.get("note")
        for node in (source, target)
        if node in persons
    }
    counts = {
        "person_names": len(persons),
        "person_contact": sum(has(node, "contact") for node in persons),
        "organisation_contact": sum(has(node, "contact") for node in actors if node not in persons),
        "person_addresses": sum(has(node, "address") for node in persons),
        "person_notes": len(noted),
        "consent_flags": len(persons),
        "participation": len(participation),
        "person_ties": len(person_ties) - len(participation),
    }
    categories = [
        {
            "key": key,
            "category": privacy_text(f"category.{key}", lang),
            "count": counts[key],
            "note": privacy_text(f"category.{key}.note", lang),
        }
        for key in CATEGORY_KEYS
    ]
    consent_yes = sum(1 for node in persons if actors[node].get("consent"))
    sources: dict[str, dict] = {}
    for run in reversed(store.ingest_log(limit=ALL_RUNS)):
        for name in run["files"]:
            entry = sources.setdefault(name, {"file": name, "runs": 0, "first": run["started"]})
            entry["runs"] += 1
            entry["last"] = run["started"]
    plan = retention_plan(store, years, today)
    return {
        "title": privacy_text("record.title", lang),
        "introduction": privacy_text("record.intro", lang),
        "generated": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "store": store.describe(lang),
        "data_subjects": {
            "description": privacy_text("record.data_subjects", lang),
            "persons": len(persons),
            "persons_in_events": len(participants),
            "organisations": len(actors) - len(persons),
        },
        "categories": categories,
        "consent": {"yes": consent_yes, "no": len(persons) - consent_yes},
        "sources": list(sources.values()),
        "retention": {
            "years": plan.setting.years,
            "setting": plan.setting.description(lang),
            "cutoff": plan.cutoff.isoformat(),
            "rule": plan.rule(lang),
            "expired_actors": len(plan.actors),
            "expired_ties": len(plan.ties) + len(plan.ties_of_actors),
        },
        "measures": [privacy_text(key, lang) for key in MEASURE_KEYS],
        "to_complete": [privacy_text(key, lang) for key in TO_COMPLETE_KEYS],
    }
