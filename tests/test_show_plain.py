"""`agenda show` reads the meeting without the model and the office's names without the whole
profile (issue 18), and shows what it showed when it read both: byte for byte, and with the
same error when the profile cannot give the names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.archive import write_archive
from tests.cli_support import agenda, private_copy
from tests.conftest import REFERENCE
from tests.test_command_imports import imported_by
from tui import checked_profiles, database, secretary
from tui.cli.json_output import meeting_json
from tui.database import office_names, profile_at
from tui.domain.model import Meeting, Office
from tui.domain.profile import Profile
from tui.domain.rocdays import format_datetime
from tui.domain.status_words import status_word
from tui.i18n import _, shipped_profile
from tui.profile import ProfileError, parse_profile
from tui.storage.layout import JOURNAL_FILE, LOCK_FILE, PROFILE_FILE
from tui.storage.plain import plain_meeting_data
from tui.storage.repository import Repository


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference record with meeting 102 prepared, and a history after it."""
    folder = tmp_path_factory.mktemp("show")
    archive = write_archive(folder / "records", 103, 4, extras=False)
    repo = database.open_repository(folder / "db")
    secretary.import_records(repo, [REFERENCE], replace=False)
    secretary.prepare(repo)
    secretary.import_records(repo, sorted(archive.records.values()), replace=False)
    return folder / "db"


NUMBERS = (101, 102, 103, 106)


def shown_before(meeting: Meeting, office: Office) -> str:
    """`agenda show N` as it was written on the model, before issue 18."""
    items = meeting.items()
    counts = {
        "sections": len(meeting.sections),
        "items": len(items),
        "reports": sum(len(i.reports) for i in items),
        "conclusions": len(meeting.conclusions()),
    }
    lines = [
        f"{office.organisation}第 {meeting.number} 次{office.series}",
        f"  時間：{format_datetime(meeting.start)}   {status_word(meeting.status)}",
    ]
    if meeting.approval is not None:
        lines.append(f"  核定：{meeting.approval.by}（{format_datetime(meeting.approval.at)}）")
    lines.append("  " + _(", ").join(f"{_(name)} {n}" for name, n in counts.items()))
    return "\n".join(lines) + "\n"


def test_a_meeting_is_shown_as_the_model_showed_it(history: Path) -> None:
    repo = Repository.open(history, create=False)
    office = profile_at(history).office
    for number in NUMBERS:
        meeting = repo.load_meeting(number)
        assert meeting is not None
        assert plain_meeting_data(str(history), number) is not None  # read without the model
        as_json = agenda("show", str(number), "--json", db=history)
        expected = json.dumps(meeting_json(meeting), ensure_ascii=False, indent=2) + "\n"
        assert (as_json.stdout, as_json.stderr) == (expected, "")
        shown = agenda("show", str(number), db=history)
        assert (shown.stdout, shown.stderr) == (shown_before(meeting, office), "")


def test_an_approved_meeting_shows_who_approved_it(history: Path, tmp_path: Path) -> None:
    db = private_copy(history, tmp_path)
    path = db / "meetings" / "0101.json"
    document = json.loads(path.read_bytes())
    document["tables"]["meeting"]["1"]["approval"] = {"by": "陳志銘", "at": "2021-06-20T17:45"}
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    meeting = Repository.open(db, create=False).load_meeting(101)
    assert meeting is not None and meeting.approval is not None
    shown = agenda("show", "101", db=db).stdout
    assert "核定：陳志銘（民國 110 年 6 月 20 日 17 時 45 分）" in shown
    assert shown == shown_before(meeting, profile_at(db).office)


@pytest.mark.parametrize("words", [("show", "102"), ("show", "102", "--json")])
def test_showing_a_meeting_imports_no_model_and_no_profile(
    history: Path, words: tuple[str, ...]
) -> None:
    assert agenda("show", "102", db=history).returncode == 0  # the profile known good
    modules = imported_by(history, *words)
    for heavy in ("tui.domain.model", "tui.domain.codec", "tui.profile", "dataclasses"):
        assert heavy not in modules


@pytest.mark.parametrize(
    "upset",
    [
        lambda db: (db / JOURNAL_FILE).write_text("{}"),  # a commit to finish
        lambda db: (db / LOCK_FILE).unlink(),
        lambda db: (db / "meetings" / "0101.json").write_bytes(b"\0\0"),
        lambda db: (db / "meta.json").unlink(),
    ],
)
def test_anything_out_of_the_ordinary_is_left_to_the_repository(
    history: Path, tmp_path: Path, upset: object
) -> None:
    db = private_copy(history, tmp_path)
    upset(db)  # type: ignore[operator]
    assert plain_meeting_data(str(db), 101) is None


def test_a_meeting_the_model_reads_otherwise_is_shown_as_it_reads_it(
    history: Path, tmp_path: Path
) -> None:
    db = private_copy(history, tmp_path)
    path = db / "meetings" / "0102.json"
    document = json.loads(path.read_bytes())
    stored = document["tables"]["meeting"]["1"]
    stored["confirmation"] = {"at_meeting": 103, "corrections": ["第 2 頁誤植"]}  # a sentence
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert plain_meeting_data(str(db), 102) is None
    meeting = Repository.open(db, create=False).load_meeting(102)
    assert meeting is not None
    expected = json.dumps(meeting_json(meeting), ensure_ascii=False, indent=2) + "\n"
    assert agenda("show", "102", "--json", db=db).stdout == expected


# -- the office's names, read alone when the profile is known good --------------------------

SHIPPED_TEXT = shipped_profile().read_text(encoding="utf-8")
SHIPPED_NAMES = 'organisation = "臺北市政府秘書處"\nseries = "處務會議"\n'


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache of this test's own, for the commands it runs too."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "agenda" / "checked-profiles"


def never_whole() -> Profile:
    raise AssertionError("the profile was checked whole")


def with_profile(history: Path, tmp_path: Path, text: str) -> Path:
    db = private_copy(history, tmp_path)
    (db / PROFILE_FILE).write_text(text, encoding="utf-8")
    return db


def shows_the_whole_profile_s_names(db: Path) -> bool:
    """`show` heads the meeting with the names the whole profile gives, or refuses it in the
    same words; whether the profile was good."""
    shown = agenda("show", "101", db=db)
    try:
        office = profile_at(db).office
    except ProfileError as error:
        assert (shown.stdout, shown.stderr) == ("", f"agenda: error: {error}\n")
        return False
    assert shown.stdout.splitlines()[0] == f"{office.organisation}第 101 次{office.series}"
    return True


NAMES = [
    SHIPPED_NAMES,
    'organisation = "臺北市政府工務局"\nseries = "局務會議"\n',
    'organisation = " 工務局　"\nseries = "\\t局務會議 "\n',  # the reader strips them
    'organisation = "工務局"\nseries = "局務\\u202e會議"\n',  # refused
    'organisation = "工務局"\nseries = "\\u0085"\n',
    'organisation = ""\nseries = "局務會議"\n',
    'series = "局務會議"\n',
    'organisation = 3\nseries = "局務會議"\n',
    'organisation = "工務局\nseries = "局務會議"\n',  # not TOML
]
EDITS = [
    ("text_width = 70", "text_width = 5"),  # refused
    ("text_width = 70", "text_width = 72"),
    ('name = "機要組"', 'name = "資訊組"'),
]


@pytest.mark.parametrize(
    "text",
    [SHIPPED_TEXT.replace(SHIPPED_NAMES, names) for names in NAMES]
    + [SHIPPED_TEXT.replace(before, after) for before, after in EDITS],
)
def test_the_office_s_names_are_the_whole_profile_s_and_read_alone_once_it_is_known_good(
    history: Path, tmp_path: Path, cache: Path, text: str
) -> None:
    db = with_profile(history, tmp_path, text)
    with pytest.raises(AssertionError, match="checked whole"):
        office_names(str(db), never_whole)
    good = shows_the_whole_profile_s_names(db)  # checked whole: known good if it is
    if good:
        office = profile_at(db).office
        assert office_names(str(db), never_whole) == (office.organisation, office.series)
    else:
        with pytest.raises(AssertionError, match="checked whole"):
            office_names(str(db), never_whole)
    assert shows_the_whole_profile_s_names(db) == good  # read alone, or refused again


def test_a_profile_edited_after_it_was_known_good_is_checked_again(
    history: Path, tmp_path: Path, cache: Path
) -> None:
    db = with_profile(history, tmp_path, SHIPPED_TEXT)
    assert shows_the_whole_profile_s_names(db)
    assert office_names(str(db), never_whole) == ("臺北市政府秘書處", "處務會議")
    edited = SHIPPED_TEXT.replace("text_width = 70", "text_width = 5")
    (db / PROFILE_FILE).write_text(edited, encoding="utf-8")
    assert not shows_the_whole_profile_s_names(db)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("# group = ", "group = "),  # a group that may be gone tomorrow
        ("# templates = ", "templates = "),
        ("[schedule]", '[mail]\npassword_file = "secret"\n\n[schedule]'),
    ],
)
def test_a_profile_the_system_has_a_say_in_is_always_checked_whole(
    history: Path, tmp_path: Path, cache: Path, before: str, after: str
) -> None:
    db = with_profile(history, tmp_path, SHIPPED_TEXT.replace(before, after))
    (db / "templates").mkdir()
    shows_the_whole_profile_s_names(db)
    with pytest.raises(AssertionError, match="checked whole"):
        office_names(str(db), never_whole)


def test_a_profile_known_good_by_another_version_is_checked_again(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = profile_at(Path("/nonexistent"))  # the shipped one
    with monkeypatch.context() as patched:
        patched.setattr(checked_profiles, "__version__", "0.0.1")
        checked_profiles.remember_good(SHIPPED_TEXT, profile)
        assert checked_profiles.known_names(SHIPPED_TEXT) == ("臺北市政府秘書處", "處務會議")
    assert checked_profiles.known_names(SHIPPED_TEXT) is None
    assert len(list(cache.iterdir())) == 1
    assert checked_profiles.known_names(SHIPPED_TEXT + " ") is None


def test_without_a_profile_the_names_are_the_shipped_profile_s(
    history: Path, tmp_path: Path, cache: Path
) -> None:
    db = private_copy(history, tmp_path)
    (db / PROFILE_FILE).unlink()
    assert shows_the_whole_profile_s_names(db)
    assert office_names(str(db), never_whole) == ("臺北市政府秘書處", "處務會議")
    (db / PROFILE_FILE).symlink_to(PROFILE_FILE)  # a loop: not there, as pathlib says
    assert office_names(str(db), never_whole) == ("臺北市政府秘書處", "處務會議")


def test_a_cache_that_cannot_be_written_is_no_cache(
    history: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    assert shows_the_whole_profile_s_names(history)
    with pytest.raises(AssertionError, match="checked whole"):
        office_names(str(history), never_whole)


def test_a_stamp_made_by_other_checking_code_is_not_trusted(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = parse_profile(SHIPPED_TEXT, Path("profile.toml"))
    checked_profiles.remember_good(SHIPPED_TEXT, profile)
    assert checked_profiles.known_names(SHIPPED_TEXT) == (profile.organisation, profile.series)
    # As after a checkout that changed the check: another file, another size and time.
    monkeypatch.setattr(checked_profiles, "_CHECKING", ("profile.py", "i18n.py"))
    assert checked_profiles.known_names(SHIPPED_TEXT) is None
