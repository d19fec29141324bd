"""The secretary's monthly work on a database: prepare, decide, track, confirm."""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from tui.database import profile_of
from tui.domain import lifecycle, places
from tui.domain.agenda import prepare_meeting, undecided_cases
from tui.domain.model import (
    CaseDecision,
    CaseKind,
    CaseRef,
    Conclusion,
    Correction,
    Item,
    ItemKind,
    Meeting,
    MeetingStatus,
    TrackedCase,
)
from tui.domain.profile import Profile
from tui.domain.schedule import ScheduleError, infer_rule, next_meeting
from tui.domain.text import without_controls
from tui.profile import load_profile, profile_text_for
from tui.storage.repository import Records, Repository

if TYPE_CHECKING:
    from tui.importer.record import ImportedRecord


class SecretaryError(ValueError):
    """A request that cannot be carried out as asked; the message says why and what to do."""


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
                f"meeting {number} is in both {seen[number]} and {record.source}; import only one"
            )
        seen[number] = record.source
    return sorted(records, key=lambda r: r.meeting.number)


def store_records(repo: Repository, records: Sequence[ImportedRecord], replace: bool) -> None:
    for record in records:
        _check_office(repo, record)
        if not replace and repo.has_meeting(record.meeting.number):
            raise SecretaryError(
                f"{record.source}: meeting {record.meeting.number} is already stored; "
                "use --replace to replace it with this record"
            )
    if not repo.profile_path.exists() and records:
        office = records[0].office
        repo.write_profile(profile_text_for(office.organisation, office.series))
    for record in records:
        repo.store_record(record.meeting, record.cases, replace)


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
            f"{record.source}: a record of {office.organisation}{office.series}, but this "
            f"database holds {profile.organisation}{profile.series}"
        )


# -- prepare ------------------------------------------------------------------


@dataclass
class Prepared:
    meeting: Meeting
    undecided: list[int]  # internal cases the previous meeting left without a decision


def prepare(
    repo: Repository,
    after: int | None = None,
    on: date | datetime | None = None,
    force: bool = False,
) -> Prepared:
    previous = _previous_meeting(repo, after)
    if repo.has_meeting(previous.number + 1):
        raise SecretaryError(f"meeting {previous.number + 1} exists already")
    on_agenda = [ref for item in previous.items() for ref in item.cases]
    cases = {(c.kind, c.number): c for c in repo.cases_of(on_agenda)}
    undecided = undecided_cases(previous, cases)
    if undecided and not force:
        listed = "、".join(str(n) for n in undecided)
        raise SecretaryError(
            f"cases on meeting {previous.number}'s agenda got no decision: {listed}; "
            "decide them first, or prepare with --force"
        )
    profile = profile_of(repo)
    start = _meeting_start(repo, profile, previous, on)
    meeting = prepare_meeting(profile, previous, start, repo.open_cases())
    repo.create_meeting(meeting)
    return Prepared(meeting, undecided)


def _previous_meeting(repo: Repository, after: int | None) -> Meeting:
    numbers = repo.meeting_numbers()
    if not numbers:
        raise SecretaryError("no meeting stored yet: import the last record first")
    number = numbers[-1] if after is None else after
    meeting = repo.load_meeting(number)
    if meeting is None:
        raise SecretaryError(f"no meeting {number} to prepare from")
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
        raise SecretaryError(f"schedule: {error}") from None


def _inferred_rule(repo: Repository, previous: Meeting) -> str:
    earlier = repo.load_meeting(previous.number - 1)
    if earlier is None:
        raise SecretaryError(
            "the profile has no [schedule] rule and there is no earlier meeting to infer one "
            "from; set schedule.rule in profile.toml or give --date"
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
        raise SecretaryError(f"no meeting {number} in {repo.store.root}")
    return meeting


def decide(
    repo: Repository,
    number: int,
    case_number: int,
    decision: CaseDecision,
    progress: str = "",
    kind: CaseKind = CaseKind.INTERNAL,
) -> TrackedCase:
    with repo.change() as records:
        meeting = _meeting(records, number)
        case = records.case(case_number, kind)
        if case is None:
            raise SecretaryError(f"no tracked case {case_number}")
        report = _case_report(meeting)
        if all((r.kind, r.number) != (kind, case_number) for r in report.cases):
            report.cases.append(CaseRef(case_number, kind))
        try:
            lifecycle.decide(case, number, decision, progress)
        except lifecycle.LifecycleError as error:
            raise SecretaryError(str(error)) from None
        others = [c for c in records.cases_of(report.cases) if c.number != case.number]
        lifecycle.write_decision_sentence(meeting, [*others, case])
        records.save(meeting, [case])
    return case


def _meeting(records: Records, number: int) -> Meeting:
    meeting = records.meeting(number)
    if meeting is None:
        raise SecretaryError(f"no meeting {number}")
    return meeting


def _case_report(meeting: Meeting) -> Item:
    for item in meeting.items():
        if item.kind is ItemKind.CASE_REPORT:
            return item
    raise SecretaryError(f"meeting {meeting.number} has no case report item (kind case_report)")


def item_at(meeting: Meeting, place: str) -> tuple[str, Item]:
    """The item at "2.4" (section 2, item 4) or "1" (a section that is itself an item)."""
    try:
        return places.item_at(meeting, place)
    except places.PlaceError as error:
        raise SecretaryError(str(error)) from None


def conclude(
    repo: Repository,
    number: int,
    place: str,
    text: str,
    *,
    tracked: bool = False,
    owner: str = "",
    deadline: date | None = None,
) -> TrackedCase | None:
    """Add a conclusion to an item; a tracked one becomes a new case in the same commit."""
    conclusion = Conclusion(without_controls(text).strip())
    if not conclusion.text:
        raise SecretaryError("a conclusion needs text")
    units = profile_of(repo).unit_names
    with repo.change() as records:
        meeting = _meeting(records, number)
        where, item = item_at(meeting, place)
        item.conclusions.append(conclusion)
        case = None
        if tracked:
            taken = records.case_numbers_of_meeting(number)
            try:
                case = lifecycle.track(
                    meeting, conclusion, where, taken, units, owner=owner, deadline=deadline
                )
            except lifecycle.LifecycleError as error:
                raise SecretaryError(str(error)) from None
        records.save(meeting, [case] if case else [])
    return case


def add_motion(
    repo: Repository, number: int, presenter: str, text: str, kind: str = "口頭報告"
) -> str:
    """A temporary motion (臨時動議) as it comes; returns its place for conclusions, "3.1"."""
    motion = Item(
        without_controls(text).strip(),
        presenter=without_controls(presenter).strip(),
        presenter_kind=kind,
    )
    with repo.change() as records:
        meeting = _meeting(records, number)
        index, section = places.motions_section(meeting)
        section.items.append(motion)
        records.save(meeting)
    return f"{index}.{len(section.items)}"


def set_status(
    repo: Repository, number: int, status: MeetingStatus, end: time | None = None
) -> Meeting:
    with repo.change() as records:
        meeting = _meeting(records, number)
        try:
            lifecycle.advance(meeting, status)
        except lifecycle.LifecycleError as error:
            raise SecretaryError(str(error)) from None
        if end is not None:
            meeting.end = end
        records.save(meeting)
    return meeting


def confirm(
    repo: Repository, number: int, corrections: Sequence[str] = (), at: int | None = None
) -> Meeting:
    """Record N confirmed when meeting `at` (N+1 by default) reads it; its 宣讀 item says so."""
    reader_number = at if at is not None else number + 1
    with repo.change() as records:
        record = _meeting(records, number)
        try:
            lifecycle.confirm(record, reader_number, corrections)
        except lifecycle.LifecycleError as error:
            raise SecretaryError(str(error)) from None
        records.save(record)
        reader = records.meeting(reader_number)
        if reader is not None:
            _note_confirmation(reader, corrections)
            records.save(reader)
    return record


def _note_confirmation(reader: Meeting, corrections: Sequence[str]) -> None:
    for item in reader.items():
        if item.kind is ItemKind.READ_RECORD:
            text = lifecycle.confirmation_text(corrections)
            if not any(c.text == text for c in item.conclusions):
                item.conclusions.insert(0, Conclusion(text))
            return


def correct(repo: Repository, meeting: Meeting, what: str, by: str | None = None) -> None:
    """Save a change to a confirmed record, logged with who, when and what."""
    lifecycle.correct(meeting, by or getpass.getuser(), what, datetime.now().replace(microsecond=0))
    correction: Correction = meeting.corrections[-1]
    repo.save(meeting, correction=correction)


# -- circulation --------------------------------------------------------------


def render_meeting(
    repo: Repository, meeting: Meeting, *, agenda: bool, format: str, width: int | None = None
) -> str:
    """The record (or agenda) of a meeting as it is circulated, through the office's templates."""
    from tui.render.document import RenderOptions, render_agenda, render_record

    profile = profile_of(repo)
    options = RenderOptions(
        format=format,
        width=profile.text_width if width is None else width,
        template_dirs=() if profile.templates is None else (profile.templates,),
    )
    if not agenda:
        return render_record(meeting, profile.office, options)
    refs = [ref for item in meeting.items() for ref in item.cases]
    warning = profile.schedule.deadline_warning_days
    return render_agenda(meeting, profile.office, repo.cases_of(refs), options, warning)


def render_document(repo: Repository, meeting: Meeting, *, agenda: bool, format: str) -> bytes:
    """The record (or agenda) as a document to edit and circulate: ODT or DOCX."""
    from tui.render.document import template_name
    from tui.render.documents import write_document

    source = render_meeting(repo, meeting, agenda=agenda, format=format)
    return write_document(source, format, template_name("agenda" if agenda else "record", format))
