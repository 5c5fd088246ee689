"""The neo4j driver's own warnings ("Transaction failed and will be retried in …") never reach
a CLI user's terminal; an application that configures logging still gets them, redacted."""

from __future__ import annotations

import subprocess
import sys
import textwrap

RETRY_WARNING = textwrap.dedent("""
    import logging
    import netzwerk.store.neo4j  # noqa: F401
    for name in ("neo4j", "neo4j.session", "neo4j.pool"):  # session: where the driver logs it
        logging.getLogger(name).warning(
            "Transaction failed and will be retried in %ss (%s)", 1.0, "erika@example.org")
""")


def python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )


def test_retry_warnings_stay_off_the_terminal_when_logging_is_not_configured():
    done = python(RETRY_WARNING)
    assert done.stderr == "" and done.stdout == ""


def test_without_netzwerk_python_would_print_them():
    """The control: what the last-resort handler does to a plain logger."""
    done = python(RETRY_WARNING.replace("import netzwerk.store.neo4j  # noqa: F401", ""))
    assert "Transaction failed and will be retried" in done.stderr


def test_configured_logging_still_sees_the_warning_redacted():
    done = python("import logging\nlogging.basicConfig()\n" + RETRY_WARNING)
    assert done.stderr.count("Transaction failed and will be retried in …s (…)") == 3
    assert "erika" not in done.stderr
