"""The office profile: the shipped one is the Secretariat's; mistakes name the key and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.domain.model import ItemKind
from tui.profile import ProfileError, default_profile_path, load_profile, parse_profile


def test_the_shipped_profile_is_the_secretariats() -> None:
    profile = load_profile(default_profile_path())
    assert (profile.organisation, profile.series) == ("臺北市政府秘書處", "處務會議")
    assert profile.unit_names[:3] == ["國際事務組", "機要組", "總務組"]
    assert "公共事務管理中心" in profile.unit_names
    assert profile.schedule.rule == "FREQ=MONTHLY;BYDAY=+3TH;BYHOUR=10;BYMINUTE=0"
    assert [s.kind for s in profile.agenda] == [
        ItemKind.READ_RECORD,
        ItemKind.ORDINARY,
        ItemKind.MOTIONS,
    ]
    assert [i.kind for i in profile.agenda[1].items] == [
        ItemKind.ORDINARY,
        ItemKind.CASE_REPORT,
        ItemKind.OUTSIDE_CASES,
        ItemKind.UNIT_REPORTS,
    ]


BASE = 'organisation = "某局"\nseries = "局務會議"\n'


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("text_width = 5\n", r"line 3: text_width: must be a whole number from 20"),
        ('colour = "red"\n', r"line 3: colour: unknown key"),
        ('[schedule]\nrule = "FREQ=SOMETIMES"\n', r"line 4: schedule.rule: not an RFC 5545 rule"),
        ('[schedule]\nskip = ["110 年 13 月 1 日"]\n', r"line 4: schedule.skip: month 13"),
        (
            '[[agenda]]\nsection = "報告事項"\nkind = "gossip"\n',
            r"line 5: agenda\[0\].kind: 'gossip'",
        ),
        ('[[units]]\nreporter = "組長"\n', r"units\[0\].name: must not be empty"),
        ('templates = "nowhere"\n', r"line 3: templates: .*nowhere is not a folder"),
    ],
)
def test_mistakes_name_the_key_and_the_line(tmp_path: Path, extra: str, message: str) -> None:
    path = tmp_path / "profile.toml"
    with pytest.raises(ProfileError, match=message) as raised:
        parse_profile(BASE + extra, path)
    assert str(raised.value).startswith(str(path))


def test_a_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match=r"line 3"):
        parse_profile(BASE + "text_width = = 3\n", tmp_path / "p.toml")


def test_missing_organisation(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="organisation: must not be empty"):
        parse_profile('series = "x"\n', tmp_path / "p.toml")
