"""`agenda circulate N`: the approved record to the distribution list — its text in the body,
the document (ODT, or DOCX) attached, and a PDF where LibreOffice is installed."""

from __future__ import annotations

from tui.domain.model import Meeting
from tui.domain.profile import Profile
from tui.domain.rocdate import format_date
from tui.i18n import _
from tui.mail.message import Attachment, Letter


class NotApproved(ValueError):
    """Only an approved record is circulated."""


def check_approved(meeting: Meeting) -> None:
    if meeting.approval is None:
        raise NotApproved(
            _(
                "the record of meeting {number} is not approved; the chair approves it first "
                "(agenda approve {number})"
            ).format(number=meeting.number)
        )


def record_letter(
    meeting: Meeting, profile: Profile, text: str, documents: dict[str, bytes]
) -> Letter:
    """The letter of the record: `text` its plain text, `documents` its files by suffix."""
    check_approved(meeting)
    office = profile.office
    name = f"{office.organisation}第 {meeting.number} 次{office.series}紀錄"
    subject = f"{name}（{format_date(meeting.date)}）"
    opening = f"檢送{name} 1 份，請查照。"
    base = f"{office.organisation}第{meeting.number}次{office.series}紀錄"
    attachments = [Attachment(f"{base}.{suffix}", data) for suffix, data in documents.items()]
    return Letter(
        file=f"record-{meeting.number}.eml",
        to=list(profile.mail.circulate_to),
        subject=subject,
        body=f"{opening}\n\n{text}",
        attachments=attachments,
    )
