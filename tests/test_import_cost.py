"""An archive import's work per meeting does not grow with the archive: each commit parses
and encodes each document it touches once, counted (not timed)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from benchmarks.archive import meeting_day, write_archive
from tui import archive
from tui.domain.rocdate import roc_year
from tui.storage import transaction
from tui.storage.repository import Repository

YEAR = archive.BATCH  # records stored in one commit


class Counted:
    """Calls of the transaction's parse and encode, each with the bytes it handled."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: Counter[str] = Counter()
        monkeypatch.setattr(
            transaction, "parse_tables", self._counted("parse", transaction.parse_tables)
        )
        monkeypatch.setattr(
            transaction, "encode_tables", self._counted("encode", transaction.encode_tables)
        )

    def _counted(self, what: str, real: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def counted(data: Any) -> Any:
            self.calls[what] += 1
            return real(data)

        return counted

    def take(self) -> Counter[str]:
        taken, self.calls = self.calls, Counter()
        return taken


def test_a_transaction_encodes_a_document_once_however_often_it_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repository.open(tmp_path / "db")
    counted = Counted(monkeypatch)
    with repo.store.transaction() as tx:
        table = tx.db("sessions/alice").table("state")
        for n in range(50):
            table.insert({"n": n})
        assert len(tx.db("sessions/alice").table("state")) == 50
    assert counted.take() == Counter(encode=1)
    with repo.store.transaction() as tx:
        for n in range(50):
            tx.db("sessions/alice").table("state").update({"seen": n}, doc_ids=[n + 1])
    assert counted.take() == Counter(parse=1, encode=1)
    with repo.store.reading() as tx:
        assert tx.db("sessions/alice").table("state").get(doc_id=50) == {"n": 49, "seen": 49}


def test_a_failed_transaction_encodes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repository.open(tmp_path / "db")
    counted = Counted(monkeypatch)
    with pytest.raises(RuntimeError), repo.store.transaction() as tx:
        tx.db("sessions/alice").table("state").insert({"n": 1})
        raise RuntimeError("stop")
    assert counted.take()["encode"] == 0
    assert not (tmp_path / "db" / "sessions" / "alice.json").exists()


def test_an_archive_import_does_the_same_document_work_each_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    years = 5
    found = write_archive(tmp_path / "records", 101, YEAR * years, extras=False)
    records = archive.read_all(sorted(found.records.values()), (), archive.ArchiveImport())
    repo = Repository.open(tmp_path / "db")
    counted = Counted(monkeypatch)
    work = []
    for year in range(years):
        batch = records[year * YEAR : (year + 1) * YEAR]
        archive.store_all(repo, batch, False, archive.ArchiveImport())
        work.append(counted.take())
    # The first year makes the documents the later ones find; from then on, the same work.
    assert work[1] == work[-1]
    # Each document parsed and encoded at most once a commit: about one a meeting.
    assert work[-1]["encode"] <= 3 * YEAR
    assert work[-1]["parse"] <= 3 * YEAR


def test_the_generated_archive_stays_within_the_years_a_record_may_give() -> None:
    assert roc_year(meeting_day(101)) == 110
    assert roc_year(meeting_day(2_900)) <= 189
    assert meeting_day(1_300) > meeting_day(1_299)
