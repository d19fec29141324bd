"""`agenda remind`, `agenda approve`, `agenda circulate`: mail written as .eml files, or sent
through the profile's server and logged with the meeting (agenda log N)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from tui import secretary
from tui.cli.session import Session, UsageError
from tui.database import profile_of
from tui.domain.model import Meeting
from tui.domain.profile import Profile
from tui.domain.rocdate import DateError, parse_date
from tui.edits.ops import Approve, RecordSending
from tui.i18n import _
from tui.mail.message import Letter, mime
from tui.mail.smtp import MailError
from tui.storage.repository import Repository

MAIL_FAILED = 4  # the server could not be reached, or refused: nothing was sent


def approve(args: argparse.Namespace, session: Session) -> int:
    done = secretary.editor(session.repo()).apply(Approve(args.number, args.by))
    print(done.summary)
    return 0


def remind(args: argparse.Namespace, session: Session) -> int:
    from tui.mail.forms import form_source
    from tui.mail.reminders import reminders

    repo = session.repo()
    meeting = secretary.load(repo, args.number)
    profile = profile_of(repo)
    reply_by = _date(args.reply_by, "--reply-by") if args.reply_by else None
    source = form_source(repo)
    letters = reminders(repo, meeting, profile, source, everyone=args.all, reply_by=reply_by)
    if not letters:
        print(_("meeting {number}: no unit owes answers").format(number=args.number))
        return 0
    folder = args.output or Path.cwd() / f"reminders-{args.number}"
    return _deliver(args, repo, profile, letters, "reminder", folder)


def circulate(args: argparse.Namespace, session: Session) -> int:
    from tui.mail.circulation import NotApproved, check_approved, record_letter

    repo = session.repo()
    meeting = secretary.load(repo, args.number)
    profile = profile_of(repo)
    try:
        check_approved(meeting)
    except NotApproved as error:
        raise UsageError(str(error)) from None
    text = secretary.render_meeting(repo, meeting, agenda=False, format="txt")
    kind = args.format or profile.mail.attach
    documents = {kind: secretary.render_document(repo, meeting, agenda=False, format=kind)}
    documents.update(_pdf(repo, meeting, documents.get("odt")))
    letter = record_letter(meeting, profile, text, documents)
    folder = args.output or Path.cwd() / f"record-{args.number}-mail"
    return _deliver(args, repo, profile, [letter], "record", folder)


def _pdf(repo: Repository, meeting: Meeting, odt: bytes | None) -> dict[str, bytes]:
    """The record as PDF where LibreOffice is installed; else a line says it is left out."""
    from tui.render.pdf import PACKAGE, has_pdf, pdf_of

    if not has_pdf():
        left_out = _("no PDF attached: LibreOffice is not installed ({package})")
        print(left_out.format(package=PACKAGE))
        return {}
    if odt is None:
        odt = secretary.render_document(repo, meeting, agenda=False, format="odt")
    return {"pdf": pdf_of(odt)}


def _deliver(
    args: argparse.Namespace,
    repo: Repository,
    profile: Profile,
    letters: Sequence[Letter],
    what: str,
    folder: Path,
) -> int:
    now = datetime.now().astimezone()
    messages = [mime(letter, profile.mail.sender, now) for letter in letters]
    if not args.send:
        _write(folder, letters, [m.as_bytes() for m in messages])
        return 0
    from tui.mail.smtp import check_ready, send

    try:
        check_ready(profile.mail)
        unaddressed = [letter.unit or letter.file for letter in letters if not letter.to]
        if unaddressed:
            raise MailError(_no_address(what, unaddressed))
        sent_at = send(profile.mail, messages)
    except MailError as error:
        print(_("agenda: error: {problem}").format(problem=error), file=sys.stderr)
        return MAIL_FAILED
    to = [_whom(letter, address) for letter in letters for address in letter.to]
    service = secretary.editor(repo)
    log = service.log(args.number)
    version = log[-1].seq if log else 0
    when = sent_at.isoformat(timespec="seconds")
    done = service.apply(RecordSending(args.number, what, to, when, version))
    print(done.summary)
    return 0


def _write(folder: Path, letters: Sequence[Letter], data: Sequence[bytes]) -> None:
    from tui.export import write_free_name

    try:
        folder.mkdir(parents=True, exist_ok=True)
        for letter, message in zip(letters, data, strict=True):
            written = write_free_name(folder / letter.file, message)
            print(written)
            if not letter.to:
                print(_("  no address for it in the profile's [mail] section"))
    except OSError as error:
        raise UsageError(
            _("{path}: cannot be written ({reason})").format(
                path=folder, reason=error.strerror or error
            )
        ) from None


def _no_address(what: str, names: list[str]) -> str:
    if what == "record":
        return _("the profile's [mail] circulate_to is empty: nobody to send the record to")
    return _("no address in the profile's [mail.units] for {units}; nothing was sent").format(
        units="、".join(names)
    )


def _whom(letter: Letter, address: str) -> str:
    return f"{letter.unit} <{address}>" if letter.unit else address


def _date(text: str, option: str) -> date:
    try:
        return parse_date(text)
    except DateError as error:
        raise UsageError(_("{option}: {problem}").format(option=option, problem=error)) from None


COMMANDS = {"remind": remind, "approve": approve, "circulate": circulate}
