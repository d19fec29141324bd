"""`agenda cases`: the register of tracked cases, filtered or summed up per unit, or one
case's history; deadlines flagged on the day the register reckons from, which it says.

The listing, plain or --json, reads the stored cases straight from their files and the
profile's one value it needs, without the store or the model (tui.storage.plain_cases,
tui.domain.case_heads); the plain one reads the closed cases' heads kept between listings
(tui.register_cache), and their documents only when they changed. Anything out of the
ordinary, the summary and a case's history are read with the model through the store
(tui.cli.case_listing_model), which says what is wrong."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from tui.cli.case_lines import print_cases, with_state
from tui.cli.json_output import print_rows
from tui.cli.session import Session, UsageError
from tui.database import warning_days_plainly
from tui.domain.case_heads import CaseHead, head_from_row, head_of, proposal_of
from tui.domain.register_rules import Query, Reckoning, reckoning, select
from tui.domain.status_words import STATUS_WORDS
from tui.i18n import _
from tui.register_cache import case_rows, forget
from tui.storage.index_rows import plainly
from tui.storage.plain_cases import plain_stored_cases
from tui.storage.plain_reading import Unusual


def list_cases(args: argparse.Namespace, session: Session) -> int:
    if args.missing is not None:
        from tui.cli.form_commands import missing

        return missing(args.missing, session.repo(), as_json=args.json)
    if args.history is None and not args.summary:
        session.office()  # the profile known good, or checked whole: a damaged one is refused
        if _listed_plainly(args, session.folder):
            return 0
    from tui.cli import case_listing_model as model

    repo = session.repo()
    if args.history is not None:
        return model.history(args, repo)
    return model.listed_with_model(args, repo, _query(args))


def _listed_plainly(args: argparse.Namespace, folder: str) -> bool:
    """The listing printed, each case read plainly; False when one is not (nothing printed):
    ask the model."""
    warning = warning_days_plainly(folder)
    on = _reckoning(folder) if warning is not None else None
    if warning is None or on is None:
        return False
    if not args.json:
        heads = _plain_heads(folder)
        if heads is None:
            return False
        chosen = select(heads, _query(args), on, proposal_of)
        print_cases(chosen, on, warning)
        return True
    stored = _plain_cases(folder)
    if stored is None:
        return False
    found = {id(head): (data, where) for head, data, where in stored}
    listing = []
    for head in select([head for head, _data, _where in stored], _query(args), on, proposal_of):
        data = plain_case(*found[id(head)])
        with_state(data, head, on, warning)
        listing.append(data)
    print_rows(listing)
    return True


def _plain_heads(folder: str) -> list[CaseHead] | None:
    """Every case's head, the closed ones kept between listings (tui.register_cache)."""
    rows = case_rows(folder, _head_row)
    try:
        return None if rows is None else [head_from_row(row) for row in rows]
    except (TypeError, ValueError):  # kept by another hand: read them again, and keep anew
        forget(folder)
        return None if (stored := _plain_cases(folder)) is None else [h for h, *_ in stored]


def _head_row(data: dict[str, Any]) -> list[Any]:
    head = head_of(data)
    if head is None:
        raise Unusual
    return head.row()


def _plain_cases(folder: str) -> list[tuple[CaseHead, dict[str, Any], str]] | None:
    """Every case's head with its data and where it is, when each is read plainly."""
    stored = plain_stored_cases(folder)
    if stored is None:
        return None
    heads = []
    for data, where in stored:
        head = head_of(data)
        if head is None:
            return None
        heads.append((head, data, where))
    return heads


def _reckoning(folder: str) -> Reckoning | None:
    """As tui.case_register.reckoning_of, from the index read plainly."""
    rows = plainly(folder)
    if rows is None or any(row.get("status") not in STATUS_WORDS for row in rows):
        return None
    meetings = [
        (row["number"], datetime.fromisoformat(row["start"]).date(), str(row["status"]))
        for row in rows
    ]
    return reckoning(meetings, date.today())


def plain_case(data: dict[str, Any], where: str) -> dict[str, Any]:
    """The case's data as --json gives it, filled in from the stored model's table
    (tui.domain.filling) without the model; data the table does not read as the model
    would is read by the model (codec.plain_data), which says where and why."""
    from tui.domain.filling import Misfit, filled

    try:
        return filled("TrackedCase", data)  # type: ignore[no-any-return]
    except (Misfit, RecursionError):
        return _modelled(data, where)


def _modelled(data: dict[str, Any], where: str) -> dict[str, Any]:
    from tui.domain.codec import ShapeError, plain_data
    from tui.domain.model import TrackedCase

    try:
        found: dict[str, Any] = plain_data(TrackedCase, data, where)
    except ShapeError as error:
        from tui.storage.case_reads import RecordError

        raise RecordError(_("stored {problem}").format(problem=error)) from None
    return found


def _query(args: argparse.Namespace) -> Query:
    status = "open" if args.overdue else (args.status or "all")
    if args.overdue and args.status == "closed":
        raise UsageError(_("--overdue lists open cases only, not --status closed"))
    due_by = _day(args.due_before, "--due-before") if args.due_before else None
    return Query(status, args.unit or "", due_by, args.proposal or "", args.overdue)


def _day(text: str, option: str) -> date:
    from tui.domain.rocdate import DateError, parse_date

    try:
        return parse_date(text)
    except DateError as error:
        raise UsageError(_("{option}: {problem}").format(option=option, problem=error)) from None
