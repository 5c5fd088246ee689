"""Writing output files safely: atomically, and never outside the chosen folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from netzwerk.errors import ConfigError


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write to a temporary file beside ``path`` and rename it: a crash never leaves a
    half-written file under the final name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        os.chmod(temporary, 0o666 & ~_current_umask())  # as open() would, not mkstemp's 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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
