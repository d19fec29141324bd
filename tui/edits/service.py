"""The edit service: an operation applied to what is stored now, logged, in one commit."""

from __future__ import annotations

import getpass
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from tui.dataclass_cache import dataclass
from tui.domain.lifecycle import status_word
from tui.domain.limits import oversized
from tui.domain.model import CaseRef, Meeting
from tui.domain.places import written_place
from tui.edits.clean import clean_text
from tui.edits.errors import ConflictError, EditError
from tui.edits.operation import Applied, Operation, from_record
from tui.edits.said import worded
from tui.edits.workset import Workset
from tui.i18n import _
from tui.storage.repository import Records, Repository


def os_user() -> str:
    """Who is changing things, as the log names them: the OS user, cleaned."""
    return clean_text(getpass.getuser()) or "?"


@dataclass(frozen=True)
class Done:
    """An operation committed: its place in the meeting's log (None: nothing changed)."""

    meeting: int
    seq: int | None
    summary: str


@dataclass(frozen=True)
class LogLine:
    """One entry of a meeting's change log: who, when and what."""

    seq: int
    at: datetime
    who: str
    summary: str
    op: str
    undoable: bool
    undoes: int | None
    session: str


class EditService:
    """Applies operations for one user (and one app session, when `session` is given)."""

    def __init__(
        self,
        repo: Repository,
        user: str,
        units: Sequence[str] = (),
        session: str = "",
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.repo = repo
        self.user = user
        self.units = list(units)
        self.session = session
        self.clock = clock

    def apply(self, op: Operation) -> Done:
        with self.repo.change() as records:
            return self.apply_in(records, op)

    def apply_in(
        self,
        records: Records,
        op: Operation,
        undoes: int | None = None,
        ws: Workset | None = None,
    ) -> Done:
        """Apply op inside a transaction the caller holds (several ops, one commit); `ws`
        is a workset of that transaction the caller has read from already."""
        ws = ws or self.workset(records)
        applied = op.apply(ws)
        if not applied.changed:
            return Done(op.meeting, None, "")
        _refuse_oversized(ws)
        write(records, ws)
        ws.settle()
        seq = self._log(records, applied, undoes, ws.now)
        return Done(op.meeting, seq, str(applied.summary))

    def undo(self, meeting: int, seq: int) -> Done:
        """Apply the inverse of log entry `seq` (an undo of an undo is a redo)."""
        with self.repo.change() as records:
            entry = records.log(meeting).entry(seq)
            if entry is None:
                raise EditError(
                    _("meeting {meeting} has no change {seq} in its log").format(
                        meeting=meeting, seq=seq
                    )
                )
            if entry.get("undo") is None:
                raise EditError(
                    _("change {seq} of meeting {meeting} cannot be undone").format(
                        meeting=meeting, seq=seq
                    )
                )
            inverse = from_record(entry["undo"]["op"], entry["undo"]["args"])
            try:
                return self.apply_in(records, inverse, undoes=seq)
            except ConflictError as error:
                raise ConflictError(f"{error}{_by_whom(records, meeting, seq)}") from None

    def log(self, meeting: int) -> list[LogLine]:
        with self.repo.store.reading() as tx:
            entries = Records(tx).log(meeting).entries()
        return [_line(seq, entry) for seq, entry in entries]

    def workset(self, records: Records) -> Workset:
        return Workset(records, self.user, self.clock(), self.units)

    def _log(self, records: Records, applied: Applied, undoes: int | None, now: datetime) -> int:
        entry = self._entry(applied, undoes, now)
        meeting = applied.done.meeting
        last = records.log(meeting).last()
        if last is not None and undoes is None and self._continues(last[1], applied):
            records.log(meeting).rewrite(last[0], _merged(last[1], entry))
            return last[0]
        return records.log(meeting).append(entry)

    def _entry(self, applied: Applied, undoes: int | None, now: datetime) -> dict[str, Any]:
        done, undo = applied.done, applied.undo
        return {
            "at": now.isoformat(timespec="seconds"),
            "who": self.user,
            "session": self.session,
            "group": done.group,
            "op": done.name,
            "args": done.args(),
            "undo": None if undo is None else {"op": undo.name, "args": undo.args()},
            "summary": applied.summary.stored(),
            "undoes": undoes,
        }

    def _continues(self, last: dict[str, Any], applied: Applied) -> bool:
        """Typing into one entry is one change: the same session, group and operation."""
        group = applied.done.group
        return bool(group) and (last.get("session"), last.get("group"), last.get("op")) == (
            self.session,
            group,
            applied.done.name,
        )


def _merged(first: dict[str, Any], then: dict[str, Any]) -> dict[str, Any]:
    """The later change with the first one's undo, checking for the later one's result."""
    undo = first.get("undo")
    later = then.get("undo")
    if undo is not None and later is not None and "expect" in later["args"]:
        undo = {"op": undo["op"], "args": {**undo["args"], "expect": later["args"]["expect"]}}
    return {**then, "undo": undo, "undoes": first.get("undoes")}


def _by_whom(records: Records, meeting: int, seq: int) -> str:
    later = [e for s, e in records.log(meeting).entries() if s > seq]
    if not later:
        return ""
    last = later[-1]
    return _(" (last changed by {who} at {time})").format(
        who=last.get("who", "?"), time=str(last.get("at", ""))[11:16]
    )


_OLD_PLACE = re.compile(r"^[0-9]+(?:\.[0-9]+)?(?= )")
_OLD_STATUS = re.compile(r"^status (draft|in_session|recorded|confirmed)$")


def _readable(stored: object) -> str:
    """A summary in the reader's language; one logged as a line, before places and
    statuses were written the office's way, in its words now: "2.1 …" as "貳、一 …",
    "status recorded" as "status 紀錄完成"."""
    summary = worded(stored)
    if not isinstance(stored, str):
        return summary
    if found := _OLD_STATUS.match(summary):
        return f"status {status_word(found[1])}"
    return _OLD_PLACE.sub(lambda found: written_place(found[0]), summary)


def _line(seq: int, entry: dict[str, Any]) -> LogLine:
    try:
        at = datetime.fromisoformat(str(entry.get("at")))
    except ValueError:
        at = datetime.min
    return LogLine(
        seq,
        at,
        str(entry.get("who", "")),
        _readable(entry.get("summary", "")),
        str(entry.get("op", "")),
        entry.get("undo") is not None,
        entry.get("undoes"),
        str(entry.get("session", "")),
    )


def _refuse_oversized(ws: Workset) -> None:
    """Nothing is written that holds more than the ladders number or the app shows at once."""
    changed: list[object] = [ws.meetings.get(n) for n in ws.changed_meetings.keys() | ws.created]
    changed += [ws.cases.get(key) for key in ws.changed_cases]
    for thing in changed:
        if thing is not None and (problem := oversized(thing)):
            raise EditError(problem)


def write(records: Records, ws: Workset) -> None:
    """Write back what the workset changed: meetings, the cases, nothing else."""
    for record, found, replacing in ws.imported:
        records.store_record(record, found, replacing)
    for number in ws.deleted:
        records.delete_meeting(number)
    cases = [c for key in ws.changed_cases if (c := ws.cases.get(key)) is not None]
    removed = [CaseRef(number, kind) for kind, number in ws.removed_cases]
    for number in ws.created:
        records.create_meeting(ws.meetings[number])
    for number, correction in ws.changed_meetings.items():
        if number not in ws.created:
            meeting: Meeting = ws.meetings[number]
            records.save(meeting, correction=correction, unlock=number in ws.unlocked)
    records.put_cases(cases, removed)
