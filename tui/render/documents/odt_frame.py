"""The parts of an ODT that every record shares: fonts, styles, the A4 page and its footer,
the manifest. odfpy makes them once; they are kept in the user's cache, so a render
imports none of odfpy (some 45 ms) and builds none of its elements (odt_body writes the
text). The kept copy is named by what makes it: this file, the layout, and odfpy's own
files, so a change to any of them makes it anew."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from importlib.util import find_spec

from tui.i18n import _
from tui.render.formats import RenderError
from tui.render.user_cache import code_stamp, keep, user_cache_folder

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
    """The shared parts, by their names in the package (PARTS): kept ones when they read
    back whole, else made now (and kept for the next render when the cache can be written)."""
    path = _kept_path()
    if path is not None:
        with contextlib.suppress(OSError, ValueError):
            with open(path, "rb") as file:
                kept = _checked(json.loads(file.read()))
            if kept is not None:
                return kept
    from tui.render.documents import odt_styles

    made = _checked(odt_styles.made())
    if made is None:
        raise RenderError(_("odfpy wrote an empty document this program cannot fill in"))
    if path is not None:
        keep(path, json.dumps(made, ensure_ascii=True))
    return made


def _checked(kept: object) -> dict[str, str] | None:
    """Kept parts of the expected shape, each text with its room for a record; else None."""
    if not isinstance(kept, dict) or sorted(kept) != sorted(PARTS):
        return None
    if not all(isinstance(text, str) for text in kept.values()):
        return None
    content, meta = kept["content.xml"], kept["meta.xml"]
    if content.count(AUTOMATIC) != 1 or not content.endswith(BODY + END) or meta.count(META) != 1:
        return None
    return kept


def _kept_path() -> str | None:
    spec = find_spec("odf")
    folder = None if spec is None or spec.origin is None else os.path.dirname(spec.origin)
    stamps = [code_stamp(_SOURCES)]
    try:
        for name in _ODFPY:
            stat = os.stat(os.path.join(folder or "", name))
            stamps.append(f"{stat.st_size}:{stat.st_mtime_ns}")
    except OSError:
        return None
    if "unknown" in stamps:
        return None
    digest = hashlib.sha256(" ".join(stamps).encode()).hexdigest()[:32]
    return os.path.join(user_cache_folder(), "odt", f"frame-{digest}.json")
