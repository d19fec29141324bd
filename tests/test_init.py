"""Starting without a record: `agenda init` makes a database and its profile for an office
that has no record to import, and `prepare --date` makes its first meeting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_support import agenda, load_json, one_error_line
from tests.conftest import REFERENCE
from tui.domain.model import ItemKind
from tui.profile import load_profile

OFFICE = [
    "--organisation",
    "臺北市政府工務局",
    "--series",
    "局務會議",
    "--unit",
    "總務組",
    "--unit",
    "機要組,秘書",
    "--rule",
    "FREQ=MONTHLY;BYDAY=+3TH;BYHOUR=14;BYMINUTE=30",
    "--place",
    "第一會議室",
    "--chair",
    "彭振聲",
    "--recorder",
    "王小明",
    "--member",
    "彭振聲,局長",
    "--member",
    "莊文峰,組長,機要組",
    "--language",
    "zh-TW",
]


def ok(db: Path, *args: str) -> str:
    result = agenda(*args, db=db)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_init_makes_a_database_and_its_profile(tmp_path: Path) -> None:
    db = tmp_path / "db"
    said = ok(db, "init", *OFFICE)
    assert str(db) in said
    profile = load_profile(db / "profile.toml")
    assert (profile.organisation, profile.series) == ("臺北市政府工務局", "局務會議")
    assert [(u.name, u.reporter) for u in profile.units] == [("總務組", "組長"), ("機要組", "秘書")]
    assert profile.schedule.rule == "FREQ=MONTHLY;BYDAY=+3TH;BYHOUR=14;BYMINUTE=30"
    assert (profile.place, profile.chair, profile.recorder) == ("第一會議室", "彭振聲", "王小明")
    assert profile.language == "zh-TW"
    assert [(m.name, m.title, m.unit) for m in profile.members] == [
        ("彭振聲", "局長", ""),
        ("莊文峰", "組長", "機要組"),
    ]
    kinds = [s.kind for s in profile.agenda]
    assert kinds == [ItemKind.READ_RECORD, ItemKind.ORDINARY, ItemKind.MOTIONS]
    assert "局務會議" in profile.agenda[0].title
    assert load_json(agenda("meetings", "--json", db=db)) == []


def test_the_first_meeting_is_prepared_from_the_profile(tmp_path: Path) -> None:
    db = tmp_path / "db"
    ok(db, "init", *OFFICE)
    said = ok(db, "prepare", "--date", "110/7/22")
    assert "1" in said and "110 年 7 月 22 日 14 時 30 分" in said
    meeting = json.loads(ok(db, "show", "1", "--json"))
    assert meeting["start"] == "2021-07-22T14:30:00"
    assert [s["title"] for s in meeting["sections"]] == ["報告事項", "臨時動議"]
    items = meeting["sections"][0]["items"]
    assert [i["kind"] for i in items] == ["unit_reports"]  # no earlier conclusions to report on
    assert [r["speaker"] for r in items[0]["reports"]] == ["總務組組長", "機要組秘書"]
    agenda_text = ok(db, "render", "1", "--agenda")
    assert "臺北市政府工務局第 1 次局務會議議程" in agenda_text
    assert "地點：第一會議室" in agenda_text
    # and the month goes on from it
    ok(db, "status", "1", "recorded", "--end", "15:40")
    ok(db, "prepare")
    second = json.loads(ok(db, "show", "2", "--json"))
    assert second["sections"][0]["title"] == "宣讀 110 年 7 月 22 日第 1 次局務會議紀錄。"
    assert second["start"] == "2021-08-19T14:30:00"


def test_the_first_meeting_can_go_on_from_records_kept_on_paper(tmp_path: Path) -> None:
    db = tmp_path / "db"
    ok(db, "init", *OFFICE)
    ok(db, "prepare", "--number", "58", "--date", "110/7/22 9:30")
    meeting = json.loads(ok(db, "show", "58", "--json"))
    assert meeting["start"] == "2021-07-22T09:30:00"
    assert meeting["sections"][0]["title"] == "宣讀第 57 次局務會議紀錄。"


def test_the_date_comes_from_the_rule_when_none_is_given(tmp_path: Path) -> None:
    db = tmp_path / "db"
    ok(db, "init", *OFFICE)
    ok(db, "prepare")
    [row] = load_json(agenda("meetings", "--json", db=db))
    assert row["number"] == 1


def test_without_a_rule_the_first_meeting_needs_a_date_and_time(tmp_path: Path) -> None:
    db = tmp_path / "db"
    ok(db, "init", "--organisation", "某機關", "--series", "處務會議")
    result = agenda("prepare", "--date", "110/7/22", db=db)
    assert result.returncode == 2
    assert "14:30" in one_error_line(result)
    ok(db, "prepare", "--date", "110/7/22 14:30")


def test_number_is_only_for_the_first_meeting(tmp_path: Path) -> None:
    db = tmp_path / "db"
    ok(db, "import", str(REFERENCE))
    result = agenda("prepare", "--number", "5", db=db)
    assert result.returncode == 2
    assert "--number" in one_error_line(result)


def test_an_existing_database_is_refused_unless_forced(tmp_path: Path) -> None:
    db = tmp_path / "db"
    ok(db, "import", str(REFERENCE))
    before = (db / "profile.toml").read_text("utf-8")
    result = agenda("init", *OFFICE, db=db)
    assert result.returncode == 2
    assert "--force" in one_error_line(result)
    assert (db / "profile.toml").read_text("utf-8") == before
    ok(db, "init", *OFFICE, "--force")
    assert load_profile(db / "profile.toml").organisation == "臺北市政府工務局"
    assert (db / "profile.toml.bak").read_text("utf-8") == before
    assert [m["number"] for m in load_json(agenda("meetings", "--json", db=db))] == [101]


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["--series", "處務會議"], "--organisation"),
        (["--organisation", "某機關", "--series", "處務會議", "--rule", "FREQ=SOMETIMES"], "rule"),
        (["--organisation", "某機關", "--series", "處務會議", "--unit", " "], "--unit"),
        (["--organisation", "某\x1b[31m機關", "--series", "處務會議"], "control"),
    ],
)
def test_bad_flags_are_refused_and_nothing_is_made(
    tmp_path: Path, args: list[str], problem: str
) -> None:
    db = tmp_path / "db"
    result = agenda("init", *args, db=db)
    assert result.returncode == 2
    assert problem in one_error_line(result)
    assert not db.exists()


def test_the_help_says_what_init_takes() -> None:
    text = agenda("init", "--help").stdout
    for flag in ("--organisation", "--series", "--unit", "--member", "--rule", "--force"):
        assert flag in text
    assert "--number" in agenda("prepare", "--help").stdout
