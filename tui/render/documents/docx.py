"""Blocks laid out as a Word document (DOCX)."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt
from docx.styles import BabelFish
from docx.styles.style import ParagraphStyle, StyleFactory
from docx.text.paragraph import Paragraph

from tui.render.blocks import Block, Run, is_text_table, runs, shares, tables, title_of
from tui.render.documents import layout


def write(blocks: list[Block]) -> bytes:
    doc = Document()
    styles = _Styles(doc)
    _defaults(doc)
    _styles(styles)
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


def _fonts(rpr: BaseOxmlElement, size: float | None = None, bold: bool = False) -> None:
    """Name 標楷體 for every script (a theme font would win over it), and the size."""
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), layout.FONT)
    rpr.insert(0, fonts)
    if bold:
        for tag in ("w:b", "w:bCs"):
            rpr.append(OxmlElement(tag))
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            element = OxmlElement(tag)
            element.set(qn("w:val"), str(round(size * 2)))  # in half points
            rpr.append(element)
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    language = OxmlElement("w:lang")
    language.set(qn("w:eastAsia"), f"{layout.LANGUAGE}-{layout.COUNTRY}")
    rpr.append(language)


def _defaults(doc: WordDocument) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None  # python-docx's own template has them
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert rpr is not None
    for child in list(rpr):
        rpr.remove(child)
    _fonts(rpr, layout.BODY_PT)
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    if spacing is not None:  # single lines, a little air after each paragraph
        for key in ("w:line", "w:lineRule"):
            spacing.attrib.pop(qn(key), None)
        spacing.set(qn("w:after"), str(round(layout.AFTER_PT * 20)))


def _restyle(style: ParagraphStyle, size: float, bold: bool = False) -> None:
    """A shipped style with its theme fonts, colours and borders taken away."""
    element = style.element
    for old in element.findall(qn("w:rPr")):
        element.remove(old)
    _fonts(element.get_or_add_rPr(), size, bold)
    ppr = element.find(qn("w:pPr"))
    if ppr is not None:
        for tag in ("w:pBdr", "w:contextualSpacing", "w:tabs"):
            for old in ppr.findall(qn(tag)):
                ppr.remove(old)


def _styles(styles: _Styles) -> None:
    title = styles[layout.TITLE_STYLE]
    _restyle(title, layout.TITLE_PT, bold=True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(layout.TITLE_PT)
    footer = styles[layout.FOOTER_STYLE]
    _restyle(footer, 10)
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading_hang = layout.em(layout.HEADING_HANG_EM)
    for level in range(1, layout.HEADING_LEVELS + 1):
        heading = styles[layout.HEADING_STYLE.format(level)]
        _restyle(heading, layout.BODY_PT, bold=True)
        _hang(heading, heading_hang, heading_hang)
        heading.paragraph_format.space_before = Pt(layout.BEFORE_HEADING_PT)
        heading.paragraph_format.space_after = Pt(layout.AFTER_PT)
    field_hang = layout.em(layout.FIELD_HANG_EM)
    _hang(styles.add(layout.FIELD_STYLE), field_hang, field_hang)
    for level in range(1, layout.NUMBER_LEVELS + 1):
        _hang(styles.add(layout.NUMBER_STYLE.format(level)), *layout.number_indent(level))
    for level in range(layout.NUMBER_LEVELS + 1):
        _hang(styles.add(layout.PARA_STYLE.format(level)), layout.para_indent(level), 0)


class _Styles:
    """The document's paragraph styles by name, read in one pass over the styles part.

    python-docx finds a style by reading the name of each of the template's 160 styles in
    turn, and reads them all again to check that a new one is new: most of the time a
    record took before its first paragraph."""

    def __init__(self, doc: WordDocument) -> None:
        self._element = doc.styles.element
        self._by_name: dict[str, BaseOxmlElement] = {}
        for style in self._element.iterchildren(qn("w:style")):
            name = style.find(qn("w:name"))
            if name is not None:
                self._by_name.setdefault(name.get(qn("w:val"), ""), style)
        self._default = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self._ids: dict[str, str | None] = {}

    def __getitem__(self, name: str) -> ParagraphStyle:
        style = StyleFactory(self._by_name[BabelFish.ui2internal(name)])
        assert isinstance(style, ParagraphStyle)
        return style

    def id_of(self, name: str) -> str | None:
        """The id a paragraph in style `name` names (none for the default style), as
        python-docx's Paragraph.style gives it, but found once, not for every paragraph."""
        if name not in self._ids:
            style = self[name]
            self._ids[name] = None if style == self._default else style.style_id
        return self._ids[name]

    def add(self, name: str) -> ParagraphStyle:
        """A new paragraph style based on Normal, shown among the quick styles."""
        internal = BabelFish.ui2internal(name)
        if internal in self._by_name:
            raise ValueError(f"document already contains style {name!r}")
        element = self._element.add_style_of_type(internal, WD_STYLE_TYPE.PARAGRAPH, False)
        self._by_name[internal] = element
        style = self[name]
        style.base_style = self["Normal"]
        style.quick_style = True
        return style


def _hang(style: ParagraphStyle, left: float, hang: float) -> None:
    """Wrapped lines start at `left`; the first line `hang` before, where the numeral sits."""
    style.paragraph_format.left_indent = Pt(left)
    style.paragraph_format.first_line_indent = Pt(-hang)


def _page(doc: WordDocument, styles: _Styles) -> None:
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


def _paragraph(end: BaseOxmlElement, doc: WordDocument, block: Block, styles: _Styles) -> None:
    """The block's paragraph put before `end` (the body's section properties), its XML
    written here in one go: python-docx finds where each element it adds belongs among
    the ones a paragraph may hold, most of the time a record's paragraphs took."""
    p = OxmlElement("w:p")
    end.addprevious(p)
    style_id = styles.id_of(layout.style_of(block.kind, block.level))
    if style_id is not None:
        _child(_child(p, "w:pPr"), "w:pStyle").set(qn("w:val"), style_id)
    lead = layout.lead(block.kind, block.label)
    if lead:
        p.append(_run_element(lead))
    for run in runs(block.text):
        if run.link:
            _add_run(Paragraph(p, doc._body), run)
        else:
            p.append(_run_element(run.text, run.bold))


def _run_element(text: str, bold: bool = False) -> BaseOxmlElement:
    """A run as python-docx's add_run(text) writes it: <w:b/> when bold, <w:tab/> for a tab,
    <w:br/> for a line break, the rest in <w:t>, told to keep its spaces when it has some
    at either end."""
    r = OxmlElement("w:r")
    if bold:
        _child(_child(r, "w:rPr"), "w:b")
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
    child = OxmlElement(tag)
    parent.append(child)
    return child


def _add_run(paragraph: Paragraph, run: Run) -> None:
    added = paragraph.add_run(run.text)
    if run.bold:
        added.bold = True
    if not run.link:
        return
    added.font.underline = True
    target = paragraph.part.relate_to(run.link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), target)
    link.append(added._r)
    paragraph._p.append(link)


def _table(doc: WordDocument, lines: list[Block]) -> None:
    """A table with a line around every cell, the column names repeated on each page."""
    widths = [Mm(width) for width in layout.column_widths(shares(lines))]
    table = doc.add_table(rows=0, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    text_table = is_text_table(lines)
    for line in lines:
        row = table.add_row()
        if not text_table:
            row.height = Mm(layout.ROW_MM)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        if line.kind == "head":
            header = OxmlElement("w:tblHeader")
            row._tr.get_or_add_trPr().append(header)
        cells = [*line.cells, *[""] * (len(widths) - len(line.cells))]
        for cell, text, width in zip(row.cells, cells, widths, strict=False):
            cell.width = width
            _cell_text(cell.paragraphs[0], text, line.kind == "head", text_table)


def _cell_text(paragraph: Paragraph, text: str, head: bool, text_table: bool) -> None:
    """A cell's text: centred in a form and in a heading, else from the left, smaller."""
    centred = head or not text_table
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
    if text_table:
        paragraph.paragraph_format.space_after = Pt(0)
    for run in runs(text):
        _add_run(paragraph, run)
        added = paragraph.runs[-1]
        if head:
            added.bold = True
        if text_table:
            added.font.size = Pt(layout.TABLE_PT)
