"""Issue 17's fuzzing: every command's arguments, every profile key and the importer's files
given hostile values; each run must exit 0 or say one line with a documented status, within
30 s and 2 GB, and leave the database as it was when it refuses (tests/fuzz_support.py).

CI runs a few examples of each; `benchmarks/fuzz.py` runs many (AGENDA_FUZZ_EXAMPLES)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli_support import agenda, snapshot
from tests.conftest import REFERENCE
from tests.fuzz_support import check, commands, examples, fresh_copy, run, tally
from tui.profile import ProfileError, default_profile_path, parse_profile

COMMANDS = commands()
NUMBERS = ["-1", "0", "1", "101", "102", "10101", "10201", "9999", "10000", "1e9", "-0"]
NUMBERS += ["99999999999999999999999", "０", "١٠١", "NaN", " 101 ", "0x10", "1_000"]
DATES = ["115/2/30", "0/1/1", "9999/12/31", "-1/1/1", "115/12/2", "2026-12-02", "99999-01-01"]
DATES += ["民國 115 年 13 月 1 日", "115/12/2 25:61", "14:30", "24:00", "115/12/2 10:00"]
TEXTS = ["", " ", "貳、一", "2.1", "壹", "貳、九十九", "9.9", "總務組", "a\nb", "\x1b[2J\x07"]
TEXTS += ["\u202eevil", "%s%n{0}", "{{ 7 ** 7 }}", "../../x", "=", "貳、一=a=b", "長" * 30_000]
PATHS = ["record.md", "hostile.md", ".", "/dev/zero", "out.md", "nowhere/x.md", "--"]
VALUES = NUMBERS + DATES + TEXTS + PATHS
# Any text an argument can carry: no NUL, no lone surrogate.
WORDS = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=20)


def _slow(count: int) -> settings:
    return settings(
        max_examples=examples(count),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        derandomize=False,
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Meeting 101 recorded and 102 prepared: every command has something to act on."""
    db = tmp_path_factory.mktemp("fuzz") / "db"
    assert agenda("import", REFERENCE, db=db).returncode == 0
    assert agenda("prepare", db=db).returncode == 0
    return db


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz-cwd")
    (folder / "record.md").write_text(REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "hostile.md").write_text("第 0 次處務會議紀錄\n" + "1. 長\n" * 10_001, "utf-8")
    return folder


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    name = draw(st.sampled_from(sorted(COMMANDS)))
    token = st.one_of(
        st.sampled_from(COMMANDS[name] or ["--help"]),
        st.sampled_from(VALUES),
        WORDS,
    )
    return [*name.split(), *draw(st.lists(token, max_size=6))]


@_slow(25)
@given(args=command_lines())
def test_every_command_with_hostile_arguments(
    template: Path, workdir: Path, args: list[str]
) -> None:
    tally("command")
    db = fresh_copy(template, workdir / "db")
    before = snapshot(db)
    check(run(db, args, workdir), " ".join(args[:2]), before, db)


PROFILE_VALUES = [
    "-1",
    "0",
    "99999999999999999999",
    "1e308",
    "inf",
    "nan",
    "true",
    '""',
    "[]",
    "{}",
    '"' + "長" * 10_000 + '"',
    '"\\u0000\\u001b[2J"',
    "[" * 3000 + "]" * 3000,
    "9" * 5000,
    "{ a = 1 }",
    "1979-05-27",
    "1979-05-27T07:32:00",
    '"/dev/zero"',
    '"zz"',
    '"FREQ=MONTHLY;BYDAY=+9TH"',
    '"FREQ=SECONDLY"',
    '"FREQ=MONTHLY"',
    '"FREQ=DAILY;BYDAY=MO;COUNT=1"',
    '["110 年 13 月 1 日"]',
    '[1, "a", true]',
    "400",
    "20",
    "401",
    '"zh-TW"',
    '"."',
    '"data"',
]
TOP_KEYS = ["organisation", "series", "place", "chair", "recorder", "text_width", "templates"]
TOP_KEYS += ["group", "language"]
SCHEDULE_KEYS = ["rule", "skip", "deadline_warning_days"]
TABLE_KEYS = ["units.name", "units.reporter", "members.name", "members.unit", "agenda.kind"]
TABLE_KEYS += ["agenda.section", "agenda.items"]


def hostile_profile(key: str, value: str) -> str:
    text = default_profile_path().read_text(encoding="utf-8")
    table, _, field = key.partition(".")
    if key in SCHEDULE_KEYS:
        return re.sub(rf"(?m)^{key} = .*$", lambda _: f"{key} = {value}", text, count=1)
    if field:
        return text + f"\n[[{table}]]\n{field} = {value}\n"
    text = re.sub(rf"(?m)^{key} = .*$", "", text)
    return f"{key} = {value}\n" + text


@_slow(15)
@given(
    key=st.sampled_from(TOP_KEYS + SCHEDULE_KEYS + TABLE_KEYS),
    value=st.sampled_from(PROFILE_VALUES),
    command=st.sampled_from([["prepare"], ["render", "102", "--format", "txt"], ["cases"]]),
)
def test_every_profile_key_with_hostile_values(
    template: Path, workdir: Path, key: str, value: str, command: list[str]
) -> None:
    tally("profile")
    text = hostile_profile(key, value)
    db = fresh_copy(template, workdir / "db")
    try:
        parse_profile(text, db / "profile.toml")
    except ProfileError as error:
        assert "\n" not in str(error)
    (db / "profile.toml").write_text(text, encoding="utf-8")
    before = snapshot(db)
    check(run(db, command, workdir), command[0], before, db)


HOSTILE_LINES = [
    "第 0 次處務會議紀錄",
    "第 99999999999 次處務會議紀錄",
    "時間：115 年 13 月 45 日",
    "時間：9999999 年 1 月 1 日",
    "99999. 長",
    "(九千九百九十九) 項",
    "壹萬、",
    "　" * 5000,
    "\x1b[31m紅\x07",
    "會議結論：" + "長" * 30_000,
    "- (一) " + "1. " * 2000,
    "出席：" + "、" * 20_000,
    "列管案號 99999999999",
    "列管案號 0",
    "主席：\u202e",
    "散會：25 時 99 分",
]
REFERENCE_LINES = REFERENCE.read_text(encoding="utf-8").splitlines()


@st.composite
def hostile_records(draw: st.DrawFn) -> str:
    lines = list(REFERENCE_LINES)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        match draw(st.sampled_from(["replace", "insert", "repeat", "drop"])):
            case "replace":
                lines[at] = draw(st.one_of(st.sampled_from(HOSTILE_LINES), WORDS))
            case "insert":
                lines.insert(at, draw(st.sampled_from(HOSTILE_LINES)))
            case "repeat":
                lines[at:at] = [lines[at]] * draw(st.sampled_from([2, 100, 10_001]))
            case "drop":
                del lines[at]
    return "\n".join(lines)


@_slow(15)
@given(text=hostile_records())
def test_the_importer_with_hostile_files(template: Path, workdir: Path, text: str) -> None:
    tally("import")
    db = fresh_copy(template, workdir / "db")
    record = workdir / "fuzzed.md"
    record.write_text(text, encoding="utf-8")
    before = snapshot(db)
    outcome = run(db, ["import", "--replace", str(record)], workdir)
    check(outcome, "import", before, db)
    if outcome.status == 0:
        assert run(db, ["render", "101", "--format", "txt"], workdir).status == 0
