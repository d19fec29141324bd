"""Importing an office's archive: many records, each stored or refused on its own.

Every file is read before anything is stored; the records are then stored in meeting order
whatever the order of the files, so each tracked case's history is stitched meeting by
meeting. A file that cannot be read, a meeting in two files, a meeting already stored or a
record of another office is refused by name, and the others are stored all the same.
"""

from __future__ import annotations

import gc
import itertools
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from tui.dataclass_cache import dataclass, field
from tui.domain.model import Office
from tui.domain.profile import Profile
from tui.i18n import _
from tui.importer.decode import NotARecordError
from tui.importer.record import ImportedRecord, read_records
from tui.importer.title import same_organisation
from tui.profile import load_profile, profile_text_for
from tui.storage.repository import Repository

BATCH = 12  # records to a commit: a year of monthly meetings


@dataclass
class Refusal:
    """A file of the archive that was not imported, and why."""

    file: Path
    reason: str  # one line, without the file's name


# Fifty years of monthly records are 600 files; a folder of more is not an archive of records.
MOST_FILES = 10_000


@dataclass
class ArchiveImport:
    """What an import did so far: filled in as it goes, so an interrupted one still tells."""

    files: int = 0
    stored: list[ImportedRecord] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)


def record_files(paths: Iterable[Path], found: ArchiveImport) -> list[Path]:
    """The files given, and the files under each folder given (hidden ones left out), each
    once; a path that is neither is refused."""
    files: dict[Path, Path] = {}  # each file once, however it was named
    for path in paths:
        try:
            if path.is_dir():
                files.update((f.resolve(), f) for f in _files_under(path))
            elif path.exists():
                files.setdefault(path.resolve(), path)
            else:
                found.refused.append(Refusal(path, _("no such file or folder")))
        except OSError as error:  # a name too long, a folder that may not be read
            found.refused.append(Refusal(path, error.strerror or str(error)))
    found.files = len(files) + len(found.refused)
    return list(files.values())


def _files_under(folder: Path) -> list[Path]:
    """The files under folder; OSError when there are more than any archive holds (`import /`
    would read the whole disk)."""
    found = (
        path
        for path in folder.rglob("*")
        if path.is_file() and not any(p.startswith(".") for p in path.relative_to(folder).parts)
    )
    files = list(itertools.islice(found, MOST_FILES + 1))
    if len(files) > MOST_FILES:
        too_many = _("more than {most:,} files under it: give the folder of the records")
        raise OSError(0, too_many.format(most=MOST_FILES))
    return sorted(files)


def read_all(
    files: Sequence[Path],
    units: Sequence[str],
    found: ArchiveImport,
    on_read: Callable[[Path], None] = lambda _: None,
    split: bool = False,
    when: datetime | None = None,
) -> list[ImportedRecord]:
    """The records of the files that are records, in meeting order; a meeting found in two
    files is refused in both, since which one is right is not for us to guess."""
    records: dict[int, list[ImportedRecord]] = {}
    for path in files:
        try:
            read = read_records(path, units, split, when)
        except NotARecordError as error:
            found.refused.append(Refusal(path, _reason(str(error), path)))
        else:
            for record in read:
                records.setdefault(record.meeting.number, []).append(record)
        on_read(path)
    readable = []
    for number in sorted(records):
        same = records[number]
        if len(same) == 1:
            readable.append(same[0])
            continue
        for record in same:
            others = "、".join(str(r.source) for r in same if r is not record)
            reason = _("meeting {number} is also in {others}; import only one of them").format(
                number=number, others=others
            )
            found.refused.append(Refusal(record.source, reason))
    return readable


def _reason(message: str, path: Path) -> str:
    """The error's text without the file's name it starts with."""
    name = str(path)
    if not message.startswith(name):
        return message
    return message[len(name) :].removeprefix(":").removeprefix("：").strip()


def store_all(
    repo: Repository,
    records: Sequence[ImportedRecord],
    replace: bool,
    found: ArchiveImport,
    on_stored: Callable[[ImportedRecord], None] = lambda _: None,
) -> None:
    """In meeting order, a year's records to a commit: a commit is a dozen fsyncs, so one a
    meeting would cost most of the import, and a year holds the lock for well under a second."""
    if not repo.profile_path.exists() and records:
        office = records[0].office
        repo.write_profile(profile_text_for(office.organisation, office.series))
    profile = load_profile(repo.profile_path)
    with _records_out_of_collection():
        _store_in_order(repo, profile, records, replace, found, on_stored)


@contextmanager
def _records_out_of_collection() -> Iterator[None]:
    """The records read live to the end of the import: the collector's full passes need not
    walk them each time (at 1,200 meetings each pass took 0.3-0.5 s, and more records made
    them both longer and more frequent). A process that froze objects itself (the app) is
    left to its own policy."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _store_in_order(
    repo: Repository,
    profile: Profile,
    records: Sequence[ImportedRecord],
    replace: bool,
    found: ArchiveImport,
    on_stored: Callable[[ImportedRecord], None],
) -> None:
    batch: list[ImportedRecord] = []
    for record in sorted(records, key=lambda r: r.meeting.number):
        refusal = _refusal(repo, profile, record, replace)
        if refusal is not None:
            found.refused.append(refusal)
            on_stored(record)
            continue
        batch.append(record)
        if len(batch) == BATCH:
            _store_batch(repo, batch, replace, found, on_stored)
            batch = []
    _store_batch(repo, batch, replace, found, on_stored)


def _store_batch(
    repo: Repository,
    batch: list[ImportedRecord],
    replace: bool,
    found: ArchiveImport,
    on_stored: Callable[[ImportedRecord], None],
) -> None:
    if not batch:
        return
    with _ctrl_c_after():
        stored_meanwhile = _store_all(repo, batch, replace)  # by another session
        for record in batch:
            if record.meeting.number in stored_meanwhile:
                found.refused.append(_stored_already(record))
            else:
                found.stored.append(record)
    for record in batch:
        on_stored(record)


def _store_all(repo: Repository, batch: list[ImportedRecord], replace: bool) -> set[int]:
    """The batch in one commit; returns the meetings left out, stored meanwhile."""
    from tui.secretary import editor, import_operation

    service = editor(repo)
    left_out = set()
    with repo.change() as records:
        for record in batch:
            number = record.meeting.number
            if not replace and records.meeting(number) is not None:
                left_out.add(number)
            else:
                service.apply_in(records, import_operation(record, replace))
    return left_out


@contextmanager
def _ctrl_c_after() -> Iterator[None]:
    """ctrl+c waits for the meeting being stored, so what the import says it stored is what
    the database holds."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        signal.raise_signal(signal.SIGINT)


def _refusal(
    repo: Repository, profile: Profile, record: ImportedRecord, replace: bool
) -> Refusal | None:
    office, number = record.office, record.meeting.number
    if office.series != profile.series or not same_organisation(
        office.organisation, profile.organisation
    ):
        return Refusal(record.source, _other_office(office, profile))
    if not replace and repo.has_meeting(number):
        return _stored_already(record)
    return None


def _other_office(office: Office, profile: Profile) -> str:
    return _("a record of {theirs}, but this database holds {ours}").format(
        theirs=f"{office.organisation}{office.series}",
        ours=f"{profile.organisation}{profile.series}",
    )


def _stored_already(record: ImportedRecord) -> Refusal:
    reason = _(
        "meeting {number} is already stored; use --replace to replace it with this record"
    ).format(number=record.meeting.number)
    return Refusal(record.source, reason)
