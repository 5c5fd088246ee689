"""Help texts of a command that has a German and an English name (one helper for every
texts module)."""

from __future__ import annotations


def command_help(
    commands: tuple[str, ...],
    words: tuple[str, str],
    options: dict[str, tuple[str, str]],
) -> dict[str, tuple[str, str]]:
    """The ``help.<command>`` and ``help.<command>.<option>`` entries under each name.

    >>> sorted(command_help(("karte", "map"), ("Karte", "Map"), {"out": ("Datei", "File")}))
    ['help.karte', 'help.karte.out', 'help.map', 'help.map.out']
    """
    entries = {}
    for command in commands:
        entries[f"help.{command}"] = words
        for option, option_words in options.items():
            entries[f"help.{command}.{option}"] = option_words
    return entries
