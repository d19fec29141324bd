"""The user's cache folder for agenda: what a render keeps between runs (compiled
templates, the parts every ODT and DOCX record shares), the profiles known good
(tui.checked_profiles) and dataclasses' compiled methods (tui.dataclass_cache).
A cache that cannot be kept is simply no cache."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def user_cache_folder() -> str:
    """On Linux the XDG rule, read here, since importing platformdirs took some 2 ms of
    every render (and pathlib is left to those who use it); elsewhere platformdirs'."""
    if sys.platform != "linux":
        from platformdirs import user_cache_dir

        return user_cache_dir("agenda")
    home = os.environ.get("XDG_CACHE_HOME", "")
    return os.path.join(home if os.path.isabs(home) else os.path.expanduser("~/.cache"), "agenda")


def code_stamp(names: tuple[str, ...]) -> str:
    """The state of agenda's own files `names` (relative to the package, "domain/profile.py"):
    what was kept by other code, a checkout's or an upgrade that kept the version number, is
    not trusted; "unknown" when one cannot be read."""
    package = os.path.dirname(os.path.abspath(__file__))
    found = []
    for name in names:
        try:
            stat = os.stat(os.path.join(package, name))
        except OSError:
            return "unknown"
        found.append(f"{stat.st_size}:{stat.st_mtime_ns}")
    return " ".join(found)


def keep(path: str, data: str | bytes, most_files: int | None = None) -> None:
    """`data` (text is written as UTF-8) whole in the cache's file `path`, the owner's only;
    or nothing: a cache that cannot be written is no cache. With `most_files`, the folder
    keeps that many files at most, the last written or read (kept_file's `freshen`): a
    file for each database, profile or version of agenda would otherwise pile up for good."""
    part = f"{path}.{os.getpid()}"
    try:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(part)  # left by a process of this number that died writing
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        with open(os.open(part, flags, 0o600), "wb") as file:
            file.write(raw)
        os.replace(part, path)
    except (OSError, ValueError):  # ValueError: text UTF-8 cannot hold, a lone surrogate
        with contextlib.suppress(OSError):
            os.unlink(part)
        return
    if most_files is not None:
        _keep_newest(os.path.dirname(path), most_files, path)


def _keep_newest(folder: str, most: int, written: str) -> None:
    """The folder's files beyond the `most` last written or read (kept_file's `freshen`)
    removed (`written` kept)."""
    try:
        with os.scandir(folder) as entries:
            files = [
                (entry.stat(follow_symlinks=False).st_mtime_ns, entry.path)
                for entry in entries
                if entry.is_file(follow_symlinks=False) and entry.path != written
            ]
    except OSError:
        return
    files.sort(reverse=True)
    for _time, path in files[max(most - 1, 0) :]:
        with contextlib.suppress(OSError):
            os.unlink(path)


def kept_file(
    path: str, most_bytes: int, *, owned: bool = False, freshen: bool = False
) -> bytes | None:
    """What the cache's file `path` holds when it is a regular file of at most `most_bytes`
    (and, if `owned`, the user's own that no one else may write), not through a link; else
    None. Never waits: a pipe put in its place is not read. With `freshen`, a file read
    that was last written more than a day ago, and its folder, are marked used now: the
    cache's bounds keep what is written or read last (keep, forget_other_versions)."""
    from tui.regular_file import open_regular

    try:
        fd, found = open_regular(path, os.O_NOFOLLOW)
        with open(fd, "rb") as file:
            if found.st_size > most_bytes or (owned and not _owners_only(found)):
                return None
            data = file.read(most_bytes + 1)
            if freshen and found.st_mtime < time.time() - FRESH_SECONDS:
                _mark_used(fd, os.path.dirname(path))
            return data
    except OSError:
        return None


def kept_text(
    path: str, most_bytes: int, *, owned: bool = False, freshen: bool = False
) -> str | None:
    """The cache's file `path` as UTF-8 text (as kept_file takes it); None when it is not
    one or is not text."""
    data = kept_file(path, most_bytes, owned=owned, freshen=freshen)
    try:
        return None if data is None else data.decode("utf-8")
    except UnicodeDecodeError:
        return None


FRESH_SECONDS = 24 * 3600  # a file read is marked used at most once a day


def _mark_used(fd: int, folder: str) -> None:
    with contextlib.suppress(OSError, NotImplementedError):
        os.utime(fd)
        os.utime(folder)


def _owners_only(found: os.stat_result) -> bool:
    mine = not hasattr(os, "getuid") or found.st_uid == os.getuid()
    return mine and not found.st_mode & 0o022


def user_cache() -> Path:
    from pathlib import Path

    return Path(user_cache_folder())


def cache_folder(name: str) -> Path | None:
    """A folder of the cache for the owner only, made if need be; None when it cannot be."""
    folder = user_cache() / name
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


UNUSED_DAYS = 30  # a folder of another version untouched this long is one no longer used


def forget_other_versions(folder: str, kind: str) -> None:
    """The cache's other folders named `kind`… (for another version of Python or Jinja2)
    neither written nor read for UNUSED_DAYS: an upgrade's leftovers. A version still in
    use marks its folder used as it reads it (kept_file's `freshen`), and keeps it."""
    parent, name = os.path.split(folder)
    too_old = time.time() - UNUSED_DAYS * 24 * 3600
    try:
        with os.scandir(parent) as entries:
            others = [
                entry.path
                for entry in entries
                if entry.name.startswith(kind)
                and entry.name != name
                and entry.is_dir(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_mtime < too_old
            ]
    except OSError:
        return
    if others:
        import shutil  # seldom: it imports the compression libraries

        for other in others:
            shutil.rmtree(other, ignore_errors=True)
