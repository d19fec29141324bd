"""The life of a record and its tracked cases: decisions, new cases, confirmation, correction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from tui.domain.case_history import since
from tui.domain.decisions import case_number, decision_sentence
from tui.domain.model import (
    Amendment,
    Approval,
    CaseDecision,
    CaseEvent,
    Conclusion,
    Confirmation,
    Correction,
    Item,
    Meeting,
    MeetingStatus,
    Point,
    TrackedCase,
)
from tui.domain.points import copied
from tui.domain.status_words import STATUS_WORDS, status_word
from tui.domain.units import owner_in
from tui.i18n import N_, _

__all__ = ["STATUS_WORDS", "status_word"]  # kept here for the callers that know them here

ORDER = list(MeetingStatus)


class LifecycleError(ValueError):
    """A step the record or the case cannot take now; the message says why."""


def decide(case: TrackedCase, meeting: int, decision: CaseDecision, progress: str = "") -> None:
    """The one decision of `meeting` on `case`; deciding again at the same meeting replaces it."""
    case.read_back(meeting)  # the events still unread are older, and none is a release
    for event in case.history:
        if event.meeting < meeting and event.decision is CaseDecision.RELEASE:
            raise LifecycleError(
                _("case {case} was released at meeting {meeting}").format(
                    case=case.number, meeting=event.meeting
                )
            )
        if event.meeting > meeting and event.decision is not None:
            raise _decided_later(case, event)
    event = _event_at(case, meeting)
    event.decision = decision
    if progress:
        event.progress = progress


def undecide(case: TrackedCase, meeting: int) -> None:
    """Take back `meeting`'s decision on `case` (an undo); its progress stays."""
    for event in since(case, meeting):
        if event.meeting > meeting and event.decision is not None:
            raise _decided_later(case, event)
    found = case.decision_at(meeting)
    if found is not None:
        found.decision = None


def _decided_later(case: TrackedCase, event: CaseEvent) -> LifecycleError:
    return LifecycleError(
        _("case {case} was decided at a later meeting ({meeting})").format(
            case=case.number, meeting=event.meeting
        )
    )


def report_progress(
    case: TrackedCase, meeting: int, progress: str, points: Sequence[Point] | None = None
) -> None:
    """The owner unit's 辦理情形 for this meeting (with its points, when given)."""
    event = _event_at(case, meeting)
    event.progress = progress
    if points is not None:
        event.progress_points = copied(points)


def _event_at(case: TrackedCase, meeting: int) -> CaseEvent:
    event = case.decision_at(meeting)
    if event is None:
        event = CaseEvent(meeting=meeting)
        case.history.append(event)
        case.history.sort(key=lambda e: e.meeting)
    return event


def write_decision_sentence(item: Item, meeting: int, cases: Iterable[TrackedCase]) -> None:
    """Set the decision conclusion of the item that reports `cases` from their decisions at
    this meeting (列管案號 9904 及 10101 均解除列管；…)."""
    by_key = {(c.kind, c.number): c for c in cases}
    released, kept = [], []
    for ref in item.cases:
        case = by_key.get((ref.kind, ref.number))
        event = case.decision_at(meeting) if case else None
        if event is not None and event.decision is CaseDecision.RELEASE:
            released.append(ref.number)
        elif event is not None and event.decision is CaseDecision.KEEP:
            kept.append(ref.number)
    sentence = decision_sentence(released, kept)
    existing = next((c for c in item.conclusions if c.decisions), None)
    if existing is None and sentence:
        item.conclusions.append(Conclusion(sentence, decisions=True))
    elif existing is not None and sentence:
        existing.text = sentence
    elif existing is not None:
        item.conclusions.remove(existing)


def track(
    meeting: Meeting,
    conclusion: Conclusion,
    where: str,
    taken: Iterable[int],
    units: Sequence[str],
    *,
    owner: str = "",
    deadline: date | None = None,
) -> TrackedCase:
    """Mark a conclusion as tracked: it becomes case N + the next two-digit number."""
    if conclusion.case is not None:
        raise LifecycleError(
            _("this conclusion is already case {case}").format(case=conclusion.case)
        )
    sequence = max([meeting.last_case_sequence, *_sequences(meeting.number, taken)]) + 1
    if sequence > 99:
        raise LifecycleError(
            _("meeting {number} has used all 99 case numbers").format(number=meeting.number)
        )
    meeting.last_case_sequence = sequence
    number = case_number(meeting.number, sequence)
    conclusion.case = number
    return TrackedCase(
        number,
        subject=conclusion.text,
        owner=owner or owner_in(conclusion.text, units),
        origin_meeting=meeting.number,
        origin_item=where,
        deadline=deadline,
        history=[CaseEvent(meeting=meeting.number, conclusion=conclusion.text)],
    )


def _sequences(meeting: int, numbers: Iterable[int]) -> list[int]:
    return [n % 100 for n in numbers if n // 100 == meeting]


def advance(meeting: Meeting, status: MeetingStatus) -> None:
    """Move the record forward: draft → in session → recorded (confirmation has its own step)."""
    if status is MeetingStatus.CONFIRMED:
        raise LifecycleError(_("a record is confirmed when the next meeting reads it (confirm)"))
    if ORDER.index(status) < ORDER.index(meeting.status):
        # Only a later status than the one asked for gets here: never a draft.
        raise LifecycleError(_(_ALREADY[meeting.status]).format(number=meeting.number))
    meeting.status = status


# Where a meeting already is, said whole: the English keeps the status's stored value.
_ALREADY = {
    MeetingStatus.IN_SESSION: N_("meeting {number} is already in_session"),
    MeetingStatus.RECORDED: N_("meeting {number} is already recorded"),
    MeetingStatus.CONFIRMED: N_("meeting {number} is already confirmed"),
}


def move_back(meeting: Meeting, status: MeetingStatus) -> None:
    """Put the record back a step or two (recorded → in session → draft): the adjournment
    stamped goes with it. A confirmed record goes back by taking the confirmation back."""
    if meeting.status is MeetingStatus.CONFIRMED:
        raise LifecycleError(
            _(
                "the record of meeting {number} is confirmed; take the confirmation back first"
            ).format(number=meeting.number)
        )
    if meeting.approval is not None:
        raise LifecycleError(
            _("the record of meeting {number} is approved; take the approval back first").format(
                number=meeting.number
            )
        )
    if ORDER.index(status) >= ORDER.index(meeting.status):
        raise LifecycleError(
            _("meeting {number} is {status}, not past {wanted}").format(
                number=meeting.number,
                status=status_word(meeting.status),
                wanted=status_word(status),
            )
        )
    meeting.status = status
    meeting.end = None


def confirm(record: Meeting, at_meeting: int, corrections: Sequence[Amendment] = ()) -> None:
    """紀錄確定 (or 修正後確定 with the corrections) when meeting `at_meeting` reads the record."""
    if record.status is MeetingStatus.CONFIRMED:
        raise LifecycleError(
            _("the record of meeting {number} is already confirmed").format(number=record.number)
        )
    if at_meeting <= record.number:
        raise LifecycleError(_("a record is confirmed by a later meeting"))
    record.status = MeetingStatus.CONFIRMED
    record.confirmation = Confirmation(at_meeting, list(corrections))


def locked(meeting: Meeting) -> bool:
    """An approved or confirmed record: changed only under a logged correction."""
    return meeting.status is MeetingStatus.CONFIRMED or meeting.approval is not None


def approve(record: Meeting, by: str, at: datetime) -> None:
    """陳核 / 核定: the chair approves a finished record, between recording and confirmation."""
    if record.status is MeetingStatus.CONFIRMED:
        raise LifecycleError(
            _("the record of meeting {number} is already confirmed").format(number=record.number)
        )
    if record.status is not MeetingStatus.RECORDED:
        raise LifecycleError(
            _(
                "the record of meeting {number} is not finished yet ({status}): a record is "
                "approved once its meeting is adjourned"
            ).format(number=record.number, status=status_word(record.status))
        )
    if record.approval is not None:
        raise LifecycleError(
            _("the record of meeting {number} is already approved").format(number=record.number)
        )
    record.approval = Approval(by, at)


def correct(record: Meeting, by: str, what: str, at: datetime) -> None:
    """Log a change to an approved or confirmed record; the caller makes the change."""
    if not what.strip():
        raise LifecycleError(_("say what the correction changes"))
    record.corrections.append(Correction(by, at, what.strip()))
