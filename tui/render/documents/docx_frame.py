"""The parts of a DOCX that every record shares: python-docx's template in the record's
look, the A4 page and its footer, the style each block is laid out in. python-docx makes
them once (docx_styles.made); they are kept in the user's cache, so a render imports none
of python-docx (some 45 ms) and builds none of its elements (tui.render.documents.docx
writes the text). The kept copy is named by what makes it: these files, the layout and
python-docx's own, so a change to any of them makes it anew. One that cannot be read is
made again; one that cannot be kept is no loss."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import zipfile
from dataclasses import dataclass
from importlib.util import find_spec

from tui.i18n import _
from tui.render.documents import layout
from tui.render.formats import RenderError
from tui.render.user_cache import code_stamp, keep, user_cache_folder

DOCUMENT = "word/document.xml"
CORE = "docProps/core.xml"
RELATIONSHIPS = "word/_rels/document.xml.rels"
# Where python-docx's empty document leaves room for a record's text, title and links.
BODY = "<w:body><w:sectPr"
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
    """The shared parts: kept ones when they read back whole, else made now (and kept for
    the next render when the cache can be written)."""
    path = _kept_path()
    if path is not None:
        with contextlib.suppress(OSError, ValueError, TypeError, KeyError, zipfile.BadZipFile):
            kept = _checked(_read(path))
            if kept is not None:
                return kept
    from tui.render.documents import docx_styles

    made = _checked(docx_styles.made())
    if made is None:
        raise RenderError(_("python-docx wrote an empty document this program cannot fill in"))
    if path is not None:
        keep(path, _written(made))
    return made


def _read(path: str) -> Frame:
    with zipfile.ZipFile(path) as package:
        parts = [(name, package.read(name)) for name in package.namelist()]
    found = json.loads(dict(parts).pop(_IDS))
    return Frame([(n, data) for n, data in parts if n != _IDS], found["ids"], found["table"])


def _written(kept: Frame) -> bytes:
    """The parts stored as they are (read back without inflating), the ids last."""
    saved = io.BytesIO()
    with zipfile.ZipFile(saved, "w", zipfile.ZIP_STORED) as package:
        for name, data in kept.parts:
            package.writestr(name, data)
        package.writestr(_IDS, json.dumps({"ids": kept.ids, "table": kept.table}))
    return saved.getvalue()


def _checked(kept: Frame) -> Frame | None:
    """A frame with its room for a record, and an id for every style; else None."""
    parts = dict(kept.parts)
    if not all(name in parts for name in (DOCUMENT, CORE, RELATIONSHIPS)):
        return None
    if parts[DOCUMENT].count(BODY.encode()) != 1 or parts[CORE].count(TITLE.encode()) != 1:
        return None
    if not parts[RELATIONSHIPS].rstrip().endswith(END.encode()):
        return None
    ids = kept.ids
    if not isinstance(ids, dict) or sorted(ids) != sorted(STYLES):
        return None
    if not all(i is None or isinstance(i, str) for i in ids.values()):
        return None
    return kept if isinstance(kept.table, str) else None


def _kept_path() -> str | None:
    spec = find_spec("docx")
    folder = None if spec is None or spec.origin is None else os.path.dirname(spec.origin)
    stamps = [code_stamp(_SOURCES)]
    try:
        for name in _PYTHON_DOCX:
            stat = os.stat(os.path.join(folder or "", name))
            stamps.append(f"{stat.st_size}:{stat.st_mtime_ns}")
    except OSError:
        return None
    if "unknown" in stamps:
        return None
    digest = hashlib.sha256(" ".join(stamps).encode()).hexdigest()[:32]
    return os.path.join(user_cache_folder(), "docx", f"frame-{digest}.docx")
