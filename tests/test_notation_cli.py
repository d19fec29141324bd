"""The commands' output for people is in the office's notation: ROC dates, places written
貳、一, statuses in its words. Only --json keeps ISO dates and "2.1"."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.cli_support import agenda, load_json
from tests.conftest import REFERENCE
from tests.notation_support import offences


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every command's output for people, over a whole month: import 101, prepare 102,
    record it (a tracked conclusion with a deadline, a motion's conclusion, decisions)."""
    db = tmp_path_factory.mktemp("notation") / "db"
    said: dict[str, str] = {}

    def run(name: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
        result = agenda(*args, db=db)
        assert result.returncode == 0, (name, result.stderr)
        said[name] = result.stdout + result.stderr
        return result

    run("import", "import", REFERENCE)
    run("prepare", "prepare")
    run("status in_session", "status", "102", "in_session")
    run("conclude 貳、一 --track", "conclude", "102", "貳、一", "本案列管。", "--track")
    run(
        "conclude 2.2 --deadline",
        *("conclude", "102", "2.2", "請總務組辦理。", "--track", "--deadline", "110/7/31"),
    )
    run("conclude 參、一", "conclude", "101", "參、一", "洽悉。")  # a motion of 101
    run("decide --keep", "decide", "102", "9805", "--keep", "--progress", "刻正辦理中。")
    run("decide --release", "decide", "102", "9903", "--release")
    run("status recorded", "status", "102", "recorded", "--end", "11:14")
    run("confirm", "confirm", "101")
    run("prepare 103", "prepare", "--force")  # its agenda lists the case with a deadline
    run("meetings", "meetings")
    run("show", "show", "102")
    run("cases", "cases")
    run("cases --open", "cases", "--open")
    deadline = next(c for c in load_json(agenda("cases", "--json", db=db)) if c["deadline"])
    run("cases --history", "cases", "--history", str(deadline["number"]))
    run("cases --history 9805", "cases", "--history", "9805")
    run("search", "search", "總務組", "--limit", "40")
    run("search 列管", "search", "列管", "--limit", "40")
    run("log", "log", "102")
    run("render --agenda", "render", "--agenda", "103")
    run("render --agenda txt", "render", "--agenda", "103", "--format", "txt")
    run("render", "render", "102")
    return said


def test_no_iso_date_or_dotted_place_in_any_output(outputs: dict[str, str]) -> None:
    found = [line for name, text in outputs.items() for line in offences(name, text)]
    assert found == [], "\n".join(found)


def test_the_deadline_reads_as_the_office_writes_it(outputs: dict[str, str]) -> None:
    assert "列管期限：民國 110 年 7 月 31 日" in outputs["cases --history"]
    assert "| 110/7/31 " in outputs["render --agenda"]  # the 列管 table's column


def test_places_and_words_the_office_uses(outputs: dict[str, str]) -> None:
    assert "conclusion added to meeting 101 item 參、一" in outputs["conclude 參、一"]
    assert "貳、一 conclusion added" in outputs["log"]
    assert "紀錄完成" in outputs["meetings"] and "recorded" not in outputs["meetings"]
    assert "紀錄完成" in outputs["show"]
    assert "meetings" in outputs and "紀錄確定" in outputs["meetings"]
    assert "meeting 102 is 開會中" in outputs["status in_session"]
    assert "列管中" in outputs["cases"] and "已解除列管" in outputs["cases"]
    assert "open" not in outputs["cases"] and "closed" not in outputs["cases"]
    assert " 貳、" in outputs["search"] and "110/" in outputs["search"]


def test_json_keeps_the_machines_notation(tmp_path: Path) -> None:
    db = tmp_path / "db"
    assert agenda("import", REFERENCE, db=db).returncode == 0
    [meeting] = load_json(agenda("meetings", "--json", db=db))
    assert (meeting["date"], meeting["status"]) == ("2021-06-17", "recorded")
    states = {c["status"] for c in load_json(agenda("cases", "--json", db=db))}
    assert states == {"open", "closed"}
    searched = agenda("search", "總務組", "--json", db=db)
    assert searched.returncode == 0, searched.stderr
    hit = json.loads(searched.stdout)["hits"][0]
    assert hit["date"] == "2021-06-17" and "." in hit["place"]


def test_the_checker_finds_what_it_looks_for() -> None:
    assert offences("x", "列管期限：2021-07-31") != []
    assert offences("x", " 101  110/6/17  2.1  conclusion") != []
    assert offences("x", "民國 110 年 7 月 31 日 貳、一 10:00") == []
    assert offences("x", "預算 1.5 億", content=["1.5 億"]) == []
