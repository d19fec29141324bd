"""`agenda cases`: the tracked cases, filtered, or one case's history."""

from __future__ import annotations

import argparse
from datetime import date

from tui.cli import output
from tui.cli.session import UsageError
from tui.domain.cases import Part, history_lines, is_overdue
from tui.domain.model import CaseKind, TrackedCase
from tui.i18n import _
from tui.storage.repository import Repository


def list_cases(args: argparse.Namespace, repo: Repository) -> int:
    if args.history is not None:
        return _history(args, repo)
    found = repo.open_cases() if (args.open or args.overdue) else repo.all_cases()
    if args.unit:
        found = [c for c in found if c.owner == args.unit]
    if args.overdue:
        today = date.today()
        found = [c for c in found if is_overdue(c, today)]
    found.sort(key=lambda c: (c.kind is not CaseKind.INTERNAL, c.number))
    if args.json:
        output.print_json([output.case_json(c) for c in found])
    else:
        output.print_cases(found)
    return 0


def _history(args: argparse.Namespace, repo: Repository) -> int:
    found = [c for kind in CaseKind if (c := repo.case(args.history, kind)) is not None]
    if not found:
        raise UsageError(_("no tracked case {number}").format(number=args.history))
    if args.json:
        output.print_json([output.case_json(c) for c in found])
        return 0
    for case in found:
        _print_history(case)
    return 0


_INDENT = {Part.HEADING: "", Part.DETAIL: "  ", Part.EVENT: "  "}


def _print_history(case: TrackedCase) -> None:
    for line in history_lines(case):
        print(_INDENT.get(line.part, "    ") + line.text)
