"""Meetings, cases and the office kept in a Store: one document per meeting, cases by state.

The documents and what each holds are in tui.storage.layout; a meeting's document also
holds its log (table "log": one entry a change). Every edit writes the documents of one
meeting and its cases, never the history.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb.table import Document

from tui.domain.identity import name_entries
from tui.domain.model import CaseKind, CaseRef, Correction, Meeting, MeetingStatus, TrackedCase
from tui.i18n import _
from tui.storage.case_reads import RecordError, cases_in, decode, find_case, stored_in
from tui.storage.case_rows import merge_case, put_case
from tui.storage.case_rows import remove_case as _remove_case
from tui.storage.changelog import MeetingLog
from tui.storage.errors import StorageError, StorageWriteError
from tui.storage.files import fsync_dir, replace_with
from tui.storage.index_rows import remove_summary, summaries
from tui.storage.layout import (
    CLOSED_CASES,
    MEETINGS,
    PROFILE_FILE,
    closed_name,
    meeting_name,
    meeting_number,
)
from tui.storage.layout import OPEN_CASES as OPEN
from tui.storage.layout import session_name as _state_name
from tui.storage.meeting_rows import stored_summary, write_meeting
from tui.storage.store import Store, Transaction

__all__ = ["RecordError", "Records", "Repository"]


class Repository:
    def __init__(self, store: Store) -> None:
        self.store = store

    @classmethod
    def open(cls, root: Path, *, create: bool = True) -> Repository:
        return cls(Store.open(root, create=create))

    # -- meetings -------------------------------------------------------------

    def meeting_numbers(self) -> list[int]:
        names = self.store.names(MEETINGS)
        return [number for name in names if (number := meeting_number(name)) is not None]

    def has_meeting(self, number: int) -> bool:
        return self.store.exists(meeting_name(number))

    def load_meeting(self, number: int) -> Meeting | None:
        with self.store.reading() as tx:
            return _read_meeting(tx, number)

    @contextmanager
    def change(self) -> Iterator[Records]:
        """One read-modify-write under the inter-process lock: nobody changes what was read."""
        with self.store.transaction() as tx:
            yield Records(tx)

    def summaries(self) -> list[dict[str, Any]]:
        return summaries(self.store)

    # -- where each user left off ---------------------------------------------

    def ui_state(self, user: str) -> dict[str, Any]:
        with self.store.reading() as tx:
            found = tx.db(_state_name(user)).table("state").get(doc_id=1)
        return dict(found) if found else {}

    def save_ui_state(self, user: str, state: dict[str, Any]) -> None:
        with self.store.transaction() as tx:
            tx.db(_state_name(user)).table("state").upsert(Document(state, doc_id=1))

    # -- profile --------------------------------------------------------------

    @property
    def profile_path(self) -> Path:
        return self.store.root / PROFILE_FILE

    def write_profile(self, text: str) -> None:
        try:
            replace_with(self.profile_path, text.encode("utf-8"))
            fsync_dir(self.store.root)
        except OSError as error:
            raise StorageWriteError(self.profile_path, error) from None

    # -- cases ----------------------------------------------------------------

    def case(self, number: int, kind: CaseKind = CaseKind.INTERNAL) -> TrackedCase | None:
        with self.store.reading() as tx:
            found = find_case(tx, kind, number)
        return found[1] if found else None

    # `whole` False: each case with its newest events, as Records reads it (see there).

    def open_cases(self, *, whole: bool = True) -> list[TrackedCase]:
        with self.store.reading() as tx:
            return cases_in(tx, OPEN, whole=whole)

    def cases_of(self, refs: Iterable[CaseRef], *, whole: bool = True) -> list[TrackedCase]:
        with self.store.reading() as tx:
            found = [find_case(tx, ref.kind, ref.number, whole=whole) for ref in refs]
        return [f[1] for f in found if f is not None]

    def case_numbers_of_meeting(self, meeting: int) -> list[int]:
        with self.store.reading() as tx:
            return Records(tx).case_numbers_of_meeting(meeting)

    def all_cases(self) -> list[TrackedCase]:
        with self.store.reading() as tx:
            found = cases_in(tx, OPEN)
            for name in self.store.names(CLOSED_CASES):
                found.extend(cases_in(tx, name))
        return sorted(found, key=lambda c: (c.kind is not CaseKind.INTERNAL, c.number))

    def stored_cases(self) -> list[tuple[dict[str, Any], str]]:
        """Every case's data as stored, whole, and where it is (see case_rows.stored_in)."""
        with self.store.reading() as tx:
            found = stored_in(tx, OPEN)
            for name in self.store.names(CLOSED_CASES):
                found.extend(stored_in(tx, name))
        return found


class Records:
    """The meetings and cases as one transaction sees them; changes commit with it."""

    def __init__(self, tx: Transaction) -> None:
        self.tx = tx

    def meeting(self, number: int) -> Meeting | None:
        return _read_meeting(self.tx, number)

    # A case read here holds its newest events; the domain reads back its older ones as it
    # needs them (tui.domain.case_history), and a save writes back what it read.

    def case(self, number: int, kind: CaseKind = CaseKind.INTERNAL) -> TrackedCase | None:
        found = find_case(self.tx, kind, number, whole=False)
        return found[1] if found else None

    def cases_of(self, refs: Iterable[CaseRef]) -> list[TrackedCase]:
        found = [find_case(self.tx, ref.kind, ref.number, whole=False) for ref in refs]
        return [f[1] for f in found if f is not None]

    def case_numbers_of_meeting(self, meeting: int) -> list[int]:
        """Internal case numbers issued at `meeting`, open or closed."""
        names = (OPEN, closed_name(meeting * 100))
        ids = [row.doc_id for n in names for row in self.tx.db(n).table("internal").all()]
        return [i for i in ids if i // 100 == meeting]

    def save(
        self,
        meeting: Meeting,
        cases: Iterable[TrackedCase] = (),
        correction: Correction | None = None,
        removed: Iterable[CaseRef] = (),
        *,
        unlock: bool = False,
    ) -> None:
        """Write the meeting and the cases it changed; a confirmed record only with a
        logged correction (or when `unlock`: its confirmation taken back)."""
        tx = self.tx
        old = stored_summary(tx, meeting.number)
        if old is not None and not unlock and _locked(tx, meeting.number, old):
            _check_correction(meeting, correction)
        write_meeting(tx, meeting, old)
        self.put_cases(cases, removed)

    def put_cases(self, cases: Iterable[TrackedCase], removed: Iterable[CaseRef] = ()) -> None:
        tx = self.tx
        for case in cases:
            put_case(tx, case)
        for ref in removed:
            for name in (OPEN, closed_name(ref.number)):
                _remove_case(tx, name, ref.kind, ref.number)

    def store_record(self, meeting: Meeting, cases: list[TrackedCase], replacing: bool) -> None:
        """A record read from a file, its cases merged with the stored ones'."""
        _store_record(self.tx, meeting, cases, replacing)

    def create_meeting(self, meeting: Meeting) -> None:
        if _read_meeting(self.tx, meeting.number) is not None:
            raise MeetingExistsError(meeting.number)
        write_meeting(self.tx, meeting, None)

    def delete_meeting(self, number: int) -> None:
        """The meeting goes; its log stays (who deleted it, and how to put it back)."""
        self.log(number).retire()
        self.tx.delete(meeting_name(number))
        remove_summary(self.tx, number)

    # -- the meeting's log: one entry a change, committed with it (see changelog) -----

    def log(self, meeting: int) -> MeetingLog:
        return MeetingLog(self.tx, meeting)


class MeetingExistsError(StorageError):
    def __init__(self, number: int) -> None:
        super().__init__(
            _(
                "meeting {number} is already stored; use --replace to replace it with this record"
            ).format(number=number)
        )


class LockedRecordError(StorageError):
    """An approved or confirmed record changed without a logged correction."""


def _locked(tx: Transaction, number: int, old: dict[str, Any]) -> bool:
    """The stored record is confirmed, or approved (核定)."""
    if old.get("status") == MeetingStatus.CONFIRMED.value:
        return True
    data = tx.db(meeting_name(number)).table("meeting").get(doc_id=1)
    return bool(data and data.get("approval"))


def _check_correction(new: Meeting, correction: Correction | None) -> None:
    if correction is None or correction not in new.corrections:
        raise LockedRecordError(
            _(
                "the record of meeting {number} is confirmed; "
                "change it only with a logged correction (who, when, what)"
            ).format(number=new.number)
        )


def _read_meeting(tx: Transaction, number: int) -> Meeting | None:
    name = meeting_name(number)
    found = tx.db(name).table("meeting").get(doc_id=1)
    return None if found is None else name_entries(decode(Meeting, found, name))


def _store_record(tx: Transaction, meeting: Meeting, cases: list[TrackedCase], old: bool) -> None:
    if old:
        _forget_meeting_cases(tx, meeting.number)
    write_meeting(tx, meeting, None)
    for case in cases:
        merge_case(tx, case)
    _remember_cases(tx, meeting.number, cases)


def _remember_cases(tx: Transaction, meeting: int, cases: Iterable[TrackedCase]) -> None:
    table = tx.db(meeting_name(meeting)).table("cases")
    table.truncate()
    table.insert_multiple({"kind": c.kind.value, "number": c.number} for c in cases)


def _forget_meeting_cases(tx: Transaction, meeting: int) -> None:
    for ref in tx.db(meeting_name(meeting)).table("cases").all():
        found = find_case(tx, CaseKind(ref["kind"]), ref["number"])
        if found is None:
            continue
        name, case = found
        case.history = [e for e in case.history if e.meeting != meeting]
        _remove_case(tx, name, case.kind, case.number)
        if case.history:
            put_case(tx, case)
