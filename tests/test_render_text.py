"""Plain text for e-mail and print: no Markdown marks, CJK-aware width, hanging indents."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tests.conftest import REFERENCE
from tui.importer.record import ImportedRecord, read_record
from tui.render.cjkwrap import width, wrap
from tui.render.document import RenderOptions, render_record


@pytest.fixture(scope="module")
def record(units: list[str]) -> ImportedRecord:
    return read_record(REFERENCE, units)


@pytest.mark.parametrize("columns", [40, 60, 80])
def test_lines_fit_the_width(record: ImportedRecord, columns: int) -> None:
    text = render_record(record.meeting, record.office, RenderOptions("txt", width=columns))
    too_wide = [line for line in text.splitlines() if width(line) > columns]
    # Only an unbreakable web address may stick out.
    assert all("https://" in line for line in too_wide), too_wide


def test_no_markdown_marks(record: ImportedRecord) -> None:
    text = render_record(record.meeting, record.office, RenderOptions("txt"))
    assert "**" not in text
    assert not re.search(r"^\s*- ", text, re.MULTILINE)
    assert "<https://" not in text
    assert "https://elearning.taipei/mpage/home#" in text
    assert "一、法制王視察口頭報告：公訓處" in text


def test_hanging_indent_under_numbered_lines(record: ImportedRecord) -> None:
    lines = render_record(record.meeting, record.office, RenderOptions("txt", width=50)).split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("    (二)市政會議已進行"))
    assert lines[start + 1].startswith(" " * 8)
    assert not lines[start + 1][8].isspace()
    title = next(i for i, line in enumerate(lines) if line.startswith("二、第 100 次"))
    assert lines[title + 1].startswith("    ")


def test_every_character_of_the_record_is_in_the_text(record: ImportedRecord) -> None:
    md = render_record(record.meeting, record.office, RenderOptions("md"))
    txt = render_record(record.meeting, record.office, RenderOptions("txt", width=40))

    def squeeze(text: str) -> str:
        return re.sub(r"[\s\-*<>()（）]", "", text)

    for conclusion in record.meeting.conclusions():
        assert squeeze(conclusion.text) in squeeze(txt)
    assert len(squeeze(txt)) >= len(squeeze(md)) * 0.95


cjk_text = st.text(
    alphabet=st.sampled_from("會議結論請總務組統計全府年每規劃報廢車輛數，。、「」ABC 123"),
    min_size=1,
    max_size=200,
)


@given(cjk_text, st.integers(min_value=10, max_value=80))
def test_wrap_keeps_every_character_and_the_width(text: str, columns: int) -> None:
    lines = wrap(text, columns, "(一)", "    ")
    assert all(width(line) <= columns for line in lines)
    body = lines[0].removeprefix("(一)") + "".join(line.removeprefix("    ") for line in lines[1:])
    assert body.replace(" ", "") == text.replace(" ", "")


@given(cjk_text, st.integers(min_value=10, max_value=80))
def test_no_line_starts_with_closing_punctuation(text: str, columns: int) -> None:
    assume(not re.search(r"[，。、」 ]{2}", text))
    for line in wrap(text, columns)[1:]:
        assert not line.startswith(("，", "。", "、", "」"))


OPENING = "「『（(〔【《〈“‘"
CLOSING_OR_PAUSE = "，。、；：！？」』）〕】》〉”’"
IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def rendered_lines(record: ImportedRecord, columns: int) -> list[str]:
    text = render_record(record.meeting, record.office, RenderOptions("txt", width=columns))
    return text.split("\n")


@pytest.mark.parametrize("columns", [40, 60, 80])
def test_motions_hang_under_their_text(record: ImportedRecord, columns: int) -> None:
    lines = rendered_lines(record, columns)
    start = lines.index("參、臨時動議")
    for line in lines[start + 1 :]:
        if not line or line.startswith("散會"):
            continue
        assert line.startswith(("一、", "二、", "三、", "    ")), (columns, line)


@pytest.mark.parametrize("columns", [40, 60, 80])
def test_no_line_ends_on_an_opening_bracket(record: ImportedRecord, columns: int) -> None:
    lines = [line.rstrip() for line in rendered_lines(record, columns) if line.strip()]
    ending = [line for line in lines if line[-1] in OPENING]
    assert ending == [], columns


@pytest.mark.parametrize("columns", [40, 60, 80])
def test_no_line_starts_with_a_closing_mark_or_a_pause(
    record: ImportedRecord, columns: int
) -> None:
    lines = [line.lstrip() for line in rendered_lines(record, columns) if line.strip()]
    starting = [line for line in lines if line[0] in CLOSING_OR_PAUSE]
    assert starting == [], columns


@pytest.mark.parametrize("columns", [40, 60, 80])
def test_a_number_stays_with_its_unit(record: ImportedRecord, columns: int) -> None:
    lines = rendered_lines(record, columns)
    split = [
        (line, after)
        for line, after in pairwise(lines)
        if line.rstrip()[-1:].isdigit() and IDEOGRAPH.match(after.lstrip()[:1])
    ]
    assert split == [], columns


def test_a_number_and_its_unit_move_down_together() -> None:
    # 「並於7 / 月底前」: the break falls between the number and its unit
    lines = wrap("請總務組統計並於7月底前提送處長參考。", 18)
    assert lines == ["請總務組統計並於", "7月底前提送處長參", "考。"]
    lines = wrap("已排定 6 月 21 日邀請市長至議會報告", 20)
    assert all(not line.rstrip().endswith(("6", "21")) for line in lines), lines


def test_an_opening_bracket_moves_down_with_what_it_opens() -> None:
    lines = wrap("於寄送的「員工薪資單」電子郵件", 10)
    assert lines[0] == "於寄送的"
    assert lines[1].startswith("「員工")


@given(cjk_text, st.integers(min_value=10, max_value=80))
def test_no_line_ends_with_an_opening_bracket(text: str, columns: int) -> None:
    assume(not re.search(r"[「 ]{2}", text))
    for line in wrap(text, columns)[:-1]:
        assert not line.endswith("「"), wrap(text, columns)
