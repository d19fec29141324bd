"""The commands' tables (tui.cli.case_lines.table_lines): columns aligned by display width,
the last one cut to the line, whatever the cells."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.cli.case_lines import table_lines
from tui.render.widths import width


def test_a_register_s_lines_align_by_display_width_and_cut_the_subject() -> None:
    rows = [
        ["7", "列管中", "媒體事務組", "請採購管理組依政府採購法規定辦理，並注意履約期限"],
        ["10102", "已解除列管", "人事室", "同意備查"],
    ]
    assert table_lines(["案號", "狀態", "主辦", "案由"], rows, line=60) == [
        " 案號  狀態        主辦        案由",
        "    7  列管中      媒體事務組  請採購管理組依政府採購法規定…",
        "10102  已解除列管  人事室      同意備查",
    ]


def test_counts_are_aligned_right_and_a_line_s_end_is_not_padded() -> None:
    rows = [["機要組", "12", "3"], ["人事室", "7", ""]]
    assert table_lines(["名稱", "件數", "逾期"], rows, right=(1, 2, 3)) == [
        "名稱    件數  逾期",
        "機要組    12     3",
        "人事室     7",
    ]


_CELLS = st.text(st.sampled_from("a 1中文，\u3000é\u0301…"), max_size=24)


@given(
    st.integers(1, 5).flatmap(
        lambda n: st.lists(st.lists(_CELLS, min_size=n, max_size=n), min_size=1, max_size=6)
    ),
    st.sampled_from([40, 80, 120]),
)
def test_every_line_fits_and_every_column_starts_where_the_head_s_does(
    grid: list[list[str]], line: int
) -> None:
    head, *rows = grid
    lines = table_lines(head, rows, right=(), line=line)
    widths = [max(width(row[n]) for row in grid) for n in range(len(head) - 1)]
    room = max(line - sum(widths) - 2 * len(widths), 8)
    for shown, row in zip(lines, grid, strict=True):
        padded = zip(row[:-1], widths, strict=True)
        lead = "".join(f"{cell}{' ' * (used - width(cell))}  " for cell, used in padded)
        assert shown == (lead + _cut(row[-1], room)).rstrip()


def _cut(cell: str, room: int) -> str:
    if width(cell) <= room:
        return cell
    while width(cell) > room - 1:
        cell = cell[:-1]
    return cell + "…"
