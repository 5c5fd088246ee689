"""The words of introductions: the same sentence from the reason data, a person's street
never named."""

from __future__ import annotations

import networkx as nx
import pytest

from netzwerk.analysis.introductions import suggest_introductions
from netzwerk.errors import ConfigError
from netzwerk.present.introductions import introduction_texts


def neighbours(person: bool) -> nx.Graph:
    """A school and a shop on the same street, both working with the club."""
    view = nx.Graph([("school", "club"), ("shop", "club"), ("shop", "bakery")])
    sectors = {"school": "education", "club": "social", "shop": "economy", "bakery": "economy"}
    nx.set_node_attributes(view, sectors, "sector")
    nx.set_node_attributes(view, {"school": "Lange Straße", "shop": "Lange Straße"}, "street")
    view.nodes["shop"].update(natural_person=person, consent=True)
    return view


def test_reasons_name_the_street_of_organisations():
    [best] = suggest_introductions(neighbours(person=False), top=1)
    assert best["reason"]["codes"] == ["shared_partners", "same_street"]
    assert introduction_texts(best, "en")["reasons"] == (
        "Both have a partner in common and are on the same street (Lange Straße)"
    )


def test_reasons_never_name_the_street_of_a_person():
    [best] = suggest_introductions(neighbours(person=True), top=1)
    assert best["reason"]["street"] == "" and best["reason"]["same_street"]
    assert introduction_texts(best, "de")["reasons"] == (
        "Beide haben einen gemeinsamen Partner und sind in derselben Straße"
    )


def test_gap_text_of_a_pair_without_groups_is_empty():
    [best] = suggest_introductions(neighbours(person=False), top=1)
    assert introduction_texts({**best, "gap": None}, "de")["gap_text"] == ""


def test_unknown_language_is_a_config_error():
    [best] = suggest_introductions(neighbours(person=False), top=1)
    with pytest.raises(ConfigError, match="unbekannte Sprache"):
        introduction_texts(best, "fr")
