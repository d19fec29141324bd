"""`agenda motion …` and `agenda report …`: temporary motions and the reports under an item,
each change an operation of the edit service."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from tui import secretary
from tui.cli import output
from tui.cli.session import Session
from tui.domain.codec import to_data
from tui.domain.model import Item, ItemKind, Meeting, Point, Report
from tui.domain.places import item_at, parse_place, placed_items, written_place
from tui.domain.points import read_points, write_points
from tui.edits import requests
from tui.i18n import _


def motion(args: argparse.Namespace, session: Session) -> int:
    return _MOTION_ACTIONS[args.action](args, session)


def _add(args: argparse.Namespace, session: Session) -> int:
    service = secretary.editor(session.repo())
    place = requests.add_motion(service, args.number, args.presenter, args.text, args.kind)
    print(_("motion added at {place}").format(place=written_place(place)))
    return 0


def _edit(args: argparse.Namespace, session: Session) -> int:
    service = secretary.editor(session.repo())
    done = requests.edit_motion(
        service, args.number, args.place, presenter=args.presenter, kind=args.kind, text=args.text
    )
    print(done.summary or _("nothing to change"))
    return 0


def _move(args: argparse.Namespace, session: Session) -> int:
    service = secretary.editor(session.repo())
    at = parse_place(args.place)
    position = int(at.split(".")[-1])
    to = args.to if args.to is not None else position + (-1 if args.up else 1)
    place = requests.move_motion(service, args.number, args.place, to)
    print(_("the motion is at {place}").format(place=written_place(place)))
    return 0


def _remove(args: argparse.Namespace, session: Session) -> int:
    service = secretary.editor(session.repo())
    done = requests.remove_item(service, args.number, args.place)
    print(done.summary)
    return 0


def _list(args: argparse.Namespace, session: Session) -> int:
    meeting = secretary.load(session.repo(), args.number)
    found = [(p, item) for p, _h, item in placed_items(meeting) if _is_motion(meeting, item)]
    rows = [_motion_row(place, item) for place, item in found]
    if args.json:
        output.print_json(rows)
        return 0
    for row in rows:
        print(f"{row['written']}\t{row['presenter']}{row['kind']}：{row['text']}")
    if not rows:
        print(_("meeting {number} has no temporary motions").format(number=args.number))
    return 0


def _is_motion(meeting: Meeting, item: Item) -> bool:
    return any(item in s.items for s in meeting.sections if s.kind is ItemKind.MOTIONS)


def _motion_row(place: str, item: Item) -> dict[str, Any]:
    return {
        "place": place,
        "written": written_place(place),
        "presenter": item.presenter,
        "kind": item.presenter_kind,
        "text": item.title,
        "conclusions": [c.text for c in item.conclusions],
    }


_MOTION_ACTIONS: dict[str, Callable[[argparse.Namespace, Session], int]] = {
    "add": _add,
    "edit": _edit,
    "move": _move,
    "remove": _remove,
    "list": _list,
}


def report(args: argparse.Namespace, session: Session) -> int:
    return _REPORT_ACTIONS[args.action](args, session)


def _given(text: str | None, points: list[str] | None) -> tuple[str | None, list[Point] | None]:
    """The text and points a command gives: TEXT's own labelled lines, then each --point."""
    if text is None and not points:
        return None, None
    written = read_points(text or "")
    extra = [Point(p.strip()) for p in points or [] if p.strip()]
    return written.text, written.points + extra


def _report_add(args: argparse.Namespace, session: Session) -> int:
    service = secretary.editor(session.repo())
    text, points = _given(args.text, args.point)
    requests.write_report(
        service,
        args.number,
        args.place,
        "",
        speaker=args.speaker,
        kind=args.kind,
        text=text,
        points=points,
    )
    where = written_place(parse_place(args.place))
    print(_("report of {speaker} added at {place}").format(speaker=args.speaker, place=where))
    return 0


def _report_edit(args: argparse.Namespace, session: Session) -> int:
    service = secretary.editor(session.repo())
    text, points = _given(args.text, args.point)
    done = requests.write_report(
        service,
        args.number,
        args.place,
        args.who,
        speaker=args.speaker,
        kind=args.kind,
        text=text,
        points=points,
    )
    summaries = [d.summary for d in done if d.summary]
    print("\n".join(summaries) if summaries else _("nothing to change"))
    return 0


def _report_remove(args: argparse.Namespace, session: Session) -> int:
    service = secretary.editor(session.repo())
    print(requests.remove_report(service, args.number, args.place, args.who).summary)
    return 0


def _report_list(args: argparse.Namespace, session: Session) -> int:
    meeting = secretary.load(session.repo(), args.number)
    only = _listed_place(meeting, args.place) if args.place else None
    found = [
        (place, n, r)
        for place, _h, item in placed_items(meeting)
        if only in (None, place)
        for n, r in enumerate(item.reports, start=1)
    ]
    if args.json:
        output.print_json([_report_row(place, n, r) for place, n, r in found])
        return 0
    for place, n, r in found:
        body = write_points(r.text, r.points).replace("\n", "\n\t\t")
        print(f"{written_place(place)}\t{n}\t{r.speaker}{r.kind}：{body}")
    return 0


def _listed_place(meeting: Meeting, place: str) -> str:
    """The place of an item of the meeting, numbered (2.1), however it was written; a place
    that names none raises PlaceError, which the command tells in a line (commands._failed)."""
    item_at(meeting, place)
    return parse_place(place)


def _report_row(place: str, number: int, report: Report) -> dict[str, Any]:
    return {
        "place": place,
        "written": written_place(place),
        "number": number,
        "speaker": report.speaker,
        "kind": report.kind,
        "text": report.text,
        "points": to_data(report.points),
    }


_REPORT_ACTIONS: dict[str, Callable[[argparse.Namespace, Session], int]] = {
    "add": _report_add,
    "edit": _report_edit,
    "remove": _report_remove,
    "list": _report_list,
}

COMMANDS: dict[str, Callable[[argparse.Namespace, Session], int]] = {
    "motion": motion,
    "report": report,
}
