"""Tables a PDF's conversion flattened into lines (a 綜理表 of 陳情 with 編號 / 陳情人 / 陳情理由
/ 市府回應意見 / 委員會決議, a 修正對照表): found by their heading row, kept whole and verbatim."""

from __future__ import annotations

from collections.abc import Callable

# Column headings of the tables records carry; a row of three or more of them starts a table.
HEADINGS = frozenset(
    {
        "編號",
        "項次",
        "序號",
        "陳情人",
        "陳情位置",
        "陳情理由",
        "建議事項",
        "回應意見",
        "市府回應意見",
        "專案小組意見",
        "專案小組初步建議意見",
        "委員會決議",
        "修正條文",
        "現行條文",
        "修正後",
        "修正前",
        "原條文",
        "說明",
        "備註",
        "案號",
        "案由",
        "辦理情形",
        "決議",
    }
)
_LEAST = 3


def table_runs(lines: list[str], ends: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(first, past the last) index of each flattened table: from its heading row to the line
    before one that `ends` it (決議：, the next section or case)."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        heading = _heading_rows(lines, index)
        if not heading:
            index += 1
            continue
        end = index + heading
        while end < len(lines) and not ends(lines[end].strip()):
            end += 1
        while end > index + heading and not lines[end - 1].strip():
            end -= 1
        runs.append((index, end))
        index = end
    return runs


def _heading_rows(lines: list[str], index: int) -> int:
    """How many lines the heading row starting here takes: one line of three or more
    headings, or three or more lines of one heading each; 0 when no table starts here."""
    words = lines[index].split()
    if len(words) >= _LEAST and all(w in HEADINGS for w in words):
        return 1
    count = 0
    while index + count < len(lines) and lines[index + count].strip() in HEADINGS:
        count += 1
    return count if count >= _LEAST else 0
