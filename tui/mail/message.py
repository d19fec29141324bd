"""One message as offices send it: Chinese subject and body in UTF-8, documents attached
under their own (Chinese) names, encoded the standard way (RFC 2047 / RFC 2231)."""

from __future__ import annotations

import mimetypes
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

from tui.dataclass_cache import dataclass, field

# Types the registry of some systems does not know.
_TYPES = {
    ".odt": "application/vnd.oasis.opendocument.text",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
}


@dataclass(frozen=True)
class Attachment:
    """A file sent with the mail: its name and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Letter:
    """What is to be sent, before it is a MIME message: `unit` names whom it is for (a
    reminder) and `file` the .eml it is written to."""

    file: str
    to: list[str]
    subject: str
    body: str
    attachments: list[Attachment] = field(default_factory=list)
    unit: str = ""


def mime(letter: Letter, sender: str, now: datetime) -> EmailMessage:
    message = EmailMessage(policy=SMTP)
    if sender:
        message["From"] = sender
    if letter.to:
        message["To"] = ", ".join(letter.to)
    message["Subject"] = letter.subject
    message["Date"] = format_datetime(now.astimezone())
    message["Message-ID"] = make_msgid(domain=_domain(sender))
    message.set_content(letter.body, charset="utf-8")
    for attachment in letter.attachments:
        maintype, subtype = _type(attachment.name).split("/", 1)
        message.add_attachment(
            attachment.data, maintype=maintype, subtype=subtype, filename=attachment.name
        )
    return message


def _type(name: str) -> str:
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    return _TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def _domain(sender: str) -> str | None:
    address = sender.rsplit("<", 1)[-1].rstrip(">").strip()
    return address.partition("@")[2] or None
