"""Actors that are probably the same one entered twice ("Caritasverband Hagen e.V." and
"Caritas Hagen"), with a score and the reasons.

**Names** are reduced to their significant words (`significant_words`): lower case,
umlauts spelled out, accents dropped, common abbreviations written out ("Ev." at the start
→ evangelisch, "Kath." → katholisch, "St." → sankt), adjective endings of -isch words
dropped, legal forms (e.V., gGmbH, …), filler words (der, für, …), the city and district
name and the suffix "verband" removed. The **name score** (0–100) of two names is 100 for
equal word sets, 90 when one set contains the other (unless a word only one of them has
names a part of an organisation: Förderverein, Frauenkreis, Jugendgruppe, …), else the
better of rapidfuzz's `fuzz.ratio` and `fuzz.token_sort_ratio` of the reduced names
(normalised Indel similarity, word order ignored in the second). Names whose numbers differ ("Kita 1",
"Kita 2") score 0.

**Address**: the same street and house number (postcode and city ignored, "Str." =
"Straße"). **Contact**: an e-mail address or phone number in common (phone numbers by
their digits, +49 read as 0).

Both known and different, an address or a contact counts 10 against a pair. A pair is
listed when its name score less that is at least `SIMILARITY` (reason ``name``), when the
two share a contact (``contact``), or when they share an address and have a name score of
at least `ADDRESS_SIMILARITY` (``address``: several associations often share one house). Persons are only paired with persons, organisations with organisations. The
pair's **score** is the name score plus 15 for a shared address and 25 for a shared
contact, less what counts against it, between 0 and 100.

To stay far below O(n²), names are only compared within blocks: actors sharing a
significant word, its first four or its last four letters (so one typo does not hide a
pair), an address or a contact. Blocks of more than `MAX_BLOCK` actors (words too common
to say anything, e.g. "schule") are not compared pairwise; equal word sets are paired
even there.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

SIMILARITY = 85.0
ADDRESS_SIMILARITY = 60.0
MAX_BLOCK = 200
REASONS = ("name", "address", "contact")
_ADDRESS_BONUS, _CONTACT_BONUS, _CONFLICT, _CONTAINED = 15.0, 25.0, 10.0, 90.0

_WORD = re.compile(r"\w+")
_LEGAL_FORMS = frozenset(
    [
        "e",
        "v",
        "ev",
        "eg",
        "gmbh",
        "ggmbh",
        "mbh",
        "ug",
        "ag",
        "kg",
        "ohg",
        "gbr",
        "kgaa",
        "se",
        "gem",
        "gemeinnuetzige",
        "gemeinnuetziger",
        "haftungsbeschraenkt",
        "verband",
        "verein",
    ]
)
_FILLERS = _LEGAL_FORMS | frozenset(
    [
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "und",
        "fuer",
        "in",
        "im",
        "am",
        "an",
        "auf",
        "von",
        "vom",
        "zu",
        "zur",
        "zum",
        "bei",
        "mit",
        "hagen",
        "wehringhausen",
        "westfalen",
        "nrw",
    ]
)
_SUFFIXES = ("verband",)
_LEADING_ABBREVIATIONS = {"ev": "evangelisch", "evang": "evangelisch"}
_ABBREVIATIONS = {"kath": "katholisch", "st": "sankt", "str": "strasse"}
_ADJECTIVE = re.compile(r"^(\w{3,}isch)(e|er|es|en|em)$")  # not Fischer, Tischer
_SUBGROUP = re.compile(
    r"^(foerder|frauen|maenner|jugend|kinder|senioren|eltern)|(kreis|gruppe|chor)$"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d /()-]{5,}\d")


def _ascii_words(text: str) -> list[str]:
    text = text.casefold()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _WORD.findall(text)


def significant_words(name: str) -> tuple[str, ...]:
    """The words of a name that tell it apart, in order.

    >>> significant_words("Caritasverband Hagen e.V.")
    ('caritas',)
    >>> significant_words("Ev. Kirchengemeinde"), significant_words("Evangelische Kirche")
    (('evangelisch', 'kirchengemeinde'), ('evangelisch', 'kirche'))
    >>> significant_words("Die Hagener"), significant_words("Hagen")  # nothing left: keep all
    (('hagener',), ('hagen',))
    """
    words = _ascii_words(name)
    kept = []
    for position, word in enumerate(words):
        if position == 0 and word in _LEADING_ABBREVIATIONS:
            kept.append(_LEADING_ABBREVIATIONS[word])
            continue
        word = _ABBREVIATIONS.get(word, word)
        word = _ADJECTIVE.sub(r"\1", word)
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                word = word[: -len(suffix)]
        if word not in _FILLERS:
            kept.append(word)
    return tuple(kept) if kept else tuple(words)


def address_key(address: str) -> str:
    """Street and house number, normalised ("" without a house number).

    >>> address_key("Lange Straße 22, 58089 Hagen") == address_key("lange str. 22")
    True
    """
    street = address.split(",")[0]
    words = ["strasse" if w in ("str", "strasse") else w for w in _ascii_words(street)]
    joined = "".join(words).replace("strasse", "str")
    return joined if any(ch.isdigit() for ch in joined) else ""


def contact_keys(contact: str) -> frozenset[str]:
    """The e-mail addresses and phone numbers in a contact field, normalised.

    >>> sorted(contact_keys("Info@Caritas-Hagen.de, +49 2331 123-45"))
    ['0233112345', 'info@caritas-hagen.de']
    """
    emails = {m.casefold() for m in _EMAIL.findall(contact)}
    rest = _EMAIL.sub(" ", contact)
    phones = set()
    for number in _PHONE.findall(rest):
        digits = re.sub(r"\D", "", number)
        phones.add("0" + digits[2:] if number.startswith("+49") else digits)
    return frozenset(emails | phones)


@dataclass(frozen=True)
class Duplicate:
    """Two actors, by position in the list given (``first < second``), that are probably
    one: ``score`` 0–100, ``reasons`` among `REASONS`, ``name_score`` of their names."""

    first: int
    second: int
    score: float
    reasons: tuple[str, ...]
    name_score: float


@dataclass(frozen=True)
class _Reduced:
    words: frozenset[str]
    joined: str
    numbers: frozenset[str]
    person: bool
    address: str
    contacts: frozenset[str]


def _reduce(identity: Mapping[str, str]) -> _Reduced:
    words = significant_words(identity.get("name", ""))
    return _Reduced(
        frozenset(words),
        " ".join(words),
        frozenset(w for w in words if w.isdigit()),
        identity.get("type") == "person",
        address_key(identity.get("address", "")),
        contact_keys(identity.get("contact", "")),
    )


def name_score(a: str, b: str) -> float:
    """The name score of two names (see the module docstring).

    >>> name_score("Caritasverband Hagen e.V.", "Caritas Hagen")
    100.0
    >>> name_score("Kita 1", "Kita 2")
    0.0
    >>> name_score("Islamische Gemeinde", "Frauenkreis der Islamischen Gemeinde") < 85
    True
    >>> round(name_score("Evangelische Kirchengemeinde", "Evangelische Kirchengemiende"))
    93
    """
    return _name_score(_reduce({"name": a}), _reduce({"name": b}))


def _name_score(a: _Reduced, b: _Reduced) -> float:
    if a.numbers != b.numbers:
        return 0.0
    if a.words == b.words:
        return 100.0
    only_a, only_b = a.words - b.words, b.words - a.words
    if a.words and b.words and not (only_a and only_b):
        contained = not any(_SUBGROUP.search(word) for word in only_a | only_b)
        return _CONTAINED if contained else 0.0
    if only_a != a.words:  # shared words: the words that differ decide
        return float(fuzz.ratio(" ".join(sorted(only_a)), " ".join(sorted(only_b))))
    return float(max(fuzz.ratio(a.joined, b.joined), fuzz.token_sort_ratio(a.joined, b.joined)))


def find_duplicates(identities: Sequence[Mapping[str, str]]) -> list[Duplicate]:
    """Pairs of actors that are probably the same, best first (see the module docstring).

    ``identities``: ``name`` and optionally ``type``, ``address``, ``contact`` per actor
    (`PersonalData.actor_identities`).

    >>> found = find_duplicates([
    ...     {"name": "Caritasverband Hagen e.V.", "type": "association"},
    ...     {"name": "Stadtteilbüro", "address": "Lange Str. 5"},
    ...     {"name": "Caritas Hagen", "type": "association"},
    ...     {"name": "Stadtteilladen", "address": "Lange Straße 5, Hagen"},
    ...     {"name": "Anna Schmidt", "type": "person", "contact": "0171 2345678"},
    ...     {"name": "A. Schmidt", "type": "person", "contact": "+49 171 234 5678"},
    ... ])
    >>> [(d.first, d.second, d.reasons) for d in found]
    [(0, 2, ('name',)), (1, 3, ('address',)), (4, 5, ('contact',))]
    """
    reduced = [_reduce(identity) for identity in identities]
    found = []
    for i, j in _candidate_pairs(reduced):
        a, b = reduced[i], reduced[j]
        if a.person != b.person:
            continue
        score = _name_score(a, b)
        same_address = bool(a.address) and a.address == b.address
        same_contact = bool(a.contacts & b.contacts)
        penalty = _CONFLICT * (bool(a.address and b.address) and not same_address) + (
            _CONFLICT * (bool(a.contacts and b.contacts) and not same_contact)
        )
        holds = (
            score - penalty >= SIMILARITY,
            same_address and score >= ADDRESS_SIMILARITY,
            same_contact,
        )
        reasons = tuple(reason for reason, true in zip(REASONS, holds, strict=True) if true)
        if reasons:
            bonus = _ADDRESS_BONUS * same_address + _CONTACT_BONUS * same_contact
            found.append(
                Duplicate(i, j, max(0.0, min(100.0, score + bonus - penalty)), reasons, score)
            )
    found.sort(key=lambda d: (-d.score, d.first, d.second))
    return found


def likely_duplicates(names: list[str]) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of names that probably mean the same actor
    (`find_duplicates` on names alone).

    >>> likely_duplicates(["Caritasverband Hagen e.V.", "Grundschule Wehringhausen",
    ...                    "Caritas Hagen", "Kita Wehringhausen", "Kita 1", "Kita 2"])
    [(0, 2)]
    """
    return sorted((d.first, d.second) for d in find_duplicates([{"name": n} for n in names]))


def _candidate_pairs(reduced: Sequence[_Reduced]) -> set[tuple[int, int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, actor in enumerate(reduced):
        for key in _block_keys(actor):
            blocks[key].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if 2 <= len(members) <= MAX_BLOCK:
            pairs.update(combinations(members, 2))
    # Equal word sets are duplicates even inside over-full blocks (paired with the first).
    first_with: dict[frozenset[str], int] = {}
    for index, actor in enumerate(reduced):
        if actor.words:
            first = first_with.setdefault(actor.words, index)
            if first != index:
                pairs.add((first, index))
    return pairs


def _block_keys(actor: _Reduced) -> Iterator[str]:
    keys = set()
    for word in actor.words:
        keys.add("w:" + word)
        if len(word) >= 5:
            keys.update(("p:" + word[:4], "s:" + word[-4:]))
    if actor.address:
        keys.add("a:" + actor.address)
    keys.update("c:" + contact for contact in actor.contacts)
    yield from keys
