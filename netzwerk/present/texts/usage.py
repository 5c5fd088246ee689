"""Texts of click's own words on the command line, German next to English: metavars as the
help shows them (``meta.<NAME>``: an option's English metavar, a type's name or an
argument's name), the help page's section names and the one-line usage errors
(``usage.*``, `netzwerk.cli.usage`)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ metavars
    "meta.PATH|URI": ("PFAD|URI", "PATH|URI"),
    "meta.ATTRIBUTE": ("MERKMAL", "ATTRIBUTE"),
    "meta.sector|topic|ATTRIBUTE": ("sector|topic|MERKMAL", "sector|topic|ATTRIBUTE"),
    "meta.N": ("N", "N"),
    "meta.K": ("K", "K"),
    "meta.DATE": ("DATUM", "DATE"),
    "meta.KINDS": ("ARTEN", "KINDS"),
    "meta.ID": ("KENNUNG", "ID"),
    "meta.ACTOR": ("AKTEUR", "ACTOR"),
    "meta.SECTOR": ("SEKTOR", "SECTOR"),
    "meta.GROUP_A GROUP_B": ("GRUPPE_A GRUPPE_B", "GROUP_A GROUP_B"),
    "meta.NAME": ("NAME", "NAME"),
    "meta.NAME=VALUE": ("NAME=WERT", "NAME=VALUE"),
    "meta.DIR": ("ORDNER", "DIR"),
    "meta.text": ("TEXT", "TEXT"),
    "meta.integer": ("ZAHL", "INTEGER"),
    "meta.integer range": ("ZAHL", "INTEGER"),
    "meta.float": ("ZAHL", "NUMBER"),
    "meta.path": ("PFAD", "PATH"),
    "meta.file": ("DATEI", "FILE"),
    "meta.directory": ("ORDNER", "DIRECTORY"),
    "meta.files": ("DATEIEN...", "FILES..."),
    "meta.actor_id": ("KENNUNG", "ACTOR_ID"),
    "meta.actor": ("AKTEUR", "ACTOR"),
    "meta.name": ("[NAME]", "[NAME]"),
    "meta.options": ("[OPTIONEN]", "[OPTIONS]"),
    "meta.subcommand": ("BEFEHL [ARGUMENTE]...", "COMMAND [ARGS]..."),
    # ------------------------------------------------------------------ click's own words
    "usage.usage": ("Aufruf:", "Usage:"),
    "usage.options": ("Optionen", "Options"),
    "usage.commands": ("Befehle", "Commands"),
    "usage.arguments": ("Argumente", "Arguments"),
    "usage.default": ("Standard", "default"),
    "usage.required": ("Pflicht", "required"),
    "usage.env_var": ("Umgebungsvariable", "env var"),
    "usage.version": ("%(prog)s, Version %(version)s", "%(prog)s, version %(version)s"),
    "usage.aborted": ("Abgebrochen.", "Aborted."),
    # ------------------------------------------------------------------ usage errors
    "usage.error": ("Fehler: ", "Error: "),
    "usage.option": ("Option {name}", "option {name}"),
    "usage.argument": ("Argument {name}", "argument {name}"),
    "usage.help_hint": ("Hilfe: {command} --help", "help: {command} --help"),
    "usage.missing": ("fehlt — angeben, z. B. {example}", "missing — give it, e.g. {example}"),
    "usage.unknown_option": ('unbekannte Option "{value}"', 'unknown option "{value}"'),
    "usage.unknown_command": ('unbekannter Befehl "{value}"', 'unknown command "{value}"'),
    "usage.did_you_mean": ("gemeint: {names}?", "did you mean {names}?"),
    "usage.needs_value": ("Wert fehlt — z. B. {example}", "value missing — e.g. {example}"),
    "usage.takes_no_value": (
        'nimmt keinen Wert "{value}" — ohne =Wert angeben',
        'takes no value "{value}" — give it without =value',
    ),
    "usage.invalid": ('ungültiger Wert "{value}"', 'invalid value "{value}"'),
    "usage.allowed": ("erlaubt: {choices}", "allowed: {choices}"),
    "usage.range": ("erlaubt: {range}", "allowed: {range}"),
    "usage.at_least": ("ab {low}", "{low} or more"),
    "usage.at_most": ("bis {high}", "up to {high}"),
    "usage.between": ("{low} bis {high}", "{low} to {high}"),
    "usage.integer": ("eine ganze Zahl angeben", "give a whole number"),
    "usage.number": ("eine Zahl angeben", "give a number"),
    "usage.path": (
        "Pfad prüfen (die Datei oder der Ordner muss existieren)",
        "check the path (the file or folder must exist)",
    ),
    "usage.check_value": ("Wert prüfen", "check the value"),
    "usage.extra": (
        'zu viele Argumente "{value}" — Leerzeichen im Wert? Dann in Anführungszeichen setzen',
        'unexpected extra arguments "{value}" — spaces in a value? Then quote it',
    ),
    "usage.general": ("Aufruf nicht verstanden", "the call was not understood"),
}
