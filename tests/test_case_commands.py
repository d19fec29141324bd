"""`agenda case` and `agenda propose` as a user runs them on the demo data."""

from __future__ import annotations

import json
from pathlib import Path

from tests.app_support import demo_database
from tests.cli_support import agenda, one_error_line


def _case(db: Path, number: int) -> dict[str, object]:
    listed = json.loads(agenda("cases", "--json", db=db).stdout)
    found: dict[str, object] = next(c for c in listed if c["number"] == number)
    return found


def test_case_sets_subject_owner_co_owners_and_deadlines_without_a_new_number(
    tmp_path: Path,
) -> None:
    db = demo_database(tmp_path)
    before = [c["number"] for c in json.loads(agenda("cases", "--json", db=db).stdout)]
    done = agenda(
        *("case", "9805", "--subject", "辦公室節能", "--owner", "總務組"),
        *("--co-owner", "人事室", "--co-owner", "會計室"),
        db=db,
    )
    assert done.returncode == 0, done.stderr
    first = agenda("case", "9903", "--deadline", "110/7/31", "--reason", "配合預算期程", db=db)
    assert "民國 110 年 7 月 31 日" in first.stdout and "2021" not in first.stdout
    agenda("case", "9903", "--deadline", "2021-09-30", "--reason", "廠商延遲交貨", db=db)
    case = _case(db, 9805)
    assert (case["subject"], case["owner"], case["co_owners"]) == (
        "辦公室節能",
        "總務組",
        ["人事室", "會計室"],
    )
    case = _case(db, 9903)
    assert case["deadline"] == "2021-09-30"
    history = agenda("cases", "--history", "9903", db=db).stdout
    assert "配合預算期程" in history and "廠商延遲交貨" in history
    after = [c["number"] for c in json.loads(agenda("cases", "--json", db=db).stdout)]
    assert after == before
    assert "9903" in agenda("log", "102", db=db).stdout


def test_a_deadline_without_a_reason_is_refused(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    result = agenda("case", "9903", "--deadline", "110/7/31", db=db)
    assert result.returncode == 2
    assert "--reason" in one_error_line(result)


def test_propose_keeps_the_units_proposal_beside_the_decision(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    done = agenda(
        *("propose", "102", "9904", "--keep", "--progress", "施工中。"),
        *("--deadline", "110/8/31"),
        db=db,
    )
    assert done.returncode == 0, done.stderr
    assert "建議繼續列管" in done.stdout
    agenda("decide", "102", "9904", "--release", db=db)
    history = _case(db, 9904)["history"]
    assert isinstance(history, list)
    event = history[-1]
    assert (event["progress"], event["proposal"], event["decision"]) == (
        "施工中。",
        "keep",
        "release",
    )
    assert event["proposed_deadline"] == "2021-08-31"
