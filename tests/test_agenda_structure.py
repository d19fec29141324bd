"""The agenda's structure for one meeting: sections and items added, renamed, removed, moved,
blocks written; each an operation of the edit service, logged and undone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_support import demo_database
from tests.edit_support import meeting
from tui import database, secretary
from tui.domain.model import ItemKind, Point
from tui.domain.point_text import read_points, written_points
from tui.edits import EditError, EditService
from tui.edits import agenda_requests as change
from tui.edits.ops import (
    AddItem,
    AddSection,
    MoveItem,
    MoveSection,
    RenameItem,
    RenameSection,
    WriteBlock,
)
from tui.edits.requests import conclude
from tui.profile import load_profile
from tui.storage.repository import Repository

EXPLANATION = (
    "(一)配合視訊會議需求，調整借用程序。\n(二)新增設備損壞賠償規定：\n1. 投影機。\n2. 麥克風。"
)


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    return Repository.open(demo_database(tmp_path))


def edits(repo: Repository) -> EditService:
    return secretary.editor(repo)


def titles(repo: Repository) -> list[str]:
    return [s.title for s in meeting(repo).sections]


def undo_last(repo: Repository) -> None:
    service = edits(repo)
    service.undo(102, service.log(102)[-1].seq)


def test_a_proposal_is_added_with_its_blocks_and_a_proposals_section_is_made(
    repo: Repository,
) -> None:
    place = change.add_item(
        edits(repo),
        102,
        "討論事項",
        "修正本處會議室使用管理要點案，提請討論。",
        blocks=[("說明", EXPLANATION), ("擬辦", "奉核後實施。")],
    )
    assert place == "參、一"
    assert titles(repo)[-2:] == ["討論事項", "臨時動議"]
    proposal = meeting(repo).sections[2].items[0]
    assert proposal.kind is ItemKind.PROPOSAL
    assert proposal.title == "" and proposal.conclusion_label == "決議"
    assert [(b.label, b.text) for b in proposal.blocks] == [
        ("案由", "修正本處會議室使用管理要點案，提請討論。"),
        ("說明", ""),
        ("擬辦", "奉核後實施。"),
    ]
    explanation = proposal.blocks[1].points
    assert [p.text for p in explanation] == [
        "配合視訊會議需求，調整借用程序。",
        "新增設備損壞賠償規定：",
    ]
    assert [p.text for p in explanation[1].points] == ["投影機。", "麥克風。"]
    # A second proposal goes into the section now there.
    assert change.add_item(edits(repo), 102, "參", "第二案") == "參、二"
    log = [line.summary for line in edits(repo).log(102)]
    assert "參、討論事項 section added" in log
    assert "參、一 item added: 「修正本處會議室使用管理要點案，提請討論。」" in log


def test_a_special_report_and_a_report_name_who_presents_them(repo: Repository) -> None:
    special = change.add_item(
        edits(repo), 102, "貳", "智慧城市推動成果", kind="special", presenter="資訊室王主任專題報告"
    )
    report = change.add_item(
        edits(repo), 102, "報告事項", "預算編列情形", kind="report", presenter="會計室"
    )
    assert (special, report) == ("貳、五", "貳、六")
    items = meeting(repo).sections[1].items
    assert (items[4].presenter, items[4].presenter_kind) == ("資訊室王主任", "專題報告")
    assert (items[5].presenter, items[5].presenter_kind) == ("會計室", "報告")
    agenda = secretary.render_meeting(repo, secretary.load(repo, 102), agenda=True, format="md")
    assert "五、**資訊室王主任專題報告**：智慧城市推動成果" in agenda


def test_each_structural_change_is_undone(repo: Repository) -> None:
    before = meeting(repo)
    service = edits(repo)
    section = before.sections[1]
    ops = [
        AddSection(102, "s-new", "專題報告"),
        AddItem(102, "s-new", "i-new", "智慧城市", "special", "資訊室"),
        RenameItem(102, section.items[0].id, "宣達市政會議裁指示事項（本次）。"),
        MoveItem(102, section.items[3].id, section.id, 0),
        RenameSection(102, section.id, "報告案"),
        MoveSection(102, "s-new", -1),
        WriteBlock(102, "i-new", "說明", EXPLANATION),
    ]
    for op in ops:
        assert service.apply(op).seq is not None
    changed = meeting(repo)
    assert [s.title for s in changed.sections] == [
        before.sections[0].title,
        "專題報告",
        "報告案",
        "臨時動議",
    ]
    assert changed.sections[2].items[0].title == "各組室業務工作報告。"
    assert changed.sections[2].items[1].title == "宣達市政會議裁指示事項（本次）。"
    for _ in ops:
        undo_last_change(service)
    again = meeting(repo)
    assert [s.title for s in again.sections] == [s.title for s in before.sections]
    assert [i.title for i in again.sections[1].items] == [i.title for i in section.items]


def undo_last_change(service: EditService) -> None:
    """Undo the newest change not undone yet (as ctrl+z does, one after another)."""
    log = service.log(102)
    undone = {line.undoes for line in log if line.undoes is not None}
    undos = {line.seq for line in log if line.undoes is not None}
    last = next(line for line in reversed(log) if line.seq not in undone | undos)
    service.undo(102, last.seq)


def test_a_section_with_tracked_cases_stays_and_an_empty_one_goes_and_comes_back(
    repo: Repository,
) -> None:
    service = edits(repo)
    with pytest.raises(EditError, match="tracked cases"):
        change.remove_section(service, 102, "貳")
    assert change.remove_section(service, 102, "臨時動議") == "參"
    assert titles(repo)[-1] == "報告事項"
    undo_last(repo)
    assert titles(repo)[-1] == "臨時動議"


def test_an_item_with_tracked_cases_stays(repo: Repository) -> None:
    with pytest.raises(EditError, match="tracked cases"):
        change.remove_item(edits(repo), 102, "貳、二")
    with pytest.raises(EditError, match="section"):
        change.remove_item(edits(repo), 102, "壹")


def test_a_tracked_case_follows_its_item_when_a_section_is_put_before_it(
    repo: Repository,
) -> None:
    service = edits(repo)
    motion = change.add_item(service, 102, "臨時動議", "公文線上簽核")
    case = conclude(service, 102, motion, "請文書組辦理。", tracked=True)
    assert case is not None
    stored = repo.case(case)
    assert stored is not None and stored.origin_item == "參、臨時動議 一"
    change.add_item(service, 102, "討論事項", "第一案")
    stored = repo.case(case)
    assert stored is not None and stored.origin_item == "肆、臨時動議 一"


def test_moving_items_within_and_across_sections(repo: Repository) -> None:
    service = edits(repo)
    assert change.move_item(service, 102, "貳、四", step=-1) == "貳、三"
    assert change.move_item(service, 102, "貳、一", to="貳、三") == "貳、三"
    change.add_section(service, 102, "專題報告")
    assert change.move_item(service, 102, "貳、三", to="專題報告") == "參、一"
    assert change.move_section(service, 102, "參", step=-1) == "貳"
    assert change.move_section(service, 102, "貳", to="臨時動議") == "肆"


def test_a_block_is_written_read_back_and_deleted(repo: Repository) -> None:
    service = edits(repo)
    place = change.add_item(service, 102, "討論事項", "案由一")
    change.write_block(service, 102, place, "擬辦", "奉核後實施。")
    change.write_block(service, 102, place, "說明", "依規定辦理。\n(一)甲。\n(二)乙。")
    proposal = meeting(repo).sections[2].items[0]
    assert [b.label for b in proposal.blocks] == ["案由", "說明", "擬辦"]
    assert proposal.blocks[1].text == "依規定辦理。"
    change.write_block(service, 102, place, "擬辦", "")
    assert [b.label for b in meeting(repo).sections[2].items[0].blocks] == ["案由", "說明"]
    with pytest.raises(EditError, match="cannot be empty"):
        change.write_block(service, 102, place, "案由", "")
    change.rename_item(service, 102, place, "案由二")
    assert meeting(repo).sections[2].items[0].blocks[0].text == "案由二"


def test_a_standing_item_renamed_for_one_meeting_leaves_the_profile(
    repo: Repository, tmp_path: Path
) -> None:
    profile = database.profile_of(repo)
    text = (tmp_path / "db" / "profile.toml").read_text(encoding="utf-8")
    change.rename_item(edits(repo), 102, "貳、一", "宣達市政會議裁指示事項（本次）。")
    assert (tmp_path / "db" / "profile.toml").read_text(encoding="utf-8") == text
    assert load_profile(tmp_path / "db" / "profile.toml").agenda == profile.agenda
    assert meeting(repo).sections[1].items[0].title == "宣達市政會議裁指示事項（本次）。"


def test_bad_requests_are_refused_by_name(repo: Repository) -> None:
    service = edits(repo)
    with pytest.raises(EditError, match="no section 專題報告"):
        change.add_item(service, 102, "專題報告", "x")
    with pytest.raises(EditError, match="itself the item"):
        change.add_item(service, 102, "壹", "x")
    with pytest.raises(EditError, match="案由"):
        change.add_item(service, 102, "討論事項", "x", blocks=[("案由", "y")])
    with pytest.raises(EditError, match="no item"):
        change.rename_item(service, 102, "貳、九", "x")


@pytest.mark.parametrize(
    ("text", "lead", "points"),
    [
        ("依規定辦理。", "依規定辦理。", []),
        ("(一)甲。(二)乙。", "", [Point("甲。"), Point("乙。")]),
        (
            "前言\n（一）甲\n1. 子一\n續\n（二）乙",
            "前言",
            [Point("甲", [Point("子一續")]), Point("乙")],
        ),
        ("一、甲\n二、乙", "", [Point("甲"), Point("乙")]),
        ("金額為 1.5 億元", "金額為 1.5 億元", []),
    ],
)
def test_points_are_read_from_lines_and_written_back(
    text: str, lead: str, points: list[Point]
) -> None:
    assert read_points(text) == (lead, points)
    assert read_points(written_points(lead, points)) == (lead, points)


def test_the_plain_text_agenda_writes_a_proposal_whole_and_names_who_reports(
    repo: Repository,
) -> None:
    """案由, 說明 and 擬辦 of a proposal read as one block, as in the record; the units'
    reporters are a list of who reports, not lines ending on an empty 「：」."""
    change.add_item(
        edits(repo),
        102,
        "討論事項",
        "案由一",
        blocks=[("說明", "(一)甲。"), ("擬辦", "奉核後實施。")],
    )
    text = secretary.render_meeting(repo, secretary.load(repo, 102), agenda=True, format="txt")
    lines = text.splitlines()
    heading = lines.index("一、案由：案由一")
    assert lines[heading + 1 : heading + 4] == [
        "    說明：",
        "    (一)甲。",
        "    擬辦：奉核後實施。",
    ]
    reporters = lines.index("四、各組室業務工作報告。")
    assert lines[reporters + 1 : reporters + 3] == ["", "    國際事務組組長"]
    assert not [line for line in lines if line.endswith("長：") or line.endswith("任：")]
