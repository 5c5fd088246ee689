"""The `netzwerk` command line: thin click commands over the library.

Each submodule adds its commands to the `cli` group; `main` is the console script.
"""

from netzwerk.cli import data, query  # noqa: F401  (register commands)
from netzwerk.cli.main import cli, main

__all__ = ["cli", "main"]
