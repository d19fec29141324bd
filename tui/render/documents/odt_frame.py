"""The parts of an ODT that every record shares: fonts, styles, the A4 page and its footer,
the manifest. odfpy makes them once; they are kept in the user's cache, so a render
imports none of odfpy (some 45 ms) and builds none of its elements (tui.render.documents.odt
writes the text). It is kept as tui.render.documents.kept_frame keeps it, with a digest of
its parts."""

from __future__ import annotations

import hashlib
import json

from tui.i18n import _
from tui.render.documents.kept_frame import kept_or_made, kept_path

BOLD_STYLE = "Strong Emphasis"
# Where odfpy's empty document leaves room for a record's own styles and text.
AUTOMATIC = "<office:automatic-styles/>"
BODY, END = "<office:body><office:text/></office:body>", "</office:document-content>"
META = "<office:meta>"
PARTS = ("mimetype", "styles.xml", "content.xml", "meta.xml", "META-INF/manifest.xml")
_SOURCES = (
    "render/documents/odt_frame.py",
    "render/documents/odt_styles.py",
    "render/documents/layout.py",
)
_ODFPY = ("__init__.py", "opendocument.py", "element.py", "style.py", "namespaces.py")


def frame() -> dict[str, str]:
    """The shared parts, by their names in the package (PARTS), in its order: kept ones when
    they read back whole, else made now."""
    path = kept_path("odt", _SOURCES, "odf", _ODFPY, ".json")
    return kept_or_made(
        path,
        _read,
        _made,
        lambda made: json.dumps({"parts": made, "digest": _digest(made)}, ensure_ascii=True),
        _("odfpy wrote an empty document this program cannot fill in"),
    )


def _made() -> dict[str, str] | None:
    from tui.render.documents import odt_styles  # odfpy, only when the frame is made

    return _checked(odt_styles.made())


def style_name(display: str) -> str:
    """A style's name as ODF spells it: a space is `_20_`."""
    return display.replace(" ", "_20_")


def _read(data: bytes) -> dict[str, str] | None:
    kept = json.loads(data)
    parts = _checked(kept["parts"])
    return parts if parts is not None and kept["digest"] == _digest(parts) else None


def _digest(parts: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=True).encode()).hexdigest()


def _checked(kept: object) -> dict[str, str] | None:
    """Parts of the expected names in the expected order (the mimetype first, as ODF asks),
    each a text, with room for a record; else None."""
    if not isinstance(kept, dict) or list(kept) != list(PARTS):
        return None
    if not all(isinstance(text, str) for text in kept.values()):
        return None
    content, meta = kept["content.xml"], kept["meta.xml"]
    if content.count(AUTOMATIC) != 1 or not content.endswith(BODY + END) or meta.count(META) != 1:
        return None
    return kept
