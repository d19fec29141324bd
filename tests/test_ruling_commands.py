"""`agenda decide` with its reason, new deadline and words, and `agenda accept`, as a user
runs them on the demo data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.app_support import demo_database
from tests.cli_support import agenda, one_error_line, snapshot


def _case(db: Path, number: int) -> dict[str, object]:
    listed = json.loads(agenda("cases", "--json", db=db).stdout)
    found: dict[str, object] = next(c for c in listed if c["number"] == number)
    return found


def _event(db: Path, number: int, meeting: int = 102) -> dict[str, object]:
    history = _case(db, number)["history"]
    assert isinstance(history, list)
    found: dict[str, object] = next(e for e in history if e["meeting"] == meeting)
    return found


def test_decide_merges_moves_and_keeps_with_a_new_deadline(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    merged = agenda("decide", "102", "9904", "--release", "--into", "10101", db=db)
    assert merged.returncode == 0, merged.stderr
    assert "併入列管案號 10101" in merged.stdout
    moved = agenda("decide", "102", "9805", "--release", "--to", "市政會議", db=db)
    assert "移列市政會議" in moved.stdout
    kept = agenda(
        *("decide", "102", "9903", "--keep", "--deadline", "110/12/31"),
        *("--words", "請於年底前完成。", "--progress", "刻正辦理中。"),
        db=db,
    )
    assert "展延至 110 年 12 月 31 日" in kept.stdout and "2021" not in kept.stdout
    event = _event(db, 9904)
    assert (event["decision"], event["reason"], event["merged_into"]) == (
        "release",
        "merged",
        10101,
    )
    assert _case(db, 10101)["merged_from"] == [9904]
    assert (_event(db, 9805)["reason"], _event(db, 9805)["moved_to"]) == ("moved", "市政會議")
    event = _event(db, 9903)
    assert (event["new_deadline"], event["conclusion"], event["progress"]) == (
        "2021-12-31",
        "請於年底前完成。",
        "刻正辦理中。",
    )
    assert _case(db, 9903)["deadline"] == "2021-12-31"
    history = agenda("cases", "--history", "10101", db=db).stdout
    assert "併入本案：列管案號 9904" in history


def test_accept_decides_every_case_as_proposed(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    agenda("propose", "102", "9805", "--release", db=db)
    agenda("propose", "102", "9903", "--keep", "--deadline", "110/10/31", db=db)
    one = agenda("accept", "102", "9805", db=db)
    assert one.returncode == 0, one.stderr
    assert _event(db, 9805)["reason"] == "done"
    every = agenda("accept", "102", db=db)
    assert every.returncode == 0, every.stderr
    assert "9903" in every.stdout and "9805" not in every.stdout
    assert _case(db, 9903)["deadline"] == "2021-10-31"
    again = agenda("accept", "102", db=db)
    assert again.returncode == 2
    assert "擬辦" in one_error_line(again)


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (("--keep", "--into", "10101"), "--release"),
        (("--release", "--deadline", "110/9/1"), "--keep"),
        (("--release", "--into", "10101", "--to", "市政會議"), "not both"),
        (("--release", "--reason", "merged"), "--into"),
        (("--release", "--into", "9904"), "itself"),
        (("--release", "--into", "10001"), "no longer tracked"),
        (("--keep", "--deadline", "110/13/1"), "--deadline"),
    ],
)
def test_a_ruling_that_cannot_be_is_one_line_and_changes_nothing(
    tmp_path: Path, args: tuple[str, ...], problem: str
) -> None:
    db = demo_database(tmp_path)
    before = snapshot(db)
    result = agenda("decide", "102", "9904", *args, db=db, env={"AGENDA_LANG": "en"})
    assert result.returncode in (1, 2)
    assert problem in one_error_line(result)
    assert snapshot(db) == before


def test_case_new_kind_moves_a_case_to_its_outside_number(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    done = agenda("case", "9904", "--new-kind", "council", "--new-number", "3301", db=db)
    assert done.returncode == 0, done.stderr
    listed = json.loads(agenda("cases", "--json", db=db).stdout)
    assert [(c["kind"], c["number"]) for c in listed if c["number"] in (9904, 3301)] == [
        ("council", 3301)
    ]
    refused = agenda("case", "10101", "--new-kind", "mayor", db=db, env={"AGENDA_LANG": "en"})
    assert refused.returncode == 2 and "opened by a conclusion" in one_error_line(refused)
