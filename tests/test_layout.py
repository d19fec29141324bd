"""The database folder's names, from the one module that gives them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REFERENCE
from tui import secretary
from tui.search.sources import FOLDERS
from tui.storage import layout
from tui.storage.names import check_name
from tui.storage.repository import Repository


def test_each_document_has_its_name() -> None:
    assert layout.meeting_name(101) == "meetings/0101"
    assert layout.closed_name(10001) == "cases/closed/0100"
    assert layout.index_name(1234) == "index/0012"
    assert layout.session_name("j.doe@office") == "sessions/j_doe_office"
    assert layout.hold_file(102) == "holds/0102.lock"
    assert layout.takeover_file(102) == "holds/0102.takeover"
    for name in (
        layout.META,
        layout.WHOLE_INDEX,
        layout.index_name(101),
        layout.OPEN_CASES,
        layout.meeting_name(1),
        layout.closed_name(101),
        layout.session_name("\x1b[2J"),
    ):
        check_name(name)
    with pytest.raises(ValueError):
        check_name(layout.JOURNAL)


@pytest.mark.parametrize(
    ("name", "number"),
    [("meetings/0101", 101), ("meetings/12345", 12345), ("logs/0101", None), ("meetings/x", None)],
)
def test_a_meeting_document_tells_its_number(name: str, number: int | None) -> None:
    assert layout.meeting_number(name) == number


def test_a_database_is_laid_out_as_the_layout_says(tmp_path: Path) -> None:
    repo = Repository.open(tmp_path / "db")
    secretary.import_records(repo, [REFERENCE], replace=False)
    root = repo.store.root
    assert repo.meeting_numbers() == [101]
    assert (root / f"{layout.meeting_name(101)}.json").is_file()
    assert (root / f"{layout.OPEN_CASES}.json").is_file()
    assert (root / f"{layout.index_name(101)}.json").is_file()
    assert not (root / f"{layout.WHOLE_INDEX}.json").exists()
    # The search lists the folders the cases and meetings are in.
    listed = {name for folder in FOLDERS for name in repo.store.names(folder)}
    assert {layout.meeting_name(101), layout.OPEN_CASES} <= listed
