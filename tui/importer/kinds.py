"""Which standing item each part of an imported record is, read from its titles and cases."""

from __future__ import annotations

from tui.domain.decisions import decision_sentence, parse_decision_sentence
from tui.domain.model import CaseDecision, CaseKind, CaseRef, Item, ItemKind, Meeting, TrackedCase
from tui.importer.cases import outside_kind

_SECTION_KINDS = (
    ("宣讀", ItemKind.READ_RECORD),
    ("臨時動議", ItemKind.MOTIONS),
    ("討論", ItemKind.PROPOSALS),
)


def mark_kinds(meeting: Meeting, cases: list[TrackedCase]) -> None:
    for section in meeting.sections:
        section.kind = next(
            (k for word, k in _SECTION_KINDS if word in section.title), section.kind
        )
        if section.body is not None and section.kind is ItemKind.READ_RECORD:
            section.body.kind = ItemKind.READ_RECORD
    for item in meeting.items():
        _mark_item(item, cases)


def _mark_item(item: Item, cases: list[TrackedCase]) -> None:
    outside = outside_kind(item.title)
    if outside is not None:
        item.kind = ItemKind.OUTSIDE_CASES
        texts = [c.text for c in item.conclusions]
        item.cases = [
            CaseRef(c.number, c.kind)
            for c in cases
            if c.kind is not CaseKind.INTERNAL and any(str(c.number) in t for t in texts)
        ]
    elif "業務" in item.title and "報告" in item.title:
        item.kind = ItemKind.UNIT_REPORTS
    for conclusion in item.conclusions:
        decided = _decided_in(conclusion.text, outside or CaseKind.INTERNAL, cases)
        if not decided:
            continue
        if outside is None:
            item.kind = ItemKind.CASE_REPORT
            item.cases = [CaseRef(c.number, c.kind) for c in decided]
        released = [c.number for c in decided if c.history[-1].decision is CaseDecision.RELEASE]
        kept = [c.number for c in decided if c.history[-1].decision is CaseDecision.KEEP]
        conclusion.decisions = decision_sentence(released, kept) == conclusion.text


def _decided_in(text: str, kind: CaseKind, cases: list[TrackedCase]) -> list[TrackedCase]:
    try:
        decisions = parse_decision_sentence(text)
    except ValueError:
        return []
    if decisions is None:
        return []
    numbers = {*decisions.released, *decisions.kept}
    return [c for c in cases if c.kind is kind and c.number in numbers]
