"""`agenda edit`, `attend`, `delete`, `undo` and `render --sign-in`: a meeting's header and
attendance, a draft deleted and any change undone — each an operation of the edit service,
applied to what is stored now and logged."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from tui import database, secretary
from tui.cli import output, writing
from tui.cli.session import Session, UsageError
from tui.domain.attendance import lines
from tui.domain.codec import to_data
from tui.domain.rocdate import DateError, parse_datetime, parse_time
from tui.edits.attendance import Attend
from tui.edits.header import FIELDS, SetHeader, edit_header
from tui.edits.ops import DeleteMeeting
from tui.i18n import _


def edit(args: argparse.Namespace, session: Session) -> int:
    day, at = _date(args.date) if args.date else (None, None)
    if args.time:
        at = _time(args.time)
    op = SetHeader(
        args.number,
        date=day,
        time=at,
        place=args.place,
        chair=args.chair,
        recorder=args.recorder,
        recorder_label=args.recorder_label,
    )
    if all(getattr(op, name) is None for name in FIELDS):
        raise UsageError(
            _("nothing to change: give --date, --time, --place, --chair or --recorder")
        )
    changed = edit_header(secretary.editor(session.repo()), op)
    said = changed or _("nothing changed")
    print(_("meeting {number}: {changes}").format(number=args.number, changes=said))
    return 0


def _date(text: str) -> tuple[str, str | None]:
    try:
        day, at = parse_datetime(text)
    except DateError as error:
        raise UsageError(f"--date: {error}") from None
    return day.isoformat(), at.strftime("%H:%M") if at else None


def _time(text: str) -> str:
    try:
        return parse_time(text).strftime("%H:%M")
    except DateError as error:
        raise UsageError(f"--time: {error}") from None


def attend(args: argparse.Namespace, session: Session) -> int:
    repo = session.repo()
    marks = Attend(
        args.number,
        present=args.present,
        absent=args.absent,
        proxies=args.proxy,
        observers=args.observer,
        late=args.late,
        removed=args.remove,
        as_signed=args.as_signed,
    )
    if any((args.present, args.absent, args.proxy, args.observer, args.late, args.remove)) or (
        args.as_signed is not None
    ):
        secretary.editor(repo).apply(marks)
    attendance = secretary.load(repo, args.number).attendance
    if args.json:
        output.print_json(to_data(attendance))
        return 0
    shown = lines(attendance)
    if not shown:
        print(_("meeting {number}: no attendance recorded").format(number=args.number))
    for heading, names in shown:
        print(f"{heading}：{names}")
    return 0


def delete(args: argparse.Namespace, session: Session) -> int:
    secretary.editor(session.repo()).apply(DeleteMeeting(args.number))
    print(
        _("meeting {number} deleted; `agenda undo {number}` puts it back").format(
            number=args.number
        )
    )
    return 0


def undo(args: argparse.Namespace, session: Session) -> int:
    service = secretary.editor(session.repo())
    log = service.log(args.number)
    if not log:
        raise UsageError(_("meeting {number} has no change logged").format(number=args.number))
    seq = args.change if args.change is not None else log[-1].seq
    done = service.undo(args.number, seq)
    print(
        _("meeting {number}: change {seq} undone: {what}").format(
            number=args.number, seq=seq, what=done.summary or _("nothing to change")
        )
    )
    return 0


def sign_in(args: argparse.Namespace, session: Session) -> int:
    """`agenda render N --sign-in`: the sheet the members sign as they come in."""
    from tui.render.document import RenderOptions, render_sign_in
    from tui.render.documents import write_document
    from tui.render.formats import DOCUMENT_FORMATS

    if args.agenda:
        raise UsageError(_("--sign-in and --agenda are two documents: give one"))
    repo = session.repo()
    meeting = secretary.load(repo, args.number)
    profile = database.profile_of(repo)
    dirs = () if profile.templates is None else (profile.templates,)
    options = RenderOptions(format=args.format, width=profile.text_width, template_dirs=dirs)
    source = render_sign_in(meeting, profile.office, profile.members, options)
    if args.format not in DOCUMENT_FORMATS:
        writing.write_text(source, args.output)
        return 0
    data = write_document(source, args.format, "signin.blocks.j2")
    writing.write_document(data, args.output, f"signin-{args.number}.{args.format}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Session], int]] = {
    "edit": edit,
    "attend": attend,
    "delete": delete,
    "undo": undo,
}
