"""Where a search result lands in the open meeting: the entry it found, if still there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.domain.model import Conclusion, Item, Report, TrackedCase
from tui.edits.workset import CaseKey

if TYPE_CHECKING:  # the search is loaded when it is used, not with the editor
    from tui.search.hits import Hit


def entry_found(
    hit: Hit, item: Item, cases: dict[CaseKey, TrackedCase]
) -> Conclusion | Report | TrackedCase | Item | None:
    """The conclusion, report or case of `item` that the hit names (by position, as the
    index records it), the conclusion that opened the case it names, or the motion itself
    (the first entry of its item) when its words were found."""
    if hit.field == "motion" and item.presenter:
        return item
    if hit.case_number is not None:
        number = hit.case_number
        listed = [c for (_, n), c in cases.items() if n == number]
        if any(r.number == number for r in item.cases) and listed:
            return listed[0]
        return next((c for c in item.conclusions if c.case == number), None)
    entries: list[Conclusion] | list[Report] = (
        item.conclusions
        if hit.field == "conclusion"
        else item.reports
        if hit.field == "report"
        else []
    )
    return entries[hit.entry - 1] if 0 < hit.entry <= len(entries) else None
