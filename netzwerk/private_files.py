"""Files and folders only their owner can read: everything netzwerk writes may hold persons' data.

netzwerk creates its files with mode 0600 and the folders it creates with mode 0700: the
embedded store (SQLite gives its ``-wal`` and ``-shm`` files the store file's mode), the
pseudonym key, reports, figures, exports and ``export-person`` files. Folders that already
exist keep their mode: netzwerk never changes the permissions of a folder the user made.

Output files are written safely: atomically (`atomic_write_bytes`, `atomic_write_text`),
never onto a directory or special file (`safe_output_path`) and never outside the chosen
folder (`inside`).

This module sits below every other one (it imports only `netzwerk.errors`), so the store,
the privacy functions and the report writers can share it.

On Windows the modes mean nothing (``os.chmod`` only sets the read-only flag there); who may
read a file is decided by the folder's access control list, e.g. the user's profile folder.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from netzwerk.errors import ConfigError

FILE_MODE = 0o600
FOLDER_MODE = 0o700
OWNER_ONLY_UMASK = 0o077

_POSIX = os.name == "posix"


def make_private_folder(folder: Path) -> Path:
    """Create ``folder`` and any missing parents with mode 0700; existing ones stay as they are.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as base:
    ...     made = make_private_folder(Path(base) / "a" / "b")
    ...     oct(made.stat().st_mode & 0o777), oct(made.parent.stat().st_mode & 0o777)
    ('0o700', '0o700')
    """
    missing = []
    current = Path(folder)
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            continue  # made at the same moment by someone else: not ours to change
        _set_mode(path, FOLDER_MODE)  # mkdir's mode passes through the umask
    return Path(folder)


def create_private_file(path: Path) -> bool:
    """Create an empty file with mode 0600 unless something exists at ``path``.

    Returns whether it created the file. Never follows a symbolic link (``O_EXCL``).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags, FILE_MODE)
    except FileExistsError:
        return False
    os.close(descriptor)
    _set_mode(Path(path), FILE_MODE)
    return True


@contextmanager
def owner_only_umask() -> Iterator[None]:
    """While inside, every file and folder the process creates is for the owner only.

    The umask belongs to the whole process: use it around a whole command (as the CLI
    does), not in library code that runs beside other work.
    """
    previous = os.umask(OWNER_ONLY_UMASK)
    try:
        yield
    finally:
        os.umask(previous)


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
    """`atomic_write_bytes` for text, encoded as UTF-8."""
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


def _set_mode(path: Path, mode: int) -> None:
    if _POSIX:
        os.chmod(path, mode)
