"""Sending through the profile's SMTP server. Every recipient of every message is asked for
first (RCPT, then RSET): a refused address, a server that is down or a wrong password stops
before anything is sent, with one line saying which."""

from __future__ import annotations

import os
import smtplib
import ssl
import stat
from collections.abc import Sequence
from datetime import datetime
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr

from tui.domain.profile import Mail
from tui.i18n import _
from tui.regular_file import regular_text

TIMEOUT = 20.0


class MailError(Exception):
    """Mail that cannot be sent (or a [mail] section that cannot send it); nothing was sent."""


def password(mail: Mail) -> str | None:
    """The password from the environment variable or the owner-only file; None: no login."""
    if mail.password_env:
        found = os.environ.get(mail.password_env)
        if found is None:
            raise MailError(
                _("the environment variable {name} ([mail] password_env) is not set").format(
                    name=mail.password_env
                )
            )
        return found
    if mail.password_file is not None:
        return _password_file(mail)
    return None


def _password_file(mail: Mail) -> str:
    path = mail.password_file
    assert path is not None
    try:
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise MailError(
                _(
                    "{path} ([mail] password_file) can be read by others; "
                    "make it readable by its owner only (chmod 600)"
                ).format(path=path)
            )
        return regular_text(path).strip("\r\n")
    except OSError as error:
        raise MailError(
            _("{path}: cannot be read ({reason})").format(path=path, reason=error.strerror)
        ) from None
    except UnicodeDecodeError:
        raise MailError(_("{path}: not UTF-8 text").format(path=path)) from None


def check_ready(mail: Mail) -> None:
    """--send needs a server and a sender."""
    if not mail.host or not mail.sender:
        raise MailError(
            _(
                "--send needs the profile's [mail] host and sender; without --send the "
                "messages are written as .eml files"
            )
        )
    if mail.user and not (mail.password_env or mail.password_file):
        raise MailError(
            _(
                "[mail] user {user} logs in with a password: give password_env or password_file"
            ).format(user=mail.user)
        )


def send(mail: Mail, messages: Sequence[EmailMessage]) -> datetime:
    """Send every message, or none; returns when the server took them."""
    check_ready(mail)
    for message in messages:
        if not _recipients(message):
            raise MailError(
                _("「{subject}」 has no recipient; nothing was sent").format(
                    subject=message["Subject"]
                )
            )
    secret = password(mail)
    if not (mail.user + (secret or "")).isascii():
        raise MailError(_("the [mail] user or password holds letters SMTP login cannot send"))
    where = f"{mail.host}:{mail.port}"
    try:
        with smtplib.SMTP(mail.host, mail.port, timeout=TIMEOUT) as server:
            _greet(server, mail, secret)
            for message in messages:
                _ask_recipients(server, _sender(mail), _recipients(message))
            for message in messages:
                server.send_message(message, from_addr=_sender(mail))
            return datetime.now().astimezone()
    except smtplib.SMTPAuthenticationError:
        raise MailError(
            _(
                "the mail server {server} refused the login of {user}: wrong user or password"
            ).format(server=where, user=mail.user)
        ) from None
    except smtplib.SMTPRecipientsRefused as error:
        refused = ", ".join(error.recipients)
        raise MailError(
            _("the mail server {server} refused {addresses}; nothing was sent").format(
                server=where, addresses=refused
            )
        ) from None
    except smtplib.SMTPException as error:
        raise MailError(
            _("the mail server {server} refused the mail ({reason}); nothing was sent").format(
                server=where, reason=_reason(error)
            )
        ) from None
    except (OSError, ssl.SSLError) as error:
        raise MailError(
            _("cannot reach the mail server {server} ({reason}); nothing was sent").format(
                server=where, reason=error.strerror or error
            )
        ) from None


def _greet(server: smtplib.SMTP, mail: Mail, secret: str | None) -> None:
    server.ehlo()
    if mail.starttls:
        server.starttls(context=ssl.create_default_context())
        server.ehlo()
    if mail.user:
        server.login(mail.user, secret or "")


def _ask_recipients(server: smtplib.SMTP, sender: str, recipients: list[str]) -> None:
    code, answer = server.mail(sender)
    if code != 250:
        server.rset()
        raise smtplib.SMTPSenderRefused(code, answer, sender)
    refused = {}
    for address in recipients:
        code, answer = server.rcpt(address)
        if code not in (250, 251):
            refused[address] = (code, answer)
    server.rset()
    if refused:
        raise smtplib.SMTPRecipientsRefused(refused)


def _sender(mail: Mail) -> str:
    return parseaddr(mail.sender)[1]


def _recipients(message: EmailMessage) -> list[str]:
    return [address for _name, address in getaddresses(message.get_all("To", []))]


def _reason(error: smtplib.SMTPException) -> str:
    answer = getattr(error, "smtp_error", b"")
    text = answer.decode("utf-8", "replace") if isinstance(answer, bytes) else str(answer)
    return " ".join(text.split()) or type(error).__name__
