"""How much one input file may hold, so that a hostile or broken file costs (almost) nothing.

Every limit is checked before the memory for it is spent: a file's size with ``os.stat``
(and again while it is streamed), the unpacked size of an .xlsx while it is inflated
chunk by chunk, a CSV row while it is read. Crossing a limit is a located `Problem`, never
a traceback or a killed process.

    limit                          environment variable         default  bounds
    size of one input file         NETZWERK_MAX_FILE_MB         100 MB   CSV, JSON, .xlsx file
    unpacked size of a workbook    NETZWERK_MAX_UNPACKED_MB     500 MB   .xlsx/.xlsm/.ods content
    characters in one cell         NETZWERK_MAX_CELL_CHARS      100000   every cell, every format
    columns in a header row        NETZWERK_MAX_COLUMNS         200      every table

Why these defaults: a QM workbook holds hundreds of actors and a few thousand ties (well
under 1 MB). Ingest keeps every record in memory, about 25 bytes of RAM per byte of CSV
(1 million ties = 43 MB of CSV = 1 GB of RAM), so 100 MB of CSV or JSON stays within a
few GB. A full Excel sheet of ties (1,048,576 rows) unpacks to about 300 MB of XML, under
500 MB. Excel itself stores at most 32,767 characters in a cell; 100,000 leaves room for
notes written by other programs. The template has fewer than 20 columns. MB means
1,000,000 bytes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

from netzwerk.errors import ConfigError

MB = 1_000_000
_LARGEST = 1_000_000_000  # larger values overflow what regular expressions and csv accept


@dataclass(frozen=True)
class Limits:
    """The limits for one read; `from_environment` applies the ``NETZWERK_MAX_*`` variables.

    >>> Limits().cell_chars, Limits().file_bytes // MB
    (100000, 100)
    >>> Limits.from_environment({"NETZWERK_MAX_FILE_MB": "5"}).file_bytes
    5000000
    """

    file_bytes: int = 100 * MB
    unpacked_bytes: int = 500 * MB
    cell_chars: int = 100_000
    columns: int = 200

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The defaults, overridden by the environment; a bad value is a `ConfigError`."""
        environ = os.environ if environ is None else environ
        values = {}
        for item in fields(cls):
            variable, unit = _VARIABLES[item.name]
            text = environ.get(variable, "").strip()
            if text:
                values[item.name] = _positive_number(variable, text) * unit
        return cls(**values)

    @property
    def row_chars(self) -> int:
        """The most characters one CSV row may take: every column full, every quote doubled.

        A row this long must hold a too-long cell or too many columns, so it is refused even
        if neither could be found (a safety net; see `readers`).
        """
        return self.columns * (2 * self.cell_chars + 3)


_VARIABLES = {
    "file_bytes": ("NETZWERK_MAX_FILE_MB", MB),
    "unpacked_bytes": ("NETZWERK_MAX_UNPACKED_MB", MB),
    "cell_chars": ("NETZWERK_MAX_CELL_CHARS", 1),
    "columns": ("NETZWERK_MAX_COLUMNS", 1),
}

#: The environment variables with their defaults, as the README documents them.
VARIABLES = {
    variable: getattr(Limits(), name) // unit for name, (variable, unit) in _VARIABLES.items()
}


def _positive_number(variable: str, text: str) -> int:
    try:
        number = int(text.replace("_", ""))
    except ValueError:
        number = 0
    if not 0 < number <= _LARGEST:
        raise ConfigError(
            f"{variable}={text!r} ist keine ganze Zahl von 1 bis 1.000.000.000 — z. B. "
            f"{variable}={VARIABLES[variable]} setzen oder die Variable entfernen"
        )
    return number


def megabytes(size: int) -> str:
    """A byte count as the user reads it: '1.024 MB', '0,5 MB'.

    >>> megabytes(1_024_000_000), megabytes(500_000), megabytes(1_040_000), megabytes(5 * MB)
    ('1.024 MB', '0,5 MB', '1,1 MB', '5 MB')
    """
    if size >= 10 * MB:
        return f"{-(-size // MB):,} MB".replace(",", ".")
    tenths = -(-size // (MB // 10))  # rounded up: 1.04 MB over a 1 MB limit shows as 1,1
    return f"{tenths // 10},{tenths % 10} MB".replace(",0 MB", " MB")
