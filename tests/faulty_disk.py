"""A disk with a page cache, for simulating power losses under the storage.

Recorder patches the os functions that change files and lets each call really happen
under one folder (the "world") while logging it as a trace of events:

- Entry: one atomic change to the names in one folder (create, rename, link, unlink,
  mkdir);
- Write: bytes written at an offset of a file (an inode);
- SyncFile / SyncDir: an fsync of a file or of a folder.

crash_state() replays the first k events and builds what the disk may hold after the
power fails there; materialise() writes that into a fresh folder. The rules:

- a file holds the bytes it had at its last fsync; each write after that may have
  reached the disk whole, not at all, torn (only a prefix), zeroed or garbled (the
  right length, wrong bytes);
- a folder holds the names it had at its last fsync; each change to it after that
  may or may not have happened, independently of the others and of their order (file
  systems without a metadata journal, such as FAT or ext2, write directory blocks
  back in any order);
- fsyncing a file does not make its name durable, and fsyncing one folder does
  nothing for another;
- one rename, link or unlink is atomic: it happened or it did not.

The lock file (".lock") is left out: its content is a courtesy and recovery does not
depend on it. Modes and owners are not modelled. Real fsyncs are skipped while
recording: the model decides durability. Calls the model cannot express (truncate,
rmdir, a rename between folders...) on files below the world fail the test.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

LOCK_NAME = ".lock"

# A name points at a file (an inode number) or a folder (its path below the world).
Node = int | str


@dataclass(frozen=True)
class Entry:
    """Names in folder set to nodes (None removes the name), all at once."""

    folder: str
    what: str
    changes: tuple[tuple[str, Node | None], ...]

    def __str__(self) -> str:
        parts = ", ".join(f"{name}={node}" for name, node in self.changes)
        return f"{self.what} in {self.folder or '.'}: {parts}"


@dataclass(frozen=True)
class Write:
    inode: int
    offset: int
    data: bytes

    def __str__(self) -> str:
        return f"write #{self.inode} [{self.offset}:{self.offset + len(self.data)}]"


@dataclass(frozen=True)
class SyncFile:
    inode: int

    def __str__(self) -> str:
        return f"fsync #{self.inode}"


@dataclass(frozen=True)
class SyncDir:
    folder: str

    def __str__(self) -> str:
        return f"fsync folder {self.folder or '.'}"


Event = Entry | Write | SyncFile | SyncDir
Folders = dict[str, dict[str, Node]]


class Faults(Protocol):
    """What became of the work that was not synced when the power failed."""

    def keep(self, entry: Entry) -> bool:
        """Whether an unsynced change to a folder reached the disk."""

    def survive(self, write: Write) -> bytes | None:
        """The bytes of an unsynced write found on disk at its offset (None: none)."""


class OnlySynced:
    """The harshest crash: nothing that was not synced survives."""

    def keep(self, entry: Entry) -> bool:
        return False

    def survive(self, write: Write) -> bytes | None:
        return None


class Everything:
    """No crash at all: everything the page cache held reached the disk."""

    def keep(self, entry: Entry) -> bool:
        return True

    def survive(self, write: Write) -> bytes | None:
        return write.data


FATES = ("kept", "lost", "torn", "zeroed", "garbled")


def fate_of(write: Write, fate: str, cut: int, seed: int) -> bytes | None:
    """The bytes a write left: cut is where a torn write stops, seed makes garbage.

    zeroed is the size grown but the blocks never written, as ext4 can leave it.
    """
    if fate == "lost" or (fate == "torn" and not write.data):
        return None
    if fate == "torn":
        return write.data[: cut % len(write.data)]
    if fate == "zeroed":
        return bytes(len(write.data))
    if fate == "garbled":
        return random.Random(seed).randbytes(len(write.data))
    return write.data


@dataclass
class Disk:
    """What the disk holds after a crash: folders reachable from the world, and files."""

    folders: Folders
    files: dict[int, bytes]


@dataclass
class _Start:
    folders: Folders
    files: dict[int, bytes]


@dataclass
class Recorder:
    """Patch os while in a with block; every change below world is run and logged."""

    world: Path
    trace: list[Event] = field(init=False, default_factory=list)
    folders: Folders = field(init=False, default_factory=dict)  # as they are now
    files: dict[int, bytearray] = field(init=False, default_factory=dict)  # by inode
    _fds: dict[int, Node] = field(init=False, default_factory=dict)
    _real: dict[str, Any] = field(init=False, default_factory=dict)
    _root: str = field(init=False, default="")
    _start: _Start = field(init=False, default_factory=lambda: _Start({}, {}))

    def __post_init__(self) -> None:
        self._root = os.path.abspath(self.world)
        self._scan()
        self._start = _Start(
            {folder: dict(names) for folder, names in self.folders.items()},
            {inode: bytes(data) for inode, data in self.files.items()},
        )

    # -- what is on disk when recording starts: all of it durable ---------------------

    def _scan(self) -> None:
        inodes: dict[int, int] = {}
        for top, dirs, names in os.walk(self._root):
            folder = self._rel(top)
            assert folder is not None
            entries = self.folders.setdefault(folder, {})
            for name in dirs:
                entries[name] = _join(folder, name)
                self.folders.setdefault(_join(folder, name), {})
            for name in names:
                if name == LOCK_NAME:
                    continue
                path = os.path.join(top, name)
                real = os.lstat(path).st_ino
                if real not in inodes:
                    inodes[real] = len(self.files)
                    self.files[inodes[real]] = bytearray(Path(path).read_bytes())
                entries[name] = inodes[real]

    # -- patching ---------------------------------------------------------------------

    RECORDED = ("open", "write", "fsync", "fdatasync", "close", "replace", "rename", "link")
    RECORDED_TOO = ("unlink", "remove", "mkdir")
    REFUSED = ("rmdir", "truncate", "ftruncate", "pwrite", "symlink")

    def __enter__(self) -> Recorder:
        assert not self._real, "a Recorder is not reentrant"
        for name in (*self.RECORDED, *self.RECORDED_TOO, *self.REFUSED):
            self._real[name] = getattr(os, name)
        for name in (*self.RECORDED, *self.RECORDED_TOO):
            setattr(os, name, getattr(self, "_" + name))
        for name in self.REFUSED:
            setattr(os, name, self._refuse(name))
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        for name, function in self._real.items():
            setattr(os, name, function)
        self._real = {}

    def _rel(self, path: Any) -> str | None:
        """path relative to the world ("" for the world itself); None outside it."""
        text = os.fsdecode(os.fspath(path))
        full = os.path.abspath(text)
        if os.path.basename(full) == LOCK_NAME:
            return None
        if full == self._root:
            return ""
        if full.startswith(self._root + os.sep):
            return Path(full[len(self._root) + 1 :]).as_posix()
        return None

    def _lookup(self, rel: str) -> Node | None:
        if rel == "":
            return ""
        folder, name = _split(rel)
        return self.folders.get(folder, {}).get(name)

    def _change(self, folder: str, what: str, *changes: tuple[str, Node | None]) -> None:
        entry = Entry(folder, what, changes)
        self.trace.append(entry)
        _apply(self.folders[folder], entry)
        for _name, node in changes:
            if isinstance(node, str):
                self.folders.setdefault(node, {})

    def _open(self, path: Any, flags: int, mode: int = 0o777, *, dir_fd: Any = None) -> int:
        real = self._real["open"]
        rel = self._rel(path) if dir_fd is None else None
        if rel is None:
            return int(real(path, flags, mode, dir_fd=dir_fd))
        node = self._lookup(rel)
        if node is not None and flags & os.O_TRUNC:
            raise AssertionError(f"O_TRUNC on {rel} is outside the model")
        fd = int(real(path, flags, mode))
        if node is None:
            inode = len(self.files)
            self.files[inode] = bytearray()
            self._change(_split(rel)[0], "create", (_split(rel)[1], inode))
            node = inode
        self._fds[fd] = node
        return fd

    def _write(self, fd: int, data: Any) -> int:
        node = self._fds.get(fd)
        if not isinstance(node, int):
            return int(self._real["write"](fd, data))
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        written = int(self._real["write"](fd, data))
        chunk = bytes(memoryview(data)[:written])
        self.trace.append(Write(node, offset, chunk))
        _put(self.files[node], offset, chunk)
        return written

    def _fsync(self, fd: Any) -> None:
        node = self._fds.get(fd) if isinstance(fd, int) else None
        if node is None:
            self._real["fsync"](fd)
        elif isinstance(node, int):
            self.trace.append(SyncFile(node))
        else:
            self.trace.append(SyncDir(node))

    def _fdatasync(self, fd: Any) -> None:
        self._fsync(fd)  # the model has no metadata beyond names and bytes

    def _close(self, fd: int) -> None:
        self._fds.pop(fd, None)
        self._real["close"](fd)

    def _rename_like(self, function: str, src: Any, dst: Any, **kwargs: Any) -> None:
        real = self._real[function]
        source, target = self._rel(src), self._rel(dst)
        if source is None and target is None:
            real(src, dst, **kwargs)
            return
        if source is None or target is None or any(v is not None for v in kwargs.values()):
            raise AssertionError(f"os.{function}({src}, {dst}) crosses the edge of the model")
        (folder, from_), (to_folder, to) = _split(source), _split(target)
        if folder != to_folder:
            raise AssertionError(f"os.{function}({source}, {target}) between folders")
        node, old = self._lookup(source), self._lookup(target)
        real(src, dst)
        assert isinstance(node, int), f"os.{function} of {source}: not a file the model knows"
        if function == "link":
            self._change(folder, "link", (to, node))
        elif node != old:  # renaming onto another link of the same file does nothing
            self._change(folder, function, (to, node), (from_, None))

    def _replace(self, src: Any, dst: Any, **kwargs: Any) -> None:
        self._rename_like("replace", src, dst, **kwargs)

    def _rename(self, src: Any, dst: Any, **kwargs: Any) -> None:
        self._rename_like("rename", src, dst, **kwargs)

    def _link(self, src: Any, dst: Any, **kwargs: Any) -> None:
        self._rename_like("link", src, dst, **kwargs)

    def _unlink(self, path: Any, *, dir_fd: Any = None) -> None:
        rel = self._rel(path) if dir_fd is None else None
        if rel is None:
            self._real["unlink"](path, dir_fd=dir_fd)
            return
        self._real["unlink"](path)
        folder, name = _split(rel)
        self._change(folder, "unlink", (name, None))

    def _remove(self, path: Any, *, dir_fd: Any = None) -> None:
        self._unlink(path, dir_fd=dir_fd)

    def _mkdir(self, path: Any, mode: int = 0o777, *, dir_fd: Any = None) -> None:
        rel = self._rel(path) if dir_fd is None else None
        if rel is None:
            self._real["mkdir"](path, mode, dir_fd=dir_fd)
            return
        self._real["mkdir"](path, mode)
        folder, name = _split(rel)
        self._change(folder, "mkdir", (name, rel))

    def _refuse(self, function: str) -> Callable[..., Any]:
        def call(target: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(target, int):
                inside = target in self._fds
            else:
                inside = self._rel(target) is not None
            if inside:
                raise AssertionError(f"os.{function} on {target} is outside the model")
            return self._real[function](target, *args, **kwargs)

        return call

    # -- checks and crashes -----------------------------------------------------------

    def live(self) -> dict[str, bytes]:
        """Every file below the world as the model believes it is now."""
        return _files(self.folders, {inode: bytes(data) for inode, data in self.files.items()})

    def crash(self, k: int, faults: Faults) -> Disk:
        """What the disk may hold after a power loss once the first k events ran."""
        live = {folder: dict(names) for folder, names in self._start.folders.items()}
        durable = {folder: dict(names) for folder, names in live.items()}
        pending: dict[str, list[Entry]] = {}
        data = {inode: bytearray(content) for inode, content in self._start.files.items()}
        synced = dict(self._start.files)
        unsynced: dict[int, list[Write]] = {}
        for event in self.trace[:k]:
            if isinstance(event, Entry):
                _apply(live[event.folder], event)
                pending.setdefault(event.folder, []).append(event)
                for _name, node in event.changes:
                    if isinstance(node, str):
                        live.setdefault(node, {})
                        durable.setdefault(node, {})
            elif isinstance(event, SyncDir):
                durable[event.folder] = dict(live[event.folder])
                pending[event.folder] = []
            elif isinstance(event, Write):
                _put(data.setdefault(event.inode, bytearray()), event.offset, event.data)
                unsynced.setdefault(event.inode, []).append(event)
            else:
                synced[event.inode] = bytes(data.get(event.inode, b""))
                unsynced[event.inode] = []
        folders: Folders = {}
        for folder, names in durable.items():
            folders[folder] = dict(names)
            for entry in pending.get(folder, []):
                if faults.keep(entry):
                    _apply(folders[folder], entry)
        files: dict[int, bytes] = {}
        for inode in _reachable(folders):
            content = bytearray(synced.get(inode, b""))
            for write in unsynced.get(inode, []):
                piece = faults.survive(write)
                if piece is not None:
                    _put(content, write.offset, piece)
            files[inode] = bytes(content)
        return Disk(folders, files)


def disk_files(disk: Disk) -> dict[str, bytes]:
    return _files(disk.folders, disk.files)


def real_files(world: Path) -> dict[str, bytes]:
    """Every file below world (but the lock file) by its path relative to world."""
    return {
        path.relative_to(world).as_posix(): path.read_bytes()
        for path in sorted(world.rglob("*"))
        if path.is_file() and path.name != LOCK_NAME
    }


def materialise(disk: Disk, target: Path) -> None:
    """Make target hold the crashed disk's world; files sharing an inode stay linked."""
    made: dict[int, Path] = {}

    def build(folder: str, path: Path) -> None:
        path.mkdir()
        for name, node in sorted(disk.folders[folder].items()):
            if isinstance(node, str):
                build(node, path / name)
            elif node in made:
                os.link(made[node], path / name)
            else:
                (path / name).write_bytes(disk.files[node])
                made[node] = path / name

    build("", target)


def _files(folders: Folders, files: dict[int, bytes]) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for path, node in _walk(folders, ""):
        if isinstance(node, int):
            found[path] = files[node]
    return dict(sorted(found.items()))


def _walk(folders: Folders, folder: str) -> Iterator[tuple[str, Node]]:
    for name, node in folders.get(folder, {}).items():
        yield _join(folder, name), node
        if isinstance(node, str):
            yield from _walk(folders, node)


def _reachable(folders: Folders) -> list[int]:
    return sorted({node for _path, node in _walk(folders, "") if isinstance(node, int)})


def _apply(names: dict[str, Node], entry: Entry) -> None:
    for name, node in entry.changes:
        if node is None:
            names.pop(name, None)
        else:
            names[name] = node


def _put(content: bytearray, offset: int, data: bytes) -> None:
    if len(content) < offset:
        content.extend(bytes(offset - len(content)))  # a hole reads as zeros
    content[offset : offset + len(data)] = data


def _split(rel: str) -> tuple[str, str]:
    folder, _, name = rel.rpartition("/")
    return folder, name


def _join(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name
