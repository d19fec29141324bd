"""Plain text for e-mail and print: no Markdown marks, CJK-aware width, hanging indents."""

from __future__ import annotations

import re

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
