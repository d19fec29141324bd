"""The commit journal that makes a change to several documents all-or-nothing.

journal.json is written atomically, so it is either absent or complete: once it
exists the commit has happened and only needs its renames finished; an unreadable
journal was never ours to finish.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tui.dataclass_cache import dataclass
from tui.i18n import N_, _
from tui.storage.documents import Warn
from tui.storage.files import (
    TEMP_PATTERN,
    fsync_dir,
    install,
    os_errors,
    read_or_none,
    remove,
    remove_document,
    replace_with,
)
from tui.storage.layout import JOURNAL_FILE
from tui.storage.names import check_name, document_path

FORMAT = "agenda-journal"
UNFINISHED = N_("the commit is recorded in {journal} and the next transaction finishes it")


@dataclass(frozen=True)
class Step:
    """Rename temp (relative to root) over the document, or delete it when temp is None."""

    name: str
    temp: str | None


def journal_path(root: Path) -> Path:
    return root / JOURNAL_FILE


def write_journal(root: Path, steps: list[Step]) -> None:
    entries = [{"name": step.name, "temp": step.temp} for step in steps]
    data = json.dumps({"format": FORMAT, "steps": entries}, ensure_ascii=False)
    replace_with(journal_path(root), data.encode("utf-8"))
    fsync_dir(root)


def apply_steps(root: Path, steps: list[Step]) -> None:
    """Finish the renames; running it again after a crash is harmless."""
    folders: set[Path] = set()
    unfinished = _(UNFINISHED).format(journal=JOURNAL_FILE)
    for step in steps:
        final = document_path(root, step.name)
        folders.add(final.parent)
        with os_errors(final, unfinished):
            _apply(root, step, final)
    with os_errors(journal_path(root), unfinished):
        for folder in sorted(folders):
            if folder.is_dir():
                fsync_dir(folder)
        remove(journal_path(root))
        fsync_dir(root)


def _apply(root: Path, step: Step, final: Path) -> None:
    if step.temp is None:
        remove_document(final)
        return
    temp = root / step.temp
    if temp.exists():  # otherwise it was renamed before the crash
        install(temp, final)


def recover(root: Path, warn: Warn) -> None:
    """Finish the commit an interrupted writer left in journal.json, if any."""
    path = journal_path(root)
    raw = read_or_none(path)
    if raw is None:
        return
    steps = parse_journal(raw)
    if steps is not None:
        apply_steps(root, steps)
        return
    with os_errors(path, _("it stays in place")):
        remove(path)
        fsync_dir(root)
    warn(
        _("{path} was unreadable, so its commit never took effect; discarded it").format(path=path)
    )


def parse_journal(raw: bytes) -> list[Step] | None:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    items = data.get("steps")
    if not isinstance(items, list):
        return None
    steps: list[Step] = []
    for item in items:
        step = _parse_step(item)
        if step is None:
            return None
        steps.append(step)
    return steps


def _parse_step(item: Any) -> Step | None:
    if not isinstance(item, dict):
        return None
    name, temp = item.get("name"), item.get("temp")
    if not isinstance(name, str) or not (temp is None or isinstance(temp, str)):
        return None
    try:
        check_name(name)
    except ValueError:
        return None
    if temp is not None and not _is_temp_of(name, temp):
        return None
    return Step(name, temp)


def _is_temp_of(name: str, temp: str) -> bool:
    # Only a temp beside the document itself, so a journal can never point elsewhere.
    final = document_path(Path(), name).as_posix()
    return re.fullmatch(re.escape(final) + TEMP_PATTERN, temp) is not None
