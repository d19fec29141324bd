"""The monthly work from the command line: prepare, decide, conclude, status, confirm."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime, time

from tui import secretary
from tui.cli.session import Session, UsageError
from tui.domain.model import CaseDecision, CaseKind, MeetingStatus
from tui.domain.rocdate import DateError, format_datetime, parse_datetime, parse_time


def prepare(args: argparse.Namespace, session: Session) -> int:
    on = _when(args.date, "--date") if args.date else None
    prepared = secretary.prepare(session.repo(), after=args.after, on=on, force=args.force)
    found = prepared.meeting
    print(f"prepared meeting {found.number} on {format_datetime(found.start)}")
    refs = [ref for item in found.items() for ref in item.cases]
    print(f"  {len(refs)} tracked case(s) on the agenda")
    if prepared.undecided:
        listed = "、".join(str(n) for n in prepared.undecided)
        print(f"  left without a decision at meeting {found.number - 1}: {listed}")
    return 0


def _when(text: str, option: str) -> date | datetime:
    try:
        day, at = parse_datetime(text)
    except DateError as error:
        raise UsageError(f"{option}: {error}") from None
    return day if at is None else datetime.combine(day, at)


def _not_held(session: Session, number: int) -> None:
    """A meeting open for editing in the app is changed there, not behind its back."""
    from tui.storage.hold import MeetingHold

    holder = MeetingHold(session.db, number).holder()
    if holder:
        raise UsageError(f"meeting {number} is being edited by {holder}; change it there")


def decide(args: argparse.Namespace, session: Session) -> int:
    _not_held(session, args.number)
    decision = CaseDecision.RELEASE if args.release else CaseDecision.KEEP
    kind = CaseKind(args.kind)
    case = secretary.decide(session.repo(), args.number, args.case, decision, args.progress, kind)
    word = "解除列管" if decision is CaseDecision.RELEASE else "賡續列管"
    print(f"case {case.number}: {word} at meeting {args.number}")
    return 0


def conclude(args: argparse.Namespace, session: Session) -> int:
    _not_held(session, args.number)
    deadline = None
    if args.deadline:
        found = _when(args.deadline, "--deadline")
        deadline = found.date() if isinstance(found, datetime) else found
    case = secretary.conclude(
        session.repo(),
        args.number,
        args.place,
        args.text,
        tracked=args.track,
        owner=args.owner,
        deadline=deadline,
    )
    if case is None:
        print(f"conclusion added to meeting {args.number} item {args.place}")
    else:
        owner = case.owner or "no owner unit yet"
        print(f"conclusion added as tracked case {case.number} ({owner})")
    return 0


def status(args: argparse.Namespace, session: Session) -> int:
    _not_held(session, args.number)
    end = _end(args.end) if args.end else None
    found = secretary.set_status(session.repo(), args.number, MeetingStatus(args.status), end)
    print(f"meeting {found.number} is {found.status.value}")
    return 0


def _end(text: str) -> time:
    try:
        return parse_time(text)
    except DateError as error:
        raise UsageError(f"--end: {error}") from None


def confirm(args: argparse.Namespace, session: Session) -> int:
    _not_held(session, args.number)
    record = secretary.confirm(session.repo(), args.number, args.correction)
    how = "修正後確定" if args.correction else "紀錄確定"
    print(f"record of meeting {record.number}: {how}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Session], int]] = {
    "prepare": prepare,
    "decide": decide,
    "conclude": conclude,
    "status": status,
    "confirm": confirm,
}
