"""The 列管 table as plain text for e-mail: columns aligned by display width (CJK takes
two), each cell wrapping inside its column; one block per case when the columns cannot
fit the width."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.domain.case_table import CaseRow
from tui.render.cjkwrap import width, wrap

GAP = "  "
# The narrowest a column may be, in display columns: 案號 holds 10101, the date 115/12/31,
# 擬辦 建議繼續列管, the long texts five characters a line; a key not here takes 8. With the
# gaps the seven columns need 79 at the least: a table at 80, a block per case at 60.
NARROWEST = {"number": 6, "subject": 10, "owner": 8, "deadline": 9, "progress": 10, "proposal": 12}
NARROW = 8

# What a heading says aside, which the block's line says itself: 主辦單位（協辦）.
_ASIDE = re.compile(r"（[^（）]*）$")

Columns = Sequence[tuple[str, str]]


def text_table(rows: Sequence[CaseRow], columns: Columns, columns_wide: int, indent: int) -> str:
    """The rows as an aligned table within `columns_wide`, indented; else as blocks."""
    room = columns_wide - indent - width(GAP) * (len(columns) - 1)
    grid = [[heading for _, heading in columns]]
    grid += [[row.stacked(key) for key, _ in columns] for row in rows]
    widths = _widths(grid, [key for key, _ in columns], room)
    if widths is not None:
        lines = _table_lines(grid, widths, " " * indent)
        if all(width(line) <= columns_wide for line in lines):
            return "\n".join(lines)
    return case_blocks(rows, columns, columns_wide, indent)


def case_blocks(rows: Sequence[CaseRow], columns: Columns, columns_wide: int, indent: int) -> str:
    """Each case on its own: its number, then a labelled line for each cell that says
    something (案由：…, 主辦單位：…), a blank line between cases."""
    lead = " " * indent
    blocks = []
    for row in rows:
        lines = []
        for key, heading in columns:
            text, label = row.cell(key), _ASIDE.sub("", heading)
            if key == "number":
                lines += wrap(text, columns_wide, f"{lead}{label} ", lead + "  ")
            elif text:
                lines += wrap(text, columns_wide, f"{lead}{label}：", lead + "  ")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _widths(grid: list[list[str]], keys: list[str], room: int) -> list[int] | None:
    """Each column's width: its narrowest, then what is left shared by how much more each
    column's text wants; None when even the narrowest do not fit."""
    narrowest = [_narrowest(key, [line[i] for line in grid]) for i, key in enumerate(keys)]
    wanted = [max(_longest(line[i]) for line in grid) for i in range(len(keys))]
    wanted = [max(w, n) for w, n in zip(wanted, narrowest, strict=True)]
    left = room - sum(narrowest)
    if left < 0:
        return None
    more = [w - n for w, n in zip(wanted, narrowest, strict=True)]
    if sum(more) <= left:
        return wanted
    given = [n + left * m // sum(more) for n, m in zip(narrowest, more, strict=True)]
    for i in sorted(range(len(keys)), key=lambda i: -more[i])[: room - sum(given)]:
        given[i] += 1
    return given


def _narrowest(key: str, cells: list[str]) -> int:
    heading, *texts = cells
    if not any(texts):  # an empty column (決定 on the agenda) as wide as its heading
        return min(width(heading), NARROWEST.get(key, NARROW))
    return NARROWEST.get(key, NARROW)


def _longest(text: str) -> int:
    return max((width(line) for line in text.split("\n")), default=0)


def _table_lines(grid: list[list[str]], widths: list[int], lead: str) -> list[str]:
    rule = lead + "-" * (sum(widths) + width(GAP) * (len(widths) - 1))
    lines = []
    for number, cells in enumerate(grid):
        lines += [rule] if number else []
        lines += _row_lines(cells, widths, lead)
    return [*lines, rule]


def _row_lines(cells: list[str], widths: list[int], lead: str) -> list[str]:
    wrapped = [_wrapped(text, w) for text, w in zip(cells, widths, strict=True)]
    height = max(len(lines) for lines in wrapped) or 1
    lines = []
    for at in range(height):
        parts = [
            _pad(lines_of[at] if at < len(lines_of) else "", w)
            for lines_of, w in zip(wrapped, widths, strict=True)
        ]
        lines.append((lead + GAP.join(parts)).rstrip())
    return lines


def _wrapped(text: str, columns: int) -> list[str]:
    """A cell's lines; a line does not start with the space a long word was cut at."""
    return [line.strip() for line in wrap(text, columns)] if text else []


def _pad(text: str, columns: int) -> str:
    return text + " " * max(columns - width(text), 0)
