"""The editor's item pane wraps Chinese by the record's rules, as drawn at 80 columns: no
line starts with 「，」 or another closing mark, no numeral 「(二)」 is left alone on a line
above its text, a number stays with its unit, and a point's lines hang under its text."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

from tests.app_support import demo_database, open_editor, until
from tui.app.app import AgendaApp
from tui.app.widgets.entries import EntryList
from tui.domain.places import placed_items

CLOSING_OR_PAUSE = "，。、；：！？」』）〕】》〉"
IDEOGRAPH = re.compile(r"[\u3400-\u9fff]")
ALONE = re.compile(r"^\s*(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+\.)\s*$")


def drawn(entries: EntryList) -> list[str]:
    return [entries.render_line(y).text.rstrip() for y in range(entries.size.height)]


async def test_the_item_pane_wraps_by_the_rules(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    app = AgendaApp(db)
    problems: list[str] = []
    async with app.run_test(size=(80, 80)) as pilot:
        editor = await open_editor(app, pilot, rows_down=1)
        assert editor.opened.number == 101
        entries = editor.pane.entries
        for place, _heading, _item in list(placed_items(editor.live.meeting)):
            editor.place = place
            editor.show_item()
            await pilot.pause(0.1)
            await until(pilot, lambda: entries.option_count > 0)
            lines = [line.removesuffix("▇▇").rstrip() for line in drawn(entries)]
            lines = [line for line in lines if line.strip(" ─")]
            for line, after in pairwise(lines):
                if after.lstrip()[:1] in CLOSING_OR_PAUSE:
                    problems.append(f"{place}: starts with a pause: {after!r}")
                if ALONE.match(line):
                    problems.append(f"{place}: a numeral alone: {line!r}")
                if line[-1:].isdigit() and IDEOGRAPH.match(after.lstrip()[:1]):
                    problems.append(f"{place}: a number parted from its unit: {line!r}")
            points = [i for i, line in enumerate(lines) if line.startswith("(二)")]
            for at in points:
                following = lines[at + 1] if at + 1 < len(lines) else "("
                if not following.startswith(("(", "─", " " * 4)):  # under the text after (二)
                    problems.append(f"{place}: not hanging under its text: {following!r}")
    assert problems == []
