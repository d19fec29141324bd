"""The `agenda` command: argument parsing and the one-line errors; the work is in commands."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from tui import __version__

EPILOG = """\
exit status:
  0  done
  1  the database could not be read or written (the message names the file)
  2  bad input: a wrong argument, a file that is not a record, a meeting that exists
"""


def default_db() -> Path:
    from platformdirs import user_data_path

    return user_data_path("agenda") / "db"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="agenda",
        description="Prepare, record and circulate an office's monthly meeting (處務會議).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"agenda {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="database folder (default: $AGENDA_DB, else the user's data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_import(commands)
    _add_render(commands)
    _add_show(commands)
    _add_cases(commands)
    return parser


def _add_import(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "import",
        help="store circulated records (Markdown or plain text)",
        description="Read circulated records (UTF-8, UTF-8 with BOM, Big5/CP950) and store them.",
    )
    cmd.add_argument("files", nargs="+", type=Path, metavar="FILE")
    cmd.add_argument("--replace", action="store_true", help="replace a meeting already stored")


def _add_render(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser("render", help="write a meeting's record as Markdown or text")
    cmd.add_argument("number", type=int, metavar="N", help="meeting number")
    cmd.add_argument("--format", choices=("md", "txt"), default="md")
    cmd.add_argument("--width", type=int, default=None, help="text width in columns (txt)")
    cmd.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here, not stdout")


def _add_show(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser("show", help="show a stored meeting")
    cmd.add_argument("number", type=int, metavar="N", help="meeting number")
    cmd.add_argument("--json", action="store_true", help="the whole meeting as JSON")


def _add_cases(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser("cases", help="list tracked cases (列管案件)")
    cmd.add_argument("--open", action="store_true", help="only cases still tracked")
    cmd.add_argument("--json", action="store_true", help="as a JSON list")


def database_path(args: argparse.Namespace) -> Path:
    if args.db is not None:
        return Path(args.db)
    env = os.environ.get("AGENDA_DB")
    return Path(env) if env else default_db()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    from tui.cli.commands import run

    try:
        return run(args, database_path(args))
    except KeyboardInterrupt:
        print("agenda: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
