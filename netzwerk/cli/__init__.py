"""The `netzwerk` command line: thin click commands over the library.

Each submodule adds its commands to the `cli` group; `main` is the console script. A
command's module is imported when the command is first used (`main.COMMAND_MODULES`), so
a quick command does not pay for the imports of the slow ones; `load_commands` imports
them all.
"""

from netzwerk.cli.main import cli, load_commands, main

__all__ = ["cli", "load_commands", "main"]
