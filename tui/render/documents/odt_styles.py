"""The look of an ODT record made with odfpy: its fonts, paragraph styles, A4 page and
footer, and the empty document that holds them (odt_frame keeps it between renders)."""

from __future__ import annotations

import io
import zipfile

from odf import dc
from odf.element import Element
from odf.namespaces import XLINKNS
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
    TextProperties,
)
from odf.text import P, PageCount, PageNumber

from tui.render.documents import layout
from tui.render.documents.odt_frame import BOLD_STYLE, PARTS, style_name


def made() -> dict[str, str]:
    """An empty record's parts, by their names in the package."""
    doc = OpenDocumentText()
    # Links in the text are written later (tui.render.documents.odt): the parts declare
    # their namespace now.
    doc.topnode.get_nsprefix(XLINKNS)
    doc.fontfacedecls.addElement(_font_face())
    for style in _styles():
        doc.styles.addElement(style)
    _page(doc)
    doc.meta.addElement(dc.Language(text=f"{layout.LANGUAGE}-{layout.COUNTRY}"))
    saved = io.BytesIO()
    doc.write(saved)
    with zipfile.ZipFile(saved) as package:
        return {name: package.read(name).decode("utf-8") for name in PARTS}


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
        name=style_name(display),
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
    bold = Style(name=style_name(BOLD_STYLE), displayname=BOLD_STYLE, family="text")
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
    line = P(stylename=style_name(layout.FOOTER_STYLE))
    line.addText("第 ")
    line.addElement(PageNumber(selectpage="current", text="1"))
    line.addText(" 頁，共 ")
    line.addElement(PageCount(text="1"))
    line.addText(" 頁")
    return line
