"""`agenda log N`: who changed what and when, from commands and the import alike."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.app_support import demo_database
from tests.cli_support import agenda, one_error_line


def test_the_log_lists_every_change_with_a_roc_date(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    assert agenda("conclude", "102", "2.1", "同意備查。", db=db).returncode == 0
    assert agenda("decide", "102", "9805", "--release", db=db).returncode == 0
    result = agenda("log", "102", db=db)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[-1] for line in lines][-2:] == ["「同意備查。」", "解除列管"]
    assert all(re.search(r"民國 \d+ 年 \d+ 月 \d+ 日 \d+ 時 \d+ 分", line) for line in lines)
    assert "meeting 102 prepared" in lines[0]


def test_the_log_as_json_has_iso_times(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    agenda("confirm", "101", db=db)
    result = agenda("log", "101", "--json", db=db)
    entries = json.loads(result.stdout)
    assert [e["op"] for e in entries] == ["import_record", "confirm"]
    assert entries[-1]["undoable"] is True and entries[-1]["undoes"] is None
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", entries[-1]["at"])


def test_the_log_of_a_meeting_that_is_not_there(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    result = agenda("log", "999", db=db)
    assert result.returncode == 2
    assert "no meeting 999" in one_error_line(result)


def test_the_log_reads_in_the_readers_language(tmp_path: Path) -> None:
    """A change logged by an English session reads in Chinese to a Chinese reader, and
    the other way round: the log keeps the message and its values, not the words."""
    db = demo_database(tmp_path)
    agenda("conclude", "102", "2.1", "同意備查。", db=db)
    agenda("decide", "102", "9805", "--keep", db=db, env={"AGENDA_LANG": "zh-TW"})
    english = agenda("log", "102", db=db).stdout.splitlines()
    chinese = agenda("log", "102", db=db, env={"AGENDA_LANG": "zh-TW"}).stdout.splitlines()
    assert english[-2].endswith("貳、一 conclusion added: 「同意備查。」")
    assert english[-1].endswith("case 9805: 賡續列管")
    assert chinese[-2].endswith("貳、一 新增會議結論：「同意備查。」")
    assert chinese[-1].endswith("案號 9805：賡續列管")
    assert chinese[0].endswith("已準備第 102 次會議")


def test_a_summary_logged_as_a_line_reads_as_it_was_written() -> None:
    from tui.edits.said import said, worded

    assert worded("2.1 conclusion: 「舊」") == "2.1 conclusion: 「舊」"
    assert worded(said("case {case}: {decision}", case=9805, decision="解除列管").stored()) == (
        "case 9805: 解除列管"
    )
    assert worded({"message": "case {case}: {decision}", "values": {}}) == (
        "case {case}: {decision}"
    )
