"""The parsers of the commands around the meetings rather than on one: meetings, serve,
completion, demo and search; their handlers are in commands, imported when they run."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli.parser import ranged
from tui.i18n import _

if TYPE_CHECKING:
    from tui.cli.parser import Parser

    _Commands = argparse._SubParsersAction[Parser]


def add_meetings(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "meetings", help=_("list the meetings: number, date, status, items, tracked cases")
    )
    cmd.add_argument("--json", action="store_true", help=_("as a JSON list"))


# Each browser runs the app in its own process (some 40 MB): a limit keeps a crowd, or a
# script opening sessions in a loop, from taking the machine's memory.
DEFAULT_SESSIONS = 8
MOST_SESSIONS = 64


def add_serve(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "serve",
        help=_("serve the app to a web browser (textual-serve); it has NO login of its own"),
        description=_(
            "Serve the app on the database to web browsers, for people who cannot "
            "SSH. It has no login: anyone who can reach the port can read and edit the records. "
            "It listens on 127.0.0.1 unless --host says otherwise."
        ),
    )
    cmd.add_argument("--host", default="127.0.0.1", help=_("address to listen on (127.0.0.1)"))
    cmd.add_argument("--port", type=_port, default=8000, help=_("port to listen on (8000)"))
    cmd.add_argument(
        "--public-url", metavar="URL", help=_("the address browsers use, behind a proxy")
    )
    cmd.add_argument(
        "--sessions",
        type=ranged(1, MOST_SESSIONS),
        default=DEFAULT_SESSIONS,
        metavar="N",
        help=_("browsers served at once, each running the app (default 8; 1 to 64)"),
    )


def _port(text: str) -> int:
    from tui.cli.serve import port_number

    return port_number(text)


def add_completion(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "completion",
        help=_("print a shell completion script (bash or zsh)"),
        description=_("Print the completion script for a shell; see the README to install it."),
    )
    cmd.add_argument("shell", choices=("bash", "zsh"))


def add_demo(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "demo",
        help=_("open the app on demo data: the 101st record imported, meeting 102 prepared"),
        description=_(
            "Open the app on a demo database (--db, else a folder in the temporary "
            "directory). It is made on first use and kept, so a second run finds your changes."
        ),
    )
    cmd.add_argument("--reset", action="store_true", help=_("start the demo data afresh"))


def add_search(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "search",
        help=_("find text in every meeting and tracked case, newest first"),
        description=_(
            "Find TEXT in every meeting's items, reports and conclusions and in every "
            "tracked case (number, subject, owner, progress). One character is enough; spaces, "
            "punctuation and case are ignored."
        ),
    )
    cmd.add_argument("text", metavar="TEXT")
    cmd.add_argument("--limit", type=int, default=20, metavar="N", help=_("at most N (default 20)"))
    cmd.add_argument("--json", action="store_true", help=_("as JSON, with each match's offsets"))
