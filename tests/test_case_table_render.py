"""The 列管 table as the agenda and the record print it in Markdown and plain text, compared
with expected files (tests/expected/table-*): every line of the text within its width."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.case_table_support import OFFICE, table_meeting
from tui.render.cjkwrap import width
from tui.render.document import RenderOptions, render_agenda, render_record

EXPECTED = Path(__file__).resolve().parent / "expected"


def agenda(format: str, columns: int = 80) -> str:
    found = table_meeting(decided=False)
    options = RenderOptions(format, width=columns)
    return render_agenda(found.meeting, OFFICE, found.cases, options, warning_days=30)


def record(format: str, columns: int = 80) -> str:
    found = table_meeting(decided=True)
    options = RenderOptions(format, width=columns)
    return render_record(found.meeting, OFFICE, options, found.cases, warning_days=30)


def expected(name: str) -> str:
    return (EXPECTED / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "rendered"),
    [
        ("table-agenda-103.md", lambda: agenda("md")),
        ("table-agenda-103-80.txt", lambda: agenda("txt", 80)),
        ("table-agenda-103-60.txt", lambda: agenda("txt", 60)),
        ("table-record-103.md", lambda: record("md")),
        ("table-record-103-80.txt", lambda: record("txt", 80)),
        ("table-record-103-60.txt", lambda: record("txt", 60)),
    ],
)
def test_the_table_prints_as_expected(name: str, rendered: object) -> None:
    assert callable(rendered)
    assert rendered() == expected(name)


@pytest.mark.parametrize("columns", [80, 60, 50, 100])
@pytest.mark.parametrize("document", [agenda, record])
def test_every_line_is_within_the_width(columns: int, document: object) -> None:
    assert callable(document)
    text = document("txt", columns)
    assert all(width(line) <= columns for line in text.split("\n"))


def test_at_80_columns_a_table_at_60_a_block_per_case() -> None:
    assert "  案號  " in agenda("txt", 80)
    narrow = agenda("txt", 60)
    assert "    案號 10201\n    案由：辦公室節能措施" in narrow
    assert "主辦單位：總務組（協辦：人事室、會計室）" in narrow


def test_a_markdown_table_stays_one_line_a_row() -> None:
    lines = [line for line in agenda("md").split("\n") if line.startswith("|")]
    assert len(lines) == 2 + 3 + 2 + 1  # two headings, two rules, four cases
    assert all(line.count("|") - line.count("\\|") == 8 for line in lines)
    assert "會議室照明改善（A\\|B 棟）。" in agenda("md")


def test_the_record_keeps_its_decision_sentence_after_the_table() -> None:
    text = record("md")
    assert text.index("| 10202 |") < text.index("會議結論：列管案號 10202 及 10203 均解除列管")


def test_the_record_shows_no_table_where_nobody_answered() -> None:
    text = record("md")
    mayor = text[text.index("市長室暨市政會議列管秘書處案件") :]
    assert "|" not in mayor


def test_an_office_template_drops_and_renames_columns(tmp_path: Path) -> None:
    (tmp_path / "agenda.md.j2").write_text(
        '{% import "_record_md.j2" as md %}'
        "{% for item in meeting.items() if item.cases %}"
        '{{ md.table(case_table(item), [("number", "案號"), ("subject", "案名"),'
        ' ("progress", "辦理情形")]) }}'
        "{% endfor %}",
        encoding="utf-8",
    )
    found = table_meeting(decided=False)
    options = RenderOptions("md", template_dirs=(tmp_path,))
    text = render_agenda(found.meeting, OFFICE, found.cases, options)
    assert text.split("\n")[0] == "| 案號 | 案名 | 辦理情形 |"
    assert "| 12601（市長室列管） | 市政大樓辦公空間中繼及調度。 | （請主辦單位填寫） |" in text
    assert "會計室" not in text and "建議解除列管" not in text
