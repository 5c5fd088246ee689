"""The `netzwerk` command line: thin click commands over the library.

Each submodule adds its commands to the `cli` group; `main` is the console script.
"""

import netzwerk.cli.brokers  # noqa: F401  (registers brokers, keyplayers)
import netzwerk.cli.committee  # noqa: F401  (registers gremium, committee)
import netzwerk.cli.contacts  # noqa: F401  (registers kontakte, dormant)
import netzwerk.cli.dependency  # noqa: F401  (registers dependency)
import netzwerk.cli.duplicates  # noqa: F401  (registers dubletten, duplicates)
import netzwerk.cli.funding  # noqa: F401  (registers foerderung, funding)
import netzwerk.cli.gaps  # noqa: F401  (registers gaps, suggest)
import netzwerk.cli.merge  # noqa: F401  (registers merge, zusammenfuehren)
import netzwerk.cli.workshop  # noqa: F401  (registers workshop)
from netzwerk.cli import data, karte, overview, privacy, query, report  # noqa: F401  (register commands)
from netzwerk.cli.main import cli, main

__all__ = ["cli", "main"]
