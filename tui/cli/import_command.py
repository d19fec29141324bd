"""`agenda import FILE|FOLDER…`: records stored in meeting order, each one refused alone."""

from __future__ import annotations

import argparse
from datetime import datetime, time

from tui import archive
from tui.cli.import_progress import import_progress
from tui.cli.import_summary import print_summary
from tui.cli.session import Session, UsageError
from tui.domain.rocdate import DateError, parse_datetime
from tui.i18n import _

BAD_INPUT = 2


def import_records(args: argparse.Namespace, session: Session) -> int:
    # Every file is read before the database is created or touched: an import that
    # stores nothing leaves nothing behind.
    when = _when(args.date) if args.date else None
    units = session.profile().unit_names
    found = archive.ArchiveImport()
    files = archive.record_files(args.files, found)
    try:
        with import_progress(len(files)) as progress:
            records = archive.read_all(files, units, found, progress.read, args.split, when)
            if records:
                progress.storing(len(records))
                repo = session.repo(create=True)
                archive.store_all(repo, records, args.replace, found, progress.stored)
    finally:
        # Also when the database fails or ctrl+c stops it: what was stored is said.
        print_summary(found, args.json)
    return BAD_INPUT if found.refused else 0


def _when(text: str) -> datetime:
    try:
        day, at = parse_datetime(text)
    except DateError as error:
        raise UsageError(_("{option}: {problem}").format(option="--date", problem=error)) from None
    return datetime.combine(day, at or time(0, 0))
