"""What each `agenda` command does, with its errors turned into one line and an exit status."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from tui.cli.command_line import imported
from tui.cli.session import Session, UsageError
from tui.i18n import N_, _

if TYPE_CHECKING:
    from tui.circulate import CasesOf
    from tui.domain.model import CaseRef, Meeting, TrackedCase
    from tui.edits.errors import EditError

BAD_INPUT = 2
STORAGE_FAILED = 1


def run(args: argparse.Namespace, db: str) -> int:
    handler = _handler(args.command)
    session = Session(db)
    try:
        return handler(args, session)
    except Exception as error:  # the known ones are told in a line, the others raised
        return _failed(error)
    finally:
        session.show_warnings()


def run_guarded(action: Callable[[], object]) -> int:
    """Run `action`, turning the known errors into one line and an exit status."""
    try:
        action()
    except Exception as error:
        return _failed(error)
    return 0


def _failed(error: Exception) -> int:
    """The known errors as one line and a status; their modules are imported only now, so
    that a command pays for no machinery it did not use."""
    from tui.domain.places import PlaceError
    from tui.edits.errors import EditError
    from tui.importer.decode import NotARecordError
    from tui.profile import ProfileError
    from tui.render.formats import RenderError
    from tui.storage.errors import StorageError
    from tui.storage.repository import MeetingExistsError

    if isinstance(error, EditError):
        return _fail(worded(error), BAD_INPUT)
    known = NotARecordError | RenderError | MeetingExistsError | UsageError | PlaceError
    if isinstance(error, known):
        return _fail(str(error), BAD_INPUT)
    if isinstance(error, StorageError | ProfileError):
        return _fail(str(error), STORAGE_FAILED)
    raise error


# What the user can do about a refused change, in this front end's words (by Hint's value).
HINTS = {
    "replace": N_("use --replace to replace it with this record"),
    "decide_first": N_("decide them first, or prepare with --force"),
    "untrack_first": N_("withdraw the case in the app (t) first"),
    "correct_first": N_("log a correction in the app (C) first"),
    "decide_instead": N_("decide the cases (agenda decide)"),
    "give_date": N_("or give --date"),
}


def worded(error: EditError) -> str:
    hint = HINTS.get(error.hint)  # a StrEnum: its value is the key
    return _("{error}; {hint}").format(error=error, hint=_(hint)) if hint else str(error)


def _fail(message: str, status: int) -> int:
    print(_("agenda: error: {problem}").format(problem=message), file=sys.stderr)
    return status


def render(args: argparse.Namespace, session: Session) -> int:
    from tui.circulate import meeting_document, meeting_text
    from tui.cli import writing
    from tui.domain.profile_limits import WIDEST_TEXT
    from tui.render.formats import DOCUMENT_FORMATS, PRINT_FORMATS, WEB_FORMATS

    if args.width is not None and args.width < 20:
        raise UsageError(
            _("--width {width} is too narrow; give 20 columns or more").format(width=args.width)
        )
    if args.width is not None and args.width > WIDEST_TEXT:
        raise UsageError(
            _("--width {width} is too wide; give 20 to {widest} columns").format(
                width=args.width, widest=WIDEST_TEXT
            )
        )
    if args.sign_in:
        from tui.cli.header_commands import sign_in

        return sign_in(args, session)
    if args.agenda and args.format in WEB_FORMATS:
        raise UsageError(
            _("--format html writes the record; the agenda is md, txt, odt, docx or pdf")
        )
    profile = session.profile_view()
    found = stored_meeting(session, args.number)
    cases_of = _stored_cases(session)
    if args.format in (*DOCUMENT_FORMATS, *PRINT_FORMATS):
        data = meeting_document(cases_of, found, profile, agenda=args.agenda, format=args.format)
        name = f"{'agenda' if args.agenda else 'record'}-{args.number}.{args.format}"
        writing.write_document(data, args.output, name, force=args.force)
        return 0
    text = meeting_text(
        cases_of, found, profile, agenda=args.agenda, format=args.format, width=args.width
    )
    writing.write_text(text, args.output)
    return 0


def _stored_cases(session: Session) -> CasesOf:
    """The cases as stored, read as stored_meeting reads the meeting: plainly, else (anything
    out of the ordinary) by the repository."""
    from tui.storage.plain import plain_cases

    def cases_of(refs: Iterable[CaseRef]) -> list[TrackedCase]:
        refs = list(refs)
        found = plain_cases(session.folder, refs)
        return session.repo().cases_of(refs) if found is None else found

    return cases_of


def show(args: argparse.Namespace, session: Session) -> int:
    from tui.cli.json_output import meeting_json, print_json
    from tui.storage.plain import plain_meeting_data

    # The JSON output's data, read without the model when nothing is out of the ordinary.
    found = plain_meeting_data(session.folder, args.number)
    if found is None:
        found = meeting_json(stored_meeting(session, args.number))
    if args.json:
        print_json(found)
        return 0
    from tui.cli.meeting_output import print_meeting

    print_meeting(found, *session.office())
    return 0


def stored_meeting(session: Session, number: int) -> Meeting:
    """The meeting as stored, read without the secretary's machinery (and, when nothing is
    out of the ordinary, without the store's: tui.storage.plain)."""
    from tui.storage.plain import plain_meeting

    found = plain_meeting(session.folder, number) or session.repo().load_meeting(number)
    if found is None:
        raise UsageError(_("no meeting {number} in {path}").format(number=number, path=session.db))
    return found


def import_records(args: argparse.Namespace, session: Session) -> int:
    from tui.cli.import_command import import_records

    return import_records(args, session)


def cases(args: argparse.Namespace, session: Session) -> int:
    from tui.cli.case_listing import list_cases

    return list_cases(args, session)


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
    **dict.fromkeys(("forms", "collect"), "form_commands"),
    **dict.fromkeys(("remind", "approve", "circulate"), "mail_commands"),
}


def _handler(command: str) -> Handler:
    if command in _COMMANDS:
        return _COMMANDS[command]
    module = imported(f"tui.cli.{_ELSEWHERE[command]}")
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
