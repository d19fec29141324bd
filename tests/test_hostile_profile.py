"""Issue 17, the profile: its values are checked before use; a rule that gives no date, or a
meeting less than a week after the last, is refused on load, quickly; nesting is bounded."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import pytest

from tests.cli_support import agenda, one_error_line, snapshot
from tests.conftest import REFERENCE
from tui.domain.schedule import next_meeting
from tui.profile import ProfileError, parse_profile

BASE = 'organisation = "某局"\nseries = "局務會議"\n'

REFUSED_RULES = {
    "no ninth thursday": "FREQ=MONTHLY;BYDAY=+9TH",
    "no 31 february": "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31",
    "no 30 february monthly": "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30;BYHOUR=10",
    "no day named": "FREQ=MONTHLY;BYHOUR=10;BYMINUTE=0",
    "every day": "FREQ=DAILY;BYHOUR=10",
    "twice a week": "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=10",
    "every second": "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=31",
    "ended long ago": "FREQ=MONTHLY;BYDAY=+3TH;UNTIL=19990101T000000",
}


@pytest.mark.parametrize("rule", REFUSED_RULES.values(), ids=REFUSED_RULES.keys())
def test_a_rule_that_cannot_schedule_is_refused_quickly(tmp_path: Path, rule: str) -> None:
    started = time.monotonic()
    with pytest.raises(ProfileError, match=r"line 4: schedule\.rule: "):
        parse_profile(BASE + f'[schedule]\nrule = "{rule}"\n', tmp_path / "profile.toml")
    # A guard against a search without end, not a speed target: it took 1.2 s once on a
    # machine running three test suites at a load of 5; unbounded, it never returns.
    assert time.monotonic() - started < 10


def test_a_monthly_rule_gives_the_next_month() -> None:
    rule = "FREQ=MONTHLY;BYDAY=+3TH;BYHOUR=10;BYMINUTE=0"
    assert next_meeting(rule, datetime(2026, 12, 17, 10)) == datetime(2027, 1, 21, 10)


@pytest.mark.parametrize("key", ["units", "text_width", "schedule.skip"])
def test_deep_nesting_is_one_line(tmp_path: Path, key: str) -> None:
    name, _, sub = key.partition(".")
    deep = "[" * 5000 + "]" * 5000
    text = BASE + (f"[{name}]\n{sub} = {deep}\n" if sub else f"{name} = {deep}\n")
    with pytest.raises(ProfileError) as raised:
        parse_profile(text, tmp_path / "profile.toml")
    assert "\n" not in str(raised.value)


def test_prepare_with_a_rule_that_never_meets_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "db"
    assert agenda("import", REFERENCE, db=db).returncode == 0
    profile = db / "profile.toml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(
        text.replace('BYDAY=+3TH;BYHOUR=10;BYMINUTE=0"', 'BYDAY=+9TH"'), encoding="utf-8"
    )
    before = snapshot(db)
    result = agenda("prepare", db=db, env={"AGENDA_LANG": "en"})
    assert result.returncode in (1, 2)
    assert "schedule.rule" in one_error_line(result)
    assert snapshot(db) == before


def test_a_number_of_thousands_of_digits_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="thousands of digits"):
        parse_profile(BASE + "text_width = " + "9" * 5000 + "\n", tmp_path / "profile.toml")
