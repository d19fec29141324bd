"""`agenda cases`: the register of tracked cases, filtered or summed up per unit, or one
case's history; deadlines flagged on the day the register reckons from, which it says."""

from __future__ import annotations

import argparse
from datetime import date

from tui.case_register import reckoning_of
from tui.cli import output
from tui.cli.session import UsageError
from tui.database import profile_of
from tui.domain.cases import Part, history_lines
from tui.domain.model import CaseKind, TrackedCase
from tui.domain.register import Query, select, unit_counts
from tui.domain.rocdate import DateError, parse_date
from tui.i18n import _
from tui.storage.repository import Repository


def list_cases(args: argparse.Namespace, repo: Repository) -> int:
    if args.missing is not None:
        from tui.cli.form_commands import missing

        return missing(args.missing, repo, as_json=args.json)
    if args.history is not None:
        return _history(args, repo)
    query = _query(args)
    on = reckoning_of(repo)
    profile = profile_of(repo)
    warning = profile.schedule.deadline_warning_days
    found = select(repo.all_cases(), query, on)
    if args.summary:
        counts = unit_counts(found, on, warning, profile.unit_names)
        if args.json:
            output.print_json(output.summary_json(counts, on, warning))
        else:
            output.print_summary(counts, on, warning)
    elif args.json:
        output.print_json([output.case_json(c, on, warning) for c in found])
    else:
        output.print_cases(found, on, warning)
    return 0


def _query(args: argparse.Namespace) -> Query:
    status = "open" if args.overdue else (args.status or "all")
    if args.overdue and args.status == "closed":
        raise UsageError(_("--overdue lists open cases only, not --status closed"))
    due_by = _day(args.due_before, "--due-before") if args.due_before else None
    return Query(status, args.unit or "", due_by, args.proposal or "", args.overdue)


def _day(text: str, option: str) -> date:
    try:
        return parse_date(text)
    except DateError as error:
        raise UsageError(_("{option}: {problem}").format(option=option, problem=error)) from None


def _history(args: argparse.Namespace, repo: Repository) -> int:
    found = [c for kind in CaseKind if (c := repo.case(args.history, kind)) is not None]
    if not found:
        raise UsageError(_("no tracked case {number}").format(number=args.history))
    if args.json:
        on = reckoning_of(repo)
        warning = profile_of(repo).schedule.deadline_warning_days
        output.print_json([output.case_json(c, on, warning) for c in found])
        return 0
    for case in found:
        _print_history(case)
    return 0


_INDENT = {Part.HEADING: "", Part.DETAIL: "  ", Part.EVENT: "  "}


def _print_history(case: TrackedCase) -> None:
    for line in history_lines(case):
        print(_INDENT.get(line.part, "    ") + line.text)
