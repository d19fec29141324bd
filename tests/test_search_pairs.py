"""Issue 18: the index keeps no positions, so a row holding every pair of a query in another
order is found by the index and must be left out, and the limit filled from older meetings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import edit_support as edits
from tests.search_support import history
from tui.search.index import SearchIndex

QUERY = "檔案數位"
SCRAMBLED = "數位化檔案數量請各組室清查。"  # 檔案, 案數 and 數位, never 檔案數位
HELD = "請秘書室於月底前完成檔案數位化。"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("pairs") / "db"
    repo = history(db)
    for meeting in (107, 106):
        for _ in range(3):
            edits.conclude(repo, meeting, "2.1", SCRAMBLED)
    for meeting in (105, 103, 102):
        edits.conclude(repo, meeting, "2.1", HELD)
    return db


@pytest.mark.parametrize("limit", [1, 2, 3, 4])
def test_rows_holding_the_pairs_in_another_order_are_left_out(db: Path, limit: int) -> None:
    found = SearchIndex(db).search(QUERY, limit)
    assert [h.meeting for h in found.hits] == [105, 103, 102][:limit]
    assert all(h.text == HELD for h in found.hits)
    assert found.more == (limit < 3)


def test_a_scrambled_row_is_still_found_by_its_own_words(db: Path) -> None:
    found = SearchIndex(db).search("檔案數量", 10)
    assert [h.meeting for h in found.hits] == [107] * 3 + [106] * 3
