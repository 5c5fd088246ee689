"""Pseudonyms for natural persons in every output.

A person is shown as ``Person-7F3A-2C9K-XQ4M``: the first 60 bits of HMAC-SHA256(key,
actor id), written as 12 Crockford base32 characters (digits and capital letters without
I, L, O, U, so nothing reads as a look-alike) in three groups of four.

Why 60 bits: two persons with the same pseudonym would be one node in an export and one row
in a table. By the birthday bound the chance that any two of ``n`` persons collide is
p ≈ n² / 2^61, about 4·10⁻⁷ at a million persons (4·10⁻¹¹ at 10,000). Earlier builds
used 24 bits (``Person-7F3A2C``, 6 hex digits): there p reaches 1/2 at about 4,800 persons,
and two persons did collide after 8,845 ids. Those older pseudonyms are superseded: the same
person now has a different, longer pseudonym, so old reports do not match new ones.
Exports still check that distinct actors stay distinct nodes (`report.export`).

The pseudonym is stable across runs (same key, same id) and cannot be reversed without the
key. The key lives outside every output and is never written to one, nor to a log or an
error message. Where it comes from, first found wins:

1. ``NETZWERK_PSEUDONYM_KEY``: the key itself (tests, CI);
2. ``NETZWERK_PSEUDONYM_KEY_FILE``: a shared key file, for a team whose members work on the
   same Neo4j server and must see the same pseudonyms (each member keeps a copy of one
   file). It must exist, be readable by its owner only (mode 0600; a file readable by
   group or others is refused with `ConfigError`) and hold at least 32 characters;
3. the member's own key file ``$XDG_CONFIG_HOME/netzwerk/pseudonym.key`` (created with
   mode 0600 in a folder created with mode 0700 on first use): pseudonyms then differ
   from machine to machine.
 Organisations keep their names. With
``show_names=True`` only persons who consented are shown by name; everyone else stays
pseudonymised.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from netzwerk.errors import ConfigError
from netzwerk.privacy.texts import privacy_text
from netzwerk.private_files import make_private_folder

KEY_ENV = "NETZWERK_PSEUDONYM_KEY"
KEY_FILE_ENV = "NETZWERK_PSEUDONYM_KEY_FILE"
#: a shared key shorter than this is refused (``secrets.token_hex(32)`` gives 64)
MIN_KEY_CHARACTERS = 32
PSEUDONYM_BITS = 60
CROCKFORD_BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def key_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "netzwerk" / "pseudonym.key"


def shared_key(path: Path) -> bytes:
    """The key in the shared key file ``path`` (see the module docstring).

    Raises `ConfigError` (naming the file, never its content) if the file is missing,
    unreadable, readable by group or others (on POSIX systems) or holds a short key.
    """
    where = {"variable": KEY_FILE_ENV, "path": str(path)}
    try:
        mode = path.stat().st_mode
        if not path.is_file():
            raise FileNotFoundError(path)
        if os.name == "posix" and mode & 0o077:
            raise ConfigError(
                privacy_text("key_file.open", "de", **where, mode=f"{mode & 0o777:04o}")
            )
        key = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise ConfigError(privacy_text("key_file.missing", "de", **where)) from None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        raise ConfigError(
            privacy_text("key_file.unreadable", "de", **where, reason=reason)
        ) from None
    if len(key) < MIN_KEY_CHARACTERS:
        raise ConfigError(
            privacy_text(
                "key_file.short", "de", **where, length=len(key), minimum=MIN_KEY_CHARACTERS
            )
        )
    return key.encode("utf-8")


def load_key() -> bytes:
    """The pseudonym key: ``NETZWERK_PSEUDONYM_KEY``, else the shared key file
    ``NETZWERK_PSEUDONYM_KEY_FILE`` names (`shared_key`), else the member's own key file
    (created if missing)."""
    from_env = os.environ.get(KEY_ENV)
    if from_env:
        return from_env.encode("utf-8")
    shared = os.environ.get(KEY_FILE_ENV)
    if shared:
        return shared_key(Path(shared).expanduser())
    path = key_path()
    if not path.exists():
        make_private_folder(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip().encode("utf-8")


def grouped_base32(data: bytes, bits: int, group: int = 4) -> str:
    """The first ``bits`` bits of ``data`` (a multiple of 5) in Crockford base32, grouped.

    >>> grouped_base32(bytes.fromhex("ffffffffffffffff"), 60)
    'ZZZZ-ZZZZ-ZZZZ'
    >>> grouped_base32(bytes(8), 20, group=2)
    '00-00'
    """
    value = int.from_bytes(data, "big") >> (len(data) * 8 - bits)
    characters = [CROCKFORD_BASE32[(value >> shift) & 31] for shift in range(bits - 5, -1, -5)]
    return "-".join("".join(characters[i : i + group]) for i in range(0, len(characters), group))


class Pseudonymiser:
    """Turns actor records into the name an output may show.

    >>> p = Pseudonymiser(b"secret")
    >>> person = {"name": "Erika Muster", "natural_person": True, "consent": True}
    >>> p.display_name("erika-muster", person)
    'Person-W2WJ-2BSP-988W'
    >>> p.display_name("erika-muster", person, show_names=True)
    'Erika Muster'
    >>> p.display_name("stadt-hagen", {"name": "Stadt Hagen", "natural_person": False})
    'Stadt Hagen'
    """

    def __init__(self, key: bytes | None = None):
        self._key = key if key is not None else load_key()

    def pseudonym(self, actor_id: str) -> str:
        """``Person-`` and the first 60 bits of HMAC-SHA256(key, id) in grouped base32."""
        digest = hmac.new(self._key, actor_id.encode("utf-8"), hashlib.sha256).digest()
        return "Person-" + grouped_base32(digest, PSEUDONYM_BITS)

    def display_name(self, actor_id: str, attributes: Mapping, show_names: bool = False) -> str:
        if not attributes.get("natural_person"):
            return str(attributes.get("name") or actor_id)
        if show_names and attributes.get("consent"):
            return str(attributes.get("name") or actor_id)
        return self.pseudonym(actor_id)

    def display_id(self, actor_id: str, attributes: Mapping, show_names: bool = False) -> str:
        """Person ids are often derived from names, so they are pseudonymised too."""
        if attributes.get("natural_person") and not (show_names and attributes.get("consent")):
            return self.pseudonym(actor_id)
        return actor_id

    def names_for(self, nodes: Mapping[str, Mapping], show_names: bool = False) -> dict[str, str]:
        """Display names for every node of a graph (``graph.nodes``)."""
        return {n: self.display_name(n, d, show_names) for n, d in nodes.items()}
