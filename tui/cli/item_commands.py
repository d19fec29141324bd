"""`agenda item …` and `agenda section …`: the agenda's structure of one meeting, each change
an operation of the edit service (logged, undoable in the app)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from tui import secretary
from tui.cli.session import Session, UsageError
from tui.edits import agenda_requests as change
from tui.i18n import _

_EQUALS = ("=", "＝")


def _blocks(given: list[str]) -> list[tuple[str, str]]:
    """LABEL=TEXT pairs; the text keeps its lines (its points)."""
    found: list[tuple[str, str]] = []
    for text in given:
        cut = min((text.find(mark) for mark in _EQUALS if mark in text), default=-1)
        if cut <= 0:
            raise UsageError(
                _("--block {value!r}: give LABEL=TEXT, such as 說明=…").format(value=text)
            )
        found.append((text[:cut].strip(), text[cut + 1 :]))
    return found


def _step(args: argparse.Namespace) -> int:
    return -1 if args.up else 1 if args.down else 0


def item(args: argparse.Namespace, session: Session) -> int:
    service = secretary.editor(session.repo())
    n = args.number
    if args.action == "add":
        blocks = _blocks(args.block)
        place = change.add_item(
            service,
            n,
            args.section,
            args.title,
            kind=args.kind,
            presenter=args.presenter,
            blocks=blocks,
        )
        print(place)
    elif args.action == "rename":
        place = change.rename_item(service, n, args.place, args.title)
        print(_("{place} renamed").format(place=place))
    elif args.action == "remove":
        place = change.remove_item(service, n, args.place)
        print(_("{place} deleted").format(place=place))
    elif args.action == "move":
        place = change.move_item(service, n, args.place, step=_step(args), to=args.to)
        print(_("moved to {place}").format(place=place))
    else:
        place = change.write_block(service, n, args.place, args.label, args.text)
        print(_("{place} {label} written").format(place=place, label=args.label))
    return 0


def section(args: argparse.Namespace, session: Session) -> int:
    service = secretary.editor(session.repo())
    n = args.number
    if args.action == "add":
        numeral = change.add_section(service, n, args.title, kind=args.kind, before=args.before)
        print(numeral)
    elif args.action == "rename":
        numeral = change.rename_section(service, n, args.section, args.title)
        print(_("{numeral} renamed").format(numeral=numeral))
    elif args.action == "remove":
        numeral = change.remove_section(service, n, args.section)
        print(_("{numeral} deleted").format(numeral=numeral))
    else:
        numeral = change.move_section(service, n, args.section, step=_step(args), to=args.to)
        print(_("moved to {numeral}").format(numeral=numeral))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Session], int]] = {
    "item": item,
    "section": section,
}
