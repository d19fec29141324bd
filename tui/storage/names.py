"""Document names ("meetings/0101") and the files that hold them."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from tui.storage.layout import JOURNAL

if TYPE_CHECKING:
    from pathlib import Path

_PART_RE = re.compile(r"\w[\w-]*")
SUFFIX = ".json"


def check_name(name: str) -> None:
    parts = name.split("/")
    if not all(_PART_RE.fullmatch(part) for part in parts) or name == JOURNAL:
        raise ValueError(f"invalid document name {name!r} (use words like 'meetings/0101')")


def check_folder(folder: str) -> None:
    if folder:
        check_name(folder)


def document_path(root: Path, name: str) -> Path:
    check_name(name)
    *folders, last = name.split("/")
    return root.joinpath(*folders, last + SUFFIX)


def list_names(root: str | Path, folder: str) -> list[str]:
    """Names of the documents directly under folder, sorted."""
    check_folder(folder)
    prefix = f"{folder}/" if folder else ""
    try:
        entries = list(os.scandir(os.path.join(root, folder)))
    except (FileNotFoundError, NotADirectoryError):
        return []
    stems = [
        entry.name[: -len(SUFFIX)]
        for entry in entries
        if entry.name.endswith(SUFFIX) and entry.is_file(follow_symlinks=False)
    ]
    # The folder is checked above: each name is a document's if its last part is a word.
    found = (prefix + stem for stem in stems if _PART_RE.fullmatch(stem))
    return sorted(name for name in found if name != JOURNAL)


Stamp = tuple[int, int, int]  # inode, mtime in ns, size: a replaced file gets a new one


def stamp_of(stat: os.stat_result) -> Stamp:
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def document_stamp(root: Path, name: str) -> Stamp | None:
    """The stamp of the document's file as committed; None when there is none."""
    try:
        return stamp_of(os.stat(document_path(root, name)))
    except OSError:
        return None
