"""A data subject's copy of their data (Art. 15 GDPR access, Art. 20 portability).

`export_person` gathers everything the store holds about one actor — properties including
address and contact, every tie and participation, and where each came from (file, sheet,
row, ingest run; the sources that state a tie, and each source's statement where they
contradict each other) — with a timestamp and an explanation (German, or English on request). Real names are included: it
is the person's own data, handed to them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from netzwerk.model.statements import holding
from netzwerk.plain_json import to_json
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.privacy.texts import privacy_text
from netzwerk.private_files import atomic_write_text, safe_output_path
from netzwerk.store.base import Store
from netzwerk.store.capabilities import TieStatements, personal_data


def export_person(
    store: Store, actor_id: str, *, now: datetime | None = None, lang: str = "de"
) -> dict:
    """Everything stored about ``actor_id`` as plain data (JSON-ready). Raises NotFound.

    Keys: ``generated`` (UTC time), ``explanation`` (in ``lang``, 'de' or 'en'), ``actor`` (properties and
    provenance, as `Store.actor_record` has them), ``ties`` and ``participation`` (the
    actor's ties, split by kind), and for natural persons ``pseudonym`` (the name reports
    show instead of theirs).
    """
    record = personal_data(store).actor_record(actor_id)
    ties = record.pop("ties")
    _add_sources(store, ties)
    data = {
        "generated": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "explanation": privacy_text("export.explanation", lang),
        "actor": record,
        "ties": [tie for tie in ties if tie["kind"] != "participation"],
        "participation": [tie for tie in ties if tie["kind"] == "participation"],
    }
    if record.get("type") == "person":
        data["pseudonym"] = Pseudonymiser().pseudonym(actor_id)
    return data


def _add_sources(store: Store, ties: list[dict[str, Any]]) -> None:
    """Name who states each tie (``sources``) and, where sources contradict each other,
    every source's statement with its date and whether it holds (``statements``)."""
    if not isinstance(store, TieStatements):
        return
    stored = store.stored_ties([tie["key"] for tie in ties])
    contested = store.tie_statements()
    for tie in ties:
        found = stored.get(tie["key"])
        tie["sources"] = found.sources if found else []
        if tie["key"] in contested:
            holds = holding(contested[tie["key"]])
            tie["statements"] = [
                {
                    "source": statement.source,
                    "stated": statement.stated,
                    "holds": statement is holds,
                    "since": statement.tie.since,
                    "until": statement.tie.until,
                    "periods": [list(period) for period in statement.tie.periods],
                    "weight": statement.tie.weight,
                    "note": statement.tie.note,
                }
                for statement in contested[tie["key"]]
            ]


def person_json(data: dict[str, Any]) -> str:
    """An `export_person` result as JSON text (`netzwerk.plain_json.to_json`).

    >>> from datetime import date
    >>> print(person_json({"name": "Jörg", "since": date(2024, 6, 30)}))
    {
      "name": "Jörg",
      "since": "2024-06-30"
    }
    """
    return to_json(data)


def write_person_export(data: dict, path: Path | str) -> Path:
    """Write an `export_person` result as UTF-8 JSON (`person_json`), atomically."""
    return atomic_write_text(safe_output_path(Path(path)), person_json(data) + "\n")
