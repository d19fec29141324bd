"""Tracked cases read out of a record's conclusions."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from tui.domain.decisions import (
    LAST_SEQUENCE,
    case_number,
    parse_decision_sentence,
    split_case_number,
)
from tui.domain.model import (
    CaseDecision,
    CaseEvent,
    CaseKind,
    Conclusion,
    Item,
    Meeting,
    Point,
    TrackedCase,
)
from tui.domain.places import placed_items
from tui.domain.units import owner_in
from tui.i18n import _

_OUTSIDE_NUMBER = re.compile(r"(?:列管)?案號\s*([0-9０-９]{4,6})")
_NEW_CASE = re.compile(r"本案(?:予以|列入)?列管|列入列管|請.{0,12}列管追蹤")


class CaseNumbersUsed(ValueError):
    """The record tracks more new cases than a meeting may number (01 to 99)."""


def cases_in(meeting: Meeting, units: Sequence[str]) -> list[TrackedCase]:
    found: dict[int, TrackedCase] = {}
    for _section, where, item in placed_items(meeting):
        for position, conclusion in enumerate(item.conclusions, start=1):
            for case in _cases_of(meeting, (where, item), position, conclusion, units):
                found.setdefault(case.number, case)
    return sorted(found.values(), key=lambda c: c.number)


def _cases_of(
    meeting: Meeting,
    placed: tuple[str, Item],
    position: int,
    conclusion: Conclusion,
    units: Sequence[str],
) -> Iterator[TrackedCase]:
    item = placed[1]
    decided = 0
    kind = outside_kind(item.title)
    for text in _texts(conclusion):
        for case in _decided_cases(meeting.number, text, kind):
            decided += 1
            yield case
    if kind is not None and not decided:
        yield from _outside_cases(meeting.number, kind, conclusion, units)
    if _NEW_CASE.search(conclusion.text):
        yield _new_case(meeting, placed, position, conclusion, units)


def _texts(conclusion: Conclusion | Point) -> Iterator[str]:
    yield conclusion.text
    for point in conclusion.points:
        yield from _texts(point)


def _decided_cases(meeting: int, text: str, outside: CaseKind | None) -> Iterator[TrackedCase]:
    """The cases a decision sentence decides: the office's own, or under the mayor's office's
    or the council's item (列管案號 12601 賡續列管。) theirs."""
    try:
        decisions = parse_decision_sentence(text)
    except ValueError:  # a backwards or runaway range: the text stays, read as no decision
        decisions = None
    if decisions is None:
        return
    for decision, numbers in (
        (CaseDecision.RELEASE, decisions.released),
        (CaseDecision.KEEP, decisions.kept),
    ):
        for number in numbers:
            event = CaseEvent(meeting=meeting, decision=decision)
            if outside is not None:
                yield TrackedCase(number, kind=outside, history=[event])
            else:
                origin = split_case_number(number)[0]
                yield TrackedCase(number, origin_meeting=origin, history=[event])


def outside_kind(title: str) -> CaseKind | None:
    if "市長室" in title or "市政會議列管" in title:
        return CaseKind.MAYOR
    if "議會" in title and "列管" in title:
        return CaseKind.COUNCIL
    return None


def _outside_cases(
    meeting: int, kind: CaseKind, conclusion: Conclusion, units: Sequence[str]
) -> Iterator[TrackedCase]:
    for match in _OUTSIDE_NUMBER.finditer(conclusion.text):
        number = int(match[1].translate(_FULL_WIDTH))
        yield TrackedCase(
            number,
            subject=conclusion.text,
            owner=owner_in(conclusion.text, units),
            kind=kind,
            history=[CaseEvent(meeting=meeting, conclusion=conclusion.text)],
        )


def _new_case(
    meeting: Meeting,
    placed: tuple[str, Item],
    position: int,
    conclusion: Conclusion,
    units: Sequence[str],
) -> TrackedCase:
    where, item = placed
    number = conclusion.case or _new_number(meeting)
    conclusion.case = number
    return TrackedCase(
        number,
        subject=item.title or conclusion.text,
        owner=owner_in(conclusion.text, units),
        origin_meeting=meeting.number,
        origin_item=where,
        origin_conclusion=position,
        history=[CaseEvent(meeting=meeting.number, conclusion=conclusion.text)],
    )


def _new_number(meeting: Meeting) -> int:
    taken = [c.case for c in meeting.conclusions() if c.case is not None]
    sequence = _next_sequence(meeting.number, taken)
    if sequence > LAST_SEQUENCE:
        raise CaseNumbersUsed(
            _("meeting {number} has used all 99 case numbers").format(number=meeting.number)
        )
    return case_number(meeting.number, sequence)


def _next_sequence(meeting: int, taken: list[int]) -> int:
    used = [split_case_number(n)[1] for n in taken if split_case_number(n)[0] == meeting]
    return max(used, default=0) + 1


_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
