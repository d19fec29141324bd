"""What `agenda render` reads of the profile (tui.checked_profiles.ProfileView) is read alone
once the profile is known good, gives what the whole profile gives, and renders the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_support import agenda, private_copy
from tests.conftest import REFERENCE
from tests.test_command_imports import imported_by
from tests.test_show_plain import never_whole
from tui import checked_profiles
from tui.checked_profiles import ProfileView, known_view
from tui.database import profile_at, profile_text, profile_view
from tui.i18n import shipped_profile
from tui.storage.layout import PROFILE_FILE

SHIPPED_TEXT = shipped_profile().read_text(encoding="utf-8")
EDITS = [
    ("", ""),
    ("text_width = 70", "text_width = 52"),
    ('name = "機要組"', 'name = "資訊組"'),
    ("deadline_warning_days = 30", "deadline_warning_days = 9"),
]


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("reference") / "db"
    assert agenda("import", REFERENCE, db=db).returncode == 0
    return db


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "agenda" / "checked-profiles"


def _fields(view: ProfileView) -> tuple[object, ...]:
    return (
        *(view.organisation, view.series, view.units),
        *(view.text_width, view.warning_days, view.templates),
    )


@pytest.mark.parametrize(("before", "after"), EDITS, ids=["shipped", "width", "unit", "days"])
def test_the_view_read_alone_is_the_whole_profile_s(
    history: Path, tmp_path: Path, cache: Path, before: str, after: str
) -> None:
    db = private_copy(history, tmp_path)
    (db / PROFILE_FILE).write_text(SHIPPED_TEXT.replace(before, after), encoding="utf-8")
    with pytest.raises(AssertionError, match="checked whole"):
        profile_view(str(db), never_whole)
    whole = ProfileView.of(profile_at(db))
    assert _fields(profile_view(str(db), lambda: profile_at(db))) == _fields(whole)
    assert _fields(profile_view(str(db), never_whole)) == _fields(whole)  # known good now
    assert profile_view(str(db), never_whole).office == profile_at(db).office


@pytest.mark.parametrize("format", ["md", "txt"])
@pytest.mark.parametrize(("before", "after"), EDITS, ids=["shipped", "width", "unit", "days"])
def test_a_render_on_the_view_read_alone_is_the_whole_profile_s(
    history: Path, tmp_path: Path, cache: Path, before: str, after: str, format: str
) -> None:
    db = private_copy(history, tmp_path)
    (db / PROFILE_FILE).write_text(SHIPPED_TEXT.replace(before, after), encoding="utf-8")
    (tmp_path / "no-cache").write_text("")
    whole = agenda("render", "101", "--format", format, db=db, env=_no_cache(tmp_path))
    assert whole.returncode == 0, whole.stderr
    first = agenda("render", "101", "--format", format, db=db)  # checked whole, then kept
    assert first.stdout == whole.stdout
    assert agenda("render", "101", "--format", format, db=db).stdout == whole.stdout


def _no_cache(tmp_path: Path) -> dict[str, str]:
    return {"XDG_CACHE_HOME": str(tmp_path / "no-cache")}  # a file: no cache can be kept


def test_a_render_with_the_profile_known_good_does_not_check_it_again(
    history: Path, tmp_path: Path, cache: Path
) -> None:
    db = private_copy(history, tmp_path)
    assert "tui.profile" in imported_by(db, "render", "101")
    modules = imported_by(db, "render", "101")
    for checking in ("tui.profile", "tui.domain.profile", "tui.domain.schedule", "dateutil"):
        assert checking not in modules


def test_a_profile_edited_after_it_was_known_good_is_refused_by_render(
    history: Path, tmp_path: Path, cache: Path
) -> None:
    db = private_copy(history, tmp_path)
    assert agenda("render", "101", db=db).returncode == 0
    profile = db / PROFILE_FILE
    profile.write_text(SHIPPED_TEXT.replace("text_width = 70", "text_width = 5"), "utf-8")
    refused = agenda("render", "101", db=db, env={"AGENDA_LANG": "en"})
    assert refused.returncode == 1
    assert "text_width" in refused.stderr and refused.stdout == ""


@pytest.mark.parametrize(
    "kept",
    [
        {"organisation": 3},
        {"organisation": "工務局", "series": "局務會議", "units": ["a"], "text_width": 70},
        {"organisation": "a", "series": "b", "units": [1], "text_width": 70, "warning_days": 3},
        {"organisation": "a", "series": "b", "units": [], "text_width": True, "warning_days": 3},
        ["a", "b"],
    ],
)
def test_a_kept_view_of_another_shape_is_not_trusted(
    cache: Path, history: Path, kept: object
) -> None:
    text = profile_text(str(history))
    assert text is not None
    checked_profiles.remember_good(text, profile_at(history))
    assert known_view(text) is not None
    [stamp] = cache.iterdir()
    heading = checked_profiles._heading()
    written = json.dumps(kept, ensure_ascii=False)
    stamp.write_text(f"{heading}{written}\0\0{text}", encoding="utf-8", newline="")
    assert known_view(text) is None
