"""What the commands print: summaries for people, JSON for programs."""

from __future__ import annotations

from typing import Any

from tui.cli.case_lines import LINE, clip, line_width, print_cases, table_lines, with_state
from tui.cli.columns import pad, rpad
from tui.cli.json_output import meeting_json, print_json
from tui.cli.writing import write_document, write_text
from tui.domain.cases import NO_OWNER
from tui.domain.codec import to_data
from tui.domain.model import TrackedCase
from tui.domain.register import Reckoning, UnitCount
from tui.i18n import _, pgettext

__all__ = [
    "LINE",
    "clip",
    "line_width",
    "meeting_json",
    "pad",
    "print_cases",
    "print_json",
    "rpad",
    "table_lines",
    "write_document",
    "write_text",
]


def case_json(
    case: TrackedCase, on: Reckoning, warning_days: int, data: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The case as --json gives it; `data`: its to_data, when the caller has it already."""
    if data is None:
        case.read_back(0)
        data = to_data(case)
    with_state(data, case, on, warning_days)
    return data


def summary_json(counts: list[UnitCount], on: Reckoning, warning_days: int) -> dict[str, Any]:
    return {
        "flag_on": on.day.isoformat(),
        "meeting": on.meeting,
        "warning_days": warning_days,
        "units": [vars(count) for count in counts],
    }


def print_summary(counts: list[UnitCount], on: Reckoning, warning_days: int) -> None:
    """Per owner unit: open cases, overdue, near; a total; then the day and the window."""
    head = [
        pgettext("cases", "unit"),
        pgettext("cases", "open"),
        pgettext("cases", "overdue"),
        pgettext("cases", "near"),
    ]
    rows = [[c.unit or NO_OWNER, str(c.open), str(c.overdue), str(c.near)] for c in counts]
    total = [sum(getattr(c, name) for c in counts) for name in ("open", "overdue", "near")]
    rows.append([_("total"), *map(str, total)])
    for line in table_lines(head, rows, right=(1, 2, 3)):
        print(line)
    print(on.words())
    print(_("near: due within {days} days").format(days=warning_days))
