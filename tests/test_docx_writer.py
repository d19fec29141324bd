"""The DOCX writer's own XML is python-docx's: a run as add_run writes it, a style found
as python-docx finds it (tui.render.documents.docx writes them directly, for speed)."""

from __future__ import annotations

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.xmlchemy import serialize_for_reading

from tui.render.documents import docx, docx_styles


@pytest.mark.parametrize(
    "text",
    ["", "一般文字", "  前後空白  ", "欄\t位", "行一\n行二\r行三", "\t", "尾 ", "a\t\tb\n"],
)
@pytest.mark.parametrize("bold", [False, True])
def test_a_run_is_written_as_python_docx_writes_it(text: str, bold: bool) -> None:
    paragraph = Document().add_paragraph()
    theirs = paragraph.add_run(text)
    if bold:
        theirs.bold = True
    ours = docx._run_element(text, bold)
    paragraph._p.append(ours)  # in the same document: the same namespaces in scope
    assert serialize_for_reading(ours) == serialize_for_reading(theirs._r)


def test_each_style_is_found_as_python_docx_finds_it() -> None:
    doc = Document()
    styles = docx_styles.Styles(doc)
    for style in doc.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH and style.name:
            assert styles[style.name] == style
            default = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
            assert styles.id_of(style.name) == (None if style == default else style.style_id)


def test_a_new_style_is_new() -> None:
    styles = docx_styles.Styles(Document())
    added = styles.add("Numbered 1")
    assert added.base_style == styles["Normal"]
    assert added.quick_style
    with pytest.raises(ValueError):
        styles.add("Numbered 1")
    with pytest.raises(ValueError):
        styles.add("Heading 1")


def test_what_xml_cannot_hold_is_every_character_it_does_not_allow() -> None:
    """XML 1.0's Char: \\t \\n \\r, U+0020–D7FF, U+E000–FFFD, U+10000–10FFFF."""
    from tui.render.blocks import _NOT_XML

    def allowed(code: int) -> bool:
        return (
            code in (0x9, 0xA, 0xD)
            or 0x20 <= code <= 0xD7FF
            or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF
        )

    text = "".join(map(chr, range(0x110000)))
    refused = {ord(found.group()) for found in _NOT_XML.finditer(text)}
    assert refused == {code for code in range(0x110000) if not allowed(code)}
