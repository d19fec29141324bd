"""An ordinary edit writes its meeting's document, never the index that grows with history."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import edit_support as edits
from tests.conftest import REFERENCE
from tui import secretary
from tui.domain.model import MeetingStatus
from tui.storage.documents import Warn
from tui.storage.repository import Repository


def _identity(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns


def test_a_conclusion_leaves_the_index_alone(tmp_path: Path) -> None:
    repo = Repository.open(tmp_path / "db")
    secretary.import_records(repo, [REFERENCE], replace=False)
    secretary.prepare(repo)
    index = tmp_path / "db" / "index" / "0001.json"  # meetings 100-199
    meeting = tmp_path / "db" / "meetings" / "0102.json"
    before, meeting_before = _identity(index), _identity(meeting)
    edits.conclude(repo, 102, "2.1", "同意備查。")
    assert _identity(index) == before
    assert _identity(meeting) != meeting_before
    edits.set_status(repo, 102, MeetingStatus.IN_SESSION)
    assert _identity(index) != before
    assert repo.summaries()[-1]["status"] == "in_session"


def test_a_conclusion_does_not_read_the_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading the index is most of an edit's cost at thousands of meetings: an edit that
    leaves the summary as it was must not even load it."""
    from tui.storage import documents, transaction

    repo = Repository.open(tmp_path / "db")
    secretary.import_records(repo, [REFERENCE], replace=False)
    secretary.prepare(repo)
    loaded: list[Path] = []
    real_load = documents.load

    def counting_load(final: Path, warn: Warn) -> documents.Loaded | None:
        loaded.append(final)
        return real_load(final, warn)

    monkeypatch.setattr(transaction, "load", counting_load)
    edits.conclude(repo, 102, "2.1", "同意備查。")
    assert not any(path.parent.name == "index" or path.name == "index.json" for path in loaded)
    assert tmp_path / "db" / "meetings" / "0102.json" in loaded
