"""python-docx's template in the record's look, restyled once and kept in the user's cache:
restyling it took every DOCX render 6–8 ms.

The kept copy is named by a digest of what makes it: python-docx's version and template,
and the code that restyles it (docx_styles, layout), so a change to any of them restyles
anew. One that cannot be read is made again; one that cannot be kept is no loss."""

from __future__ import annotations

import contextlib
import hashlib
import io
from pathlib import Path

import docx
from docx.document import Document as WordDocument

from tui.render.documents import docx_styles, layout
from tui.render.documents.docx_styles import Styles, styled
from tui.render.user_cache import cache_folder, keep


def restyled() -> tuple[WordDocument, Styles]:
    """A new document of python-docx's template in the record's look, and its styles."""
    kept = _kept_path()
    if kept is not None and kept.exists():
        with contextlib.suppress(Exception):  # damaged, truncated: made again below
            doc = docx.Document(str(kept))
            return doc, Styles(doc)
    doc = docx.Document()
    styles = styled(doc)
    if kept is not None:
        _keep(doc, kept)
    return doc, styles


def _template() -> Path:
    return Path(docx.__file__).parent / "templates" / "default.docx"


def _kept_path() -> Path | None:
    sources = (_template(), Path(docx_styles.__file__), Path(layout.__file__))
    digest = hashlib.sha256(docx.__version__.encode())
    try:
        for source in sources:
            digest.update(source.read_bytes())
    except OSError:
        return None
    folder = cache_folder("docx")
    return None if folder is None else folder / f"restyled-{digest.hexdigest()[:32]}.docx"


def _keep(doc: WordDocument, kept: Path) -> None:
    """The restyled template saved whole, before anything is added."""
    saved = io.BytesIO()
    doc.save(saved)
    keep(str(kept), saved.getvalue())
