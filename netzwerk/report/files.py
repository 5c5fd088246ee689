"""Writing output files safely: atomically, owner-only, and never outside the chosen folder.

Every output may hold persons' data (pseudonyms are personal data too), so files are
written with mode 0600 and the folders created for them with mode 0700
(`netzwerk.private_files`); a folder that already exists keeps its mode.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from netzwerk.errors import ConfigError
from netzwerk.private_files import FILE_MODE, make_private_folder


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write to a temporary file beside ``path`` and rename it: a crash never leaves a
    half-written file under the final name. The file gets mode 0600 (mkstemp's), also when it
    replaces a file that was readable by others; missing folders are created with mode 0700."""
    make_private_folder(path.parent)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            if os.name == "posix":  # mkstemp's mode already; stated so no one loosens it
                os.fchmod(handle.fileno(), FILE_MODE)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def atomic_write_text(path: Path, text: str) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"))


def safe_output_path(path: Path) -> Path:
    """Refuse output paths that are directories or special files."""
    if path.exists() and not path.is_file():
        raise ConfigError(f"{path}: ist kein normaler Dateipfad — anderen Dateinamen wählen")
    return path


def inside(folder: Path, name: str) -> Path:
    """``folder/name``, refusing names that would leave ``folder`` (``..``, absolute paths).

    >>> inside(Path("/tmp/out"), "brokers.csv").as_posix()
    '/tmp/out/brokers.csv'
    >>> inside(Path("/tmp/out"), "../etc/passwd")
    Traceback (most recent call last):
    ...
    netzwerk.errors.ConfigError: "../etc/passwd" liegt außerhalb des Ausgabeordners /tmp/out
    """
    target = (folder / name).resolve()
    if not target.is_relative_to(folder.resolve()):
        raise ConfigError(f'"{name}" liegt außerhalb des Ausgabeordners {folder}')
    return target
