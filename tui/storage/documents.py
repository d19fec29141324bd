"""Loading a document, falling back to its last good copy when the file is damaged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from tui.i18n import _
from tui.storage.envelope import Tables, decode, encode_tables
from tui.storage.errors import DamagedFileError, NewerSchemaError
from tui.storage.files import bak_path, fsync_dir, read_or_none, replace_with

Warn = Callable[[str], None]


def load(final: Path, warn: Warn) -> bytes | None:
    """Canonical tables JSON of the document at final; None for a new document."""
    tables = load_tables(final, warn)
    return None if tables is None else encode_tables(tables)


def load_tables(final: Path, warn: Warn) -> Tables | None:
    """The tables of the document at final, parsed; None for a new document."""
    raw = read_or_none(final)
    if raw is None:
        if not bak_path(final).exists():
            return None
        damage = DamagedFileError(final, _("the file is missing but its backup exists"))
        return _fall_back(final, None, damage, warn)
    try:
        return decode(final, raw)
    except DamagedFileError as damage:
        return _fall_back(final, raw, damage, warn)


def _fall_back(final: Path, raw: bytes | None, damage: DamagedFileError, warn: Warn) -> Tables:
    bak = bak_path(final)
    good = read_or_none(bak)
    if good is None:
        note = _("no backup copy {name} to fall back on").format(name=bak.name)
        raise DamagedFileError(final, damage.reason, note)
    try:
        tables = decode(bak, good)
    except (DamagedFileError, NewerSchemaError) as bad:
        note = _("its backup is unusable too: {problem}").format(problem=bad)
        raise DamagedFileError(final, damage.reason, note) from None
    warn(_repair(final, raw, good, damage.reason))
    return tables


def _repair(final: Path, raw: bytes | None, good: bytes, reason: str) -> str:
    """Keep the damaged bytes aside, put the good copy back; return the warning."""
    bak = bak_path(final)
    try:
        kept = _keep_damaged(final, raw)
        replace_with(final, good)
        fsync_dir(final.parent)
    except OSError as error:
        return _(
            "{path} is damaged ({reason}); using its backup {backup} (could not repair: {error})"
        ).format(path=final, reason=reason, backup=bak, error=error)
    if kept:
        return _(
            "{path} was damaged ({reason}); kept it as {kept}; "
            "restored the last good copy from {backup}"
        ).format(path=final, reason=reason, kept=kept.name, backup=bak)
    return _("{path} was damaged ({reason}); restored the last good copy from {backup}").format(
        path=final, reason=reason, backup=bak
    )


def _keep_damaged(final: Path, raw: bytes | None) -> Path | None:
    if raw is None:
        return None
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    kept = final.with_name(f"{final.name}.damaged-{stamp}")
    serial = 1
    while kept.exists():
        serial += 1
        kept = final.with_name(f"{final.name}.damaged-{stamp}-{serial}")
    replace_with(kept, raw)
    return kept
