"""A generated list of actors with known double entries, to measure the duplicate finder.

Organisations are a kind ("Kita", "Bäckerei", …) and a distinguishing word (a surname,
often one of a near pair such as Schmid/Schmidt, or a compound such as "Lindenhof"), some with a number, a place word or a legal form; persons a first and a
last name. Every tenth actor gets a second entry written the way people do: legal form or
place dropped or added, umlauts spelled out, "Evangelische" shortened to "Ev.", "verband"
dropped, one letter dropped or two swapped, words in another order; half of them with the
same address (written differently), a third with the same contact.

    >>> actors, pairs = duplicate_list(200, seed=1)
    >>> len(actors), len(pairs)
    (220, 20)
"""

from __future__ import annotations

import random

KINDS = (
    "Kita",
    "Grundschule",
    "Sportverein",
    "Bürgerverein",
    "Evangelische Kirchengemeinde",
    "Katholische Kirchengemeinde",
    "Bäckerei",
    "Apotheke",
    "Jugendzentrum",
    "Heimatverein",
    "Kleingartenverein",
    "Friseursalon",
    "Malerbetrieb",
    "Hausverwaltung",
    "Caritasverband",
    "Elterninitiative",
    "Kulturverein",
    "Nachbarschaftshilfe",
    "Buchhandlung",
    "Café",
    "Arztpraxis",
    "Musikschule",
    "Tanzschule",
    "Seniorentreff",
)
NAMES = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Krause",
    "Meier",
    "Lehmann",
    "Schmid",
    "Köhler",
    "Maier",
    "Herrmann",
    "König",
    "Walter",
    "Mayer",
    "Huber",
    "Kaiser",
    "Fuchs",
    "Peters",
    "Lang",
    "Scholz",
    "Möller",
    "Weiß",
    "Jung",
    "Hahn",
    "Vogel",
    "Friedrich",
    "Keller",
    "Günther",
    "Frank",
    "Berger",
    "Winkler",
    "Roth",
    "Beck",
    "Lorenz",
    "Baumann",
    "Franke",
    "Albrecht",
    "Schuster",
    "Simon",
    "Ludwig",
    "Böhm",
    "Winter",
    "Kraus",
    "Martin",
    "Schumacher",
    "Krämer",
    "Vogt",
    "Stein",
    "Jäger",
    "Otto",
    "Sommer",
    "Groß",
    "Seidel",
    "Heinrich",
    "Brandt",
    "Haas",
    "Schreiber",
    "Graf",
    "Dietrich",
    "Ziegler",
    "Kuhn",
    "Kühn",
    "Pohl",
    "Engel",
    "Horn",
    "Busch",
    "Bergmann",
    "Thomas",
    "Voigt",
    "Sauer",
    "Arnold",
    "Wolff",
    "Pfeiffer",
    "Regenbogen",
    "Sonnenschein",
    "Lindenhof",
    "Abendstern",
    "Kunterbunt",
    "Wirbelwind",
    "Pusteblume",
    "Löwenzahn",
    "Eichenhain",
    "Bahnhof",
]
COMPOUNDS = [
    first + second
    for first in [
        "Linden",
        "Eichen",
        "Sonnen",
        "Regen",
        "Stern",
        "Berg",
        "Wald",
        "Rosen",
        "Mühlen",
        "Brunnen",
        "Kastanien",
        "Birken",
        "Tannen",
        "Quellen",
        "Wiesen",
        "Feld",
        "Markt",
        "Kirch",
        "Schul",
        "Garten",
    ]
    for second in ["hof", "blick", "garten", "weg", "haus", "tal", "bogen", "feld", "eck", "platz"]
]
FIRST = [
    "Anna",
    "Erika",
    "Maria",
    "Fatma",
    "Ayşe",
    "Sabine",
    "Petra",
    "Monika",
    "Ursula",
    "Jana",
    "Lena",
    "Sophie",
    "Hans",
    "Peter",
    "Michael",
    "Thomas",
    "Andreas",
    "Stefan",
    "Mehmet",
    "Ali",
    "Jörg",
    "Klaus",
    "Jürgen",
    "Wolfgang",
    "Dieter",
    "Elif",
    "Olga",
]
STREETS = (
    "Lange Straße",
    "Wehringhauser Straße",
    "Augustastraße",
    "Buscheystraße",
    "Pelmkestraße",
    "Bachstraße",
    "Gutenbergstraße",
    "Wilhelmstraße",
    "Eugen-Richter-Straße",
    "Minervastraße",
)
LEGAL = ("e.V.", "gGmbH", "GmbH")
_ADDED_WORDS = frozenset((*LEGAL, "Hagen", "Wehringhausen"))


def duplicate_list(
    originals: int, seed: int = 7, every: int = 10
) -> tuple[list[dict[str, str]], set[tuple[int, int]]]:
    """``originals`` distinct actors plus a second entry of every ``every``-th one, shuffled;
    returns the actors (name, type, address, contact) and the index pairs (i < j) that are
    one actor."""
    rng = random.Random(seed)
    actors: list[dict[str, str]] = []
    seen: set[tuple[str, ...]] = set()
    while len(actors) < originals:
        actor = _person(rng) if rng.random() < 0.2 else _organisation(rng)
        identity = tuple(w for w in actor["name"].split() if w not in _ADDED_WORDS)
        if identity not in seen:  # not merely another legal form or place of an actor
            seen.add(identity)
            actors.append(actor)
    twins = [(i, _second_entry(rng, actors[i])) for i in range(0, originals, every)]
    everyone = [*actors, *(twin for _, twin in twins)]
    order = list(range(len(everyone)))
    rng.shuffle(order)
    position = {old: new for new, old in enumerate(order)}
    pairs = {
        tuple(sorted((position[i], position[originals + k]))) for k, (i, _) in enumerate(twins)
    }
    return [everyone[old] for old in order], pairs  # type: ignore[return-value]


def _organisation(rng: random.Random) -> dict[str, str]:
    words = [rng.choice(KINDS), rng.choice(NAMES if rng.random() < 0.5 else COMPOUNDS)]
    if rng.random() < 0.15:
        words.append(str(rng.randint(1, 9)))
    if rng.random() < 0.2:
        words.append(rng.choice(("Hagen", "Wehringhausen")))
    if rng.random() < 0.3:
        words.append(rng.choice(LEGAL))
    return _with_details(rng, " ".join(words), "organisation")


def _person(rng: random.Random) -> dict[str, str]:
    return _with_details(rng, f"{rng.choice(FIRST)} {rng.choice(NAMES)}", "person")


def _with_details(rng: random.Random, name: str, kind: str) -> dict[str, str]:
    address = f"{rng.choice(STREETS)} {rng.randint(1, 180)}" if rng.random() < 0.7 else ""
    contact = ""
    if rng.random() < 0.5:
        contact = f"02331 {rng.randint(100000, 999999)}"
    elif rng.random() < 0.5:
        contact = f"info{rng.randint(1, 10**6)}@example.org"
    return {"name": name, "type": kind, "address": address, "contact": contact}


def _second_entry(rng: random.Random, actor: dict[str, str]) -> dict[str, str]:
    name = actor["name"]
    for _ in range(rng.choice((1, 1, 2))):
        name = rng.choice(_VARIANTS)(rng, name)
    address = actor["address"] if rng.random() < 0.5 else ""
    if address and rng.random() < 0.5:
        address = address.replace("Straße", "Str.") + ", 58089 Hagen"
    contact = actor["contact"] if rng.random() < 0.33 else ""
    return {**actor, "name": name, "address": address, "contact": contact}


def _legal(rng: random.Random, name: str) -> str:
    for form in LEGAL:
        if name.endswith(" " + form):
            return name[: -len(form) - 1]
    return f"{name} {rng.choice(LEGAL)}"


def _place(rng: random.Random, name: str) -> str:
    for place in (" Hagen", " Wehringhausen"):
        if place in name:
            return name.replace(place, "")
    return f"{name} Wehringhausen"


def _spelling(rng: random.Random, name: str) -> str:
    spelled = name
    for umlaut, written in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        spelled = spelled.replace(umlaut, written)
    spelled = spelled.replace("Evangelische", "Ev.").replace("Katholische", "Kath.")
    if spelled == name:
        spelled = spelled.replace("verband", "")
    return spelled if spelled != name else _typo(rng, name)


def _typo(rng: random.Random, name: str) -> str:
    words = name.split()
    longest = max(range(len(words)), key=lambda k: len(words[k]))
    word = words[longest]
    if len(word) < 5:
        return name
    at = rng.randrange(1, len(word) - 2)
    if rng.random() < 0.5:
        word = word[:at] + word[at + 1 :]
    else:
        word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    words[longest] = word
    return " ".join(words)


def _order(rng: random.Random, name: str) -> str:
    words = name.split()
    return " ".join([words[-1], *words[:-1]]) if len(words) > 1 else name


_VARIANTS = (_legal, _place, _spelling, _typo, _order)
