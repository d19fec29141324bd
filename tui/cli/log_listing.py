"""`agenda log N`: every change made to meeting N, who made it and when."""

from __future__ import annotations

import argparse

from tui.cli.output import print_json
from tui.cli.session import Session, UsageError
from tui.domain.rocdate import format_date, format_time
from tui.edits import EditService, LogLine
from tui.edits.service import os_user
from tui.i18n import _


def list_log(args: argparse.Namespace, session: Session) -> int:
    repo = session.repo()
    lines = EditService(repo, os_user()).log(args.number)
    if not lines and not repo.has_meeting(args.number):  # a deleted draft's log stays
        raise UsageError(_("no meeting {number}").format(number=args.number))
    if args.json:
        print_json([_json(line) for line in lines])
        return 0
    if not lines:
        print(_("meeting {number}: no change logged").format(number=args.number))
        return 0
    for line in lines:
        print(_text(line))
    return 0


def _text(line: LogLine) -> str:
    when = f"{format_date(line.at.date())} {format_time(line.at.time())}"
    undone = _(" (undoes {seq})").format(seq=line.undoes) if line.undoes is not None else ""
    return f"{line.seq:>4}  {when}  {line.who}  {line.summary}{undone}"


def _json(line: LogLine) -> dict[str, object]:
    return {
        "seq": line.seq,
        "at": line.at.isoformat(),
        "who": line.who,
        "op": line.op,
        "summary": line.summary,
        "undoable": line.undoable,
        "undoes": line.undoes,
    }
