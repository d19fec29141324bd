"""The `agenda` command: argument parsing and the one-line errors; the work is in commands."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__
from tui.cli import (
    case_parsers,
    form_commands,
    item_parsers,
    mail_parsers,
    record_parsers,
    ruling_parsers,
    tool_parsers,
)
from tui.cli.header_parsers import add_header_commands
from tui.cli.init_command import add_parser as _add_init
from tui.cli.live_parsers import add_live_commands
from tui.cli.parser import Parser, a_meeting, a_path, meeting_number
from tui.i18n import N_, _

if TYPE_CHECKING:
    from tui.cli.parser import Parser

    _Commands = argparse._SubParsersAction[Parser]

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


def default_db() -> Path:
    from platformdirs import user_data_path

    return user_data_path("agenda") / "db"


def build_parser() -> argparse.ArgumentParser:
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
        type=a_path,
        metavar="PATH",
        help=_("database folder (default: $AGENDA_DB, else the user's data folder)"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    record_parsers.add_import(commands)
    record_parsers.add_render(commands)
    record_parsers.add_show(commands)
    case_parsers.add_cases(commands)
    _add_prepare(commands)
    _add_init(commands)
    ruling_parsers.add_parsers(commands)  # decide, accept
    _add_conclude(commands)
    add_live_commands(commands)  # motion, report, stamp, status
    _add_confirm(commands)
    mail_parsers.add_parsers(commands)  # remind, approve, circulate
    _add_log(commands)
    tool_parsers.add_search(commands)
    tool_parsers.add_demo(commands)
    tool_parsers.add_meetings(commands)
    tool_parsers.add_serve(commands)
    tool_parsers.add_completion(commands)
    add_header_commands(commands)
    item_parsers.add_parsers(commands)
    case_parsers.add_parsers(commands)
    form_commands.add_parsers(commands)  # forms, collect
    for name, command in commands.choices.items():
        command.epilog = _(EPILOG) + _note(name)
    return parser


def _note(command: str) -> str:
    note = EXIT_NOTES.get(command)
    return f"\n{_(note)}\n" if note else ""


def _add_prepare(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "prepare",
        help=_("create the next meeting's agenda from the last record"),
        description=_(
            "Create meeting N+1: its date by the series' rule, the standing items, "
            "and every open tracked case with a slot for its progress report."
        ),
    )
    cmd.add_argument(
        "--after", type=a_meeting, metavar="N", help=_("the meeting to follow (default: latest)")
    )
    cmd.add_argument(
        "--date", metavar="DATE", help=_("the date instead of the rule's (ROC or ISO)")
    )
    cmd.add_argument(
        "--force", action="store_true", help=_("prepare even if meeting N left cases undecided")
    )
    cmd.add_argument(
        "--number",
        type=a_meeting,
        metavar="N",
        help=_(
            "the first meeting's number, in a database with none stored (agenda init): "
            "default 1; a later number reads the last record by its number"
        ),
    )


def _add_conclude(commands: _Commands) -> None:
    cmd = commands.add_parser("conclude", help=_("add a conclusion to an item, tracked or not"))
    meeting_number(cmd)
    cmd.add_argument(
        "place",
        metavar="PLACE",
        help=_(
            "the item as the record writes it, such as 貳、四 (or 2.4); "
            "貳 for a section that is itself an item"
        ),
    )
    cmd.add_argument("text", metavar="TEXT", help=_("the chair's conclusion"))
    cmd.add_argument("--track", action="store_true", help=_("make it a tracked case (列管)"))
    cmd.add_argument(
        "--owner", default="", metavar="UNIT", help=_("owner unit (default: from text)")
    )
    cmd.add_argument("--deadline", metavar="DATE", help=_("列管期限 (ROC or ISO)"))


def _add_confirm(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "confirm",
        help=_("confirm record N as read at the next meeting (紀錄確定)"),
        description=_(
            "Record N read and confirmed at meeting N+1: 紀錄確定, or with corrections "
            "修正後確定. Each correction is made in record N and printed in N+1's 宣讀 item "
            "(修正之點：貳、一「old」修正為「new」). Records can be confirmed in any order."
        ),
    )
    cmd.add_argument("number", type=a_meeting, metavar="N", help=_("the record's meeting number"))
    cmd.add_argument(
        "--correction",
        action="append",
        default=[],
        metavar="WHERE=OLD=NEW",
        help=_(
            "a correction read out (修正後確定): the item (貳、一 or 2.1), the words the record "
            "has and the words meant, such as 貳、一=同意備查=准予備查; nothing after the last = "
            "deletes the words (「…」等字刪除); text without = is printed as it is given. "
            "Repeat for several"
        ),
    )


def _add_log(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "log",
        help=_("every change made to a meeting: when, who, what"),
        description=_(
            "List the changes made to meeting N, from the app and from commands "
            "alike, oldest first: when (ROC date), who (the OS user) and what."
        ),
    )
    meeting_number(cmd)
    cmd.add_argument("--json", action="store_true", help=_("as a JSON list, times in ISO form"))


def database_path(args: argparse.Namespace) -> Path:
    if args.db is not None:
        return Path(args.db)
    env = os.environ.get("AGENDA_DB")
    return Path(env) if env else default_db()


def main(argv: Sequence[str] | None = None) -> int:
    _tolerate_narrow_encodings()
    _choose_language(sys.argv[1:] if argv is None else list(argv))
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "demo"):
        return _app(args)
    if args.command == "completion":
        from tui.cli.completion import print_completion

        return print_completion(parser, args.shell)
    from tui.cli.commands import run

    try:
        status = run(args, database_path(args))
        sys.stdout.flush()
    except KeyboardInterrupt:
        print(_("agenda: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`agenda show 1 --json | head`): stop quietly, and point
        # stdout at nothing so the interpreter's last flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 141
    return status


def _app(args: argparse.Namespace) -> int:
    from tui.app.launch import demo_db, run_app, seed_demo

    if args.command is None:
        return run_app(database_path(args))
    db = args.db or demo_db()
    from tui.cli.commands import run_guarded

    status = run_guarded(lambda: seed_demo(db, args.reset))
    return status if status else run_app(db)


def _choose_language(argv: list[str]) -> None:
    """The language, chosen before the parser is built (its help is in it): AGENDA_LANG, else
    the database's profile (only its `language` read; the shipped one for a new database or
    the demo), else the locale."""
    from tui.i18n import choose, choose_for, profile_language, shipped_profile

    if "--version" in argv:
        return  # says only the version: no need to read a profile
    db: str | None = None
    for i, word in enumerate(argv):
        if word == "--db" and i + 1 < len(argv):
            db = argv[i + 1]
        elif word.startswith("--db="):
            db = word.removeprefix("--db=")
    if db is None and "demo" in argv:
        choose(profile_language(shipped_profile()))
        return
    env = os.environ.get("AGENDA_DB")
    choose_for(Path(db) if db else Path(env) if env else default_db())


def _tolerate_narrow_encodings() -> None:
    """Write what a console cannot show (ASCII, CP950) as escapes rather than crash."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


if __name__ == "__main__":
    sys.exit(main())
