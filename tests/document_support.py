"""ODT and DOCX files opened with their own libraries and seen the same way: paragraph by
paragraph, with the style each paragraph is laid out in."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from odf import teletype
from odf.namespaces import TEXTNS
from odf.opendocument import OpenDocument, load
from odf.style import ParagraphProperties


@dataclass(frozen=True)
class Shown:
    text: str
    style: str
    heading: int  # the outline level, 0 for a paragraph that is not a heading
    centred: bool
    left: float  # the left indent in points: where wrapped lines start
    first: float  # the first line's indent from `left`; negative when it hangs

    @property
    def hangs(self) -> bool:
        return self.first < 0 and self.left + self.first >= 0


def shown(data: bytes, format: str) -> list[Shown]:
    return odt_shown(open_odt(data)) if format == "odt" else docx_shown(data)


def open_odt(data: bytes) -> OpenDocument:
    return load(io.BytesIO(data))


_UNITS = {"pt": 1.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72.0}


def _points(length: str) -> float:
    if not length:
        return 0.0
    found = re.fullmatch(r"(-?[0-9.]+)(pt|cm|mm|in)", length)
    assert found, length
    return float(found[1]) * _UNITS[found[2]]


def odt_shown(doc: OpenDocument) -> list[Shown]:
    found = []
    for node in doc.text.childNodes:
        if node.qname not in ((TEXTNS, "h"), (TEXTNS, "p")):
            continue
        name = node.getAttribute("stylename")
        props = _paragraph_properties(doc, name)
        level = node.getAttribute("outlinelevel") if node.qname == (TEXTNS, "h") else None
        found.append(
            Shown(
                text=teletype.extractText(node),
                style=name,
                heading=int(level) if level else 0,
                centred=props.get("textalign") == "center",
                left=_points(props.get("marginleft", "")),
                first=_points(props.get("textindent", "")),
            )
        )
    return found


def _paragraph_properties(doc: OpenDocument, name: str) -> dict[str, str]:
    style = doc.getStyleByName(name)
    props: dict[str, str] = {}
    if style is None:
        return props
    for element in style.getElementsByType(ParagraphProperties):
        for key in ("textalign", "marginleft", "textindent"):
            value = element.getAttribute(key)
            if value:
                props[key] = value
    return props


def docx_shown(data: bytes) -> list[Shown]:
    return [_docx_paragraph(p) for p in Document(io.BytesIO(data)).paragraphs]


def _docx_paragraph(paragraph: Paragraph) -> Shown:
    style = paragraph.style
    assert style is not None
    form = style.paragraph_format
    alignment = paragraph.alignment or form.alignment
    outline = style.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    left = form.left_indent.pt if form.left_indent is not None else 0.0
    first = form.first_line_indent.pt if form.first_line_indent is not None else 0.0
    return Shown(
        text=paragraph.text,
        style=style.name or "",
        heading=int(outline.get(qn("w:val"))) + 1 if outline is not None else 0,
        centred=alignment == WD_ALIGN_PARAGRAPH.CENTER,
        left=left,
        first=first,
    )
