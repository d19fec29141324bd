"""The record and agenda as documents (ODT, DOCX), opened with odfpy and python-docx: real
headings, numbered paragraphs that hang, the font named, page numbers, every conclusion."""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from odf import teletype
from odf import text as odf_text
from odf.style import FontFace, Footer, MasterPage, PageLayoutProperties, TextProperties

from tests.conftest import REFERENCE
from tests.document_support import Shown, open_odt, shown
from tui.importer.record import ImportedRecord, read_record
from tui.render.blocks import Block, Run, read_blocks, runs
from tui.render.document import RenderOptions, render_record
from tui.render.documents import write_document
from tui.render.documents.layout import lead
from tui.render.environment import plain
from tui.render.formats import RenderError

FORMATS = ["odt", "docx"]
SECTION = re.compile(r"[壹貳參肆伍陸柒捌玖拾]+、")
ITEM = re.compile(r"[一二三四五六七八九十]+、")
POINT = re.compile(r"\([一二三四五六七八九十]+\)")


@pytest.fixture(scope="module")
def record(units: list[str]) -> ImportedRecord:
    return read_record(REFERENCE, units)


def record_document(record: ImportedRecord, format: str, templates: Path | None = None) -> bytes:
    folders = () if templates is None else (templates,)
    options = RenderOptions(format, template_dirs=folders)
    source = render_record(record.meeting, record.office, options)
    return write_document(source, format, "record.blocks.j2")


@pytest.fixture(scope="module", params=FORMATS)
def document(request: pytest.FixtureRequest, record: ImportedRecord) -> tuple[str, list[Shown]]:
    format: str = request.param
    return format, shown(record_document(record, format), format)


def squeeze(text: str) -> str:
    return re.sub(r"\s", "", plain(text))


def test_the_title_is_centred(document: tuple[str, list[Shown]]) -> None:
    _, paragraphs = document
    title = paragraphs[0]
    assert title.text == "臺北市政府秘書處第 101 次處務會議紀錄"
    assert title.centred
    assert not any(p.centred for p in paragraphs[1:])


def test_the_header_fields_follow_the_title(document: tuple[str, list[Shown]]) -> None:
    _, paragraphs = document
    fields = [p.text for p in paragraphs[1:6]]
    when = "時間：民國 110 年 6 月 17 日 10 時 0 分"
    assert fields == [when, "地點：視訊會議", "主席：陳志銘", "紀錄：許菁芳", "出席：如簽到表"]
    assert all(p.hangs and p.left >= 3 * 14 for p in paragraphs[1:6])


def test_the_sections_are_headings_as_in_the_reference(
    document: tuple[str, list[Shown]],
) -> None:
    _, paragraphs = document
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    expected = [(1, line.strip()) for line in lines if SECTION.match(line.strip())]
    assert [t for _, t in expected][:3] == [
        "壹、宣讀 110 年 5 月 20 日第 100 次處務會議紀錄。",
        "貳、報告事項",
        "參、臨時動議",
    ]
    assert [(p.heading, p.text) for p in paragraphs if p.heading] == expected


def test_items_and_points_are_numbered_paragraphs_that_hang(
    document: tuple[str, list[Shown]],
) -> None:
    _, paragraphs = document
    items = [p for p in paragraphs if ITEM.match(p.text)]
    points = [p for p in paragraphs if POINT.match(p.text)]
    assert [p.text[:2] for p in items] == ["一、", "二、", "三、", "四、", "一、", "二、", "三、"]
    assert len(points) == 22 - 3 + 4  # the conclusions in lists, and 政風室's four points
    for p in items + points:
        assert p.hangs, p
        assert p.heading == 0, p
    assert {p.style for p in items} != {p.style for p in points}
    # (一) hangs inside the text of 一、: its numeral starts where the item's text does.
    item_text_at = items[0].left
    assert all(p.left + p.first == pytest.approx(item_text_at) for p in points)
    # The numeral is followed by a tab that reaches the hanging indent.
    assert all(re.match(r"\([一二三四五六七八九十]+\)\t\S", p.text) for p in points)


def test_every_conclusion_of_the_reference_is_in_the_text(
    document: tuple[str, list[Shown]], record: ImportedRecord
) -> None:
    _, paragraphs = document
    text = squeeze("".join(p.text for p in paragraphs))
    conclusions = record.meeting.conclusions()
    assert len(conclusions) == 22
    for conclusion in conclusions:
        assert squeeze(conclusion.text) in text, conclusion.text
    assert "養成自省的習慣" in text


def test_the_blocks_follow_the_markdown_record(record: ImportedRecord) -> None:
    """Same paragraphs, same order, same words as the Markdown record shows."""
    md = render_record(record.meeting, record.office, RenderOptions("md"))
    md_lines = [squeeze(line.strip().removeprefix("- ")) for line in md.splitlines()]
    source = render_record(record.meeting, record.office, RenderOptions("odt"))
    blocks = read_blocks(source, "record.blocks.j2")
    doc_lines = [squeeze(lead(b.kind, b.label) + b.text) for b in blocks]
    assert doc_lines == [line for line in md_lines if line]


def test_the_presenter_is_bold_and_the_address_a_link(record: ImportedRecord) -> None:
    word = Document(io.BytesIO(record_document(record, "docx")))
    motion = next(p for p in word.paragraphs if "法制王視察口頭報告" in p.text)
    bold = [r.text for r in motion.runs if r.bold]
    assert bold == ["法制王視察口頭報告"]
    links = motion._p.findall(qn("w:hyperlink"))
    assert len(links) == 1
    target = motion.part.rels[links[0].get(qn("r:id"))].target_ref
    assert target == "https://elearning.taipei/mpage/home#"

    odt = open_odt(record_document(record, "odt"))
    anchors = odt.getElementsByType(odf_text.A)
    assert [a.getAttribute("href") for a in anchors] == ["https://elearning.taipei/mpage/home#"]
    spans = [s for s in odt.getElementsByType(odf_text.Span) if s.getAttribute("stylename")]
    assert "法制王視察口頭報告" in [teletype.extractText(s) for s in spans]


def test_odt_names_the_font_for_east_asian_text(record: ImportedRecord) -> None:
    doc = open_odt(record_document(record, "odt"))
    faces = {f.getAttribute("name"): f for f in doc.fontfacedecls.getElementsByType(FontFace)}
    family = faces["標楷體"].getAttribute("fontfamily")
    assert family.startswith("'標楷體'") and "'Noto Serif CJK TC'" in family
    names = [t.getAttribute("fontnameasian") for t in doc.styles.getElementsByType(TextProperties)]
    assert "標楷體" in names


def test_docx_names_the_font_for_east_asian_text(record: ImportedRecord) -> None:
    doc = Document(io.BytesIO(record_document(record, "docx")))
    fonts = doc.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}"
    )
    assert fonts is not None and fonts.get(qn("w:eastAsia")) == "標楷體"
    assert fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would win over the name
    for name in ("Title", "Heading 1", "Numbered 2"):
        style_fonts = doc.styles[name].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if style_fonts is not None:
            assert style_fonts.get(qn("w:eastAsia")) == "標楷體", name


def test_odt_has_page_numbers_in_the_footer_of_an_a4_page(record: ImportedRecord) -> None:
    doc = open_odt(record_document(record, "odt"))
    master = doc.masterstyles.getElementsByType(MasterPage)[0]
    footer = master.getElementsByType(Footer)[0]
    assert len(footer.getElementsByType(odf_text.PageNumber)) == 1
    assert len(footer.getElementsByType(odf_text.PageCount)) == 1
    page = doc.automaticstyles.getElementsByType(PageLayoutProperties)[0]
    assert (page.getAttribute("pagewidth"), page.getAttribute("pageheight")) == ("210mm", "297mm")


def test_docx_has_page_numbers_in_the_footer_of_an_a4_page(record: ImportedRecord) -> None:
    doc = Document(io.BytesIO(record_document(record, "docx")))
    section = doc.sections[0]
    codes = [c.text.strip() for c in section.footer._element.iter(qn("w:instrText"))]
    assert codes == ["PAGE", "NUMPAGES"]
    kinds = [c.get(qn("w:fldCharType")) for c in section.footer._element.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2
    assert section.page_width is not None and round(section.page_width.mm) == 210
    assert section.page_height is not None and round(section.page_height.mm) == 297


@pytest.mark.parametrize("format", FORMATS)
def test_a_line_break_inside_a_conclusion_stays_in_its_paragraph(
    record: ImportedRecord, format: str
) -> None:
    meeting = copy.deepcopy(record.meeting)
    meeting.sections[1].items[0].conclusions[1].text = "第一行\n第二行"
    source = render_record(meeting, record.office, RenderOptions(format))
    paragraphs = shown(write_document(source, format, "record.blocks.j2"), format)
    broken = [p for p in paragraphs if "第一行" in p.text]
    assert len(broken) == 1 and "第一行\n第二行" in broken[0].text


def test_blocks_are_read_line_by_line() -> None:
    source = (
        "title | 標題\n\nfield | 時間 | 十時\nheading 2 | 壹、 | 甲|乙\nnumber | 一、\npara 3 | 丙"
    )
    assert read_blocks(source, "t.j2") == [
        Block("title", 0, "", "標題"),
        Block("field", 0, "時間", "十時"),
        Block("heading", 2, "壹、", "甲|乙"),
        Block("number", 1, "一、", ""),
        Block("para", 3, "", "丙"),
    ]


@pytest.mark.parametrize("line", ["heading 1 壹、", "chapter | 一", "para x | 丙", "| 丙"])
def test_a_line_that_is_not_a_block_is_refused_by_name(line: str) -> None:
    with pytest.raises(RenderError) as raised:
        read_blocks(f"title | 標題\n{line}", "record.blocks.j2")
    message = str(raised.value)
    assert message.startswith("template record.blocks.j2 wrote line 2, which is not a block")
    assert "\n" not in message


def test_inline_marks_become_runs() -> None:
    assert runs("甲**乙**丙 <https://a.tw/x> [丁](https://b.tw) <javascript:x>") == [
        Run("甲"),
        Run("乙", bold=True),
        Run("丙 "),
        Run("https://a.tw/x", link="https://a.tw/x"),
        Run(" "),
        Run("丁", link="https://b.tw"),
        Run(" <javascript:x>"),
    ]


@pytest.mark.parametrize("format", FORMATS)
def test_an_office_template_lays_out_its_own_document(
    tmp_path: Path, record: ImportedRecord, format: str
) -> None:
    (tmp_path / "record.blocks.j2").write_text(
        "title | {{ office.organisation }}會議紀錄\n"
        "{% for c in meeting.conclusions() %}number 2 | {{ loop.index }}. | {{ c.text }}\n"
        "{% endfor %}",
        encoding="utf-8",
    )
    data = record_document(record, format, templates=tmp_path)
    paragraphs = shown(data, format)
    assert paragraphs[0].text == "臺北市政府秘書處會議紀錄"
    assert len(paragraphs) == 23 and all(p.hangs for p in paragraphs[1:])


def test_an_office_template_that_writes_no_blocks_is_refused(
    tmp_path: Path, record: ImportedRecord
) -> None:
    (tmp_path / "record.blocks.j2").write_text("{{ meeting.number }}\n", encoding="utf-8")
    with pytest.raises(RenderError, match=r"^template record.blocks.j2 wrote line 1, which"):
        record_document(record, "odt", templates=tmp_path)


@pytest.mark.slow  # 40 ODT and DOCX files made and read back
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=60))
def test_any_conclusion_text_makes_a_document_that_opens(record: ImportedRecord, text: str) -> None:
    meeting = copy.deepcopy(record.meeting)
    meeting.sections[1].items[0].conclusions[0].text = text
    source = render_record(meeting, record.office, RenderOptions("odt"))
    for format in FORMATS:
        paragraphs = shown(write_document(source, format, "record.blocks.j2"), format)
        assert paragraphs[0].text == "臺北市政府秘書處第 101 次處務會議紀錄"
        assert [p.heading for p in paragraphs if p.heading] == [1, 1, 1]


def test_a_control_character_in_an_office_template_is_left_out(
    tmp_path: Path, record: ImportedRecord
) -> None:
    (tmp_path / "record.blocks.j2").write_text("title | 紀錄\x01\x0b\ufffe\n", encoding="utf-8")
    for format in FORMATS:
        assert shown(record_document(record, format, templates=tmp_path), format)[0].text == "紀錄"
