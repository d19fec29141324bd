"""The cases screen as a register: flags on the register's day, said above the table, and
`u` cycling the units that own or co-own open cases."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from tests.app_support import demo_database, screen_name, until
from tests.cli_support import agenda
from tui.app.app import AgendaApp
from tui.app.screens.cases import CasesScreen


def _ok(db: Path, *args: str) -> None:
    result = agenda(*args, db=db)
    assert result.returncode == 0, result.stderr


def _numbers(screen: CasesScreen) -> list[int]:
    table = screen.query_one("#cases", DataTable)
    return [int(str(table.get_row_at(n)[0])) for n in range(table.row_count)]


def _filter(screen: CasesScreen) -> str:
    return str(screen.query_one("#cases-filter", Static).render())


async def test_u_cycles_the_units_of_open_cases_and_the_filter_says_which(tmp_path: Path) -> None:
    db = demo_database(tmp_path)  # 102 prepared: a draft on 110/7/15
    _ok(db, "case", "9904", "--owner", "總務組", "--co-owner", "人事室")
    _ok(db, "case", "9904", "--deadline", "110/7/10", "--reason", "配合預算。")
    _ok(db, "case", "9805", "--owner", "人事室")
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: screen_name(app) == "MeetingsScreen")
        await pilot.press("c")
        await until(pilot, lambda: screen_name(app) == "CasesScreen")
        screen = app.screen
        assert isinstance(screen, CasesScreen)
        await until(pilot, lambda: len(_numbers(screen)) == 6)
        assert "overdue as of meeting 102 (110/7/15)" in _filter(screen)
        table = screen.query_one("#cases", DataTable)
        assert "110/7/10 逾期" in str(table.get_row_at(2)[3])
        seen = []
        for _ in range(4):  # the profile's order: 總務組, 人事室, 公共事務管理中心, then all
            await pilot.press("u")
            await pilot.pause()
            seen.append((screen.unit, _numbers(screen)))
            assert (screen.unit or "all units") in _filter(screen)
        assert seen == [
            ("總務組", [9904, 10101]),
            ("人事室", [9805, 9904]),
            ("公共事務管理中心", [12616]),
            ("", [9805, 9903, 9904, 10101, 12601, 12616]),
        ]
        await pilot.press("d")
        await pilot.pause()
        assert _numbers(screen) == [9904]
