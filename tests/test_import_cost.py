"""An archive import's work per meeting does not grow with the archive: each commit parses
and encodes each document it touches once, counted (not timed)."""

from __future__ import annotations

import gc
import itertools
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from benchmarks.archive import meeting_day, write_archive
from tui import archive
from tui.domain.rocdate import roc_year
from tui.storage import documents, envelope, transaction
from tui.storage.repository import Repository

YEAR = archive.BATCH  # records stored in one commit


class Counted:
    """Calls of the transaction's parse and encode, each with the bytes it handled."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: Counter[str] = Counter()
        # Reading a file (documents.decode) and encoding tables, wherever it happens.
        monkeypatch.setattr(documents, "decode", self._counted("parse", envelope.decode))
        for module in (documents, transaction):
            monkeypatch.setattr(
                module, "encode_tables", self._counted("encode", envelope.encode_tables)
            )

    def _counted(self, what: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any) -> Any:
            result = real(*args)
            self.calls[what] += 1
            self.calls[f"{what} bytes"] += len(args[-1] if what == "parse" else result)
            return result

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
    assert counted.take()["encode"] == 1
    with repo.store.transaction() as tx:
        for n in range(50):
            tx.db("sessions/alice").table("state").update({"seen": n}, doc_ids=[n + 1])
    work = counted.take()
    assert (work["parse"], work["encode"]) == (1, 1)
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
    assert (work[1]["parse"], work[1]["encode"]) == (work[-1]["parse"], work[-1]["encode"])
    # Each document parsed and encoded at most once a commit: about one a meeting.
    assert work[-1]["encode"] <= 3 * YEAR
    assert work[-1]["parse"] <= 3 * YEAR


def test_a_year_a_hundred_meetings_later_parses_and_encodes_as_many_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The outside cases (市長室) gain an event every meeting and are never closed: their
    older events are kept by the hundred, so a commit's bytes do not grow with them."""
    found = write_archive(tmp_path / "records", 101, 124, extras=False)
    records = archive.read_all(sorted(found.records.values()), (), archive.ArchiveImport())
    by_number = {record.meeting.number: record for record in records}
    repo = Repository.open(tmp_path / "db")
    counted = Counted(monkeypatch)
    work = {}
    starts = [101, 113, *range(125, 213, YEAR), 213, 225]
    for first, end in itertools.pairwise(starts):
        year = [by_number[n] for n in range(first, end)]
        archive.store_all(repo, year, False, archive.ArchiveImport())
        work[first] = counted.take()
    early, late = work[113], work[213]  # the same meetings of their hundreds
    assert (late["parse"], late["encode"]) == (early["parse"], early["encode"])
    # Nor does the index: a line of summary a meeting, kept by the hundred.
    assert late["parse bytes"] <= 1.1 * early["parse bytes"]
    assert late["encode bytes"] <= 1.1 * early["encode bytes"]


def test_the_generated_archive_stays_within_the_years_a_record_may_give() -> None:
    assert roc_year(meeting_day(101)) == 110
    assert roc_year(meeting_day(2_900)) <= 189
    assert meeting_day(1_300) > meeting_day(1_299)


def test_the_records_are_kept_from_the_collector_while_stored_and_given_back(
    tmp_path: Path,
) -> None:
    """The collector's full passes do not walk the records read at each pass (at 1,200
    meetings each pass took 0.3-0.5 s); afterwards nothing stays frozen."""
    found = write_archive(tmp_path / "records", 101, 3, extras=False)
    records = archive.read_all(sorted(found.records.values()), (), archive.ArchiveImport())
    repo = Repository.open(tmp_path / "db")
    frozen: list[int] = []
    assert gc.get_freeze_count() == 0
    archive.store_all(
        repo,
        records,
        False,
        archive.ArchiveImport(),
        lambda _: frozen.append(gc.get_freeze_count()),
    )
    assert frozen and min(frozen) > 0
    assert gc.get_freeze_count() == 0


def test_a_process_that_froze_its_objects_keeps_them_frozen(tmp_path: Path) -> None:
    found = write_archive(tmp_path / "records", 101, 2, extras=False)
    records = archive.read_all(sorted(found.records.values()), (), archive.ArchiveImport())
    repo = Repository.open(tmp_path / "db")
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        archive.store_all(repo, records, False, archive.ArchiveImport())
        assert gc.get_freeze_count() >= before
    finally:
        gc.unfreeze()
