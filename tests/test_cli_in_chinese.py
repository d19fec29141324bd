"""Every command, run in Chinese over a month (import 101, prepare and record 102, prepare
103), and its common errors: what it prints has no English word (language_support) and no
ISO date or x.y place (notation_support).

A message still in English because another layer has not put it through the catalogs yet
is marked xfail(strict) with its layer and text: unmark it when that layer's does.
"""

from __future__ import annotations

import argparse
import getpass
from dataclasses import dataclass

import pytest

from tests.cli_support import agenda
from tests.conftest import REFERENCE
from tests.language_support import english
from tests.notation_support import offences
from tui.cli.main import build_parser

CHINESE = {"AGENDA_LANG": "zh-TW"}


def _commands() -> tuple[str, ...]:
    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return tuple(sorted(commands.choices))


COMMANDS = _commands()
KINDS = ("internal", "mayor", "council")  # decide --kind's choices, in its usage line
REASONS = ("done", "merged", "moved", "withdrawn")  # decide --reason's choices
DECIDE_WORDS = (*KINDS, *REASONS)
CHOICES = ("open", "closed", "all", "release", "keep", "none")  # cases --status, --proposal
# Names the help keeps as they are (a standard, a metavar, a byte order mark, a stream, a
# format, a file, a program); input the help says may be typed (2.4) and an address.
HELP_WORDS = (
    "ISO",
    "URL",
    "BOM",
    "stderr",
    "OpenDocument",
    "README",
    "| head",
    "[mail] attach",  # the profile's section and keys
    "[mail]",
    *DECIDE_WORDS,
    *CHOICES,
)
HELP_INPUT = ("2.4", "127.0.0.1")
RECORD_WORDS = ("TAIPEI ON", "line 群組")  # the record's own words, as written
# The .eml files' paths, and the profile's keys a message names.
MAIL_WORDS = ("mail-out", "reminder-", "record-", ".eml", "[mail]", "host", "sender", "--send")


@dataclass(frozen=True)
class Run:
    name: str
    words: tuple[str, ...]
    status: int = 0
    content: tuple[str, ...] = ()  # the user's, the record's or the commands' own words
    english: str = ""  # why it is still in English: whose message, and its text
    notation: str = ""  # why it still has an ISO date or an x.y place


def run(
    name: str,
    *words: str,
    status: int = 0,
    content: tuple[str, ...] = (),
    english: str = "",
    notation: str = "",
) -> Run:
    return Run(name, words, status, content, english, notation)


def other_layer(module: str, text: str) -> str:
    return f"message from {module}: {text}"


NOT_A_RECORD = "not-a-record.md"
MISSING = "missing.md"
STAMPED = "stamped-101.md"  # the record with its file number on top: a line skipped
TWICE = "twice-101.md"  # two records in one file
UNDATED = "undated.md"  # a record that gives no date
FORMS = "forms-out"  # where `agenda forms` writes, in the test's folder
BLANK_FORM = f"{FORMS}/第102次處務會議填報表-總務組.docx"
OUT = "mail-out"  # where remind and circulate write their .eml files
# FILES: made in the test's folder
FILES = (
    NOT_A_RECORD,
    MISSING,
    STAMPED,
    TWICE,
    UNDATED,
    FORMS,
    BLANK_FORM,
    OUT,
)  # in the test's folder

# In order, on one database: each sees what the ones before it did.
RUNS = [
    *(run(f"{c} --help", c, "--help", content=HELP_WORDS + HELP_INPUT) for c in COMMANDS),
    run("--help", "--help", content=HELP_WORDS + COMMANDS),
    run("import", "import", str(REFERENCE)),
    run("import --replace, a line skipped", "import", "--replace", STAMPED),
    run("meetings", "meetings"),
    run("cases", "cases"),
    run("cases --open", "cases", "--open"),
    run("cases --unit", "cases", "--unit", "總務組"),
    run("cases --overdue", "cases", "--overdue"),
    run("cases --summary", "cases", "--summary"),
    run("cases --status closed", "cases", "--status", "closed"),
    run("cases --due-before", "cases", "--due-before", "110/12/31"),
    run("cases --proposal", "cases", "--proposal", "none", "--open"),
    run("cases --due-before, a bad date", "cases", "--due-before", "110/13/1", status=2),
    run(
        "cases --overdue --status closed",
        *("cases", "--overdue", "--status", "closed"),
        status=2,
        content=("closed",),
    ),
    run("cases --history", "cases", "--history", "10101"),
    run("show", "show", "101"),
    run("render md", "render", "101", content=RECORD_WORDS),
    run("render txt", "render", "101", "--format", "txt", content=RECORD_WORDS),
    run("prepare", "prepare"),
    run("render --agenda", "render", "102", "--agenda", "--format", "txt"),
    run("forms", "forms", "102", "-o", FORMS),
    run(
        "forms --unit --format odt",
        "forms",
        "102",
        "--unit",
        "總務組",
        "--format",
        "odt",
        "-o",
        FORMS,
    ),
    run("forms, no such unit", "forms", "102", "--unit", "不存在組", "-o", FORMS, status=2),
    run("cases --missing", "cases", "--missing", "102"),
    run("collect, a blank form", "collect", BLANK_FORM),
    run("collect, not a form", "collect", NOT_A_RECORD, status=2),
    run("status in_session", "status", "102", "in_session"),
    run("conclude --track", "conclude", "102", "貳、一", "本案列管。", "--track"),
    run(
        "conclude 2.2 --deadline",
        *("conclude", "102", "2.2", "請總務組辦理。", "--track", "--deadline", "110/7/31"),
    ),
    run("conclude", "conclude", "101", "參、一", "洽悉。"),
    run("decide --keep", "decide", "102", "9805", "--keep", "--progress", "刻正辦理中。"),
    run("decide --release", "decide", "102", "9903", "--release"),
    run("propose --keep", "propose", "102", "9904", "--keep", "--deadline", "110/9/30"),
    run("accept", "accept", "102"),
    run("case --new-kind", "case", "9903", "--new-kind", "council", "--new-number", "3301"),
    run("case --new-kind, opened here", "case", "10101", "--new-kind", "mayor", status=2),
    run("accept again", "accept", "102", status=2),
    run("decide --into", "decide", "102", "9805", "--release", "--into", "10101"),
    run("decide --into, not both", "decide", "102", "9805", "--keep", "--into", "10101", status=2),
    run("decide --to itself", "decide", "102", "9805", "--release", "--into", "9805", status=2),
    run(
        "case",
        *("case", "9805", "--subject", "辦公室節能。", "--owner", "總務組", "--co-owner", "人事室"),
    ),
    run("case --deadline", "case", "9904", "--deadline", "110/7/31", "--reason", "配合預算。"),
    run(
        "propose",
        *("propose", "102", "9904", "--keep", "--progress", "施工中。", "--deadline", "110/8/31"),
    ),
    run("case --deadline, no reason", "case", "9904", "--deadline", "110/8/31", status=2),
    run("case, nothing to change", "case", "9904", status=2),
    run("case, no such case", "case", "1", "--owner", "總務組", status=2),
    run("case, no such unit", "case", "9805", "--owner", "不存在組", status=2),
    run("status recorded", "status", "102", "recorded", "--end", "11:14"),
    run("remind", "remind", "102", "--all", "-o", OUT, content=MAIL_WORDS),
    run("remind --send, no server", "remind", "102", "--send", status=4, content=MAIL_WORDS),
    run("circulate, not approved", "circulate", "101", "-o", OUT, status=2),
    run("approve", "approve", "101"),
    run("approve again", "approve", "101", status=2),
    run("approve, not finished", "approve", "103", status=2),
    run("circulate", "circulate", "101", "-o", OUT, content=MAIL_WORDS),
    run("render html --agenda", "render", "101", "--agenda", "--format", "html", status=2),
    run("confirm", "confirm", "101"),
    run("log", "log", "102", content=(getpass.getuser(),)),
    run("cases --history, a new case", "cases", "--history", "10202"),
    run("cases --summary, after 102", "cases", "--summary"),
    run("cases --proposal keep", "cases", "--proposal", "keep"),
    run(
        "search, building the index",
        *("search", "總務組", "--limit", "40"),
    ),
    run("search", "search", "列管", "--limit", "40"),
    run("search, no match", "search", "查無此字", status=3),
    run(
        "search, nothing to search for",
        *("search", "，。"),
        status=2,
    ),
    run(
        "prepare, undecided cases",
        "prepare",
        status=2,
    ),
    run("prepare --force", "prepare", "--force"),
    run("render --agenda with a deadline", "render", "103", "--agenda", "--format", "txt"),
    run("confirm --correction", "confirm", "102", "--correction", "第二案主辦單位更正為總務組。"),
    # The errors a user meets most.
    run(
        "import again",
        *("import", str(REFERENCE)),
        status=2,
    ),
    run(
        "import, not a record",
        *("import", NOT_A_RECORD),
        status=2,
    ),
    run(
        "import, missing file",
        *("import", MISSING),
        status=2,
    ),
    run("import, two records in one file", *("import", TWICE), status=2),
    run("import, no date", *("import", UNDATED), status=2),
    run(
        "show, no such meeting",
        *("show", "999"),
        status=2,
    ),
    run(
        "render, no such meeting",
        *("render", "999"),
        status=2,
    ),
    run("decide, no such meeting", "decide", "999", "9805", "--keep", status=2),
    run("decide, no such case", "decide", "103", "1", "--keep", status=2),
    run(
        "decide, released before",
        *("decide", "103", "10001", "--keep"),
        status=2,
    ),
    run("cases --history, no such case", "cases", "--history", "1", status=2),
    run(
        "conclude, no such item",
        *("conclude", "103", "玖、一", "洽悉。"),
        status=2,
    ),
    run(
        "prepare --date, bad date",
        *("prepare", "--force", "--date", "110/13/45"),
        status=2,
    ),
    run(
        "prepare --date, no date",
        *("prepare", "--force", "--date", "明天"),
        status=2,
    ),
    run(
        "conclude --deadline, bad date",
        *("conclude", "103", "貳、一", "洽悉。", "--deadline", "110/2/30"),
        status=2,
    ),
    run(
        "status --end, bad time",
        *("status", "103", "recorded", "--end", "25:00"),
        status=2,
    ),
    run("render --width, too narrow", "render", "101", "--width", "5", status=2),
    run("search --limit 0", "search", "總務組", "--limit", "0", status=2),
    run("render --width, too wide", "render", "101", "--width", "100000", status=2),
    run("meeting number out of range", "render", "-1", status=2, content=("-1", "N")),
    run("case number out of range", "decide", "103", "0", "--keep", status=2, content=DECIDE_WORDS),
    run("sessions out of range", "serve", "--sessions", "0", status=2, content=("URL",)),
    # argparse's own: status's argument is named by its dest, `status`.
    run("invalid choice", "status", "103", "bogus", status=2, content=("status", "bogus")),
    run("invalid command", "bogus", status=2, content=("bogus", *COMMANDS)),
    run("invalid format", "render", "101", "--format", "rtf", status=2, content=("rtf",)),
    run("missing argument", "decide", "103", status=2, content=DECIDE_WORDS),
    run("missing file argument", "import", status=2),
    run("missing option value", "prepare", "--date", status=2),
    run("bad int", "show", "x", status=2),
    run("bad port", "serve", "--port", "http", status=2, content=("http", "URL")),
    run("port out of range", "serve", "--port", "70000", status=2, content=("URL",)),
    run("unknown shell", "completion", "fish", status=2, content=("shell", "fish")),
    run("unrecognized argument", "meetings", "--nonsense", status=2, content=("nonsense",)),
    run(
        "release and keep",
        "decide",
        "103",
        "9805",
        "--release",
        "--keep",
        status=2,
        content=DECIDE_WORDS,
    ),
]


@pytest.fixture(scope="module")
def said(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("chinese")
    db = folder / "db"
    (folder / NOT_A_RECORD).write_text("只是一則筆記，不是會議紀錄。\n", encoding="utf-8")
    record = REFERENCE.read_text(encoding="utf-8")
    (folder / STAMPED).write_text("檔　　號：110/010101\n" + record, encoding="utf-8")
    (folder / TWICE).write_text(record + "\n" + record, encoding="utf-8")
    undated = "某某局第 2 次主管會報\n地點：本局會議室\n甲、報告事項\n"
    (folder / UNDATED).write_text(undated, encoding="utf-8")
    outputs: dict[str, str] = {}
    for each in RUNS:
        words = [str(folder / w) if w in FILES else w for w in each.words]
        result = agenda(*words, db=db, env=CHINESE)
        assert result.returncode == each.status, (each.name, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, (each.name, result.stderr)
        outputs[each.name] = result.stdout + result.stderr
    return outputs


def _unless(why: str) -> list[pytest.MarkDecorator]:
    return [pytest.mark.xfail(strict=True, reason=why)] if why else []


@pytest.mark.parametrize(
    "each", [pytest.param(r, id=r.name, marks=_unless(r.english)) for r in RUNS]
)
def test_no_english(said: dict[str, str], each: Run) -> None:
    found = english(each.name, said[each.name], each.content)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(
    "each", [pytest.param(r, id=r.name, marks=_unless(r.notation)) for r in RUNS]
)
def test_no_iso_date_or_dotted_place(said: dict[str, str], each: Run) -> None:
    found = offences(each.name, said[each.name], each.content)
    assert found == [], "\n".join(found)


def test_the_commands_own_words_in_chinese(said: dict[str, str]) -> None:
    assert said["show, no such meeting"].startswith("agenda：錯誤：")
    assert said["render --width, too narrow"] == "agenda：錯誤：--width 5 太窄；請指定 20 欄以上\n"
    assert said["search, no match"] == "agenda：查無符合「查無此字」的結果\n"
    assert "列管案件 10202" in said["search, building the index"]
    assert said["prepare --date, bad date"].startswith("agenda：錯誤：--date：")
    assert said["render --width, too wide"].endswith("--width 100000 太寬；請指定 20 至 400 欄\n")
    assert said["meeting number out of range"].endswith("-1：請指定 1 至 9999\n")


def test_the_meetings_table_heads_its_first_column_with_the_meeting_s_number(
    said: dict[str, str],
) -> None:
    """次別 (the meeting's number), not 案號 (a tracked case's number)."""
    assert said["meetings"].split()[0] == "次別"
