"""`agenda cases`, plain and --json, read plainly (the case files under the shared lock, plain
heads, no model) gives what reading every case with the model through the store gives: for
every filter, in both languages, on an archive's history and on the reference record with
the next meeting prepared; and anything out of the ordinary is left to the store."""

from __future__ import annotations

import argparse
import io
import json
import shutil
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from tinydb.table import Document

from benchmarks.archive import write_archive
from tests.cli_support import agenda, one_error_line
from tests.conftest import REFERENCE
from tui import archive, database, secretary
from tui.cli import case_listing_model
from tui.cli.case_listing import _query, list_cases
from tui.cli.command_line import build_parser
from tui.cli.session import Session
from tui.domain.model import CaseDecision, CaseKind, MeetingStatus
from tui.domain.register_rules import COMING, KIND_WORDS, PROPOSALS
from tui.i18n import choose, language
from tui.storage.repository import Repository

OPTIONS = [
    [],
    ["--status", "open"],
    ["--status", "closed"],
    ["--unit", "總務組"],
    ["--unit", "秘書室"],
    ["--due-before", "2022-06-30"],
    ["--due-before", "115/12/31"],
    ["--proposal", "keep"],
    ["--proposal", "release"],
    ["--proposal", "none"],
    ["--overdue"],
    ["--overdue", "--unit", "總務組"],
]


def _archive(folder: Path) -> Path:
    found = write_archive(folder / "records", 101, 130, extras=False)
    records = archive.read_all(sorted(found.records.values()), (), archive.ArchiveImport())
    made = Repository.open(folder / "db")
    archive.store_all(made, records, False, archive.ArchiveImport())
    from tui.domain.lifecycle import decide

    with made.change() as changes:  # a case with its 擬辦, one released with a later event
        kept = changes.case(12601, CaseKind.MAYOR)
        released = changes.case(12616, CaseKind.MAYOR)
        assert kept is not None and released is not None
        kept.history[-1].proposal = CaseDecision.KEEP
        decide(released, 150, CaseDecision.RELEASE)
        changes.put_cases([kept, released])
    return folder / "db"


def _reference(folder: Path) -> Path:
    repo = database.open_repository(folder / "db")
    secretary.import_records(repo, [REFERENCE], replace=False)
    secretary.prepare(repo)  # meeting 102, a draft: the register reckons from its day
    return folder / "db"


@pytest.fixture(scope="module", params=["archive", "reference"])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder: Path = tmp_path_factory.mktemp(request.param)
    return _archive(folder) if request.param == "archive" else _reference(folder)


def _args(db: Path, options: list[str]) -> argparse.Namespace:
    words = ["--db", str(db), "cases", *options]
    return build_parser("cases").parse_args(words)


class _NoStore(Session):
    def repo(self, *, create: bool = False) -> Repository:
        raise AssertionError("the plain listing asked the store")


def _plainly(db: Path, options: list[str]) -> str:
    with redirect_stdout(io.StringIO()) as out:
        assert list_cases(_args(db, options), _NoStore(str(db))) == 0
    return out.getvalue()


def _with_model(db: Path, options: list[str]) -> str:
    args = _args(db, options)
    repo = Repository.open(db, create=False)
    with redirect_stdout(io.StringIO()) as out:
        assert case_listing_model.listed_with_model(args, repo, _query(args)) == 0
    return out.getvalue()


@pytest.fixture(params=["zh-TW", "en"])
def speaking(request: pytest.FixtureRequest) -> object:
    was = language()
    choose(request.param)
    yield
    choose(was)


@pytest.mark.parametrize("json_too", [[], ["--json"]], ids=["plain", "json"])
@pytest.mark.parametrize("options", OPTIONS, ids=" ".join)
@pytest.mark.usefixtures("speaking")
def test_the_plain_reading_lists_what_the_model_does(
    db: Path, options: list[str], json_too: list[str]
) -> None:
    plainly = _plainly(db, options + json_too)
    assert plainly == _with_model(db, options + json_too)
    if not options:
        assert plainly.count("\n") > 4  # the cases themselves, not only the words around them


def test_the_json_listing_holds_every_case_whole(db: Path) -> None:
    listed = json.loads(_plainly(db, ["--json"]))
    cases = Repository.open(db, create=False).all_cases()
    assert [(c["kind"], c["number"]) for c in listed] == [(c.kind, c.number) for c in cases]
    assert [len(c["history"]) for c in listed] == [len(c.history) for c in cases]


def test_the_rules_name_the_models_values() -> None:
    assert list(KIND_WORDS) == [kind.value for kind in CaseKind]
    assert set(PROPOSALS.values()) == {None, *(d.value for d in CaseDecision)}
    assert set(COMING) == {MeetingStatus.DRAFT.value, MeetingStatus.IN_SESSION.value}


@pytest.mark.parametrize(
    "schedule", ["", "[schedule]\n", "[schedule]\ndeadline_warning_days = 0\n", "x = 1\n"]
)
def test_the_warning_days_read_plainly_are_the_checked_profiles(
    tmp_path: Path, schedule: str
) -> None:
    shipped = database.profile_at(tmp_path).schedule.deadline_warning_days
    assert database.warning_days_plainly(str(tmp_path)) == shipped  # no profile: the shipped one
    text = (REFERENCE.parent / "profile.toml").read_text(encoding="utf-8")
    head, _sep, _rest = text.partition("[schedule]")
    (tmp_path / "profile.toml").write_text(head + schedule, encoding="utf-8")
    plainly = database.warning_days_plainly(str(tmp_path))
    if schedule == "x = 1\n":
        assert plainly == 30  # read plainly; the checked profile would name the unknown key
        return
    assert plainly == database.profile_at(tmp_path).schedule.deadline_warning_days


def test_a_bad_warning_days_is_left_to_the_profile_check(tmp_path: Path) -> None:
    (tmp_path / "profile.toml").write_text("[schedule]\ndeadline_warning_days = 999\n")
    assert database.warning_days_plainly(str(tmp_path)) is None


def test_a_commit_left_half_done_is_left_to_the_store(db: Path, tmp_path: Path) -> None:
    from tui.storage.layout import JOURNAL_FILE
    from tui.storage.plain_cases import plain_stored_cases

    copy = tmp_path / "copy"
    shutil.copytree(db, copy)
    assert plain_stored_cases(str(copy)) is not None
    (copy / JOURNAL_FILE).write_text("{}")  # a commit the store is to finish
    assert plain_stored_cases(str(copy)) is None


@pytest.mark.parametrize(
    ("row", "said"),
    [
        ({"number": 9805, "history": {}}, "history: expected a list, found dict"),
        ({"number": 9805, "history": [{"meeting": "x"}]}, "expected int, found 'x'"),
        ({"number": 9805, "deadline": "someday"}, "deadline: expected date"),
        ({"number": 9805, "kind": "county"}, "kind: expected CaseKind"),
    ],
)
def test_a_case_stored_in_another_shape_is_named_by_the_plain_listing_too(
    tmp_path: Path, row: dict[str, object], said: str
) -> None:
    made = Repository.open(tmp_path / "db")
    with made.store.transaction() as tx:
        tx.db("cases/open").table("internal").insert(Document(row, doc_id=9805))
    result = agenda("cases", db=tmp_path / "db", env={"AGENDA_LANG": "en"})
    assert said in one_error_line(result)


def test_a_damaged_profile_is_refused_as_every_command_refuses_it(tmp_path: Path) -> None:
    db = tmp_path / "db"
    assert agenda("import", REFERENCE, db=db).returncode == 0
    assert agenda("cases", db=db).returncode == 0  # known good from now on
    profile = db / "profile.toml"
    profile.write_text(profile.read_text(encoding="utf-8") + "bogus_key = 1\n", encoding="utf-8")
    for words in (("cases",), ("cases", "--json"), ("show", "101")):
        result = agenda(*words, db=db)
        assert result.returncode == 1
        assert "bogus_key" in one_error_line(result)
