"""Blocks laid out as an OpenDocument text (ODT), the format Taiwan's government exchanges."""

from __future__ import annotations

import io
from dataclasses import dataclass

from odf import dc, teletype
from odf.element import Element
from odf.opendocument import OpenDocumentText
from odf.style import (
    DefaultStyle,
    FontFace,
    Footer,
    FooterStyle,
    HeaderFooterProperties,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableProperties,
    TableRowProperties,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import A, H, P, PageCount, PageNumber, Span

from tui.render.blocks import Block, Run, is_text_table, runs, shares, tables, title_of
from tui.render.documents import layout

BOLD_STYLE = "Strong Emphasis"


def write(blocks: list[Block]) -> bytes:
    doc = OpenDocumentText()
    doc.fontfacedecls.addElement(_font_face())
    for style in _styles():
        doc.styles.addElement(style)
    _page(doc)
    doc.meta.addElement(dc.Title(text=title_of(blocks)))
    doc.meta.addElement(dc.Language(text=f"{layout.LANGUAGE}-{layout.COUNTRY}"))
    for number, part in enumerate(tables(blocks), 1):
        if isinstance(part, list):
            doc.text.addElement(_table(doc, part, number))
        else:
            doc.text.addElement(_paragraph(part))
    buffer = io.BytesIO()
    doc.write(buffer)
    return buffer.getvalue()


def _name(display: str) -> str:
    """A style's name as ODF spells it: a space is `_20_`."""
    return display.replace(" ", "_20_")


def _font_face() -> FontFace:
    families = ", ".join(f"'{f}'" for f in (layout.FONT, *layout.FALLBACK_FONTS))
    return FontFace(
        name=layout.FONT, fontfamily=families, fontfamilygeneric="roman", fontpitch="variable"
    )


def _size(points: float, bold: bool = False, **extra: str) -> TextProperties:
    size = f"{points:g}pt"
    weight = {"fontweight": "bold", "fontweightasian": "bold", "fontweightcomplex": "bold"}
    return TextProperties(
        fontsize=size,
        fontsizeasian=size,
        fontsizecomplex=size,
        **(weight if bold else {}),
        **extra,
    )


def _style(
    display: str, paragraph: ParagraphProperties, text: TextProperties | None = None, **extra: str
) -> Style:
    style = Style(
        name=_name(display),
        displayname=display,
        family="paragraph",
        parentstylename="Standard",
        **extra,
    )
    style.addElement(paragraph)
    if text is not None:
        style.addElement(text)
    return style


def _pt(points: float) -> str:
    return f"{points:g}pt"


def _styles() -> list[Element]:
    default = DefaultStyle(family="paragraph")
    default.addElement(
        _size(
            layout.BODY_PT,
            fontname=layout.FONT,
            fontnameasian=layout.FONT,
            fontnamecomplex=layout.FONT,
            languageasian=layout.LANGUAGE,
            countryasian=layout.COUNTRY,
        )
    )
    standard = Style(name="Standard", family="paragraph")
    standard.addElement(ParagraphProperties(marginbottom=_pt(layout.AFTER_PT)))
    standard.addElement(TextProperties(languageasian=layout.LANGUAGE, countryasian=layout.COUNTRY))
    bold = Style(name=_name(BOLD_STYLE), displayname=BOLD_STYLE, family="text")
    bold.addElement(_size(layout.BODY_PT, bold=True))
    title = _style(
        layout.TITLE_STYLE,
        ParagraphProperties(textalign="center", marginbottom=_pt(layout.TITLE_PT)),
        _size(layout.TITLE_PT, bold=True),
    )
    footer = _style(layout.FOOTER_STYLE, ParagraphProperties(textalign="center"), _size(10))
    hanging = [_field_style(), *_heading_styles(), *_number_styles(), *_para_styles()]
    cells = [
        _style(layout.CELL_STYLE, ParagraphProperties(textalign="center", marginbottom="0pt")),
        _style(
            layout.HEAD_CELL_STYLE,
            ParagraphProperties(textalign="center", marginbottom="0pt"),
            _size(layout.BODY_PT, bold=True),
        ),
        _style(
            layout.TEXT_CELL_STYLE,
            ParagraphProperties(textalign="start", marginbottom="0pt"),
            _size(layout.TABLE_PT),
        ),
        _style(
            layout.TEXT_HEAD_STYLE,
            ParagraphProperties(textalign="center", marginbottom="0pt"),
            _size(layout.TABLE_PT, bold=True),
        ),
    ]
    return [default, standard, bold, title, footer, *hanging, *cells]


def _hang(left: float, hang: float, **extra: str) -> ParagraphProperties:
    return ParagraphProperties(marginleft=_pt(left), textindent=_pt(-hang), **extra)


def _field_style() -> Style:
    hang = layout.em(layout.FIELD_HANG_EM)
    return _style(layout.FIELD_STYLE, _hang(hang, hang))


def _heading_styles() -> list[Style]:
    hang = layout.em(layout.HEADING_HANG_EM)
    return [
        _style(
            layout.HEADING_STYLE.format(level),
            _hang(hang, hang, margintop=_pt(layout.BEFORE_HEADING_PT), keepwithnext="always"),
            _size(layout.BODY_PT, bold=True),
            defaultoutlinelevel=str(level),
        )
        for level in range(1, layout.HEADING_LEVELS + 1)
    ]


def _number_styles() -> list[Style]:
    return [
        _style(layout.NUMBER_STYLE.format(level), _hang(*layout.number_indent(level)))
        for level in range(1, layout.NUMBER_LEVELS + 1)
    ]


def _para_styles() -> list[Style]:
    return [
        _style(
            layout.PARA_STYLE.format(level),
            ParagraphProperties(marginleft=_pt(layout.para_indent(level))),
        )
        for level in range(layout.NUMBER_LEVELS + 1)
    ]


def _page(doc: OpenDocumentText) -> None:
    width, height = layout.PAGE_MM
    margin = f"{layout.MARGIN_MM:g}mm"
    page = PageLayout(name="A4")
    page.addElement(
        PageLayoutProperties(
            pagewidth=f"{width:g}mm",
            pageheight=f"{height:g}mm",
            printorientation="portrait",
            margintop=margin,
            marginbottom=margin,
            marginleft=margin,
            marginright=margin,
        )
    )
    footer_style = FooterStyle()
    footer_style.addElement(HeaderFooterProperties(minheight="0mm", margintop="5mm"))
    page.addElement(footer_style)
    doc.automaticstyles.addElement(page)
    master = MasterPage(name="Standard", pagelayoutname="A4")
    footer = Footer()
    footer.addElement(_page_number())
    master.addElement(footer)
    doc.masterstyles.addElement(master)


def _page_number() -> P:
    """第 N 頁，共 M 頁, with the page's number and the count as fields."""
    line = P(stylename=_name(layout.FOOTER_STYLE))
    line.addText("第 ")
    line.addElement(PageNumber(selectpage="current", text="1"))
    line.addText(" 頁，共 ")
    line.addElement(PageCount(text="1"))
    line.addText(" 頁")
    return line


def _paragraph(block: Block) -> Element:
    style = _name(layout.style_of(block.kind, block.level))
    if block.kind == "heading":
        paragraph = H(stylename=style, outlinelevel=layout.clamp("heading", block.level))
    else:
        paragraph = P(stylename=style)
    teletype.addTextToElement(paragraph, layout.lead(block.kind, block.label))
    for run in runs(block.text):
        _add_run(paragraph, run)
    return paragraph


def _add_run(paragraph: Element, run: Run) -> None:
    into = paragraph
    if run.link:
        into = A(href=run.link, type="simple")
        paragraph.addElement(into)
    if run.bold:
        span = Span(stylename=_name(BOLD_STYLE))
        into.addElement(span)
        into = span
    teletype.addTextToElement(into, run.text)


def _table(doc: OpenDocumentText, lines: list[Block], number: int) -> Table:
    """A table with a line around every cell, the column names repeated on each page."""
    widths = layout.column_widths(shares(lines))
    name = f"Table{number}"
    doc.automaticstyles.addElement(_table_style(name, sum(widths)))
    table = Table(name=name, stylename=name)
    for column, width in enumerate(widths, 1):
        style = Style(name=f"{name}.C{column}", family="table-column")
        style.addElement(TableColumnProperties(columnwidth=f"{width:g}mm"))
        doc.automaticstyles.addElement(style)
        table.addElement(TableColumn(stylename=style))
    styles = _cell_styles(doc, name, is_text_table(lines))
    head = [line for line in lines if line.kind == "head"]
    if head:
        headers = TableHeaderRows()
        for line in head:
            headers.addElement(_row(line, len(widths), styles))
        table.addElement(headers)
    for line in lines:
        if line.kind != "head":
            table.addElement(_row(line, len(widths), styles))
    return table


def _table_style(name: str, width: float) -> Style:
    style = Style(name=name, family="table")
    style.addElement(TableProperties(width=f"{width:g}mm", align="center"))
    return style


@dataclass(frozen=True)
class _TableStyles:
    cell: Style
    row: Style
    text: bool  # a table of text: cells left aligned and as tall as their text


def _cell_styles(doc: OpenDocumentText, table: str, text: bool) -> _TableStyles:
    cell = Style(name=f"{table}.Cell", family="table-cell")
    cell.addElement(
        TableCellProperties(
            border="0.5pt solid #000000",
            padding="1mm",
            verticalalign="top" if text else "middle",
        )
    )
    row = Style(name=f"{table}.Row", family="table-row")
    if not text:
        row.addElement(TableRowProperties(minrowheight=f"{layout.ROW_MM:g}mm"))
    doc.automaticstyles.addElement(cell)
    doc.automaticstyles.addElement(row)
    return _TableStyles(cell, row, text)


def _paragraph_style(line: Block, text: bool) -> str:
    if text:
        return layout.TEXT_HEAD_STYLE if line.kind == "head" else layout.TEXT_CELL_STYLE
    return layout.HEAD_CELL_STYLE if line.kind == "head" else layout.CELL_STYLE


def _row(line: Block, columns: int, styles: _TableStyles) -> TableRow:
    row = TableRow(stylename=styles.row)
    paragraph_style = _paragraph_style(line, styles.text)
    cells = [*line.cells, *[""] * (columns - len(line.cells))]
    for text in cells[:columns]:
        cell = TableCell(stylename=styles.cell, valuetype="string")
        paragraph = P(stylename=_name(paragraph_style))
        for run in runs(text):
            _add_run(paragraph, run)
        cell.addElement(paragraph)
        row.addElement(cell)
    return row
