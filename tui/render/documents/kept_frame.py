"""What the ODT and DOCX writers keep between renders: the parts every record shares, made
once by the document's library (odt_frame, docx_frame).

A kept frame is named by a digest of the bytes it is made from (agenda's own files that
make it, the library's that shape it), so any change to them makes it anew, whatever the
files' times say. It is read only when it is a regular file of reasonable size, not
through a link; one that does not read back whole, in any way, is made again; one that
cannot be kept is no loss."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from importlib.util import find_spec
from typing import TypeVar

from tui.render.formats import RenderError
from tui.user_cache import keep, kept_file, user_cache_folder

MOST_BYTES = 16 * 1024 * 1024  # a frame is under 1 MB
MOST_FRAMES = 4  # of a kind: one for each version of agenda and its library in use
_PACKAGE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

Kept = TypeVar("Kept")


def kept_path(
    kind: str, sources: tuple[str, ...], library: str, files: tuple[str, ...], suffix: str
) -> str | None:
    """Where the frame of `kind` made from agenda's `sources` (relative to the package) and
    the `library`'s `files` is kept; None when one of them cannot be read."""
    spec = find_spec(library)
    if spec is None or spec.origin is None:
        return None
    folder = os.path.dirname(spec.origin)
    paths = [
        *(os.path.join(_PACKAGE, n) for n in sources),
        *(os.path.join(folder, n) for n in files),
    ]
    digest = hashlib.sha256()
    try:
        for path in paths:
            with open(path, "rb") as file:
                digest.update(hashlib.sha256(file.read()).digest())
    except OSError:
        return None
    return os.path.join(user_cache_folder(), kind, f"frame-{digest.hexdigest()[:32]}{suffix}")


def kept_or_made(
    path: str | None,
    read: Callable[[bytes], Kept | None],
    make: Callable[[], Kept | None],
    written: Callable[[Kept], bytes | str],
    refusal: str,
) -> Kept:
    """The frame kept at `path` when `read` takes it, else the one `make` gives (kept for
    the next render); RenderError(`refusal`) when the library's is not one either."""
    data = None if path is None else kept_file(path, MOST_BYTES, freshen=True)
    if data is not None:
        try:
            kept = read(data)
        except Exception:  # damaged in any way: made again
            kept = None
        if kept is not None:
            return kept
    made = make()
    if made is None:
        raise RenderError(refusal)
    if path is not None:
        keep(path, written(made), MOST_FRAMES)
    return made
