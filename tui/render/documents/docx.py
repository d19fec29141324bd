"""Blocks laid out as a Word document (DOCX)."""

from __future__ import annotations

import io
import re
from functools import cache

from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.simpletypes import ST_HpsMeasure, ST_TwipsMeasure
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from tui.render.blocks import Block, Run, is_text_table, runs, shares, tables, title_of
from tui.render.documents import layout
from tui.render.documents.docx_styles import Styles
from tui.render.documents.docx_template import restyled


def write(blocks: list[Block]) -> bytes:
    doc, styles = restyled()
    _page(doc, styles)
    properties = doc.core_properties
    properties.title = title_of(blocks)
    properties.language = f"{layout.LANGUAGE}-{layout.COUNTRY}"
    properties.author = properties.last_modified_by = properties.comments = ""
    end = doc.element.body.find(qn("w:sectPr"))
    for part in tables(blocks):
        if isinstance(part, list):
            _table(doc, part)
        else:
            _paragraph(end, doc, part, styles)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _page(doc: WordDocument, styles: Styles) -> None:
    section = doc.sections[0]
    width, height = layout.PAGE_MM
    section.page_width, section.page_height = Mm(width), Mm(height)
    margin = Mm(layout.MARGIN_MM)
    section.top_margin = section.bottom_margin = margin
    section.left_margin = section.right_margin = margin
    line = section.footer.paragraphs[0]
    line._p.style = styles.id_of(layout.FOOTER_STYLE)
    line.add_run("第 ")
    _field(line, "PAGE")
    line.add_run(" 頁，共 ")
    _field(line, "NUMPAGES")
    line.add_run(" 頁")


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A field Word and LibreOffice fill in as they lay out the pages; 1 until they do."""
    _field_char(paragraph, "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    _field_char(paragraph, "separate")
    paragraph.add_run("1")
    _field_char(paragraph, "end")


def _field_char(paragraph: Paragraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def _paragraph(end: BaseOxmlElement, doc: WordDocument, block: Block, styles: Styles) -> None:
    """The block's paragraph put before `end` (the body's section properties), its XML
    written here in one go: python-docx finds where each element it adds belongs among
    the ones a paragraph may hold, most of the time a record's paragraphs took."""
    p = _element("w:p")
    end.addprevious(p)
    style_id = styles.id_of(layout.style_of(block.kind, block.level))
    if style_id is not None:
        _child(_child(p, "w:pPr"), "w:pStyle").set(qn("w:val"), style_id)
    lead = layout.lead(block.kind, block.label)
    if lead:
        p.append(_run_element(lead))
    for run in runs(block.text):
        if run.link:
            _add_link(Paragraph(p, doc._body), run, run.bold)
        else:
            p.append(_run_element(run.text, run.bold))


def _run_element(text: str, bold: bool = False, size: str | None = None) -> BaseOxmlElement:
    """A run as python-docx's add_run(text) writes it: <w:b/> when bold, <w:sz/> for a
    size (in half points), <w:tab/> for a tab, <w:br/> for a line break, the rest in <w:t>,
    told to keep its spaces when it has some at either end."""
    r = _element("w:r")
    if bold or size:
        r_pr = _child(r, "w:rPr")
        if bold:
            _child(r_pr, "w:b")
        if size:
            _child(r_pr, "w:sz").set(qn("w:val"), size)
    for part in _BREAKS.split(text):
        if part == "\t":
            _child(r, "w:tab")
        elif part in ("\r", "\n"):
            _child(r, "w:br")
        elif part:
            t = _child(r, "w:t")
            t.text = part
            if len(part.strip()) < len(part):
                t.set(qn("xml:space"), "preserve")
    return r


_BREAKS = re.compile(r"([\t\r\n])")


def _child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    child = _element(tag)
    parent.append(child)
    return child


def _element(tag: str) -> BaseOxmlElement:
    """A new element `tag` ("w:r"), copied from one made once: six times quicker than
    OxmlElement, which reads the tag's namespace at every call."""
    return _made(tag).__copy__()  # type: ignore[no-any-return]


@cache
def _made(tag: str) -> BaseOxmlElement:
    return OxmlElement(tag)


def _add_link(paragraph: Paragraph, run: Run, bold: bool, points: float | None = None) -> None:
    """A linked run, underlined (bold, of a size in points, if asked), in its hyperlink."""
    added = paragraph.add_run(run.text)
    if bold:
        added.bold = True
    if points is not None:
        added.font.size = Pt(points)
    added.font.underline = True
    target = paragraph.part.relate_to(run.link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), target)
    link.append(added._r)
    paragraph._p.append(link)


def _table(doc: WordDocument, lines: list[Block]) -> None:
    """A table with a line around every cell, the column names repeated on each page; its
    rows written here in one go, as python-docx would write them (see _paragraph)."""
    widths = [Mm(width) for width in layout.column_widths(shares(lines))]
    table = doc.add_table(rows=0, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    text_table = is_text_table(lines)
    twips = [ST_TwipsMeasure.convert_to_xml(width) for width in widths]
    for line in lines:
        tr = _child(table._tbl, "w:tr")
        head = line.kind == "head"
        if not text_table or head:
            _row_properties(_child(tr, "w:trPr"), text_table, head)
        cells = [*line.cells, *[""] * (len(widths) - len(line.cells))]
        for text, twip in zip(cells, twips, strict=False):
            tc = _child(tr, "w:tc")
            tc_width = _child(_child(tc, "w:tcPr"), "w:tcW")
            tc_width.set(qn("w:type"), "dxa")
            tc_width.set(qn("w:w"), twip)
            _cell_text(Paragraph(_child(tc, "w:p"), table), text, head, text_table)


def _row_properties(tr_pr: BaseOxmlElement, text_table: bool, head: bool) -> None:
    """A form's line at least ROW_MM high, room to sign in; a heading repeated on each page."""
    if not text_table:
        height = _child(tr_pr, "w:trHeight")
        height.set(qn("w:val"), _ROW_HEIGHT)
        height.set(qn("w:hRule"), "atLeast")
    if head:
        _child(tr_pr, "w:tblHeader")


def _cell_text(paragraph: Paragraph, text: str, head: bool, text_table: bool) -> None:
    """A cell's text: centred in a form and in a heading, else from the left, smaller."""
    p = paragraph._p
    p_pr = _child(p, "w:pPr")
    if text_table:
        _child(p_pr, "w:spacing").set(qn("w:after"), "0")
    _child(p_pr, "w:jc").set(qn("w:val"), "center" if head or not text_table else "left")
    size = _TABLE_SIZE if text_table else None
    for run in runs(text):
        if run.link:
            points = layout.TABLE_PT if text_table else None
            _add_link(paragraph, run, run.bold or head, points)
        else:
            p.append(_run_element(run.text, run.bold or head, size))


_TABLE_SIZE = ST_HpsMeasure.convert_to_xml(Pt(layout.TABLE_PT))
_ROW_HEIGHT = ST_TwipsMeasure.convert_to_xml(Mm(layout.ROW_MM))
