"""Issue 17, a full disk under the search index: said as such, the index kept, and searching
works again once there is room; only a really damaged index is deleted and rebuilt."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.cli_support import agenda
from tests.conftest import REFERENCE
from tui.search.index import SearchIndex, SearchIndexError
from tui.storage.layout import SEARCH_INDEX_FILE

REAL_CONNECT = sqlite3.connect


def full_disk(pages: int) -> Any:
    """sqlite3.connect on a disk with room for `pages` pages of the index and no more."""

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        db: sqlite3.Connection = REAL_CONNECT(*args, **kwargs)
        db.execute(f"PRAGMA max_page_count = {pages}")
        return db

    return connect


def test_a_full_disk_is_named_and_the_index_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "db"
    assert agenda("import", REFERENCE, db=db).returncode == 0
    index = SearchIndex(db)
    assert index.search("會議", 5).hits
    index.close()
    path = db / SEARCH_INDEX_FILE
    pages = REAL_CONNECT(path).execute("PRAGMA page_count").fetchone()[0]
    text = REFERENCE.read_text(encoding="utf-8").replace("第 101 次", "第 102 次", 1)
    (tmp_path / "102.md").write_text(text, encoding="utf-8")
    assert agenda("import", tmp_path / "102.md", db=db).returncode == 0

    notes: list[str] = []
    monkeypatch.setattr(sqlite3, "connect", full_disk(pages))
    with pytest.raises(SearchIndexError) as raised:
        SearchIndex(db, notes.append).search("會議", 5)
    assert "full" in str(raised.value) and "damaged" not in str(raised.value)
    assert not any("rebuilding" in note for note in notes), notes
    assert path.exists()

    monkeypatch.setattr(sqlite3, "connect", REAL_CONNECT)
    found = SearchIndex(db, notes.append).search("會議", 5)
    assert found.hits and not any("rebuilding" in note for note in notes), notes
