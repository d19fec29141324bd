"""Documents to edit and circulate (ODT, DOCX), laid out from the blocks a template writes.

The writers' libraries are imported only when a document is asked for, so the text
formats start as fast as before.
"""

from __future__ import annotations

from tui.i18n import _
from tui.render.blocks import read_blocks
from tui.render.formats import DOCUMENT_FORMATS, RenderError


def write_document(source: str, format: str, template: str) -> bytes:
    """The document `format` laid out from `source`, the blocks `template` wrote."""
    blocks = read_blocks(source, template)
    if format == "odt":
        from tui.render.documents import odt

        return odt.write(blocks)
    if format == "docx":
        from tui.render.documents import docx

        return docx.write(blocks)
    raise RenderError(
        _("unknown document format {format!r}; choose one of {formats}").format(
            format=format, formats=DOCUMENT_FORMATS
        )
    )
