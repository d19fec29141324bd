"""The `agenda` parser: every command's, or only the one a command line names.

Building every command's parser (argparse, and our catalogs for each help) costs more than
most commands do, so a command line that plainly names its command (only `--db PATH`
before it) gets a parser holding that command alone; it parses and says its errors and its
help exactly as the whole one does. Everything else (`agenda`, `agenda --help`, an unknown
or misspelled command, `completion`, which writes every command out) gets the whole one.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from tui import __version__
from tui.cli.parser import Parser, a_folder
from tui.i18n import N_, _

EPILOG = N_("""\
exit status:
  0    done
  1    the database or its profile could not be read or written (the message names the file)
  2    bad input: a wrong argument, a file that is not a record, a meeting that exists
  130  interrupted (ctrl+c)
  141  the output's reader went away (`| head`)
""")
# What a status also means for one command, said under the list in its help.
EXIT_NOTES = {
    "import": N_(
        "Status 2 also when any one file was not imported: each is named on stderr,\n"
        "and the others are stored"
    ),
    "serve": N_(
        "Status 2 also when it cannot listen on the address or port; ctrl+c stops it with 0"
    ),
    "search": N_("Status 3 when nothing is found"),
    "collect": N_(
        "Status 2 also when any one file was not collected: each is named on stderr,\n"
        "and the others are collected"
    ),
    "demo": N_("Status 3 when the app was quit with changes the disk had not taken"),
    "remind": N_(
        "Status 4 when the mail server could not be reached or refused the login or an "
        "address: nothing was sent"
    ),
    "circulate": N_(
        "Status 4 when the mail server could not be reached or refused the login or an "
        "address: nothing was sent"
    ),
}

# Who adds each command's parser, in the order `agenda --help` lists the commands:
# (module in tui.cli, its function, the commands it adds).
BUILDERS = (
    ("record_parsers", "add_import", ("import",)),
    ("record_parsers", "add_render", ("render",)),
    ("record_parsers", "add_show", ("show",)),
    ("case_parsers", "add_cases", ("cases",)),
    ("meeting_parsers", "add_prepare", ("prepare",)),
    ("init_command", "add_parser", ("init",)),
    ("ruling_parsers", "add_parsers", ("decide", "accept")),
    ("meeting_parsers", "add_conclude", ("conclude",)),
    ("live_parsers", "add_live_commands", ("motion", "report", "stamp", "status")),
    ("meeting_parsers", "add_confirm", ("confirm",)),
    ("mail_parsers", "add_parsers", ("remind", "approve", "circulate")),
    ("meeting_parsers", "add_log", ("log",)),
    ("tool_parsers", "add_search", ("search",)),
    ("tool_parsers", "add_demo", ("demo",)),
    ("tool_parsers", "add_meetings", ("meetings",)),
    ("tool_parsers", "add_serve", ("serve",)),
    ("tool_parsers", "add_completion", ("completion",)),
    ("header_parsers", "add_header_commands", ("edit", "attend", "delete", "undo")),
    ("item_parsers", "add_parsers", ("item", "section")),
    ("case_parsers", "add_parsers", ("case", "propose")),
    ("form_commands", "add_parsers", ("forms", "collect")),
)
COMMANDS = tuple(name for _module, _function, names in BUILDERS for name in names)
# Commands that need every command's parser: the completion script lists them all.
WHOLE = ("completion",)


def named_command(argv: Sequence[str]) -> str | None:
    """The command a command line plainly names: its first word, or the one after
    `--db PATH` (or `--db=PATH`); None when it names none or says anything else first, ""
    (no command's parser needed) when it asks for the version."""
    if list(argv[:1]) == ["--version"]:
        return ""  # argparse says the version and exits before it looks at anything else
    words = iter(argv)
    for word in words:
        if word == "--db":
            next(words, None)
        elif not word.startswith("--db="):
            return word if word in COMMANDS and word not in WHOLE else None
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of the command `only` alone ("": of none)."""
    parser = Parser(
        prog="agenda",
        description=_(
            "Prepare, record and circulate an office's monthly meeting (處務會議). "
            "Without a command, open the app on the database."
        ),
        epilog=_(EPILOG)
        + _(
            "\nWithout a command (the app): status 3 when it was quit with changes the\n"
            "disk had not taken\n"
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"agenda {__version__}",
        help=_("show program's version number and exit"),
    )
    parser.add_argument(
        "--db",
        type=a_folder,
        metavar="PATH",
        help=_("database folder (default: $AGENDA_DB, else the user's data folder)"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module, function, names in BUILDERS:
        if only is None or only in names:
            getattr(imported(f"tui.cli.{module}"), function)(commands)
    for name, command in commands.choices.items():
        command.epilog = _(EPILOG) + _note(name)
    return parser


def _note(command: str) -> str:
    note = EXIT_NOTES.get(command)
    return f"\n{_(note)}\n" if note else ""


def imported(name: str) -> ModuleType:
    """The module, imported if need be (without importing importlib, 0.2 ms a command)."""
    __import__(name)
    return sys.modules[name]
