"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it is given, refuses the
addresses that start with `refused` and, when given a password, refuses any other login."""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER = "secretariat"
SENDER = "秘書處 <secretariat@example.gov.tw>"
UNIT_ADDRESSES = {
    "總務組": "general@example.gov.tw",
    "公共事務管理中心": "facilities@example.gov.tw",
}
DISTRIBUTION = ["all-units@example.gov.tw", "chair@example.gov.tw"]


@dataclass
class Arrived:
    sender: str
    recipients: list[str]
    message: EmailMessage


@dataclass
class Inbox:
    arrived: list[Arrived] = field(default_factory=list)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address.startswith("refused"):
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.arrived.append(Arrived(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"


@dataclass
class Password:
    secret: str

    def __call__(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            USER.encode(),
            self.secret.encode(),
        )
        return AuthResult(success=ok, handled=False)  # handled: aiosmtpd says 535 itself


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def smtp_server(password: str | None = None) -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    extra: dict[str, Any] = {}
    if password is not None:
        extra = {"authenticator": Password(password), "auth_require_tls": False}
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **extra)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def mail_section(port: int, *, password_env: str = "", password_file: str = "") -> str:
    units = "\n".join(f'"{unit}" = "{address}"' for unit, address in UNIT_ADDRESSES.items())
    login = f'user = "{USER}"\n' if password_env or password_file else ""
    secret = f'password_env = "{password_env}"\n' if password_env else ""
    secret += f'password_file = "{password_file}"\n' if password_file else ""
    listed = ", ".join(f'"{a}"' for a in DISTRIBUTION)
    return (
        f'\n[mail]\nhost = "127.0.0.1"\nport = {port}\nstarttls = false\n'
        f'sender = "{SENDER}"\n{login}{secret}circulate_to = [{listed}]\n\n[mail.units]\n{units}\n'
    )


def with_mail(db: Path, section: str) -> None:
    """The database's profile with a [mail] section (replacing one it has)."""
    profile = db / "profile.toml"
    text = profile.read_text(encoding="utf-8").split("\n[mail]\n")[0]
    profile.write_text(text.rstrip("\n") + "\n" + section, encoding="utf-8")


def attachment_names(message: EmailMessage) -> list[str]:
    return [part.get_filename() or "" for part in message.iter_attachments()]
