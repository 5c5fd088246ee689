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


def test_every_text_key_the_code_names_exists():
    """A literal key passed to ``text(...)``/``t(...)`` anywhere in netzwerk is in TEXTS
    (keys built at run time, e.g. ``f"col.{column}"``, are checked by the tests of their
    output)."""
    import re
    from pathlib import Path

    package = Path(__file__).resolve().parents[2] / "netzwerk"
    call = re.compile(r"""\b(?:text|t|section_title)\(\s*["']([a-z_]+(?:\.[\w.-]+)+)["']""")
    named = {
        (path.name, key)
        for path in package.rglob("*.py")
        for key in call.findall(path.read_text(encoding="utf-8"))
    }
    assert len(named) > 50
    missing = sorted((name, key) for name, key in named if key not in TEXTS)
    assert missing == []


def test_plural_nouns_have_singular_and_plural_in_both_languages():
    for key, (german, english) in TEXTS.items():
        if key.startswith("noun."):
            assert german.count("|") == 1 and english.count("|") == 1, key
