"""`cases --json` lists from the stored data, building each case only as far as the filters
read it: for every filter, the same cases, in the same order, with the same fields and
values as building every case whole gives."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tinydb.table import Document

from benchmarks.archive import write_archive
from tests.cli_support import agenda, one_error_line
from tui import archive
from tui.case_register import reckoning_of
from tui.cli import output
from tui.cli.case_listing_model import _heads, listed
from tui.domain.lifecycle import decide
from tui.domain.model import CaseDecision, CaseKind
from tui.domain.register import Query, select
from tui.storage.repository import Repository

QUERIES = [
    Query(),
    Query("open"),
    Query("closed"),
    Query(unit="總務組"),
    Query(due_by=date(2022, 6, 30)),
    Query(proposal="keep"),
    Query(proposal="release"),
    Query(proposal="none"),
    Query("open", overdue=True),
]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    scratch: Path = tmp_path_factory.mktemp("listing")
    found = write_archive(scratch / "records", 101, 130, extras=False)
    records = archive.read_all(sorted(found.records.values()), (), archive.ArchiveImport())
    made = Repository.open(scratch / "db")
    archive.store_all(made, records, False, archive.ArchiveImport())
    with made.change() as changes:  # a case with its 擬辦, one released with a later event
        kept = changes.case(12601, CaseKind.MAYOR)
        assert kept is not None
        kept.history[-1].proposal = CaseDecision.KEEP
        released = changes.case(12616, CaseKind.MAYOR)
        assert released is not None
        decide(released, 150, CaseDecision.RELEASE)
        changes.put_cases([kept, released])
    return made


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_the_listing_is_what_building_every_case_gives(repo: Repository, query: Query) -> None:
    on = reckoning_of(repo)
    whole = [output.case_json(c, on, 14) for c in select(repo.all_cases(), query, on)]
    assert listed(repo, query, on, 14) == whole


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_the_plain_listing_is_what_building_every_case_gives(
    repo: Repository, query: Query, capsys: pytest.CaptureFixture[str]
) -> None:
    on = reckoning_of(repo)
    output.print_cases(select(repo.all_cases(), query, on), on, 14)
    whole = capsys.readouterr().out
    output.print_cases(select(_heads(repo), query, on), on, 14)
    assert capsys.readouterr().out == whole


def test_the_listing_holds_older_hundreds_and_every_kind(repo: Repository) -> None:
    on = reckoning_of(repo)
    found = {(c["kind"], c["number"]): c for c in listed(repo, Query(), on, 14)}
    meetings = [e["meeting"] for e in found[("mayor", 12601)]["history"]]
    whole = repo.case(12601, CaseKind.MAYOR)
    assert whole is not None and meetings == [e.meeting for e in whole.history]
    assert meetings[0] < 200 <= meetings[-1]  # its older hundred is in cases/earlier
    assert found[("mayor", 12616)]["status"] == "closed"
    assert {kind for kind, _number in found} >= {"internal", "mayor"}


@pytest.mark.parametrize(
    ("row", "said"),
    [
        ({"number": 9805, "history": {}}, "history: expected a list, found dict"),
        ({"number": 9805, "colour": "red"}, "unknown field 'colour'"),
        ({"number": 9805, "history": [{"meeting": "x"}]}, "expected int, found 'x'"),
    ],
)
def test_a_case_stored_in_another_shape_is_named_in_one_line(
    tmp_path: Path, row: dict[str, object], said: str
) -> None:
    made = Repository.open(tmp_path / "db")
    with made.store.transaction() as tx:
        tx.db("cases/open").table("internal").insert(Document(row, doc_id=9805))
    result = agenda("cases", "--json", db=tmp_path / "db", env={"AGENDA_LANG": "en"})
    assert said in one_error_line(result)
