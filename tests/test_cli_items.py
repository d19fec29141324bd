"""`agenda item …` and `agenda section …` as an office's script calls them: the agenda and
the record rendered as offices print a proposal (案由 / 說明 / 擬辦, 決議) and a 專題報告."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_support import agenda, one_error_line, private_copy
from tests.conftest import REFERENCE

EXPECTED = Path(__file__).resolve().parent / "expected"
EXPLANATION = (
    "說明=(一)配合視訊會議需求，調整會議室借用程序。\n"
    "(二)新增設備損壞賠償規定：\n1. 投影機。\n2. 麥克風。"
)
SUBJECT = "修正本處會議室使用管理要點案，提請討論。"


def ok(db: Path, *args: str) -> str:
    result = agenda(*args, db=db)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("items") / "db"
    ok(db, "import", str(REFERENCE))
    ok(db, "prepare")
    return db


@pytest.fixture
def db(prepared: Path, tmp_path: Path) -> Path:
    return private_copy(prepared, tmp_path)


def test_a_proposal_and_a_special_report_print_as_offices_print_them(db: Path) -> None:
    place = ok(db, "item", "add", "102", "討論事項", SUBJECT, "--block", EXPLANATION,
               "--block", "擬辦=奉核後實施。")  # fmt: skip
    assert place == "參、一\n"
    special = ok(db, "item", "add", "102", "報告事項", "臺北市智慧城市推動成果",
                 "--kind", "special", "--presenter", "資訊室王主任")  # fmt: skip
    assert special == "貳、五\n"
    ok(db, "item", "rename", "102", "貳、一", "宣達市政會議裁指示事項（含 7 月份市政會議）。")
    expected = (EXPECTED / "structure-agenda-102.md").read_text(encoding="utf-8")
    assert ok(db, "render", "102", "--agenda") == expected
    ok(db, "conclude", "102", "參、一", "照案通過，自 8 月 1 日起實施。")
    ok(db, "conclude", "102", "貳、五", "洽悉。")
    ok(db, "status", "102", "in_session")
    ok(db, "status", "102", "recorded", "--end", "11:30")
    record = ok(db, "render", "102", "--format", "txt")
    tail = record[record.index("五、資訊室王主任專題報告") :]
    assert tail == (EXPECTED / "structure-record-102.txt").read_text(encoding="utf-8")
    for format in ("odt", "docx"):
        out = db.parent / f"agenda.{format}"
        ok(db, "render", "102", "--agenda", "--format", format, "-o", str(out))
        assert out.stat().st_size > 0


def test_every_change_is_in_the_log(db: Path) -> None:
    ok(db, "section", "add", "102", "專題報告")
    ok(
        db,
        "item",
        "add",
        "102",
        "專題報告",
        "智慧城市",
        "--kind",
        "special",
        "--presenter",
        "資訊室",
    )
    ok(db, "item", "block", "102", "參、一", "說明", "(一)甲。(二)乙。")
    ok(db, "item", "move", "102", "貳、一", "--down")
    ok(db, "section", "rename", "102", "參", "專題報告事項")
    ok(db, "section", "move", "102", "專題報告事項", "--up")
    ok(db, "item", "remove", "102", "貳、一")
    ok(db, "section", "remove", "102", "臨時動議")
    log = ok(db, "log", "102")
    for said in (
        "參、專題報告 section added",
        "參、一 item added: 「智慧城市」",
        "參、一 說明: 「甲。」",
        "貳、二 item moved (was 貳、一)",
        "參、專題報告事項 section renamed (was 「專題報告」)",
        "貳、專題報告事項 section moved (was 參)",
        "貳、一 item deleted",
        "肆、臨時動議 section deleted",
    ):
        assert said in log, said


def test_sections_and_moves_print_where_they_went(db: Path) -> None:
    assert ok(db, "section", "add", "102", "專題報告", "--before", "貳") == "貳\n"
    assert ok(db, "section", "move", "102", "貳", "--to", "臨時動議") == "moved to 肆\n"
    assert ok(db, "item", "move", "102", "貳、四", "--to", "貳、一") == "moved to 貳、一\n"
    assert ok(db, "item", "move", "102", "貳、一", "--to", "專題報告") == "moved to 肆、一\n"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("item", "add", "102", "專題報告", "x"), "no section 專題報告"),
        (("item", "add", "102", "貳", "x", "--block", "說明"), "LABEL=TEXT"),
        (("item", "add", "102", "壹", "x"), "takes no items"),
        (("item", "remove", "102", "貳、二"), "tracked cases"),
        (("item", "rename", "102", "貳、九", "x"), "no item 貳、九"),
        (("item", "add", "999", "貳", "x"), "no meeting 999"),
        (("section", "remove", "102", "報告事項"), "tracked cases"),
    ],
)
def test_a_refusal_is_one_line_with_status_2(db: Path, args: tuple[str, ...], says: str) -> None:
    result = agenda(*args, db=db)
    assert result.returncode == 2
    assert says in one_error_line(result)


def test_help_lists_the_actions() -> None:
    top = agenda("--help").stdout
    assert "item" in top and "section" in top
    item = agenda("item", "--help").stdout
    for action in ("add", "rename", "remove", "move", "block"):
        assert action in item
    add = agenda("item", "add", "--help").stdout
    assert "--kind" in add and "--presenter" in add and "--block" in add


def test_a_rendered_proposal_and_special_report_import_back_the_same(
    db: Path, tmp_path: Path
) -> None:
    ok(db, "item", "add", "102", "討論事項", SUBJECT, "--block", EXPLANATION)
    ok(db, "item", "add", "102", "貳", "智慧城市", "--kind", "special", "--presenter", "資訊室")
    ok(db, "conclude", "102", "參、一", "照案通過。")
    record = tmp_path / "record-102.md"
    record.write_text(ok(db, "render", "102"), encoding="utf-8")
    again = tmp_path / "again"
    ok(again, "import", str(REFERENCE), str(record))
    assert ok(again, "render", "102") == record.read_text(encoding="utf-8")
    shown = json.loads(ok(again, "show", "102", "--json"))
    special = shown["sections"][1]["items"][4]
    assert (special["presenter"], special["presenter_kind"]) == ("資訊室", "專題報告")
    proposal = shown["sections"][2]["items"][0]
    assert [b["label"] for b in proposal["blocks"]] == ["案由", "說明"]
    assert proposal["conclusion_label"] == "決議"
