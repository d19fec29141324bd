"""The next meeting's agenda, made from the last meeting, the open cases and the profile."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from tui.domain.amendments import confirmation_conclusion
from tui.domain.attendance import AS_SIGNED
from tui.domain.case_history import count_before
from tui.domain.model import (
    Attendee,
    CaseDecision,
    CaseKind,
    CaseRef,
    Conclusion,
    Item,
    ItemKind,
    Meeting,
    MeetingStatus,
    Report,
    Section,
    TrackedCase,
)
from tui.domain.profile import Profile, StandingItem, StandingSection
from tui.domain.rocdate import format_short_date


def prepare_meeting(
    profile: Profile, previous: Meeting, start: datetime, open_cases: Iterable[TrackedCase]
) -> Meeting:
    cases = list(open_cases)
    meeting = Meeting(
        number=previous.number + 1,
        start=start,
        place=profile.place or previous.place,
        chair=profile.chair or previous.chair,
        recorder=profile.recorder or previous.recorder,
        recorder_label=previous.recorder_label,
        status=MeetingStatus.DRAFT,
    )
    if profile.members:  # 出席 by name: the secretary marks who is away
        meeting.attendance.present = [Attendee(member.name) for member in profile.members]
    else:
        meeting.attendance.present_as_text = previous.attendance.present_as_text or AS_SIGNED
    filler = _Filler(profile, previous, cases)
    meeting.sections = [filler.section(standing) for standing in profile.agenda]
    return meeting


class _Filler:
    def __init__(self, profile: Profile, previous: Meeting, cases: list[TrackedCase]) -> None:
        self.profile = profile
        self.previous = previous
        self.cases = cases

    def title(self, text: str) -> str:
        return text.replace("{previous}", str(self.previous.number)).replace(
            "{previous_date}", format_short_date(self.previous.date)
        )

    def section(self, standing: StandingSection) -> Section:
        section = Section(self.title(standing.title), kind=standing.kind)
        section.listed = standing.kind is ItemKind.MOTIONS
        section.items = [self.item(i) for i in standing.items]
        if not standing.items and standing.kind not in (ItemKind.MOTIONS, ItemKind.PROPOSALS):
            section.body = self.item(StandingItem("", standing.kind))
        return section

    def item(self, standing: StandingItem) -> Item:
        item = Item(self.title(standing.title), kind=standing.kind)
        if standing.kind is ItemKind.CASE_REPORT:
            item.cases = [CaseRef(c.number, c.kind) for c in internal_cases(self.cases)]
        elif standing.kind is ItemKind.OUTSIDE_CASES:
            item.cases = [CaseRef(c.number, c.kind) for c in outside_cases(self.cases)]
        elif standing.kind is ItemKind.READ_RECORD:
            item.conclusions = self.confirmation()
        elif standing.kind is ItemKind.UNIT_REPORTS:
            item.reports = [
                Report(speaker=u.name + u.reporter, unit=u.name) for u in self.profile.units
            ]
        return item

    def confirmation(self) -> list[Conclusion]:
        """What the 宣讀 item says when the last record was confirmed before this meeting
        was prepared."""
        confirmed = self.previous.confirmation
        if confirmed is None or confirmed.at_meeting != self.previous.number + 1:
            return []
        return [confirmation_conclusion(confirmed.corrections)]


def internal_cases(cases: Iterable[TrackedCase]) -> list[TrackedCase]:
    """Open internal cases, oldest first."""
    found = [c for c in cases if c.kind is CaseKind.INTERNAL and c.is_open]
    return sorted(found, key=lambda c: (c.origin_meeting or 0, c.number))


def outside_cases(cases: Iterable[TrackedCase]) -> list[TrackedCase]:
    """Open cases tracked by the mayor's office or the council, nearest deadline first."""
    found = [c for c in cases if c.kind is not CaseKind.INTERNAL and c.is_open]
    return sorted(found, key=lambda c: (c.deadline is None, c.deadline, c.number))


def undecided_cases(meeting: Meeting, cases: dict[tuple[CaseKind, int], TrackedCase]) -> list[int]:
    """Internal cases on the meeting's case report that got no decision there."""
    missing: list[int] = []
    for item in meeting.items():
        if item.kind is not ItemKind.CASE_REPORT:
            continue
        for ref in item.cases:
            case = cases.get((ref.kind, ref.number))
            event = case.decision_at(meeting.number) if case else None
            if ref.kind is CaseKind.INTERNAL and (event is None or event.decision is None):
                missing.append(ref.number)
    return missing


def meetings_open(case: TrackedCase, at_meeting: int) -> int:
    """How many meetings a case has been tracked for by meeting `at_meeting`."""
    if case.origin_meeting is not None:
        return max(at_meeting - case.origin_meeting, 0)
    return count_before(case, at_meeting)


def decided(case: TrackedCase, meeting: int) -> CaseDecision | None:
    event = case.decision_at(meeting)
    return event.decision if event else None


def first_meeting(profile: Profile, number: int, start: datetime) -> Meeting:
    """The first meeting prepared for a series with no record stored. Meeting 1 reads no
    record and reports on no earlier conclusions; a later one (an office that kept its
    records on paper until now) reads the last record by its number alone."""
    unrecorded = Meeting(number - 1, start)  # stands for the record nobody stored
    meeting = prepare_meeting(profile, unrecorded, start, [])
    date_said = format_short_date(unrecorded.date)
    for section in meeting.sections:
        if section.kind is ItemKind.READ_RECORD:
            section.title = section.title.replace(date_said, "").replace("  ", " ")
            section.title = section.title.replace("宣讀 第", "宣讀第")
    if number > 1:
        return meeting
    meeting.sections = [s for s in meeting.sections if s.kind is not ItemKind.READ_RECORD]
    for section in meeting.sections:
        section.items = [i for i in section.items if i.kind is not ItemKind.CASE_REPORT]
    return meeting
