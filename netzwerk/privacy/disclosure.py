"""What may leave the store next to a person: one rule for exports and query results.

A natural person is shown by a pseudonym unless they consented and names were asked for
(`privacy.pseudonyms`). A pseudonym is only worth something if nothing next to it names the
person again: a free-text note ("Frau K. vom Kiosk"), the street they live in, how to reach
them, or the file, sheet and row where anyone holding the workbook reads their name. So
for a person shown by pseudonym, `withheld_fields` keeps all of these back, on the node and
on every tie that touches it; ``--names`` changes only what consent allows: a person who
consented and is shown by name carries their name, notes and sources, but no person's
street ever leaves (consent to be named is no consent to be located). Address and contact
never leave the store for anyone (`NEVER_SHARED`).

    withheld_fields({"natural_person": True, "consent": False}, show_names=True)
    # -> frozenset({'note', 'street', 'address', 'contact', 'source_file', ...})
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = [
    "BEHIND_PSEUDONYM",
    "NEVER_SHARED",
    "PERSON_NEVER",
    "shareable_rows",
    "shown_by_pseudonym",
    "tie_withheld_fields",
    "withheld_fields",
    "without_withheld",
]

#: never in an output, for anyone: the full address and the contact details
NEVER_SHARED = frozenset({"address", "contact"})
#: what a person shown by pseudonym must not carry (nor a tie that touches them)
BEHIND_PSEUDONYM = frozenset(
    {"note", "street", "source_file", "source_sheet", "source_row", *NEVER_SHARED}
)
#: what no natural person carries, named or not
PERSON_NEVER = frozenset({"street", *NEVER_SHARED})
#: what a tie touching a person shown by pseudonym must not carry
TIE_BEHIND_PSEUDONYM = frozenset({"note", "source_file", "source_sheet", "source_row"})


def shown_by_pseudonym(node: Mapping[str, Any], show_names: bool = False) -> bool:
    """True if ``node`` (graph attributes or a store's person record) is a natural person
    shown by pseudonym: no consent, or names not asked for.

    >>> shown_by_pseudonym({"natural_person": True, "consent": True}, show_names=True)
    False
    >>> shown_by_pseudonym({"natural_person": True, "consent": False}, show_names=True)
    True
    >>> shown_by_pseudonym({"natural_person": False})
    False
    """
    return bool(node.get("natural_person")) and not (show_names and node.get("consent"))


def withheld_fields(node: Mapping[str, Any], show_names: bool = False) -> frozenset[str]:
    """The fields of ``node`` that must not leave the store in an export or query result.

    Everyone: `NEVER_SHARED`. A person shown by pseudonym: `BEHIND_PSEUDONYM` (note, street,
    address, contact, source file/sheet/row); a person shown by name (consent and
    ``show_names``): `PERSON_NEVER` (street, address, contact). This is the one rule;
    exports (`report.export`) and query results (`shareable_rows`) both ask it.

    >>> sorted(withheld_fields({"natural_person": True, "consent": True}, show_names=False))
    ['address', 'contact', 'note', 'source_file', 'source_row', 'source_sheet', 'street']
    >>> sorted(withheld_fields({"natural_person": True, "consent": True}, show_names=True))
    ['address', 'contact', 'street']
    >>> sorted(withheld_fields({"natural_person": False, "note": "Träger"}, show_names=False))
    ['address', 'contact']
    """
    if shown_by_pseudonym(node, show_names):
        return BEHIND_PSEUDONYM
    return PERSON_NEVER if node.get("natural_person") else NEVER_SHARED


def tie_withheld_fields(*ends: Mapping[str, Any], show_names: bool = False) -> frozenset[str]:
    """The fields of a tie that must not leave: its note and source row if one of its
    ``ends`` is shown by pseudonym (else none).

    >>> sorted(tie_withheld_fields({"natural_person": True}, {"natural_person": False}))
    ['note', 'source_file', 'source_row', 'source_sheet']
    """
    if any(shown_by_pseudonym(end, show_names) for end in ends):
        return TIE_BEHIND_PSEUDONYM
    return frozenset()


def without_withheld(attributes: Mapping[str, Any], withheld: Iterable[str]) -> dict[str, Any]:
    """``attributes`` with every withheld field emptied ('' : the column stays, so tables
    and GraphML keep one shape) and the never-shared ones dropped."""
    withheld = frozenset(withheld)
    return {
        key: ("" if key in withheld else value)
        for key, value in attributes.items()
        if key not in NEVER_SHARED
    }


def _column_withheld(column: str, withheld: frozenset[str]) -> bool:
    """A query column holds a withheld field if it is named after it, also with a prefix
    ('note', 'from_note', 'partner_street')."""
    return any(column == field or column.endswith(f"_{field}") for field in withheld)


def shareable_rows(
    rows: list[dict[str, Any]],
    persons: Iterable[Mapping[str, Any]],
    show_names: bool,
    pseudonymiser: Any,
) -> list[dict[str, Any]]:
    """Query results as they may leave: persons shown by pseudonym are replaced by it
    wherever their id or name appears, and a row that mentions one of them carries none
    of `BEHIND_PSEUDONYM` (columns named after a withheld field are emptied, whole nodes
    returned as maps lose them). Address and contact leave no row.

    ``persons``: id, name and consent of every natural person (``NamedQueries.persons``);
    ``pseudonymiser``: a `privacy.pseudonyms.Pseudonymiser`.
    """
    hidden: dict[str, str] = {}
    for person in persons:
        if not shown_by_pseudonym({**person, "natural_person": True}, show_names):
            continue
        pseudonym = pseudonymiser.pseudonym(person["id"])
        hidden[person["id"]] = pseudonym
        if person.get("name"):
            hidden[person["name"]] = pseudonym
    behind = withheld_fields({"natural_person": True}, show_names=False)

    def clean(value: Any, found: list[bool]) -> Any:
        if isinstance(value, list):
            return [clean(v, found) for v in value]
        if isinstance(value, dict):
            inner: list[bool] = []
            cleaned = {k: clean(v, inner) for k, v in value.items()}
            found.extend(inner)
            return without_withheld(cleaned, behind if any(inner) else NEVER_SHARED)
        if isinstance(value, str) and value in hidden:
            found.append(True)
            return hidden[value]
        return value

    shared = []
    for row in rows:
        found: list[bool] = []
        cleaned = {key: clean(value, found) for key, value in row.items()}
        withheld = behind if found else NEVER_SHARED
        shared.append(
            {
                key: ("" if _column_withheld(key, withheld) else value)
                for key, value in cleaned.items()
                if not _column_withheld(key, NEVER_SHARED)
            }
        )
    return shared
