"""What each `agenda` command does, with its errors turned into one line and an exit status."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path

from tui import database, secretary
from tui.cli import output
from tui.cli.session import Session, UsageError
from tui.edits.errors import EditError, Hint
from tui.i18n import N_, _
from tui.importer.decode import NotARecordError
from tui.profile import ProfileError
from tui.render.formats import DOCUMENT_FORMATS, PRINT_FORMATS, WEB_FORMATS, RenderError
from tui.storage.errors import StorageError
from tui.storage.repository import MeetingExistsError

BAD_INPUT = 2
STORAGE_FAILED = 1


def run(args: argparse.Namespace, db: Path) -> int:
    handler = _handler(args.command)
    session = Session(db)
    try:
        return handler(args, session)
    except EditError as error:
        return _fail(worded(error), BAD_INPUT)
    except (NotARecordError, RenderError, MeetingExistsError, UsageError) as error:
        return _fail(str(error), BAD_INPUT)
    except (StorageError, ProfileError) as error:
        return _fail(str(error), STORAGE_FAILED)
    finally:
        session.show_warnings()


def run_guarded(action: Callable[[], object]) -> int:
    """Run `action`, turning the known errors into one line and an exit status."""
    try:
        action()
    except EditError as error:
        return _fail(worded(error), BAD_INPUT)
    except (NotARecordError, RenderError, MeetingExistsError, UsageError) as error:
        return _fail(str(error), BAD_INPUT)
    except (StorageError, ProfileError) as error:
        return _fail(str(error), STORAGE_FAILED)
    return 0


# What the user can do about a refused change, in this front end's words.
HINTS = {
    Hint.REPLACE: N_("use --replace to replace it with this record"),
    Hint.DECIDE_FIRST: N_("decide them first, or prepare with --force"),
    Hint.UNTRACK_FIRST: N_("withdraw the case in the app (t) first"),
    Hint.CORRECT_FIRST: N_("log a correction in the app (C) first"),
    Hint.DECIDE_INSTEAD: N_("decide the cases (agenda decide)"),
    Hint.GIVE_DATE: N_("or give --date"),
}


def worded(error: EditError) -> str:
    hint = HINTS.get(error.hint)
    return _("{error}; {hint}").format(error=error, hint=_(hint)) if hint else str(error)


def _fail(message: str, status: int) -> int:
    print(_("agenda: error: {problem}").format(problem=message), file=sys.stderr)
    return status


def render(args: argparse.Namespace, session: Session) -> int:
    if args.width is not None and args.width < 20:
        raise UsageError(
            _("--width {width} is too narrow; give 20 columns or more").format(width=args.width)
        )
    if args.sign_in:
        from tui.cli.header_commands import sign_in

        return sign_in(args, session)
    if args.agenda and args.format in WEB_FORMATS:
        raise UsageError(
            _("--format html writes the record; the agenda is md, txt, odt, docx or pdf")
        )
    repo = session.repo()
    found = secretary.load(repo, args.number)
    if args.format in (*DOCUMENT_FORMATS, *PRINT_FORMATS):
        data = secretary.render_document(repo, found, agenda=args.agenda, format=args.format)
        name = f"{'agenda' if args.agenda else 'record'}-{args.number}.{args.format}"
        output.write_document(data, args.output, name, force=args.force)
        return 0
    text = secretary.render_meeting(
        repo, found, agenda=args.agenda, format=args.format, width=args.width
    )
    output.write_text(text, args.output)
    return 0


def show(args: argparse.Namespace, session: Session) -> int:
    repo = session.repo()
    found = secretary.load(repo, args.number)
    if args.json:
        output.print_json(output.meeting_json(found))
    else:
        output.print_meeting(found, database.profile_of(repo).office)
    return 0


def import_records(args: argparse.Namespace, session: Session) -> int:
    from tui.cli.import_command import import_records

    return import_records(args, session)


def cases(args: argparse.Namespace, session: Session) -> int:
    from tui.cli.case_listing import list_cases

    return list_cases(args, session.repo())


def meetings(args: argparse.Namespace, session: Session) -> int:
    from tui.cli.meeting_listing import list_meetings

    return list_meetings(args, session)


def serve(args: argparse.Namespace, session: Session) -> int:
    from tui.cli.serve import serve

    return serve(args, session)


Handler = Callable[[argparse.Namespace, Session], int]

# Commands whose modules are imported only when they run: each pays for its own imports.
_ELSEWHERE = {
    **dict.fromkeys(("prepare", "conclude", "confirm", "log"), "meeting_commands"),
    **dict.fromkeys(("decide", "accept"), "ruling_commands"),
    **dict.fromkeys(("motion", "report"), "motion_commands"),
    **dict.fromkeys(("stamp", "status"), "clock_commands"),
    "search": "search_command",
    **dict.fromkeys(("edit", "attend", "delete", "undo"), "header_commands"),
    "init": "init_command",
    **dict.fromkeys(("item", "section"), "item_commands"),
    **dict.fromkeys(("case", "propose"), "case_commands"),
    **dict.fromkeys(("remind", "approve", "circulate"), "mail_commands"),
}


def _handler(command: str) -> Handler:
    if command in _COMMANDS:
        return _COMMANDS[command]
    module = importlib.import_module(f"tui.cli.{_ELSEWHERE[command]}")
    handler: Handler = module.COMMANDS[command]
    return handler


_COMMANDS: dict[str, Handler] = {
    "import": import_records,
    "render": render,
    "show": show,
    "cases": cases,
    "meetings": meetings,
    "serve": serve,
}
