"""Pseudonyms are long enough never to merge two persons, short enough to read aloud, and
keep the keyed-HMAC scheme: stable per key, different under another key."""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from pathlib import Path

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


# ---------------------------------------------------------------------- a team's shared key

TEAM_KEY = "5f1c0e9a7b3d4c2e8f6a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e"


def machine(tmp_path, name: str, key: str | None) -> dict[str, str]:
    """A member's machine: its own home and config folder, and (if ``key``) its own copy
    of a key file, owner-only."""
    home = tmp_path / name
    (home / ".config").mkdir(parents=True)
    settings = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
    if key is not None:
        key_file = home / "team.key"
        key_file.write_text(key + "\n", encoding="utf-8")
        key_file.chmod(0o600)
        settings[pseudonyms.KEY_FILE_ENV] = str(key_file)
    return settings


def pseudonym_on(monkeypatch, settings: dict[str, str], actor_id: str = "erika-muster") -> str:
    monkeypatch.delenv(pseudonyms.KEY_ENV, raising=False)
    monkeypatch.delenv(pseudonyms.KEY_FILE_ENV, raising=False)
    for variable, value in settings.items():
        monkeypatch.setenv(variable, value)
    return Pseudonymiser().pseudonym(actor_id)


def test_two_machines_with_the_same_key_file_give_the_same_pseudonyms(tmp_path, monkeypatch):
    first = pseudonym_on(monkeypatch, machine(tmp_path, "anna", TEAM_KEY))
    second = pseudonym_on(monkeypatch, machine(tmp_path, "ben", TEAM_KEY))
    assert first == second == Pseudonymiser(TEAM_KEY.encode()).pseudonym("erika-muster")


def test_different_key_files_give_different_pseudonyms(tmp_path, monkeypatch):
    first = pseudonym_on(monkeypatch, machine(tmp_path, "anna", TEAM_KEY))
    second = pseudonym_on(monkeypatch, machine(tmp_path, "ben", TEAM_KEY[::-1]))
    assert first != second


def test_without_a_shared_key_each_machine_has_its_own_pseudonyms(tmp_path, monkeypatch):
    first = pseudonym_on(monkeypatch, machine(tmp_path, "anna", None))
    second = pseudonym_on(monkeypatch, machine(tmp_path, "ben", None))
    assert first != second  # each created its own key: why a team needs the shared one


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_key_file_readable_by_others_is_refused_in_one_german_line(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from netzwerk.cli import cli

    settings = machine(tmp_path, "anna", TEAM_KEY)
    key_file = settings[pseudonyms.KEY_FILE_ENV]
    os.chmod(key_file, 0o644)
    monkeypatch.delenv(pseudonyms.KEY_ENV, raising=False)
    for variable, value in settings.items():
        monkeypatch.setenv(variable, value)
    sample = (
        Path(__file__).resolve().parents[2] / "examples" / "wehringhausen" / "wehringhausen.xlsx"
    )
    store = tmp_path / "s.sqlite"
    assert CliRunner().invoke(cli, ["--store", str(store), "ingest", str(sample)]).exit_code == 0
    result = CliRunner().invoke(
        cli, ["--store", str(store), "export", "--out", str(tmp_path / "n.gexf")]
    )
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Fehler: ")
    assert (
        f'"{key_file}"' in lines[0] and "für andere lesbar" in lines[0] and "chmod 600" in lines[0]
    )
    assert TEAM_KEY not in result.output and "Traceback" not in result.output
    assert not (tmp_path / "n.gexf").exists()


@pytest.mark.parametrize(
    "content, message", [(None, "nicht gefunden"), ("kurz", "zu kurz (4 Zeichen")]
)
def test_a_missing_or_short_key_file_is_a_config_error(tmp_path, monkeypatch, content, message):
    from netzwerk.errors import ConfigError

    key_file = tmp_path / "team.key"
    if content is not None:
        key_file.write_text(content, encoding="utf-8")
        key_file.chmod(0o600)
    monkeypatch.delenv(pseudonyms.KEY_ENV, raising=False)
    monkeypatch.setenv(pseudonyms.KEY_FILE_ENV, str(key_file))
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_key()
