"""The DOCX writer's own XML is python-docx's: a run as add_run writes it, a style found
as python-docx finds it (tui.render.documents.docx writes them directly, for speed)."""

from __future__ import annotations

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
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
    written = docx._run(text, bold)
    ours = parse_xml(written.replace("<w:r", f"<w:r {nsdecls('w')}", 1))
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


def _cell_runs(source: str) -> list[tuple[str, bool, str | None, bool]]:
    """Each run of the table's last row: its text, bold, size (half points), underlined."""
    import io

    from docx.oxml.ns import qn

    from tui.render.blocks import read_blocks

    written = Document(io.BytesIO(docx.write(read_blocks(source, "test"))))
    row = written.tables[0]._tbl.tr_lst[-1]
    found = []
    for r in row.iter(qn("w:r")):
        size = r.find(f"{qn('w:rPr')}/{qn('w:sz')}")
        found.append(
            (
                "".join(t.text or "" for t in r.iter(qn("w:t"))),
                r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None,
                None if size is None else size.get(qn("w:val")),
                r.find(f"{qn('w:rPr')}/{qn('w:u')}") is not None,
            )
        )
    return found


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (  # a form's row whose cell is a link: once an IndexError
            "head | 甲 | 乙\nrow | 1 | <https://example.org/a>",
            [("1", False, None, False), ("https://example.org/a", False, None, True)],
        ),
        (  # a table of text: every run at the table's size, the link too
            "head 1 | 甲 | 乙\nrow 1 | 1 | 見 [公告](https://example.org/b) 辦理",
            [
                ("1", False, "22", False),
                ("見 ", False, "22", False),
                ("公告", False, "22", True),
                (" 辦理", False, "22", False),
            ],
        ),
        (  # a heading row's link is bold like its other cells
            "head 1 | 甲 | <https://example.org/c>",
            [("甲", True, "22", False), ("https://example.org/c", True, "22", True)],
        ),
    ],
    ids=["form", "text", "head"],
)
def test_a_link_in_a_cell_is_a_run_of_the_cell_s_kind(
    source: str, expected: list[tuple[str, bool, str | None, bool]]
) -> None:
    assert _cell_runs(source) == expected
