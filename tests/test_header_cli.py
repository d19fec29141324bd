"""`agenda edit`, `attend`, `delete` and `undo` as offices' scripts call them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_support import demo_database, stored
from tests.cli_support import agenda, load_json, one_error_line, private_copy


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory.mktemp("header"))


@pytest.fixture
def db(demo: Path, tmp_path: Path) -> Path:
    return private_copy(demo, tmp_path)


def ok(db: Path, *args: str) -> str:
    result = agenda(*args, db=db)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_edit_as_written_changes_the_header_and_says_so_in_one_line(db: Path) -> None:
    out = ok(
        db,
        "edit",
        "102",
        "--date",
        "110/7/22",
        "--time",
        "14:30",
        "--place",
        "本府北區第一會議室",
        "--chair",
        "陳志銘(請假)王主秘(代)",
        "--recorder",
        "王小明",
    )
    assert out == (
        "meeting 102: 時間：民國 110 年 7 月 22 日 14 時 30 分；地點：本府北區第一會議室；"
        "主席：陳志銘(請假)王主秘(代)；紀錄：王小明\n"
    )
    meeting = stored(db, 102)
    assert meeting.start.isoformat() == "2021-07-22T14:30:00"
    assert meeting.chair == "陳志銘(請假)王主秘(代)"
    assert "header: 時間：民國 110 年 7 月 22 日" in ok(db, "log", "102")


def test_an_iso_date_and_the_recorder_label(db: Path) -> None:
    ok(db, "edit", "102", "--date", "2021-07-29")
    out = ok(db, "edit", "102", "--recorder-label", "彙整")
    assert out == "meeting 102: 彙整：許菁芳\n"
    meeting = stored(db, 102)
    assert (meeting.start.isoformat(), meeting.recorder_label) == ("2021-07-29T10:00:00", "彙整")
    assert ok(db, "edit", "102", "--place", "視訊會議") == "meeting 102: nothing changed\n"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("edit", "102", "--date", "110/2/30"), "--date: 2 月 30 日 does not exist"),
        (("edit", "102", "--time", "25:00"), "--time: hour 25 is out of range"),
        (("edit", "999", "--place", "會議室"), "no meeting 999"),
        (("edit", "102"), "nothing to change"),
        (("attend", "102", "--absent", "陳○○=病假"), "陳○○: the leave is 請假 or 公假, not 病假"),
        (("attend", "102", "--proxy", "李四"), "say who stands in"),
        (("attend", "999", "--present", "王○○"), "no meeting 999"),
        (("delete", "101"), "meeting 101 is 紀錄完成, not a draft agenda"),
        (("delete", "999"), "no meeting 999"),
    ],
)
def test_a_refusal_is_one_line_and_status_2(db: Path, args: tuple[str, ...], says: str) -> None:
    before = stored(db, 102)
    result = agenda(*args, db=db)
    assert result.returncode == 2
    assert says in one_error_line(result)
    assert stored(db, 102) == before


def test_attend_as_written_marks_and_shows_the_lines(db: Path) -> None:
    out = ok(
        db,
        "attend",
        "102",
        "--present",
        "王○○",
        "--present",
        "陳○○",
        "--absent",
        "陳○○=公假",
        "--absent",
        "林○○",
        "--proxy",
        "李四=王五",
        "--observer",
        "秘書室吳主任",
        "--late",
        "張三=10:20",
    )
    assert out == (
        "出席：王○○、李四（王五代）、張三（10 時 20 分到）\n"
        "列席：秘書室吳主任\n"
        "請假：陳○○（公假）、林○○\n"
    )
    assert ok(db, "attend", "102", "--as-signed").startswith("出席：如簽到表；李四（王五代）")
    data = load_json(agenda("attend", "102", "--json", db=db))
    assert data["present_as_text"] == "如簽到表"
    assert data["present"][1] == {"name": "李四", "mark": "", "stand_in": "王五", "arrived": None}
    assert data["present"][2]["arrived"] == "10:20:00"
    assert [p["name"] for p in data["absent"]] == ["陳○○", "林○○"]
    assert ok(db, "attend", "102") == ok(db, "attend", "102")  # showing changes nothing
    log = ok(db, "log", "102").splitlines()
    assert "attendance: 出席 王○○、陳○○；請假 陳○○（公假）、林○○" in log[-2]


def test_delete_a_draft_keeps_its_log_and_undo_puts_it_back(db: Path) -> None:
    ok(db, "edit", "102", "--place", "第一會議室")
    out = ok(db, "delete", "102")
    assert out == "meeting 102 deleted; `agenda undo 102` puts it back\n"
    assert [m["number"] for m in load_json(agenda("meetings", "--json", db=db))] == [101]
    log = ok(db, "log", "102")
    assert log.splitlines()[-1].endswith("meeting 102 deleted")
    assert "no meeting 102" in one_error_line(agenda("show", "102", db=db))
    assert ok(db, "undo", "102").startswith("meeting 102: change 3 undone: meeting 102 put back")
    assert stored(db, 102).place == "第一會議室"
    assert ok(db, "undo", "102", "--change", "2").startswith("meeting 102: change 2 undone:")
    assert stored(db, 102).place == "視訊會議"


def test_the_new_commands_are_in_the_help(db: Path) -> None:
    listed = ok(db, "--help")
    for command in ("edit", "attend", "delete", "undo"):
        assert f"    {command} " in listed
    render = ok(db, "render", "--help")
    assert "--sign-in" in render
