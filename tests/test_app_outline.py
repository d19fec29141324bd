"""The outline and the right pane agree: whatever place is highlighted, sections included, is
the one the pane shows and the keys act on (issue 13: conclusions landed under 貳、四 while
參、臨時動議 was highlighted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tests.app_support import demo_database, open_editor, stored, type_text, until
from tui import database, secretary
from tui.app.app import AgendaApp
from tui.app.screens.editor import EditorScreen
from tui.app.screens.structure_dialogs import BlockDialog, ItemDialog, NameDialog
from tui.profile import builtin_data
from tui.storage.repository import Repository

PROPOSALS = '\n[[agenda]]\nsection = "討論事項"\nkind = "proposals"\n'


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return demo_database(tmp_path)


def pane_title(editor: EditorScreen) -> str:
    return str(editor.query_one("#item-title", Static).content)


async def highlight(pilot: object, editor: EditorScreen, heading: str) -> None:
    """Move the outline's cursor down until the line starting with `heading` is on it."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    editor.outline.focus()
    for _ in range(20):
        node = editor.outline.cursor_node
        if node is not None and str(node.label).startswith(heading):
            await pilot.pause(0.1)
            return
        await pilot.press("down")
    raise AssertionError(f"no {heading} in the outline")


def conclusions(db: Path) -> list[str]:
    return [c.text for item in stored(db, 102).items() for c in item.conclusions]


async def test_an_empty_motions_section_is_shown_and_a_conclusion_is_not_put_elsewhere(
    db: Path,
) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await highlight(pilot, editor, "貳")
        await highlight(pilot, editor, "四")
        assert "貳、報告事項 四" in pane_title(editor)
        await highlight(pilot, editor, "參")
        await until(pilot, lambda: "參、臨時動議" in pane_title(editor))
        before = conclusions(db)
        await pilot.press("a")
        await pilot.pause(0.3)
        assert editor.typing is None
        notices = [n.message for n in app._notifications]
        assert any("臨時動議" in n and "m" in n for n in notices), notices
        await pilot.press("escape")
    assert conclusions(db) == before


def _with_proposals_section(folder: Path) -> Path:
    db = folder / "db"
    repo = database.open_repository(db)
    secretary.import_records(repo, [builtin_data() / "record-101.md"], replace=False)
    profile = db / "profile.toml"
    text = profile.read_text(encoding="utf-8")
    motions = text.index('[[agenda]]\nsection = "臨時動議"')
    profile.write_text(text[:motions] + PROPOSALS.lstrip("\n") + "\n" + text[motions:], "utf-8")
    secretary.prepare(Repository.open(db))
    return db


async def test_a_proposals_section_from_the_profile_can_be_selected(tmp_path: Path) -> None:
    db = _with_proposals_section(tmp_path)
    assert [s.title for s in stored(db, 102).sections][-2:] == ["討論事項", "臨時動議"]
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await highlight(pilot, editor, "參")
        await until(pilot, lambda: "參、討論事項" in pane_title(editor))
        assert editor.place == "3"


async def test_an_item_is_added_renamed_moved_and_deleted_from_the_keyboard(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await highlight(pilot, editor, "貳")
        await until(pilot, lambda: "貳、報告事項" in pane_title(editor))
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, ItemDialog))
        await pilot.press("shift+tab")  # the kind, before the title
        await pilot.press("enter", "down", "enter")  # 專題報告
        await pilot.press("tab")
        await type_text(pilot, "智慧城市推動成果")
        await pilot.press("enter")
        await type_text(pilot, "資訊室王主任")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, EditorScreen))
        await until(pilot, lambda: editor.place == "2.5")
        item = stored(db, 102).sections[1].items[4]
        assert (item.title, item.presenter, item.presenter_kind) == (
            "智慧城市推動成果",
            "資訊室王主任",
            "專題報告",
        )
        await pilot.press("left_curly_bracket")
        await until(pilot, lambda: stored(db, 102).sections[1].items[3].title == item.title)
        assert editor.place == "2.4"
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, NameDialog))
        await pilot.press("ctrl+u")
        await type_text(pilot, "智慧城市")
        await pilot.press("enter")
        await until(pilot, lambda: stored(db, 102).sections[1].items[3].title == "智慧城市")
        await pilot.press("D")
        await until(pilot, lambda: len(stored(db, 102).sections[1].items) == 4)
        assert any("ctrl+z" in n.message for n in app._notifications)
        await pilot.press("ctrl+z")
        await until(pilot, lambda: len(stored(db, 102).sections[1].items) == 5)


async def test_a_proposal_with_its_blocks_in_a_new_section(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await highlight(pilot, editor, "貳")
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, NameDialog))
        await type_text(pilot, "討論事項")
        await pilot.press("enter")
        await until(pilot, lambda: "參、討論事項" in pane_title(editor))
        assert [s.title for s in stored(db, 102).sections][2:] == ["討論事項", "臨時動議"]
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, ItemDialog))
        await type_text(pilot, "修正會議室使用要點案，提請討論。")
        await pilot.press("enter", "enter")  # no presenter: on to 說明
        await type_text(pilot, "(一)調整借用程序。")
        await pilot.press("enter")
        await type_text(pilot, "(二)新增賠償規定。")
        await pilot.press("tab")
        await type_text(pilot, "奉核後實施。")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, EditorScreen))
        await until(pilot, lambda: editor.place == "3.1")
        proposal = stored(db, 102).sections[2].items[0]
        assert [(b.label, b.text) for b in proposal.blocks] == [
            ("案由", "修正會議室使用要點案，提請討論。"),
            ("說明", ""),
            ("擬辦", "奉核後實施。"),
        ]
        assert [p.text for p in proposal.blocks[1].points] == ["調整借用程序。", "新增賠償規定。"]
        # The blocks are in the right pane, and e writes one.
        editor.pane.entries.focus()
        await pilot.press("down")  # 說明
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, BlockDialog))
        await pilot.press("enter")
        await type_text(pilot, "(三)自公告日起施行。")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: len(stored(db, 102).sections[2].items[0].blocks[1].points) == 3)
        # At the meeting, its conclusions are 決議.
        await pilot.press("a")
        await type_text(pilot, "照案通過。")
        await pilot.press("enter")
        await until(pilot, lambda: stored(db, 102).sections[2].items[0].conclusions != [])
    record = secretary.render_meeting(
        Repository.open(db), secretary.load(Repository.open(db), 102), agenda=False, format="md"
    )
    assert "一、案由：修正會議室使用要點案，提請討論。" in record
    assert "決議：照案通過。" in record


async def test_keys_in_one_burst_down_to_an_empty_section_conclude_nothing(db: Path) -> None:
    """Over SSH: the moves down to 參、臨時動議 and `a` and text arrive together. The outline's
    late highlights of the places passed on the way must not take the pane back there."""
    from textual import events
    from textual.keys import _character_to_key

    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        before = conclusions(db)
        keys = [("down", None)] * 6 + [("a", "a")]
        keys += [(c if c.isalnum() else _character_to_key(c), c) for c in "本次無臨時動議。"]
        keys += [("enter", "\r")]
        assert app._driver is not None
        for key, char in keys:
            event = events.Key(key, char)
            event.set_sender(app)
            app._driver.send_message(event)
        await until(pilot, lambda: editor.place == "3" and "參、臨時動議" in pane_title(editor))
        await pilot.pause(0.5)
        assert editor.typing is None
        assert app.workspace is not None and app.workspace.writer.flush()
    assert conclusions(db) == before


async def test_a_proposal_s_case_is_shown_once(db: Path) -> None:
    """A proposal's 案由 is its first entry (e writes it): the pane's heading above it says
    the place only, as for a motion, not the 案由 a second time."""
    from tui.edits import agenda_requests as change

    service = secretary.editor(Repository.open(db))
    change.add_item(service, 102, "討論事項", "修正會議室使用要點案，提請討論。")
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await highlight(pilot, editor, "參")
        await pilot.press("down")
        await until(pilot, lambda: editor.place == "3.1")
        await pilot.pause(0.2)
        assert "參、討論事項 一" in pane_title(editor)
        assert "案由" not in pane_title(editor)
        first = editor.pane.entries.get_option_at_index(0).prompt
        assert "案由：修正會議室使用要點案" in str(first)


async def test_the_read_item_has_no_arrow_to_open(db: Path) -> None:
    """壹 (宣讀上次會議紀錄) is itself the item: nothing folds under it, so it shows no ▼,
    and enter on it does not turn it into ▶."""
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        editor.outline.focus()
        await pilot.press("enter")
        await pilot.pause(0.2)
        first = editor.outline.render_line(0).text.strip()
    assert first.startswith("壹、"), first


async def test_enter_on_the_outline_goes_into_the_place_and_hides_nothing(db: Path) -> None:
    """Enter on 參、臨時動議 folded it (▶), its motions gone from the outline; it goes to the
    pane, as tab does, and the section stays open."""
    from tui.edits import agenda_requests as change

    change.add_item(secretary.editor(Repository.open(db)), 102, "臨時動議", "公文線上簽核")
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await highlight(pilot, editor, "參")
        await pilot.press("enter")
        await pilot.pause(0.2)
        node = editor.outline.cursor_node
        assert node is not None and node.is_expanded
        assert app.focused is editor.pane.entries
