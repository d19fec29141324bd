"""The month's work through the `agenda` command: prepare, decide, conclude, record, confirm."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REFERENCE


def agenda(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def ok(db: Path, *args: str) -> str:
    result = agenda(db, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "db"
    ok(path, "import", str(REFERENCE))
    return path


def test_prepare_prints_the_number_and_date(db: Path) -> None:
    out = ok(db, "prepare")
    assert "prepared meeting 102 on 民國 110 年 7 月 15 日 10 時 0 分" in out
    again = agenda(db, "prepare", "--after", "101")
    assert again.returncode == 2
    assert "102 exists already" in again.stderr


def test_prepare_on_a_roc_date(db: Path) -> None:
    out = ok(db, "prepare", "--date", "110/7/22")
    assert "民國 110 年 7 月 22 日 10 時 0 分" in out


def test_a_wrong_date_is_one_line(db: Path) -> None:
    result = agenda(db, "prepare", "--date", "110 年 13 月 1 日")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "13" in result.stderr


def test_the_agenda_lists_open_cases_with_progress_slots(db: Path) -> None:
    ok(db, "prepare")
    text = ok(db, "render", "102", "--agenda", "--format", "txt")
    assert text.splitlines()[0].strip() == "臺北市政府秘書處第 102 次處務會議議程"
    for number in ("9805", "9903", "9904", "10101", "12601", "12616"):
        assert number in text
    assert "10001" not in text and "10007" not in text
    assert text.count("（請主辦單") == 6  # the 列管 table's slot, wrapped in its column


def test_a_meeting_decided_and_recorded(db: Path) -> None:
    ok(db, "prepare")
    ok(db, "decide", "102", "9805", "--release", "--progress", "已完成。")
    ok(db, "decide", "102", "9903", "--release")
    ok(db, "decide", "102", "9904", "--keep")
    ok(db, "decide", "102", "10101", "--keep")
    out = ok(db, "conclude", "102", "2.4", "請總務組研議車輛報廢計畫。", "--track")
    assert "tracked case 10201 (總務組)" in out
    ok(db, "status", "102", "recorded", "--end", "11 時 5 分")
    ok(db, "confirm", "101")
    record = ok(db, "render", "102")
    assert "列管案號 9805 及 9903 均解除列管；列管案號 9904 及 10101 賡續列管。" in record
    assert "散會 (11 時 5 分)" in record
    assert "會議結論：紀錄確定。" in record
    history = json.loads(ok(db, "cases", "--history", "9805", "--json"))
    assert [(e["meeting"], e["decision"]) for e in history[0]["history"]] == [
        (101, "keep"),
        (102, "release"),
    ]
    owned = json.loads(ok(db, "cases", "--unit", "總務組", "--json"))
    assert {c["number"] for c in owned} == {10101, 10201}
    released_again = agenda(db, "decide", "102", "10001", "--keep")
    assert released_again.returncode == 2
    assert "released at meeting 101" in released_again.stderr


def test_undecided_cases_stop_prepare_until_forced(db: Path) -> None:
    ok(db, "prepare")
    ok(db, "decide", "102", "9805", "--release")
    stopped = agenda(db, "prepare")
    assert stopped.returncode == 2
    assert "9903、9904、10101" in stopped.stderr and "--force" in stopped.stderr
    forced = ok(db, "prepare", "--force")
    assert "prepared meeting 103" in forced
    assert "9903、9904、10101" in forced


def test_overdue_cases(db: Path) -> None:
    """Overdue on the next meeting's date (102, 110/7/15), not today's."""
    ok(db, "prepare")
    ok(db, "conclude", "102", "2.1", "請人事室辦理。", "--track", "--deadline", "110/7/14")
    ok(db, "conclude", "102", "2.1", "請總務組辦理。", "--track", "--deadline", "110/8/31")
    overdue = json.loads(ok(db, "cases", "--overdue", "--json"))
    assert [c["number"] for c in overdue] == [10201]
    assert overdue[0]["deadline"] == "2021-07-14"
