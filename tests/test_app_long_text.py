"""Issue 17, the app with the longest texts: keys move, open and quit within a bound on an
item whose conclusion is as long as a meeting may hold, and on one stored before the limits
(5 MB), which is shown in part."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.app_support import demo_database, open_editor, until
from tests.cli_support import agenda
from tui.app.app import AgendaApp
from tui.app.widgets.entries import EntryList
from tui.domain.limits import LONGEST_TEXT

KEY_SECONDS = 0.5  # a Pilot key, drawn: the bound, far above the target, far below the old 10 s
BEFORE_THE_LIMITS = 5_000_000


def long_conclusion(db: Path, length: int) -> None:
    """Item 貳、一 of meeting 102 concluded with `length` characters, written into the stored
    document as it was before the limits (or at the limit)."""
    assert agenda("conclude", "102", "貳、一", "長", db=db).returncode == 0
    path = db / "meetings" / "0102.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    [meeting] = data["tables"]["meeting"].values()
    conclusion = meeting["sections"][1]["items"][0]["conclusions"][-1]
    assert conclusion["text"] == "長"
    conclusion["text"] = "長" * length
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("length", [LONGEST_TEXT, BEFORE_THE_LIMITS])
async def test_keys_stay_quick_on_the_longest_text(tmp_path: Path, length: int) -> None:
    db = demo_database(tmp_path)
    long_conclusion(db, length)
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        started = time.monotonic()
        await pilot.press("down", "down", "tab")
        entries = editor.query_one(EntryList)
        await until(pilot, lambda: entries.option_count > 0, timeout=60)
        await pilot.pause()
        showing = time.monotonic() - started
        slowest = 0.0
        for key in ["down", "up"] * 5:
            started = time.monotonic()
            await pilot.press(key)
            slowest = max(slowest, time.monotonic() - started)
        shown = str(entries.get_option_at_index(entries.option_count - 1).prompt)
        started = time.monotonic()
        await pilot.press("ctrl+q")
        await until(pilot, lambda: not app.is_running, timeout=5)
        quitting = time.monotonic() - started
    assert showing < 2, f"{showing:.1f} s to show the item"
    assert slowest < KEY_SECONDS, f"{slowest:.2f} s for a key"
    assert quitting < 2
    assert "長" * 1000 in shown and len(shown) < LONGEST_TEXT + 100
    print(f"{length:,} characters: shown in {showing:.2f} s, slowest key {slowest * 1000:.0f} ms")
