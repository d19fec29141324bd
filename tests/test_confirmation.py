"""Confirming the last record at 宣讀: 紀錄確定, or 修正後確定 with its 修正之點, each where /
the words read / the words meant, applied to the record and printed in the reading
meeting's 宣讀 item; in any order, refused with exit status 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_support import agenda, one_error_line
from tests.conftest import REFERENCE
from tui import secretary
from tui.domain.model import Amendment, Meeting, MeetingStatus
from tui.edits import EditError, EditService
from tui.edits.operation import from_record
from tui.edits.ops import Confirm
from tui.storage.repository import Repository


def ok(db: Path, *args: str) -> str:
    result = agenda(*args, db=db)
    assert result.returncode == 0, result.stderr
    return result.stdout


def stored(db: Path, number: int) -> Meeting:
    found = Repository.open(db).load_meeting(number)
    assert found is not None
    return found


def read_item(meeting: Meeting) -> list[str]:
    body = meeting.sections[0].body
    assert body is not None
    return [c.text for c in body.conclusions]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    db = tmp_path / "db"
    ok(db, "import", str(REFERENCE))
    ok(db, "prepare")
    return db


def test_confirming_the_later_record_first_leaves_the_earlier_one_confirmable(db: Path) -> None:
    """`confirm 102` before `confirm 101` used to lock 102, so that 101's 紀錄確定。 could
    never be written into 102's 宣讀 item: 101 stayed unconfirmed for ever."""
    ok(db, "status", "102", "recorded", "--end", "11:00")
    ok(db, "confirm", "102")
    ok(db, "confirm", "101")
    assert stored(db, 101).status is MeetingStatus.CONFIRMED
    reader = stored(db, 102)
    assert read_item(reader)[0] == "紀錄確定。"
    # 102 was confirmed: writing into it is a correction, logged with who, when and what.
    assert [c.what for c in reader.corrections] == ["宣讀：第 101 次會議紀錄確定。"]


def test_a_record_not_yet_held_is_not_confirmed(db: Path) -> None:
    result = agenda("confirm", "102", db=db)
    assert result.returncode == 2
    assert "meeting 102" in one_error_line(result)
    assert stored(db, 102).status is MeetingStatus.DRAFT


def test_a_refusal_is_exit_status_2(db: Path) -> None:
    ok(db, "confirm", "101")
    again = agenda("confirm", "101", db=db)
    assert again.returncode == 2
    assert "already confirmed" in one_error_line(again)


def test_a_correction_is_where_old_words_new_words(db: Path) -> None:
    out = ok(db, "confirm", "101", "--correction", "貳、一=同意備查=准予備查")
    assert "修正之點：貳、一「同意備查」修正為「准予備查」" in out
    record = stored(db, 101)
    assert record.confirmation is not None
    assert record.confirmation.corrections == [Amendment("2.1", "同意備查", "准予備查")]
    # the record is the corrected one; the other items' 同意備查 stay
    assert record.sections[1].items[0].conclusions[0].text == "准予備查。"
    assert record.sections[1].items[1].conclusions[0].text == "同意備查。"
    said = "修正後確定，修正之點：貳、一「同意備查」修正為「准予備查」。"
    assert read_item(stored(db, 102))[0] == said
    printed = ok(db, "render", "102")
    assert "會議結論：修正後確定，修正之點：貳、一「同意備查」修正為「准予備查」。" in printed
    assert "(一) 准予備查。" in ok(db, "render", "101")


def test_several_corrections_are_listed_and_a_deletion_is_said_as_one(db: Path) -> None:
    ok(
        db,
        "confirm",
        "101",
        "--correction",
        "貳、三=將屆=即將屆至",
        "--correction",
        "2.4=明日下午=",
    )
    body = stored(db, 102).sections[0].body
    assert body is not None
    first = body.conclusions[0]
    assert first.text == "修正後確定，修正之點如下："
    assert [p.text for p in first.points] == [
        "貳、三「將屆」修正為「即將屆至」。",
        "貳、四「明日下午」等字刪除。",
    ]
    text = ok(db, "render", "102", "--format", "txt", "--width", "60")
    assert "貳、四「明日下午」等字刪除。" in text
    assert "明日下午" not in ok(db, "render", "101")


@pytest.mark.parametrize(
    ("correction", "problem"),
    [
        ("玖、一=同意備查=准予備查", "玖、一"),
        ("貳、一=沒有這些字=准予備查", "沒有這些字"),
        ("貳、一==准予備查", "words"),
    ],
)
def test_a_correction_that_does_not_fit_the_record_is_refused(
    db: Path, correction: str, problem: str
) -> None:
    result = agenda("confirm", "101", "--correction", correction, db=db)
    assert result.returncode == 2
    assert problem in one_error_line(result)
    assert stored(db, 101).status is MeetingStatus.RECORDED
    assert read_item(stored(db, 102)) == []


def test_a_correction_in_words_only_is_kept_and_printed(db: Path) -> None:
    ok(db, "confirm", "101", "--correction", "第 2 頁人事室誤植為會計室")
    record = stored(db, 101)
    assert record.confirmation is not None
    assert record.confirmation.corrections == [Amendment(note="第 2 頁人事室誤植為會計室")]
    assert read_item(stored(db, 102))[0] == "修正後確定，修正之點：第 2 頁人事室誤植為會計室。"


def test_the_help_says_how_a_correction_is_written() -> None:
    text = agenda("confirm", "--help").stdout
    assert "貳、一=" in text


def test_undo_puts_the_record_and_the_reading_item_back(db: Path) -> None:
    repo = Repository.open(db)
    before = stored(db, 101)
    service = EditService(repo, "許菁芳")
    done = service.apply(Confirm(101, 102, [Amendment("2.1", "同意備查", "准予備查")]))
    assert done.seq is not None
    service.undo(101, done.seq)
    after = stored(db, 101)
    assert after.status is MeetingStatus.RECORDED and after.confirmation is None
    assert after.sections == before.sections
    assert read_item(stored(db, 102)) == []


def test_a_typed_confirmation_is_replaced_not_repeated(db: Path) -> None:
    ok(db, "conclude", "102", "壹", "紀錄確定。")
    ok(db, "confirm", "101", "--correction", "貳、一=同意備查=准予備查")
    assert read_item(stored(db, 102)) == [
        "修正後確定，修正之點：貳、一「同意備查」修正為「准予備查」。"
    ]
    service = EditService(Repository.open(db), "許菁芳")
    [last] = [line for line in service.log(101) if line.op == "confirm"]
    service.undo(101, last.seq)
    assert read_item(stored(db, 102)) == ["紀錄確定。"]


def test_confirmed_before_the_reading_meeting_is_prepared(tmp_path: Path) -> None:
    db = tmp_path / "db"
    ok(db, "import", str(REFERENCE))
    ok(db, "confirm", "101")
    ok(db, "prepare")
    assert read_item(stored(db, 102)) == ["紀錄確定。"]


def test_json_gives_the_corrections_fields(db: Path) -> None:
    ok(db, "confirm", "101", "--correction", "貳、一=同意備查=准予備查")
    shown = json.loads(ok(db, "show", "101", "--json"))
    assert shown["confirmation"] == {
        "at_meeting": 102,
        "corrections": [{"place": "2.1", "old": "同意備查", "new": "准予備查", "note": ""}],
    }


def test_a_record_confirmed_with_plain_text_corrections_is_still_read(db: Path) -> None:
    """Records confirmed before corrections had fields kept each one as a sentence."""
    ok(db, "confirm", "101")
    path = db / "meetings" / "0101.json"
    document = json.loads(path.read_text("utf-8"))
    stored_meeting = document["tables"]["meeting"]["1"]
    stored_meeting["confirmation"]["corrections"] = ["第 2 頁人事室誤植為會計室"]
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    record = stored(db, 101)
    assert record.confirmation is not None
    assert record.confirmation.corrections == [Amendment(note="第 2 頁人事室誤植為會計室")]


def test_an_old_log_entry_of_plain_text_corrections_still_replays() -> None:
    op = from_record("confirm", {"meeting": 101, "at": 102, "corrections": ["誤植更正"]})
    assert isinstance(op, Confirm)
    assert op.corrections == [Amendment(note="誤植更正")]


def test_corrections_are_cleaned_where_they_come_in() -> None:
    op = Confirm(101, 102, [Amendment("2.1", "同意\x1b[31m備查", "准予\u202e備查")])
    assert op.corrections == [Amendment("2.1", "同意備查", "准予備查")]


def test_refused_in_process_changes_nothing(tmp_path: Path) -> None:
    repo = Repository.open(tmp_path / "db")
    secretary.import_records(repo, [REFERENCE], replace=False)
    secretary.prepare(repo)
    with pytest.raises(EditError):
        EditService(repo, "x").apply(Confirm(101, 102, [Amendment("2.1", "無此字", "有")]))
    assert repo.load_meeting(101) == secretary.load(repo, 101)
    assert not EditService(repo, "x").log(101)[1:]
