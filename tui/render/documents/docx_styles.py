"""The look of a Word document (DOCX) record made with python-docx: its styles, found by
name in one pass, the A4 page and its footer, and the empty document that holds them
(docx_frame keeps it between renders; tui.render.documents.docx lays the blocks out in it)."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt
from docx.styles import BabelFish
from docx.styles.style import ParagraphStyle, StyleFactory
from docx.text.paragraph import Paragraph

from tui.render.documents import layout
from tui.render.documents.docx_frame import STYLES, TABLE_STYLE, Frame


def made() -> Frame:
    """An empty record in the record's look: its parts in the order python-docx writes
    them, and the id of each paragraph style a block may be laid out in."""
    doc = docx.Document()
    styles = styled(doc)
    _page(doc, styles)
    properties = doc.core_properties
    properties.language = f"{layout.LANGUAGE}-{layout.COUNTRY}"
    properties.title = properties.author = properties.last_modified_by = ""
    properties.comments = ""
    saved = io.BytesIO()
    doc.save(saved)
    with zipfile.ZipFile(saved) as package:
        parts = [(name, package.read(name)) for name in package.namelist()]
    ids = {name: styles.id_of(name) for name in STYLES}
    return Frame(parts, ids, doc.styles[TABLE_STYLE].style_id)


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


def styled(doc: WordDocument) -> Styles:
    """The document's styles in the record's look: 標楷體 throughout, the headings and
    the numbered paragraphs hanging under their numerals."""
    styles = Styles(doc)
    _defaults(doc)
    _styles(styles)
    return styles


def _styles(styles: Styles) -> None:
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


class Styles:
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
