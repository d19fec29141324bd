"""The profile's [mail] section: read key by key, each mistake named with its line; the
shipped profile and one `agenda init` writes explain it, commented out (mail needs nothing
configured to write .eml files)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.domain.profile import Mail
from tui.new_profile import MAIL_EXAMPLE
from tui.profile import ProfileError, default_profile_path, load_profile, parse_profile

BASE = 'organisation = "臺北市政府秘書處"\nseries = "處務會議"\n'


def read(section: str) -> Mail:
    return parse_profile(BASE + section, Path("profile.toml")).mail


def test_the_section_is_read() -> None:
    mail = read(re.sub(r'(?m)^# (?=\[mail|[a-z_]+ =|")', "", MAIL_EXAMPLE))  # uncommented
    assert mail.host == "smtp.example.gov.tw" and mail.port == 587 and mail.starttls
    assert mail.sender == "秘書處 <secretariat@example.gov.tw>"
    assert mail.password_env == "AGENDA_SMTP_PASSWORD"
    assert mail.units == {"總務組": ["general@example.gov.tw"]}
    assert mail.circulate_to == ["all-units@example.gov.tw"]


def test_without_the_section_nothing_is_needed() -> None:
    mail = load_profile(default_profile_path()).mail
    assert mail.host == "" and mail.units == {} and mail.attach == "odt"


@pytest.mark.parametrize(
    ("section", "words"),
    [
        ('[mail]\npassword = "hunter2"\n', "line 5: mail.password: a password is never kept"),
        ('[mail]\nsender = "秘書處"\n', "mail.sender: '秘書處' is not an e-mail address"),
        ('[mail]\nstarttls = "yes"\n', "mail.starttls: must be true or false"),
        ('[mail]\nattach = "pdf"\n', "mail.attach: 'pdf' is not one of odt, docx"),
        ("[mail]\nport = 0\n", "port: must be a whole number from 1 to 65535"),
        ('[mail]\nhots = "x"\n', "mail.hots: unknown key"),
        ('[mail.units]\n"總務組" = ["a@b.tw", "not an address"]\n', "mail.units.總務組"),
    ],
)
def test_each_mistake_is_named(section: str, words: str) -> None:
    with pytest.raises(ProfileError, match=words.replace(".", r"\.").replace("(", r"\(")):
        read("\n" + section)
