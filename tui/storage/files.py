"""Durable file primitives: synced temp files, atomic replace, backups, sweeping."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

from tui.i18n import _
from tui.regular_file import regular_bytes
from tui.storage import sharing
from tui.storage.errors import StorageError, StorageWriteError

TEMP_PATTERN = r"\.tmp-(\d+)-[0-9a-f]+"
TEMP_RE = re.compile(TEMP_PATTERN + r"\Z")
STALE_TEMP_SECONDS = 60.0


@contextlib.contextmanager
def os_errors(path: Path, note: str = "") -> Iterator[None]:
    """Turn an OSError into a StorageWriteError naming path."""
    try:
        yield
    except OSError as error:
        raise StorageWriteError(path, error, note) from error


def temp_path(final: Path) -> Path:
    return final.with_name(f"{final.name}.tmp-{os.getpid()}-{os.urandom(4).hex()}")


def bak_path(final: Path) -> Path:
    return final.with_name(final.name + ".bak")


def remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def read_or_none(path: Path) -> bytes | None:
    try:
        return regular_bytes(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise StorageError(
            _("could not read {path}: {reason}").format(path=path, reason=error.strerror or error)
        ) from error


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_dirs(root: Path, folder: Path) -> None:
    """Create folder and missing parents below root, owner-only, durably."""
    if folder == root or folder.is_dir():
        return
    if folder.exists():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
    make_dirs(root, folder.parent)
    sharing.make_folder(folder)
    fsync_dir(folder.parent)


def write_temp(final: Path, data: bytes) -> Path:
    """Write data to a new synced temp file beside final; remove it on failure."""
    tmp = temp_path(final)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        sharing.settle_file(fd)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        remove(tmp)
        raise
    os.close(fd)
    return tmp


def replace_with(final: Path, data: bytes) -> None:
    """Atomically make final hold data (no backup); the caller syncs the folder."""
    tmp = write_temp(final, data)
    try:
        os.replace(tmp, final)
    except BaseException:
        remove(tmp)
        raise


def keep_backup(final: Path) -> None:
    """Make final.bak the current final, never leaving a half-made .bak."""
    bak = bak_path(final)
    tmp = temp_path(bak)
    try:
        os.link(final, tmp)
    except FileNotFoundError:
        return
    except OSError:  # a filesystem without hard links: copy instead
        replace_with(bak, regular_bytes(final))
        return
    try:
        os.replace(tmp, bak)
    finally:
        # rename() does nothing when bak is already a link to final (a retried commit).
        remove(tmp)


def install(tmp: Path, final: Path) -> None:
    """Move a synced temp over final, keeping the previous version as final.bak."""
    keep_backup(final)
    os.replace(tmp, final)


def remove_document(final: Path) -> None:
    # The backup goes first, durably, so a crash never leaves a lone .bak behind a
    # deleted file: loading would restore it, bringing back the version before last.
    try:
        bak_path(final).unlink()
    except FileNotFoundError:
        pass
    else:
        fsync_dir(final.parent)
    remove(final)


def pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_stale_temp(path: Path, now: float) -> bool:
    match = TEMP_RE.search(path.name)
    if match is None:
        return False
    if not pid_alive(int(match.group(1))):
        return True
    try:
        return now - path.stat().st_mtime > STALE_TEMP_SECONDS
    except FileNotFoundError:
        return False


def sweep_temps(root: Path) -> list[Path]:
    """Remove temp files left by writers that died; return what was removed."""
    removed: list[Path] = []
    now = time.time()
    for folder, _dirs, names in os.walk(root):
        for name in names:
            if ".tmp-" not in name:  # nearly every name, told apart without a Path or a regex
                continue
            path = Path(folder, name)
            if is_stale_temp(path, now):
                with contextlib.suppress(OSError):
                    remove(path)
                    removed.append(path)
    return removed
