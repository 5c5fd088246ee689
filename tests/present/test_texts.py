"""The German and English text tables stay twins."""

from __future__ import annotations

import string

from netzwerk.present.texts import ROLE_KEYS, SECTION_KEYS, TEXTS, text


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_text_has_german_and_english_with_the_same_placeholders():
    for key, (german, english) in TEXTS.items():
        if key != "col.label":
            assert german.strip() and english.strip(), key
        assert placeholders(german) == placeholders(english), key


def test_sections_and_roles_have_texts():
    for key in SECTION_KEYS:
        assert text(f"section.{key}", "de") and text(f"section.{key}", "en")
    for role in (*ROLE_KEYS, "gatekeeper_representative"):
        assert text(f"role.{role}", "de") != text(f"role.{role}", "en") or role == "gatekeeper"
        assert text(f"role_help.{role}", "de")
