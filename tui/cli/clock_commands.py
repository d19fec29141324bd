"""`agenda stamp` and `agenda status`: the meeting's times corrected, its record moved
forward or, with a reason the log keeps, back."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import time

from tui import secretary
from tui.cli.session import Session, UsageError
from tui.domain.lifecycle import ORDER, status_word
from tui.domain.model import MeetingStatus
from tui.domain.rocdate import DateError, parse_time
from tui.edits import requests
from tui.i18n import _


def _time(text: str | None, option: str) -> time | None:
    if text is None:
        return None
    try:
        return parse_time(text)
    except DateError as error:
        raise UsageError(f"{option}: {error}") from None


def stamp(args: argparse.Namespace, session: Session) -> int:
    if args.start is None and args.end is None:
        raise UsageError(_("give --start, --end or both"))
    start, end = _time(args.start, "--start"), _time(args.end, "--end")
    service = secretary.editor(session.repo())
    done = requests.correct_times(service, args.number, start, end)
    print(done.summary or _("nothing to change"))
    return 0


def status(args: argparse.Namespace, session: Session) -> int:
    wanted = MeetingStatus(args.status)
    end = _time(args.end, "--end")
    repo = session.repo()
    service = secretary.editor(repo)
    current = secretary.load(repo, args.number).status
    if ORDER.index(wanted) < ORDER.index(current) and current is not MeetingStatus.CONFIRMED:
        if not args.reason:
            raise UsageError(
                _("meeting {number} is {status}: say why it goes back with --reason").format(
                    number=args.number, status=status_word(current)
                )
            )
        if end is not None:
            raise UsageError(_("--end stamps 散會: it does not go with going back"))
        requests.move_back(service, args.number, wanted, args.reason)
        print(
            _("meeting {number} is {status} again: {reason}").format(
                number=args.number, status=status_word(wanted), reason=args.reason
            )
        )
        return 0
    requests.set_status(service, args.number, wanted, end)
    print(_("meeting {number} is {status}").format(number=args.number, status=status_word(wanted)))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Session], int]] = {
    "stamp": stamp,
    "status": status,
}
