"""`agenda case` and `agenda propose`: a tracked case's details and the owner unit's 擬辦,
each an operation of the edit service (logged, undoable)."""

from __future__ import annotations

import argparse
from datetime import date

from tui import secretary
from tui.cli.session import Session, UsageError
from tui.domain.model import CaseDecision, CaseKind, ItemKind, TrackedCase
from tui.domain.rocdate import DateError, parse_date
from tui.edits.case_details import Propose, SetCaseDetails, SetDeadline
from tui.edits.case_kind import SetCaseKind
from tui.edits.operation import Operation
from tui.i18n import _
from tui.storage.repository import Repository


def day_option(text: str, option: str) -> date:
    try:
        return parse_date(text)
    except DateError as error:
        raise UsageError(_("{option}: {problem}").format(option=option, problem=error)) from None


def log_meeting(repo: Repository, case: TrackedCase) -> int:
    """The meeting whose log holds a change of the case's details: the newest whose case
    report lists it, else the one that opened it, else the newest."""
    numbers = sorted(repo.meeting_numbers(), reverse=True)
    for number in numbers:
        if case.origin_meeting is not None and number < case.origin_meeting:
            break
        meeting = repo.load_meeting(number)
        reports = [i for i in meeting.items() if i.kind is ItemKind.CASE_REPORT] if meeting else []
        if any((r.kind, r.number) == (case.kind, case.number) for i in reports for r in i.cases):
            return number
    if case.origin_meeting in numbers:
        return case.origin_meeting
    if not numbers:
        raise UsageError(_("no meeting yet to log the change in"))
    return numbers[0]


def case(args: argparse.Namespace, session: Session) -> int:
    if args.deadline and not args.reason:
        raise UsageError(_("--deadline needs --reason"))
    if args.reason and not args.deadline:
        raise UsageError(_("--reason goes with --deadline"))
    repo = session.repo()
    kind = CaseKind(args.kind)
    found = repo.case(args.case, kind)
    if found is None:
        raise UsageError(_("no tracked case {number}").format(number=args.case))
    meeting = log_meeting(repo, found)
    ops: list[Operation] = []
    if args.subject is not None or args.owner is not None or args.co_owners is not None:
        co_owners = None if args.co_owners is None else tuple(u for u in args.co_owners if u)
        ops.append(
            SetCaseDetails(meeting, args.case, kind.value, args.subject, args.owner, co_owners)
        )
    if args.deadline:
        day = day_option(args.deadline, "--deadline")
        ops.append(SetDeadline(meeting, args.case, day.isoformat(), args.reason, kind.value))
    if args.new_kind or args.new_number:
        new_kind = args.new_kind or kind.value
        ops.append(SetCaseKind(meeting, args.case, kind.value, new_kind, args.new_number))
    if not ops:
        raise UsageError(
            _("nothing to change: give --subject, --owner, --co-owner, --deadline or --new-kind")
        )
    service = secretary.editor(repo)
    changed = [done.summary for op in ops if (done := service.apply(op)).seq is not None]
    for summary in changed or [_("case {case}: nothing changed").format(case=args.case)]:
        print(summary)
    return 0


def propose(args: argparse.Namespace, session: Session) -> int:
    proposal = CaseDecision.RELEASE if args.release else CaseDecision.KEEP
    deadline = day_option(args.deadline, "--deadline").isoformat() if args.deadline else None
    op = Propose(args.number, args.case, proposal.value, args.kind, args.progress, deadline)
    done = secretary.editor(session.repo()).apply(op)
    print(
        done.summary
        if done.seq is not None
        else _("case {case}: nothing changed").format(case=args.case)
    )
    return 0


COMMANDS = {"case": case, "propose": propose}
