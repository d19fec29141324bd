"""The `agenda` command: argument parsing and the one-line errors; the work is in commands."""

from __future__ import annotations

import argparse
import atexit
import errno
import io
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn, TextIO

from tui.cli.command_line import EPILOG, EXIT_NOTES, build_parser, named_command
from tui.i18n import _

__all__ = ["EPILOG", "EXIT_NOTES", "build_parser", "command_line", "main"]

if TYPE_CHECKING:
    from pathlib import Path


def default_db() -> Path:
    from platformdirs import user_data_path

    return user_data_path("agenda") / "db"


def database_folder(args: argparse.Namespace) -> str:
    """--db, else $AGENDA_DB, else the user's data folder."""
    return args.db or os.environ.get("AGENDA_DB") or os.fspath(default_db())


def main(argv: Sequence[str] | None = None) -> int:
    _tolerate_narrow_encodings()
    words = sys.argv[1:] if argv is None else list(argv)
    _choose_language(words)
    parser = build_parser(named_command(words))
    args = parser.parse_args(words)
    if args.command in (None, "demo"):
        return _app(args)
    if args.command == "completion":
        from tui.cli.completion import print_completion

        return print_completion(parser, args.shell)
    from tui.cli.commands import run

    try:
        status = run(args, database_folder(args))
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
    from pathlib import Path

    from tui.app.launch import demo_db, run_app, seed_demo

    if args.command is None:
        return run_app(Path(database_folder(args)))
    db = Path(args.db) if args.db else demo_db()
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
    choose_for(db or os.environ.get("AGENDA_DB") or os.fspath(default_db()))


def _tolerate_narrow_encodings() -> None:
    """Write what a console cannot show (ASCII, CP950) as escapes rather than crash."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def command_line() -> NoReturn:
    """The installed `agenda` script and `python -m tui`: main, then out."""
    terminals = [stream for stream in (sys.stdout, sys.stderr) if _is_terminal(stream)]
    leave(main(), terminals)


def leave(status: int, terminals: Sequence[object] = ()) -> NoReturn:
    """Exit with status without the interpreter's teardown, which frees every loaded module's
    objects one by one (5-15 ms of a 50-150 ms command), once nothing is left to finish:
    the exit handlers run and the streams flushed. A thread still running is waited for, as
    a plain exit does (a daemon thread is not, as by a plain exit). Output that cannot be
    flushed fails the command, but to one of `terminals` (the streams that were terminals),
    which has hung up (a dropped SSH link): there is no one left to tell."""
    if _threads_running():
        sys.exit(status)
    atexit._run_exitfuncs()  # before the flush, as at a plain exit: they may still write
    for stream in (sys.stdout, sys.stderr):
        status = _flushed(stream, status, stream in terminals)
    os._exit(status)


def _flushed(stream: TextIO | None, status: int, terminal: bool) -> int:
    """The status once `stream` is flushed: the same, unless its output was lost."""
    try:
        if stream is not None and not stream.closed:
            stream.flush()
    except BrokenPipeError:
        return status or 141  # the reader went away before the last of the output
    except OSError as error:
        if not (terminal and error.errno in _HUNG_UP):
            return status or 120  # as the interpreter's own last flush says it
    return status


_HUNG_UP = (errno.EIO, errno.ENXIO)  # what a terminal says once its link is gone


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):  # closed
        return False


def _threads_running() -> bool:
    threading = sys.modules.get("threading")
    if threading is None:
        return False
    main = threading.main_thread()
    return any(t is not main and not t.daemon for t in threading.enumerate())


if __name__ == "__main__":
    command_line()
