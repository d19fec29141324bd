"""The parts of a DOCX that every record shares: python-docx's template in the record's
look, the A4 page and its footer, the style each block is laid out in. python-docx makes
them once (docx_styles.made); they are kept in the user's cache, so a render imports none
of python-docx (some 45 ms) and builds none of its elements (tui.render.documents.docx
writes the text). It is kept as tui.render.documents.kept_frame keeps it: a zip whose
parts are stored as they are, each under its checksum, with the style ids beside them."""

from __future__ import annotations

import io
import json
import zipfile

from tui.dataclass_cache import dataclass
from tui.i18n import _
from tui.render.documents import layout
from tui.render.documents.kept_frame import kept_or_made, kept_path

CONTENT_TYPES = "[Content_Types].xml"
DOCUMENT = "word/document.xml"
STYLES_PART = "word/styles.xml"
CORE = "docProps/core.xml"
RELATIONSHIPS = "word/_rels/document.xml.rels"
# Where python-docx's empty document leaves room for a record's text, title and links.
BODY_START = "<w:body>"
BODY = BODY_START + "<w:sectPr"
TITLE = "<dc:title></dc:title>"
END = "</Relationships>"
TABLE_STYLE = "Table Grid"
# Every paragraph style a block may be laid out in (layout.style_of).
STYLES = (
    layout.TITLE_STYLE,
    layout.FIELD_STYLE,
    *(layout.HEADING_STYLE.format(level) for level in range(1, layout.HEADING_LEVELS + 1)),
    *(layout.NUMBER_STYLE.format(level) for level in range(1, layout.NUMBER_LEVELS + 1)),
    *(layout.PARA_STYLE.format(level) for level in range(layout.NUMBER_LEVELS + 1)),
)
_IDS = "agenda-styles.json"  # the style ids, kept beside the parts
_SOURCES = (
    "render/documents/docx_frame.py",
    "render/documents/docx_styles.py",
    "render/documents/layout.py",
)
_PYTHON_DOCX = ("__init__.py", "document.py", "templates/default.docx", "oxml/__init__.py")


@dataclass(frozen=True)
class Frame:
    """The parts every DOCX record shares, and the ids of the styles a record is laid out in."""

    parts: list[tuple[str, bytes]]  # in the order python-docx writes them
    ids: dict[str, str | None]  # each style's id; None for the default style
    table: str  # the id of the tables' style


def frame() -> Frame:
    """The shared parts: kept ones when they read back whole, else made now."""
    path = kept_path("docx", _SOURCES, "docx", _PYTHON_DOCX, ".docx")
    return kept_or_made(
        path,
        lambda data: _checked(_read(data)),
        _made,
        _written,
        _("python-docx wrote an empty document this program cannot fill in"),
    )


def _made() -> Frame | None:
    from tui.render.documents import docx_styles  # python-docx, only when the frame is made

    return _checked(docx_styles.made())


def _read(data: bytes) -> Frame:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = [(name, package.read(name)) for name in package.namelist()]
    found = json.loads(dict(parts)[_IDS])
    return Frame([(n, part) for n, part in parts if n != _IDS], found["ids"], found["table"])


def _written(kept: Frame) -> bytes:
    """The parts stored as they are (read back without inflating), the ids last."""
    saved = io.BytesIO()
    with zipfile.ZipFile(saved, "w", zipfile.ZIP_STORED) as package:
        for name, data in kept.parts:
            package.writestr(name, data)
        package.writestr(_IDS, json.dumps({"ids": kept.ids, "table": kept.table}))
    return saved.getvalue()


def _checked(kept: Frame) -> Frame | None:
    """A frame that python-docx would have written, with its room for a record, and an id
    for every style, each a style the frame defines; else None."""
    parts = dict(kept.parts)
    names = (CONTENT_TYPES, DOCUMENT, CORE, RELATIONSHIPS, STYLES_PART)
    if not kept.parts or kept.parts[0][0] != CONTENT_TYPES or not all(n in parts for n in names):
        return None
    try:
        document, core, links = (parts[n].decode("utf-8") for n in (DOCUMENT, CORE, RELATIONSHIPS))
    except UnicodeDecodeError:
        return None
    if document.count(BODY) != 1 or core.count(TITLE) != 1 or not links.rstrip().endswith(END):
        return None
    ids = [*kept.ids.values(), kept.table] if isinstance(kept.ids, dict) else None
    if ids is None or sorted(kept.ids) != sorted(STYLES) or not isinstance(kept.table, str):
        return None
    styles = parts[STYLES_PART]
    defined = all(i is None or (isinstance(i, str) and _defines(styles, i)) for i in ids)
    return kept if defined else None


def _defines(styles: bytes, style_id: str) -> bool:
    return f'w:styleId="{style_id}"'.encode() in styles
