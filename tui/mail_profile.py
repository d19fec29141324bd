"""The profile's [mail] section, checked key by key like the rest of the profile: the SMTP
server, the sender, each unit's addresses and the record's distribution list. A password
written in the profile is refused: it is read, when mail is sent, from the environment
variable or the owner-only file the section names."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.domain.profile import Mail
from tui.i18n import _

if TYPE_CHECKING:
    from tui.profile_check import ProfileReader

MAIL_KEYS = {
    "host",
    "port",
    "starttls",
    "sender",
    "user",
    "password_env",
    "password_file",
    "units",
    "circulate_to",
    "attach",
}
ATTACH_FORMATS = ("odt", "docx")


def read_mail(reader: ProfileReader, value: Any) -> Mail:
    if not isinstance(value, dict):
        raise reader.fail("mail", _("must be a [mail] table"))
    if "password" in value:
        raise reader.fail(
            "mail.password",
            _(
                "a password is never kept in the profile: name an environment variable "
                "(password_env) or a file only you can read (password_file)"
            ),
        )
    reader._no_unknown(value, "mail.", MAIL_KEYS)
    where = "mail."
    return Mail(
        host=reader.text(value, "host", where=where),
        port=reader.number(value, "port", 587, low=1, high=65535),
        starttls=_flag(reader, value, "starttls", default=True),
        sender=_address(reader, value.get("sender", ""), "mail.sender", allow_empty=True),
        user=reader.text(value, "user", where=where),
        password_env=reader.text(value, "password_env", where=where),
        password_file=_file(reader, reader.text(value, "password_file", where=where)),
        units=_units(reader, value.get("units", {})),
        circulate_to=_addresses(reader, value.get("circulate_to", []), "mail.circulate_to"),
        attach=_attach(reader, value),
    )


def _flag(reader: ProfileReader, value: dict[str, Any], key: str, *, default: bool) -> bool:
    found = value.get(key, default)
    if not isinstance(found, bool):
        raise reader.fail(f"mail.{key}", _("must be true or false"))
    return found


def _address(reader: ProfileReader, value: Any, key: str, *, allow_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise reader.fail(key, _("must be an e-mail address in quotes"))
    text = value.strip()
    if not text and allow_empty:
        return ""
    from email.utils import parseaddr  # the email package only for a profile that mails

    _name, address = parseaddr(text)
    local, at, domain = address.partition("@")
    if not (local and at and domain) or any(c.isspace() for c in address):
        raise reader.fail(key, _("{value!r} is not an e-mail address").format(value=text))
    return text


def _addresses(reader: ProfileReader, value: Any, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise reader.fail(key, _("must be an address or a list of addresses"))
    return [_address(reader, entry, key) for entry in value]


def _units(reader: ProfileReader, value: Any) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise reader.fail("mail.units", _("must be a [mail.units] table: unit = address"))
    return {
        unit.strip(): _addresses(reader, found, f"mail.units.{unit}")
        for unit, found in value.items()
    }


def _attach(reader: ProfileReader, value: dict[str, Any]) -> str:
    found = reader.text(value, "attach", where="mail.") or "odt"
    if found not in ATTACH_FORMATS:
        raise reader.fail(
            "mail.attach",
            _("{value!r} is not one of {known}").format(
                value=found, known=", ".join(ATTACH_FORMATS)
            ),
        )
    return found


def _file(reader: ProfileReader, text: str) -> Path | None:
    if not text:
        return None
    return (reader.path.parent / Path(text).expanduser()).resolve()
