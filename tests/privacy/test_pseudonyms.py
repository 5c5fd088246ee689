"""Pseudonyms are long enough never to merge two persons, short enough to read aloud, and
keep the keyed-HMAC scheme: stable per key, different under another key."""

from __future__ import annotations

import hashlib
import hmac
import os
import re

import pytest

from netzwerk.privacy import pseudonyms
from netzwerk.privacy.pseudonyms import Pseudonymiser, load_key

SHAPE = re.compile(r"Person-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")


def test_pseudonym_is_three_groups_of_crockford_base32():
    pseudonym = Pseudonymiser(b"key").pseudonym("erika-muster")
    assert SHAPE.fullmatch(pseudonym), pseudonym


def test_pseudonym_is_the_first_60_bits_of_the_hmac():
    digest = hmac.new(b"key", b"erika", hashlib.sha256).digest()
    bits = int.from_bytes(digest[:8], "big") >> 4
    shown = Pseudonymiser(b"key").pseudonym("erika").removeprefix("Person-").replace("-", "")
    value = 0
    for character in shown:
        value = value * 32 + pseudonyms.CROCKFORD_BASE32.index(character)
    assert value == bits


def test_no_two_of_a_hundred_thousand_persons_share_a_pseudonym():
    # The old 24-bit pseudonyms collided after 8,845 ids; at 60 bits p ≈ n²/2^61 ≈ 4·10⁻⁹.
    pseudonymiser = Pseudonymiser(b"collision-test-key")
    shown = {pseudonymiser.pseudonym(f"person-{i}") for i in range(100_000)}
    assert len(shown) == 100_000


def test_pseudonym_is_stable_and_depends_on_the_key():
    first, again = Pseudonymiser(b"a").pseudonym("max"), Pseudonymiser(b"a").pseudonym("max")
    assert first == again
    assert Pseudonymiser(b"b").pseudonym("max") != first


def test_old_short_pseudonym_is_superseded():
    """The same person no longer appears under the 6-hex-digit pseudonym of older reports."""
    old = "Person-" + hmac.new(b"k", b"max", hashlib.sha256).hexdigest()[:6].upper()
    assert Pseudonymiser(b"k").pseudonym("max") != old
    assert not re.fullmatch(r"Person-[0-9A-F]{6}", Pseudonymiser(b"k").pseudonym("max"))


def test_key_file_is_owner_only_in_an_owner_only_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("NETZWERK_PSEUDONYM_KEY")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    previous = os.umask(0o022)  # what most users have: netzwerk must not rely on it
    try:
        key = load_key()
    finally:
        os.umask(previous)
    path = tmp_path / "config" / "netzwerk" / "pseudonym.key"
    assert key == path.read_text().strip().encode()
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "config").stat().st_mode & 0o777 == 0o700
    assert load_key() == key


@pytest.mark.parametrize("bits", [5, 20, 60])
def test_grouped_base32_has_one_character_per_five_bits(bits):
    text = pseudonyms.grouped_base32(bytes(range(8)), bits)
    assert len(text.replace("-", "")) == bits // 5
