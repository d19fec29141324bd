"""The monthly work from the command line: prepare, conclude, confirm, log.

Each change is an operation of the edit service, applied to what is stored now: a meeting
someone is typing in the app is changed all the same, and the app shows the change within
a second (its own typing goes on where it was).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date, datetime

from tui import secretary
from tui.cli.session import Session, UsageError
from tui.domain.amendments import confirmation_conclusion
from tui.domain.model import Amendment
from tui.domain.places import PlaceError, parse_place, written_place
from tui.domain.rocdate import DateError, format_datetime, parse_datetime
from tui.i18n import _, ngettext


def prepare(args: argparse.Namespace, session: Session) -> int:
    on = _when(args.date, "--date") if args.date else None
    prepared = secretary.prepare(
        session.repo(),
        after=args.after,
        on=on,
        force=args.force,
        number=args.number,
        profile=session.profile(),
    )
    found = prepared.meeting
    print(
        _("prepared meeting {number} on {when}").format(
            number=found.number, when=format_datetime(found.start)
        )
    )
    refs = [ref for item in found.items() for ref in item.cases]
    print(
        ngettext(
            "  {count} tracked case on the agenda",
            "  {count} tracked cases on the agenda",
            len(refs),
        ).format(count=len(refs))
    )
    if prepared.undecided:
        listed = "、".join(str(n) for n in prepared.undecided)
        print(
            _("  left without a decision at meeting {number}: {cases}").format(
                number=found.number - 1, cases=listed
            )
        )
    return 0


def _when(text: str, option: str) -> date | datetime:
    try:
        day, at = parse_datetime(text)
    except DateError as error:
        raise UsageError(_("{option}: {problem}").format(option=option, problem=error)) from None
    return day if at is None else datetime.combine(day, at)


def conclude(args: argparse.Namespace, session: Session) -> int:
    deadline = None
    if args.deadline:
        found = _when(args.deadline, "--deadline")
        deadline = found.date() if isinstance(found, datetime) else found
    from tui.edits import requests

    service = secretary.editor(session.repo())
    case = requests.conclude(
        service,
        args.number,
        args.place,
        args.text,
        tracked=args.track,
        owner=args.owner,
        deadline=deadline,
    )
    if case is None:
        where = written_place(parse_place(args.place))
        print(
            _("conclusion added to meeting {number} item {place}").format(
                number=args.number, place=where
            )
        )
    else:
        stored = session.repo().case(case)
        owner = stored.owner if stored and stored.owner else _("no owner unit yet")
        print(_("conclusion added as tracked case {case} ({owner})").format(case=case, owner=owner))
    return 0


def confirm(args: argparse.Namespace, session: Session) -> int:
    from tui.edits import requests

    corrections = [_amendment(text) for text in args.correction]
    service = secretary.editor(session.repo())
    requests.confirm(service, args.number, corrections)
    said = confirmation_conclusion(corrections)
    how = said.text.rstrip("。")
    print(_("record of meeting {number}: {how}").format(number=args.number, how=how))
    for point in said.points:
        print(f"  {point.text}")
    return 0


def _amendment(text: str) -> Amendment:
    """WHERE=OLD=NEW (NEW empty: the words deleted); text without = as it is given."""
    parts = re.split("[=＝]", text, maxsplit=2)
    if len(parts) == 1:
        return Amendment(note=text)
    if len(parts) == 2:
        raise UsageError(
            _("--correction {text}: give WHERE=OLD=NEW (nothing after the last = deletes)").format(
                text=text
            )
        )
    where, old, new = (part.strip() for part in parts)
    try:
        place = parse_place(where)
    except PlaceError:
        raise UsageError(
            _("--correction {text}: {where} is not a place (give 貳、一 or 2.1)").format(
                text=text, where=where
            )
        ) from None
    return Amendment(place, old, new)


def log(args: argparse.Namespace, session: Session) -> int:
    from tui.cli.log_listing import list_log

    return list_log(args, session)


COMMANDS: dict[str, Callable[[argparse.Namespace, Session], int]] = {
    "prepare": prepare,
    "conclude": conclude,
    "confirm": confirm,
    "log": log,
}
