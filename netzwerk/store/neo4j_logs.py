"""Keeping personal data out of the neo4j driver's logs.

The driver logs every Bolt message with its parameters at DEBUG level: those are personal
data. `guard_driver_logs` caps the driver's loggers and attaches `DriverLogRedaction`.
"""

from __future__ import annotations

import logging
import re

# The driver logs every Bolt message with its parameters at DEBUG level: those are personal
# data. Cap the driver's loggers at INFO so a user's DEBUG logging never reaches them; and
# since a user may lower that level again (`logging.getLogger("neo4j").setLevel(DEBUG)`),
# every driver logger also carries `DriverLogRedaction`, which keeps a record's message
# pattern and drops its values.
logging.getLogger("neo4j").setLevel(logging.INFO)
DRIVER_LOGGERS = (
    "neo4j",
    "neo4j.io",
    "neo4j.pool",
    "neo4j.session",
    "neo4j.notifications",
    "neo4j.auth_management",
    "neo4j._api",
)
_FORMAT_SPEC = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?"
    r"[hlL]?(?P<conversion>[diouxXeEfFgGcrsa%])"
)
_REDACTED = "…"


class DriverLogRedaction(logging.Filter):
    """Keep a driver log record's pattern, drop its values (queries' parameters, records,
    server messages): ``C: RUN 'MATCH …' {'id': 'erika'}`` becomes ``C: RUN …``. Integer
    fields printed as numbers (connection ids, counts) stay; exceptions keep their type only.

    >>> record = logging.LogRecord("neo4j.io", logging.DEBUG, "", 0, "[#%04X]  C: RUN %s",
    ...                            (0xBEEF, "{'name': 'Erika Muster'}"), None)
    >>> _ = DriverLogRedaction().filter(record)
    >>> record.getMessage()
    '[#BEEF]  C: RUN …'
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _redacted_message(record)
        record.args = ()
        if record.exc_info:
            exc_type = record.exc_info[0]
            record.msg += f" ({exc_type.__name__ if exc_type else 'Fehler'}, Details entfernt)"
            record.exc_info = None
            record.exc_text = None
        return True


def _redacted_message(record: logging.LogRecord) -> str:
    if not isinstance(record.msg, str):
        return f"<{type(record.msg).__name__}>"
    args = record.args
    positional = list(args) if isinstance(args, tuple) else []

    def replace(match: re.Match[str]) -> str:
        conversion = match["conversion"]
        if conversion == "%":
            return "%"
        if match["key"] is not None or not positional:
            return _REDACTED
        value = positional.pop(0)
        if conversion in "diouxX" and type(value) is int:
            try:
                template: str = match.group(0)
                return template % value
            except (TypeError, ValueError):
                return _REDACTED
        return _REDACTED

    if not args:
        return record.msg
    return _FORMAT_SPEC.sub(replace, record.msg)


_REDACTION = DriverLogRedaction()


_SILENT = logging.NullHandler()


def guard_driver_logs() -> None:
    """Attach the redaction filter to every driver logger (idempotent; also catches loggers
    the driver creates after import).

    The ``neo4j`` logger also gets a `logging.NullHandler`: without any handler configured,
    Python's last-resort handler would print the driver's WARNING records ("Transaction
    failed and will be retried in 1.0s …", which the driver handles itself) on a CLI user's
    terminal. Records still propagate, so an application that configures logging sees them.
    """
    names = set(DRIVER_LOGGERS)
    names.update(
        name
        for name in list(logging.root.manager.loggerDict)
        if name == "neo4j" or name.startswith("neo4j.")
    )
    for name in sorted(names):
        logger = logging.getLogger(name)
        if not any(isinstance(existing, DriverLogRedaction) for existing in logger.filters):
            logger.addFilter(_REDACTION)
    driver_logger = logging.getLogger("neo4j")
    if _SILENT not in driver_logger.handlers:
        driver_logger.addHandler(_SILENT)
