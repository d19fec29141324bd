"""`agenda cases` as a register: each filter, the summary per unit, the flags in the listing
and in --json, and the line that says which day overdue is reckoned on — in English and
Chinese, as a real process on a real database."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.cli_support import agenda, load_json, one_error_line
from tests.conftest import REFERENCE
from tui.domain.rocdate import format_short_date
from tui.render.cjkwrap import width

CHINESE = {"AGENDA_LANG": "zh-TW"}
ON_102 = "overdue as of meeting 102 (110 年 7 月 15 日)"
OPEN = [9805, 9903, 9904, 10101, 12601, 12616]
CLOSED = [10001, 10002, 10003, 10004, 10005, 10006, 10007]


def ok(db: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = agenda(*args, db=db, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Record 101, meeting 102 prepared (a draft on 110/7/15): 9903 past its deadline on that
    day, 9904 due within 30 days (總務組, 人事室 co-owning), 9805 due at the year's end (人事室);
    the units proposed keep on 9904 and release on 9805."""
    path = tmp_path_factory.mktemp("register") / "db"
    ok(path, "import", str(REFERENCE))
    ok(path, "prepare")
    ok(path, "case", "9903", "--deadline", "110/7/10", "--reason", "配合預算。")
    ok(path, "case", "9904", "--deadline", "110/8/1", "--reason", "配合預算。")
    ok(
        path,
        "case",
        "9904",
        "--subject",
        "辦公室節能。",
        "--owner",
        "總務組",
        "--co-owner",
        "人事室",
    )
    ok(path, "case", "9805", "--owner", "人事室", "--deadline", "110/12/31", "--reason", "年底。")
    ok(path, "propose", "102", "9904", "--keep", "--progress", "施工中。")
    ok(path, "propose", "102", "9805", "--release", "--progress", "已完成。")
    return path


def listed(db: Path, *args: str) -> list[int]:
    return [c["number"] for c in load_json(agenda("cases", *args, "--json", db=db))]


def rows(text: str) -> dict[int, str]:
    """The listing's lines by case number."""
    return {int(line.split()[0]): line for line in text.splitlines()[1:-1]}


def test_the_listing_flags_deadlines_on_the_next_meetings_day_and_says_so(db: Path) -> None:
    text = ok(db, "cases", "--open")
    lines = text.splitlines()
    assert lines[0].split() == ["number", "status", "kind", "owner", "deadline", "subject"]
    assert lines[-1] == ON_102
    found = rows(text)
    assert list(found) == OPEN
    assert "110/7/10 逾期" in found[9903]
    assert (
        "110/8/1 將屆" in found[9904] and "總務組" in found[9904] and "辦公室節能。" in found[9904]
    )
    assert "110/12/31" in found[9805] and "逾期" not in found[9805] and "將屆" not in found[9805]
    assert all(width(line) <= 80 for line in lines)


def test_the_listing_aligns_its_columns_by_display_width(db: Path) -> None:
    lines = ok(db, "cases").splitlines()
    at = [
        width(line[: line.index("本處") if "本處" in line else line.index("市長室")])
        for line in lines[1:-1]
    ]
    assert len(set(at)) == 1  # 已解除列管 and 列管中 padded alike


def test_in_chinese(db: Path) -> None:
    text = ok(db, "cases", "--overdue", env=CHINESE)
    lines = text.splitlines()
    assert lines[0].split() == ["案號", "狀態", "類別", "主辦", "列管期限", "案由"]
    assert lines[-1] == "逾期以第 102 次會議（110 年 7 月 15 日）為準"
    assert list(rows(text)) == [9903]


def test_status_open_closed_all_and_open_as_before(db: Path) -> None:
    assert listed(db, "--status", "open") == OPEN == listed(db, "--open")
    assert listed(db, "--status", "closed") == CLOSED
    assert sorted(listed(db)) == sorted(OPEN + CLOSED) == sorted(listed(db, "--status", "all"))


def test_unit_lists_the_cases_it_owns_and_co_owns(db: Path) -> None:
    assert listed(db, "--unit", "人事室") == [9805, 9904]
    assert listed(db, "--unit", "總務組", "--open") == [9904, 10101]


def test_due_before_takes_the_day_in_roc_or_iso(db: Path) -> None:
    assert listed(db, "--due-before", "110/7/31") == [9903]
    assert listed(db, "--due-before", "2021-08-01") == [9903, 9904]
    assert listed(db, "--due-before", "民國 110 年 12 月 31 日") == [9805, 9903, 9904]


def test_proposal_at_the_newest_meeting(db: Path) -> None:
    assert listed(db, "--proposal", "keep") == [9904]
    assert listed(db, "--proposal", "release") == [9805]
    assert listed(db, "--proposal", "none", "--open") == [9903, 10101, 12601, 12616]


def test_overdue_is_one_rule_with_the_flags(db: Path) -> None:
    assert listed(db, "--overdue") == [9903]


def test_a_bad_date_is_one_line(db: Path) -> None:
    line = one_error_line(agenda("cases", "--due-before", "110/13/1", db=db))
    assert line == 'agenda: error: --due-before: month 13 is out of range in "110/13/1"'
    chinese = agenda("cases", "--due-before", "明天", db=db, env=CHINESE)
    assert chinese.returncode == 2 and chinese.stdout == ""
    assert chinese.stderr == 'agenda：錯誤：--due-before：找不到日期："明天"\n'


def test_overdue_and_closed_together_are_refused_in_one_line(db: Path) -> None:
    line = one_error_line(agenda("cases", "--overdue", "--status", "closed", db=db))
    assert "--overdue" in line


# -- --json --------------------------------------------------------------------------

CASE_FIELDS = {
    "number",
    "subject",
    "owner",
    "co_owners",
    "kind",
    "origin_meeting",
    "origin_item",
    "origin_conclusion",
    "deadline",
    "deadline_changes",
    "merged_from",
    "history",
    "status",
    "flag",
    "flag_on",
}
EVENT_FIELDS = {
    "meeting",
    "progress",
    "progress_points",
    "proposal",
    "proposed_deadline",
    "decision",
    "conclusion",
    "reason",
    "merged_into",
    "moved_to",
    "new_deadline",
    "answered_on",  # when the owner unit's form answer was collected (ISO), else null
    "answered_from",
}


def test_json_keeps_its_list_and_adds_the_flag_and_its_day(db: Path) -> None:
    cases: list[dict[str, Any]] = load_json(agenda("cases", "--json", db=db))
    by_number = {c["number"]: c for c in cases}
    assert {c["flag_on"] for c in cases} == {"2021-07-15"}
    assert by_number[9903]["flag"] == "overdue"
    assert by_number[9904]["flag"] == "near"
    assert by_number[9805]["flag"] == "" and by_number[10001]["flag"] == ""
    for case in cases:
        assert set(case) == CASE_FIELDS
        assert all(set(event) == EVENT_FIELDS for event in case["history"])
    nine = by_number[9904]
    assert (nine["deadline"], nine["owner"], nine["co_owners"]) == (
        "2021-08-01",
        "總務組",
        ["人事室"],
    )
    assert nine["history"][-1]["proposal"] == "keep"
    assert nine["history"][-1]["progress"] == "施工中。"


def test_history_json_carries_the_flag_too(db: Path) -> None:
    [case] = load_json(agenda("cases", "--history", "9903", "--json", db=db))
    assert (case["flag"], case["flag_on"]) == ("overdue", "2021-07-15")


# -- the summary -------------------------------------------------------------------------


def test_summary_counts_open_cases_per_owner(db: Path) -> None:
    lines = ok(db, "cases", "--summary").splitlines()
    assert lines[0].split() == ["unit", "open", "overdue", "near"]
    table = {line.rsplit(maxsplit=3)[0]: line.split()[-3:] for line in lines[1:-2]}
    assert table == {
        "總務組": ["2", "0", "1"],
        "人事室": ["1", "0", "0"],
        "公共事務管理中心": ["1", "0", "0"],
        "（未定）": ["2", "1", "0"],
        "total": ["6", "1", "1"],
    }
    assert lines[-2:] == [ON_102, "near: due within 30 days"]


def test_summary_in_chinese(db: Path) -> None:
    lines = ok(db, "cases", "--summary", env=CHINESE).splitlines()
    assert lines[0].split() == ["主辦單位", "列管中", "逾期", "將屆"]
    assert lines[-3].split() == ["合計", "6", "1", "1"]
    assert lines[-1] == "將屆：列管期限在 30 日內"


def test_summary_json(db: Path) -> None:
    summary = load_json(agenda("cases", "--summary", "--json", db=db))
    assert (summary["flag_on"], summary["meeting"], summary["warning_days"]) == (
        "2021-07-15",
        102,
        30,
    )
    units = {u["unit"]: (u["open"], u["overdue"], u["near"]) for u in summary["units"]}
    assert units == {
        "總務組": (2, 0, 1),
        "人事室": (1, 0, 0),
        "公共事務管理中心": (1, 0, 0),
        "": (2, 1, 0),
    }


# -- no meeting being prepared: today ---------------------------------------------------


def test_with_no_next_meeting_overdue_is_reckoned_on_today(tmp_path: Path) -> None:
    db = tmp_path / "db"
    ok(db, "import", str(REFERENCE))
    ok(db, "case", "9903", "--deadline", "110/7/10", "--reason", "配合預算。")
    today = date.today()
    text = ok(db, "cases", "--overdue")
    assert text.splitlines()[-1] == f"overdue as of today ({format_short_date(today)})"
    assert list(rows(text)) == [9903]
    said = ok(db, "cases", "--overdue", env=CHINESE).splitlines()[-1]
    assert said == f"逾期以今日（{format_short_date(today)}）為準"
    [case] = load_json(agenda("cases", "--overdue", "--json", db=db))
    assert (case["flag"], case["flag_on"]) == ("overdue", today.isoformat())
