"""`agenda cases` read with the model, through the store: the summary per unit and one
case's history, and the listing when the plain reading (tui.cli.case_listing) gives way."""

from __future__ import annotations

import argparse
from typing import Any

from tui.case_register import reckoning_of
from tui.cli import output
from tui.cli.case_listing import plain_case
from tui.cli.json_output import print_rows
from tui.cli.session import UsageError
from tui.database import profile_of
from tui.domain.cases import Part, history_lines
from tui.domain.model import CaseKind, TrackedCase
from tui.domain.register import Query, Reckoning, select, unit_counts
from tui.i18n import _
from tui.storage.case_reads import RecordError, decode
from tui.storage.repository import Repository


def listed_with_model(args: argparse.Namespace, repo: Repository, query: Query) -> int:
    """The listing or its summary, the cases read by the store."""
    on = reckoning_of(repo)
    profile = profile_of(repo)
    warning = profile.schedule.deadline_warning_days
    if args.json and not args.summary:
        print_rows(listed(repo, query, on, warning))
        return 0
    if not args.summary:
        output.print_cases(select(_heads(repo), query, on), on, warning)
        return 0
    counts = unit_counts(select(repo.all_cases(), query, on), on, warning, profile.unit_names)
    if args.json:
        output.print_json(output.summary_json(counts, on, warning))
    else:
        output.print_summary(counts, on, warning)
    return 0


def listed(repo: Repository, query: Query, on: Reckoning, warning: int) -> list[dict[str, Any]]:
    """The cases the query admits as --json gives them, from their stored data: each is
    built only as far as the filters need (its releases and newest event), and written out
    as stored, filled in (codec.plain_data)."""
    stored = {}
    for data, where in repo.stored_cases():
        head = _head(data, where)
        stored[id(head)] = (head, data, where)
    found = select((head for head, _data, _where in stored.values()), query, on)
    return [output.case_json(c, on, warning, plain_case(*stored[id(c)][1:])) for c in found]


def _heads(repo: Repository) -> list[TrackedCase]:
    """Every case as far as the filters and the plain listing read it."""
    return [_head(data, where) for data, where in repo.stored_cases()]


# What the register's filters and flags, and the plain listing, read of a case
# (tui.domain.register, cli.output.print_cases), and of its events: its newest release, if
# any (whether it is open), and its newest (its 擬辦).
_HEAD = ("number", "subject", "owner", "co_owners", "kind", "deadline")
_EVENT = ("meeting", "decision", "proposal")


def _head(data: dict[str, Any], where: str) -> TrackedCase:
    """The case as far as the filters read it; its history is stored by meeting."""
    events = data.get("history", [])
    if not isinstance(events, list):
        found = type(events).__name__
        problem = _("{where}: expected a list, found {found}").format(
            where=f"{where}.history", found=found
        )
        raise RecordError(_("stored {problem}").format(problem=problem))
    released = next((e for e in reversed(events[:-1]) if _releases(e)), None)
    chosen = ([released] if released else []) + events[-1:]
    head = {name: data[name] for name in _HEAD if name in data}
    head["history"] = [_part(event, _EVENT) for event in chosen]
    case: TrackedCase = decode(TrackedCase, head, where)
    return case


def _part(data: Any, names: tuple[str, ...]) -> Any:
    return {name: data[name] for name in names if name in data} if isinstance(data, dict) else data


def _releases(event: Any) -> bool:
    return isinstance(event, dict) and event.get("decision") == "release"


def history(args: argparse.Namespace, repo: Repository) -> int:
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
