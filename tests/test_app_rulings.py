"""A chair decides a whole case report in the app: the units' proposals accepted with one key,
one overridden with the chair's words, another kept with a new deadline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, Select

from tests.app_support import demo_database, open_editor, type_text, until
from tests.cli_support import agenda
from tui.app.app import AgendaApp
from tui.app.screens.case_dialog import CaseDialog
from tui.app.screens.editor import EditorScreen
from tui.app.screens.ruling_dialog import RulingDialog
from tui.domain.model import CaseDecision, CaseKind, ReleaseReason, TrackedCase
from tui.storage.repository import Repository

EXPECTED = Path(__file__).parent / "expected" / "rulings-record-102.md"
PROPOSALS = [
    ("9805", "--release", "已全數辦結。"),
    ("9903", "--keep", "刻正辦理採購。"),
    ("9904", "--release", "系統已上線。"),
    ("10101", "--keep", "刻正與廠商協調。"),
]


async def _highlight(pilot: object, editor: EditorScreen, number: int) -> None:
    for _ in range(20):
        target = editor.target()
        if isinstance(target, TrackedCase) and target.number == number:
            return
        await pilot.press("down")  # type: ignore[attr-defined]
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    raise AssertionError(f"case {number} is not on the item")


async def _rule(pilot: object, app: AgendaApp, words: str, deadline: str = "") -> None:
    await pilot.press("j")  # type: ignore[attr-defined]
    await until(pilot, lambda: isinstance(app.screen, RulingDialog))  # type: ignore[arg-type]
    dialog = app.screen
    dialog.query_one("#decision", Select).value = CaseDecision.KEEP
    if deadline:
        field = dialog.query_one("#deadline", Input)
        field.value = ""
        field.focus()
        await type_text(pilot, deadline)  # type: ignore[arg-type]
    field = dialog.query_one("#words", Input)
    field.focus()
    await type_text(pilot, words)  # type: ignore[arg-type]
    await pilot.press("ctrl+s")  # type: ignore[attr-defined]
    await until(pilot, lambda: isinstance(app.screen, EditorScreen))  # type: ignore[arg-type]


async def test_a_case_report_decided_by_proposals_an_override_and_a_new_deadline(
    tmp_path: Path,
) -> None:
    db = demo_database(tmp_path)
    for case, proposal, progress in PROPOSALS:
        done = agenda("propose", "102", case, proposal, "--progress", progress, db=db)
        assert done.returncode == 0, done.stderr
    app = AgendaApp(db)
    async with app.run_test(size=(100, 36)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("down", "down", "down", "tab")
        await until(pilot, lambda: editor.place == "2.2")
        await until(pilot, lambda: isinstance(editor.target(), TrackedCase))
        await _highlight(pilot, editor, 9904)
        await _rule(pilot, app, "俟新系統穩定後再議。")
        await _highlight(pilot, editor, 10101)
        await _rule(pilot, app, "請總務組於年底前完成。", deadline="110/12/31")
        await pilot.press("P")
        repo = Repository.open(db)
        await until(
            pilot,
            lambda: all(
                (c := repo.case(n)) is not None and (e := c.decision_at(102)) and e.decision
                for n in (9805, 9903)
            ),
        )
    repo = Repository.open(db)
    decided = {}
    for number in (9805, 9903, 9904, 10101):
        found = repo.case(number)
        assert found is not None
        decided[number] = found.decision_at(102)
    assert decided[9805] is not None and decided[9805].reason is ReleaseReason.DONE
    assert decided[9903] is not None and decided[9903].decision is CaseDecision.KEEP
    assert decided[9904] is not None and decided[9904].decision is CaseDecision.KEEP
    assert decided[9904].conclusion == "俟新系統穩定後再議。"
    assert decided[10101] is not None and decided[10101].new_deadline == date(2021, 12, 31)
    meeting = repo.load_meeting(102)
    assert meeting is not None
    report = meeting.sections[1].items[1]
    assert [c.text for c in report.conclusions if c.decisions] == [
        "列管案號 9805 解除列管；列管案號 9903、9904 及 10101 賡續列管。"
    ]
    record = agenda("render", "102", db=db).stdout
    start = record.index("二、第 101 次處務會議")
    assert record[start : record.index("三、", start)].strip() == EXPECTED.read_text().strip()


async def test_k_corrects_who_tracks_a_case_and_its_outside_number(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    app = AgendaApp(db)
    async with app.run_test(size=(100, 36)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("down", "down", "down", "down", "tab")
        await until(pilot, lambda: editor.place == "2.3")
        await until(pilot, lambda: isinstance(editor.target(), TrackedCase))
        await _highlight(pilot, editor, 12601)
        await pilot.press("K")
        await until(pilot, lambda: isinstance(app.screen, CaseDialog))
        app.screen.query_one("#kind", Select).value = CaseKind.COUNCIL
        number = app.screen.query_one("#number", Input)
        number.value = ""
        number.focus()
        await type_text(pilot, "3301")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, EditorScreen))
        repo = Repository.open(db)
        await until(pilot, lambda: repo.case(3301, CaseKind.COUNCIL) is not None)
    assert Repository.open(db).case(12601, CaseKind.MAYOR) is None
