"""What each `agenda` command does, with its errors turned into one line and an exit status."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from tui.cli import output
from tui.domain.model import Meeting, Office
from tui.importer.decode import NotARecordError
from tui.importer.record import ImportedRecord, read_record
from tui.profile import ProfileError, default_profile_path, load_office
from tui.render.document import RenderError, RenderOptions, render_record
from tui.storage.errors import StorageError
from tui.storage.repository import MeetingExistsError, Repository

BAD_INPUT = 2
STORAGE_FAILED = 1


class UsageError(Exception):
    """A request that cannot be met as asked: no such meeting, and the like."""


def run(args: argparse.Namespace, db: Path) -> int:
    handler = _COMMANDS[args.command]
    try:
        return handler(args, db)
    except (NotARecordError, RenderError, ProfileError, MeetingExistsError, UsageError) as error:
        return _fail(str(error), BAD_INPUT)
    except StorageError as error:
        return _fail(str(error), STORAGE_FAILED)


def _fail(message: str, status: int) -> int:
    print(f"agenda: error: {message}", file=sys.stderr)
    return status


def _open(db: Path, *, create: bool = False) -> Repository:
    repo = Repository.open(db, create=create)
    for warning in repo.store.warnings:
        print(f"agenda: warning: {warning}", file=sys.stderr)
    return repo


def _office(repo: Repository) -> Office:
    return repo.office() or load_office(default_profile_path())


def import_records(args: argparse.Namespace, db: Path) -> int:
    repo = _open(db, create=True)
    units = _office(repo).units
    records = [read_record(path, units) for path in args.files]
    for record in records:
        _refuse_existing(repo, record, args.replace)
    for record in records:
        repo.store_record(record.office, record.meeting, record.cases, args.replace)
        output.print_import(record)
    return 0


def _refuse_existing(repo: Repository, record: ImportedRecord, replace: bool) -> None:
    if not replace and repo.has_meeting(record.meeting.number):
        raise MeetingExistsError(record.meeting.number)


def _meeting(repo: Repository, number: int) -> Meeting:
    meeting = repo.load_meeting(number)
    if meeting is None:
        raise UsageError(f"no meeting {number} in {repo.store.root}")
    return meeting


def render(args: argparse.Namespace, db: Path) -> int:
    repo = _open(db)
    meeting = _meeting(repo, args.number)
    options = RenderOptions(format=args.format)
    if args.width is not None:
        if args.width < 20:
            raise UsageError(f"--width {args.width} is too narrow; give 20 columns or more")
        options.width = args.width
    text = render_record(meeting, _office(repo), options)
    output.write_text(text, args.output)
    return 0


def show(args: argparse.Namespace, db: Path) -> int:
    repo = _open(db)
    meeting = _meeting(repo, args.number)
    if args.json:
        output.print_json(output.meeting_json(meeting))
    else:
        output.print_meeting(meeting, _office(repo))
    return 0


def cases(args: argparse.Namespace, db: Path) -> int:
    repo = _open(db)
    found = repo.open_cases() if args.open else repo.all_cases()
    if args.json:
        output.print_json([output.case_json(c) for c in found])
    else:
        output.print_cases(found)
    return 0


_COMMANDS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "import": import_records,
    "render": render,
    "show": show,
    "cases": cases,
}
