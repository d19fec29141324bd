"""The secretary's monthly work on a database: prepare, decide, track, confirm."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from tui.circulate import render_document as render_document
from tui.circulate import render_meeting as render_meeting
from tui.database import profile_of
from tui.dataclass_cache import dataclass
from tui.domain import places
from tui.domain.agenda import first_meeting, prepare_meeting, undecided_cases
from tui.domain.codec import to_data
from tui.domain.identity import name_entries
from tui.domain.model import CaseKind, Item, Meeting, TrackedCase
from tui.domain.profile import Profile
from tui.domain.rocdate import format_numeric_date
from tui.domain.schedule import ScheduleError, infer_rule, next_meeting
from tui.edits import EditError, EditService
from tui.edits.creation import CreateMeeting
from tui.edits.errors import Hint
from tui.edits.records import ImportRecord
from tui.edits.service import os_user
from tui.i18n import _
from tui.profile import load_profile, profile_text_for
from tui.storage.repository import Repository

if TYPE_CHECKING:
    from tui.importer.record import ImportedRecord


class SecretaryError(EditError):
    """A request that cannot be carried out as asked; the message says why, the hint what
    to do (each front end words it)."""


def editor(repo: Repository, session: str = "", profile: Profile | None = None) -> EditService:
    """The edit service for this database, as the user running this process; `profile`:
    the database's, when the caller has read it already."""
    units = (profile or profile_of(repo)).unit_names
    return EditService(repo, os_user(), units, session)


# -- import -------------------------------------------------------------------


def read_records(paths: Sequence[Path], units: Sequence[str]) -> list[ImportedRecord]:
    """Every file read and checked before anything is stored, so a bad one changes nothing."""
    from tui.importer.record import read_record

    records = [read_record(path, units) for path in paths]
    seen: dict[int, Path] = {}
    for record in records:
        number = record.meeting.number
        if number in seen:
            raise SecretaryError(
                _("meeting {number} is in both {first} and {second}; import only one").format(
                    number=number, first=seen[number], second=record.source
                )
            )
        seen[number] = record.source
    return sorted(records, key=lambda r: r.meeting.number)


def store_records(repo: Repository, records: Sequence[ImportedRecord], replace: bool) -> None:
    for record in records:
        _check_office(repo, record)
        if not replace and repo.has_meeting(record.meeting.number):
            raise SecretaryError(
                _("{path}: meeting {number} is already stored").format(
                    path=record.source, number=record.meeting.number
                ),
                Hint.REPLACE,
            )
    if not repo.profile_path.exists() and records:
        office = records[0].office
        repo.write_profile(profile_text_for(office.organisation, office.series))
    service = editor(repo)
    for record in records:
        service.apply(import_operation(record, replace))


def import_operation(record: ImportedRecord, replace: bool) -> ImportRecord:
    number = record.meeting.number
    cases = tuple(record.cases)
    return ImportRecord(number, str(record.source), replace, record.meeting, cases)


def import_records(repo: Repository, paths: Sequence[Path], replace: bool) -> list[ImportedRecord]:
    records = read_records(paths, profile_of(repo).unit_names)
    store_records(repo, records, replace)
    return records


def _check_office(repo: Repository, record: ImportedRecord) -> None:
    if not repo.profile_path.exists():
        return
    profile = load_profile(repo.profile_path)
    office = record.office
    if (office.organisation, office.series) != (profile.organisation, profile.series):
        raise SecretaryError(
            _("{path}: a record of {theirs}, but this database holds {ours}").format(
                path=record.source,
                theirs=f"{office.organisation}{office.series}",
                ours=f"{profile.organisation}{profile.series}",
            )
        )


# -- prepare ------------------------------------------------------------------


@dataclass
class Prepared:
    """The next meeting made from the last one, and the cases it left undecided."""

    meeting: Meeting
    undecided: list[int]  # internal cases the previous meeting left without a decision


def prepare(
    repo: Repository,
    after: int | None = None,
    on: date | datetime | None = None,
    force: bool = False,
    number: int | None = None,
    profile: Profile | None = None,
) -> Prepared:
    """Meeting N+1 from record N; with no meeting stored, the series' first (`number`,
    else 1) from the profile alone. `profile`: the database's, when the caller has read it
    already (a command reads it once)."""
    profile = profile or profile_of(repo)
    numbers = repo.meeting_numbers()  # listed once: a folder of a file a meeting
    if not numbers:
        return _prepare_first(repo, number or 1, on, profile)
    if number is not None:
        raise SecretaryError(
            _(
                "a meeting's number follows the last one stored; "
                "--number is for the first meeting of a database"
            )
        )
    previous = _previous_meeting(repo, after, numbers)
    if repo.has_meeting(previous.number + 1):
        raise SecretaryError(
            _("meeting {number} exists already").format(number=previous.number + 1)
        )
    open_cases = repo.open_cases(whole=False)
    undecided = undecided_cases(previous, _cases_on_agenda(repo, previous, open_cases))
    if undecided and not force:
        listed = "、".join(str(n) for n in undecided)
        raise SecretaryError(
            _("cases on meeting {number}'s agenda got no decision: {cases}").format(
                number=previous.number, cases=listed
            ),
            Hint.DECIDE_FIRST,
        )
    start = _meeting_start(repo, profile, previous, on)
    meeting = prepare_meeting(profile, previous, start, open_cases)
    try:
        editor(repo, profile=profile).apply(CreateMeeting(meeting.number, to_data(meeting)))
    except EditError as error:
        raise SecretaryError(str(error)) from None
    return Prepared(name_entries(meeting), undecided)


def _cases_on_agenda(
    repo: Repository, meeting: Meeting, open_cases: list[TrackedCase]
) -> dict[tuple[CaseKind, int], TrackedCase]:
    """The cases on the meeting's agenda by kind and number (with the open ones, read once)."""
    held = {(case.kind, case.number): case for case in open_cases}
    refs = [ref for item in meeting.items() for ref in item.cases]
    others = [ref for ref in refs if (ref.kind, ref.number) not in held]
    return held | {(case.kind, case.number): case for case in repo.cases_of(others, whole=False)}


def _prepare_first(
    repo: Repository, number: int, on: date | datetime | None, profile: Profile
) -> Prepared:
    if number < 1:
        raise SecretaryError(_("meeting numbers start at 1, not {number}").format(number=number))
    meeting = first_meeting(profile, number, _first_start(profile, on))
    try:
        editor(repo, profile=profile).apply(CreateMeeting(meeting.number, to_data(meeting)))
    except EditError as error:
        raise SecretaryError(str(error)) from None
    return Prepared(name_entries(meeting), [])


def _first_start(profile: Profile, on: date | datetime | None) -> datetime:
    """When the first meeting is held: the date given, at the rule's time; else the rule's
    next date."""
    if isinstance(on, datetime):
        return on
    rule = profile.schedule.rule
    if on is None and rule:
        try:
            return next_meeting(rule, datetime.now(), profile.schedule.skip)
        except ScheduleError as error:
            raise SecretaryError(_("schedule: {error}").format(error=error)) from None
    if on is None:
        raise SecretaryError(_("the profile has no schedule rule"), Hint.GIVE_DATE)
    if "BYHOUR=" not in rule.upper():
        raise SecretaryError(
            _(
                "the profile's schedule rule gives no time: give it with the date "
                "(--date '{date} 14:30')"
            ).format(date=format_numeric_date(on))
        )
    return datetime.combine(on, _rule_time(rule, Meeting(0, datetime.combine(on, time()))))


def _previous_meeting(repo: Repository, after: int | None, numbers: list[int]) -> Meeting:
    if not numbers:
        raise SecretaryError(_("no meeting stored yet: import the last record first"))
    number = numbers[-1] if after is None else after
    meeting = repo.load_meeting(number)
    if meeting is None:
        raise SecretaryError(_("no meeting {number} to prepare from").format(number=number))
    return meeting


def _meeting_start(
    repo: Repository, profile: Profile, previous: Meeting, on: date | datetime | None
) -> datetime:
    rule = profile.schedule.rule or _inferred_rule(repo, previous)
    if isinstance(on, datetime):
        return on
    if on is not None:
        return datetime.combine(on, _rule_time(rule, previous))
    try:
        return next_meeting(rule, previous.start, profile.schedule.skip)
    except ScheduleError as error:
        raise SecretaryError(_("schedule: {problem}").format(problem=error)) from None


def _inferred_rule(repo: Repository, previous: Meeting) -> str:
    earlier = repo.load_meeting(previous.number - 1)
    if earlier is None:
        raise SecretaryError(
            _(
                "the profile has no [schedule] rule and there is no earlier meeting to infer "
                "one from; set schedule.rule in profile.toml"
            ),
            Hint.GIVE_DATE,
        )
    return infer_rule(earlier.start, previous.start)


def _rule_time(rule: str, previous: Meeting) -> time:
    try:
        moment = next_meeting(rule, previous.start)
    except ScheduleError:
        return previous.start.time()
    return moment.time()


# -- during the meeting -------------------------------------------------------


def load(repo: Repository, number: int) -> Meeting:
    meeting = repo.load_meeting(number)
    if meeting is None:
        raise SecretaryError(
            _("no meeting {number} in {path}").format(number=number, path=repo.store.root)
        )
    return meeting


def item_at(meeting: Meeting, place: str) -> tuple[str, Item]:
    """The item at 貳、四 or "2.4" (section 2, item 4); 壹 or "1" for a section that is
    itself an item."""
    try:
        return places.item_at(meeting, place)
    except places.PlaceError as error:
        raise SecretaryError(str(error)) from None


# -- circulation --------------------------------------------------------------


# render_meeting and render_document: in tui.circulate, which a render imports alone.
