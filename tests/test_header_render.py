"""The header and the attendance as the record and the agenda print them, the members of
the profile on a prepared meeting, and the sign-in sheet (簽到表) as documents."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from odf import table, teletype
from odf.opendocument import load

from tests.app_support import demo_database, stored
from tui import secretary
from tui.database import profile_of
from tui.edits.ops import Attend, DeleteMeeting, SetHeader
from tui.profile import ProfileError, parse_profile
from tui.render.document import RenderOptions, render_sign_in
from tui.render.documents import write_document
from tui.storage.repository import Repository

MEMBERS = """
[[members]]
name = "陳志銘"
title = "處長"

[[members]]
name = "莊○○"
title = "組長"
unit = "機要組"

[[members]]
name = "楊○○"
title = "主任"
unit = "人事室"

[[members]]
name = "劉○○"
title = "主任"
unit = "政風室"
"""


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    repo = Repository.open(demo_database(tmp_path))
    edits = secretary.editor(repo)
    edits.apply(SetHeader(102, date="2021-07-22", time="14:30", chair="陳志銘(請假)王主秘(代)"))
    edits.apply(
        Attend(
            102,
            present=["王○○"],
            absent=["陳○○=公假", "林○○"],
            proxies=["李四=王五"],
            observers=["秘書室吳主任"],
            late=["張三=10:20"],
        )
    )
    return repo


def rendered(repo: Repository, format: str, agenda: bool = False, width: int = 40) -> str:
    meeting = stored(repo.store.root, 102)
    return secretary.render_meeting(repo, meeting, agenda=agenda, format=format, width=width)


HEADER_MD = """\
臺北市政府秘書處第 102 次處務會議紀錄

時間：民國 110 年 7 月 22 日 14 時 30 分

地點：視訊會議

主席：陳志銘(請假)王主秘(代)

紀錄：許菁芳

出席：王○○、李四（王五代）、張三（10 時 20 分到）

列席：秘書室吳主任

請假：陳○○（公假）、林○○

壹、宣讀 110 年 6 月 17 日第 101 次處務會議紀錄。
"""

HEADER_TXT = """\
 臺北市政府秘書處第 102 次處務會議紀錄

時間：民國 110 年 7 月 22 日 14 時 30 分
地點：視訊會議
主席：陳志銘(請假)王主秘(代)
紀錄：許菁芳
出席：王○○、李四（王五代）、張三（10 時
      20 分到）
列席：秘書室吳主任
請假：陳○○（公假）、林○○

壹、宣讀 110 年 6 月 17 日第 101 次處務
    會議紀錄。
"""


def test_the_record_prints_the_header_and_the_attendance_as_the_office_does(
    repo: Repository,
) -> None:
    assert rendered(repo, "md").startswith(HEADER_MD)
    assert rendered(repo, "txt").startswith(HEADER_TXT)


def test_the_agenda_prints_them_too(repo: Repository) -> None:
    agenda = rendered(repo, "md", agenda=True)
    assert agenda.startswith(HEADER_MD.replace("紀錄\n", "議程\n", 1))


def test_as_signed_keeps_the_sheet_and_names_only_the_exceptions(repo: Repository) -> None:
    secretary.editor(repo).apply(Attend(102, as_signed=True))
    text = rendered(repo, "md")
    assert "出席：如簽到表；李四（王五代）、張三（10 時 20 分到）\n" in text
    assert "\n請假：陳○○（公假）、林○○\n" in text


@pytest.mark.parametrize("format", ["odt", "docx"])
def test_the_documents_have_the_same_lines(repo: Repository, format: str) -> None:
    from tests.document_support import shown

    meeting = stored(repo.store.root, 102)
    data = secretary.render_document(repo, meeting, agenda=False, format=format)
    lines = [p.text for p in shown(data, format)[1:8]]
    assert lines == HEADER_MD.split("\n\n")[1:8]


# -- members and the sign-in sheet ------------------------------------------------------


def with_members(repo: Repository) -> Repository:
    text = repo.profile_path.read_text(encoding="utf-8") + MEMBERS
    repo.profile_path.write_text(text, encoding="utf-8")
    return repo


def test_prepare_fills_present_with_the_members_and_the_secretary_marks_exceptions(
    tmp_path: Path,
) -> None:
    repo = Repository.open(demo_database(tmp_path))
    secretary.editor(repo).apply(DeleteMeeting(102))
    with_members(repo)
    prepared = secretary.prepare(repo, force=True).meeting
    assert [p.name for p in prepared.attendance.present] == ["陳志銘", "莊○○", "楊○○", "劉○○"]
    assert prepared.attendance.present_as_text == ""
    secretary.editor(repo).apply(Attend(102, absent=["楊○○=公假"], proxies=["劉○○=王五"]))
    text = rendered(repo, "md")
    assert "\n出席：陳志銘、莊○○、劉○○（王五代）\n" in text
    assert "\n請假：楊○○（公假）\n" in text


def sheet_rows(data: bytes, format: str) -> list[list[str]]:
    if format == "docx":
        document = Document(io.BytesIO(data))
        assert len(document.tables) == 1
        return [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    doc = load(io.BytesIO(data))
    tables = doc.getElementsByType(table.Table)
    assert len(tables) == 1
    return [
        [teletype.extractText(cell) for cell in row.getElementsByType(table.TableCell)]
        for row in tables[0].getElementsByType(table.TableRow)
    ]


@pytest.mark.parametrize("format", ["odt", "docx"])
def test_the_sign_in_sheet_lists_the_members_with_a_column_to_sign(
    repo: Repository, format: str
) -> None:
    from tests.document_support import shown

    with_members(repo)
    secretary.editor(repo).apply(Attend(102, present=["莊○○", "陳志銘"], absent=["楊○○"]))
    profile = profile_of(repo)
    meeting = stored(repo.store.root, 102)
    source = render_sign_in(meeting, profile.office, profile.members, RenderOptions(format))
    data = write_document(source, format, "signin.blocks.j2")
    paragraphs = [p.text for p in shown(data, format)][:4]
    assert paragraphs == [
        "臺北市政府秘書處第 102 次處務會議簽到表",
        "時間：民國 110 年 7 月 22 日 14 時 30 分",
        "地點：視訊會議",
        "主席：陳志銘(請假)王主秘(代)",
    ]
    rows = sheet_rows(data, format)
    assert rows[0] == ["單位", "職稱", "姓名", "簽名", "備註"]
    assert rows[1:9] == [
        ["", "處長", "陳志銘", "", ""],
        ["機要組", "組長", "莊○○", "", ""],
        ["人事室", "主任", "楊○○", "", "請假"],
        ["", "", "王○○", "", ""],
        ["", "", "李四", "", "王五代"],
        ["", "", "張三", "", "10 時 20 分到"],
        ["", "", "陳○○", "", "公假"],
        ["", "", "林○○", "", "請假"],
    ]
    assert rows[9] == ["", "", "秘書室吳主任", "", "列席"]
    assert rows[10:] == [[""] * 5] * 3  # for those who come unlisted
    assert all(row[3] == "" for row in rows[1:])


def test_the_sign_in_sheet_of_a_meeting_nobody_listed_is_a_blank_sheet(tmp_path: Path) -> None:
    repo = Repository.open(demo_database(tmp_path))
    profile = profile_of(repo)
    meeting = stored(repo.store.root, 102)
    text = render_sign_in(meeting, profile.office, [], RenderOptions("md"))
    assert "| 單位 | 職稱 | 姓名 | 簽名 | 備註 |\n" in text
    assert text.count("|  |  |  |  |  |\n") == 20


def test_the_sign_in_sheet_from_the_command_line(repo: Repository, tmp_path: Path) -> None:
    from tests.cli_support import agenda, one_error_line

    target = tmp_path / "sheet.docx"
    db = repo.store.root
    result = agenda("render", "102", "--sign-in", "--format", "docx", "-o", target, db=db)
    assert (result.returncode, result.stderr) == (0, "")
    assert sheet_rows(target.read_bytes(), "docx")[1][2] == "王○○"
    markdown = agenda("render", "102", "--sign-in", db=db)
    assert markdown.stdout.startswith("臺北市政府秘書處第 102 次處務會議簽到表\n")
    refused = agenda("render", "102", "--sign-in", "--format", "txt", db=db)
    assert refused.returncode == 2 and "md, odt, docx" in one_error_line(refused)


def test_a_member_without_a_name_is_named_in_the_error() -> None:
    text = 'organisation = "甲"\nseries = "乙"\n\n[[members]]\ntitle = "組長"\n'
    with pytest.raises(ProfileError, match=r"members\[0\]\.name: must not be empty"):
        parse_profile(text, Path("profile.toml"))
    with pytest.raises(ProfileError, match=r"members\[0\]\.rank: unknown key"):
        parse_profile(text.replace("title", "rank"), Path("profile.toml"))
