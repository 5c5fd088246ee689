"""Pseudonyms for natural persons in every output.

A person is shown as ``Person-7F3A2C``: the first 6 hex digits of HMAC-SHA256(key, actor id).
The pseudonym is stable across runs (same key, same id) and cannot be reversed without the
key. The key lives outside every output: in ``NETZWERK_PSEUDONYM_KEY`` if set, else in a
key file (``$XDG_CONFIG_HOME/netzwerk/pseudonym.key``, created with mode 0600 on first use).
Organisations keep their names. With ``show_names=True`` only persons who consented are
shown by name; everyone else stays pseudonymised.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Mapping
from pathlib import Path

KEY_ENV = "NETZWERK_PSEUDONYM_KEY"


def key_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "netzwerk" / "pseudonym.key"


def load_key() -> bytes:
    """The pseudonym key from the environment or the key file (created if missing)."""
    from_env = os.environ.get(KEY_ENV)
    if from_env:
        return from_env.encode("utf-8")
    path = key_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip().encode("utf-8")


class Pseudonymiser:
    """Turns actor records into the name an output may show.

    >>> p = Pseudonymiser(b"secret")
    >>> person = {"name": "Erika Muster", "natural_person": True, "consent": True}
    >>> p.display_name("erika-muster", person)
    'Person-E0B921'
    >>> p.display_name("erika-muster", person, show_names=True)
    'Erika Muster'
    >>> p.display_name("stadt-hagen", {"name": "Stadt Hagen", "natural_person": False})
    'Stadt Hagen'
    """

    def __init__(self, key: bytes | None = None):
        self._key = key if key is not None else load_key()

    def pseudonym(self, actor_id: str) -> str:
        digest = hmac.new(self._key, actor_id.encode("utf-8"), hashlib.sha256).hexdigest()
        return f"Person-{digest[:6].upper()}"

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
