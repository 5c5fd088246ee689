"""Actors that are probably the same one entered twice ("Caritasverband Hagen e.V." and
"Caritas Hagen").

Names are reduced to their significant words: lower case, umlauts spelled out, legal forms
(e.V., gGmbH, …), filler words (der, die, für, …), the city and district name and the
suffix "verband" removed. Two names are flagged when their word sets are equal, when one
set contains the other, or when the reduced names are at least 85 % similar
(`difflib.SequenceMatcher.ratio`). Names whose numbers differ ("Kita 1", "Kita 2") are
never flagged.

To stay well below O(n²) on big files, names are only compared within blocks that share
a significant word (an inverted index); words shared by more than `MAX_BLOCK` names (too
common to say anything, e.g. "schule") form no block. Pairs that only share such a word
and differ in every other word are therefore not compared.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher

SIMILARITY = 0.85
MAX_BLOCK = 200

_WORD = re.compile(r"\w+")
_LEGAL_FORMS = (
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
)
_FILLER_WORDS = (
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
)
_PLACE_WORDS = ("hagen", "wehringhausen", "westfalen", "nrw")
_FILLERS = frozenset(_LEGAL_FORMS + _FILLER_WORDS + _PLACE_WORDS)
_SUFFIXES = ("verband",)


def significant_words(name: str) -> tuple[str, ...]:
    """The words of a name that tell it apart, in order.

    >>> significant_words("Caritasverband Hagen e.V.")
    ('caritas',)
    >>> significant_words("Die Hagener"), significant_words("Hagen")  # nothing left: keep all
    (('hagener',), ('hagen',))
    """
    text = name.casefold()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = _WORD.findall(text)
    kept = []
    for word in words:
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                word = word[: -len(suffix)]
        if word not in _FILLERS:
            kept.append(word)
    return tuple(kept) if kept else tuple(words)


def likely_duplicates(names: list[str]) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of names that probably mean the same actor.

    >>> likely_duplicates(["Caritasverband Hagen e.V.", "Grundschule Wehringhausen",
    ...                    "Caritas Hagen", "Kita Wehringhausen", "Kita 1", "Kita 2"])
    [(0, 2)]
    """
    reduced = [significant_words(name) for name in names]
    joined = [" ".join(words) for words in reduced]
    word_sets = [frozenset(words) for words in reduced]
    numbers = [frozenset(word for word in words if word.isdigit()) for words in reduced]
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, words in enumerate(word_sets):
        if not words:
            continue
        for word in words:
            blocks[word].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        for position, i in enumerate(members):
            for j in members[position + 1 :]:
                if (i, j) in pairs or numbers[i] != numbers[j]:
                    continue
                if _similar(word_sets[i], word_sets[j], joined[i], joined[j]):
                    pairs.add((i, j))
    # Equal word sets are duplicates even inside over-full blocks (paired with the first).
    first_with: dict[frozenset[str], int] = {}
    for index, words in enumerate(word_sets):
        if words:
            first = first_with.setdefault(words, index)
            if first != index:
                pairs.add((first, index))
    return sorted(pairs)


def _similar(a: frozenset[str], b: frozenset[str], text_a: str, text_b: str) -> bool:
    if a <= b or b <= a:
        return True
    matcher = SequenceMatcher(None, text_a, text_b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= SIMILARITY
        and matcher.quick_ratio() >= SIMILARITY
        and matcher.ratio() >= SIMILARITY
    )
