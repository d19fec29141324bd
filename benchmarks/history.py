"""A synthetic history: the reference meeting stored again under many numbers, one a month."""

from __future__ import annotations

import copy
from datetime import timedelta
from pathlib import Path

from tui import secretary
from tui.profile import builtin_data
from tui.storage.repository import Repository


def build_history(db: Path, meetings: int) -> Repository:
    """The reference (101) with its cases as imported, then copies of it as 102, 103, …"""
    repo = Repository.open(db)
    record = secretary.read_records([builtin_data() / "record-101.md"], [])[0]
    secretary.store_records(repo, [record], replace=False)
    for number in range(102, 101 + meetings):
        meeting = copy.deepcopy(record.meeting)
        meeting.number = number
        meeting.start = record.meeting.start + timedelta(days=28 * (number - 101))
        for item in meeting.items():
            item.cases = []
        with repo.change() as records:  # a generated history: written as made
            records.save(meeting)
    return repo
