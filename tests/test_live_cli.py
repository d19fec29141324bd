"""The commands of recording live: `motion`, `report`, `stamp`, `status` going back; each
change in the meeting's log, refusals with exit status 2."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.app_support import stored
from tests.cli_support import agenda, load_json, one_error_line, private_copy
from tui.domain.model import MeetingStatus, Point


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("live-cli")
    db = folder / "db"
    assert agenda("import", Path("data/record-101.md"), db=db).returncode == 0
    assert agenda("prepare", db=db).returncode == 0
    yield db
    shutil.rmtree(folder)


@pytest.fixture
def db(prepared: Path, tmp_path: Path) -> Path:
    return private_copy(prepared, tmp_path)


def ok(*args: str | Path, db: Path) -> str:
    result = agenda(*args, db=db)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_motions_are_added_edited_moved_listed_and_removed(db: Path) -> None:
    assert ok("motion", "add", "102", "總務組王組長口頭報告：薪資單標示。", db=db).split() == [
        "motion",
        "added",
        "at",
        "參、一",
    ]
    ok("motion", "add", "102", "法制王視察", db=db)
    ok("motion", "edit", "102", "參、二", "--text", "兩公約課程。", "--kind", "書面報告", db=db)
    ok("conclude", "102", "參、二", "請主管轉知同仁。", db=db)
    assert "參、一" in ok("motion", "move", "102", "參、二", "--up", db=db)
    rows = load_json(agenda("motion", "list", "102", "--json", db=db))
    assert [(r["written"], r["presenter"], r["kind"], r["text"]) for r in rows] == [
        ("參、一", "法制王視察", "書面報告", "兩公約課程。"),
        ("參、二", "總務組王組長", "口頭報告", "薪資單標示。"),
    ]
    assert rows[0]["conclusions"] == ["請主管轉知同仁。"]
    ok("motion", "remove", "102", "3.2", db=db)
    assert [m.presenter for m in stored(db, 102).sections[-1].items] == ["法制王視察"]
    log = load_json(agenda("log", "102", "--json", db=db))
    ops = [line["op"] for line in log]
    assert ops[-6:] == [
        "add_motion",
        "add_motion",
        "edit_motion",
        "write_conclusion",
        "move_motion",
        "remove_item",
    ]
    assert all(line["undoable"] for line in log[-6:])


def test_a_motion_command_on_what_is_no_motion_is_refused(db: Path) -> None:
    result = agenda("motion", "edit", "102", "貳、一", "--text", "x", db=db)
    assert result.returncode == 2 and "not a temporary motion" in one_error_line(result)
    result = agenda("motion", "remove", "102", "參、九", db=db)
    assert result.returncode == 2, result.stderr
    result = agenda("motion", "move", "999", "參、一", "--up", db=db)
    assert result.returncode == 2, result.stderr


def test_a_report_is_renamed_its_kind_changed_and_its_points_written(db: Path) -> None:
    ok(
        "report",
        "edit",
        "102",
        "貳、四",
        "機要組",
        "--speaker",
        "機要組莊組長",
        "--kind",
        "口頭報告",
        "--text",
        "議會報告如下：\n(一) 備詢資料已送達。\n1. 主計處\n(二) 模擬題彙整中。",
        "--point",
        "請各組室配合。",
        db=db,
    )
    rows = load_json(agenda("report", "list", "102", "貳、四", "--json", db=db))
    row = rows[1]
    assert (row["number"], row["speaker"], row["kind"], row["text"]) == (
        2,
        "機要組莊組長",
        "口頭報告",
        "議會報告如下：",
    )
    report = stored(db, 102).sections[1].items[3].reports[1]
    assert report.points == [
        Point("備詢資料已送達。", [Point("主計處")]),
        Point("模擬題彙整中。"),
        Point("請各組室配合。"),
    ]
    ok("report", "add", "102", "貳、四", "秘書室陳主任", "補充一點。", db=db)
    ok("report", "add", "102", "貳、四", "秘書室林專員", "--kind", "書面報告", db=db)
    assert stored(db, 102).sections[1].items[3].reports[-1].kind == "書面報告"
    ambiguous = agenda("report", "edit", "102", "貳、四", "秘書室", "--kind", "口頭報告", db=db)
    assert ambiguous.returncode == 2 and "give its number" in one_error_line(ambiguous)
    ok("report", "remove", "102", "貳、四", "秘書室陳主任", db=db)
    ok("report", "remove", "102", "貳、四", "10", db=db)  # 秘書室林專員, by its number
    assert len(stored(db, 102).sections[1].items[3].reports) == 9
    unknown = agenda("report", "edit", "102", "貳、四", "主計處", "--kind", "口頭報告", db=db)
    assert unknown.returncode == 2 and "no report of 主計處" in one_error_line(unknown)


def test_stamps_are_corrected_and_the_status_moves_back_with_a_reason(db: Path) -> None:
    ok("status", "102", "recorded", "--end", "11:20", db=db)
    ok("stamp", "102", "--start", "14:30", "--end", "下午4時5分", db=db)
    meeting = stored(db, 102)
    assert (meeting.start.strftime("%H:%M"), str(meeting.end)) == ("14:30", "16:05:00")
    refused = agenda("status", "102", "in_session", db=db)
    assert refused.returncode == 2 and "--reason" in one_error_line(refused)
    ok("status", "102", "in_session", "--reason", "散會時間按早了", db=db)
    meeting = stored(db, 102)
    assert (meeting.status, meeting.end) == (MeetingStatus.IN_SESSION, None)
    log = load_json(agenda("log", "102", "--json", db=db))
    assert log[-1]["op"] == "move_back" and "散會時間按早了" in log[-1]["summary"]
    assert log[-1]["undoable"]
    not_adjourned = agenda("stamp", "102", "--end", "16:10", db=db)
    assert not_adjourned.returncode == 2, not_adjourned.stderr
    assert agenda("stamp", "102", db=db).returncode == 2


def test_help_lists_the_new_commands() -> None:
    listed = agenda("--help").stdout
    for command in ("motion", "report", "stamp", "status"):
        assert f"    {command}" in listed, command
    assert "--reason" in agenda("status", "--help").stdout
    assert "move" in agenda("motion", "--help").stdout


@pytest.mark.parametrize("place", ["-1", "99.9", "甲"])
def test_a_list_of_reports_at_no_place_is_refused_in_a_line(db: Path, place: str) -> None:
    """Found by the fuzzing suite: `report list 102 -1` ended in a traceback."""
    result = agenda("report", "list", "102", place, db=db)
    assert result.returncode == 2 and f"has no item {place}" in one_error_line(result)
