"""`agenda serve`: the app in a browser through textual-serve, for people who cannot SSH.

textual-serve has no login: whoever reaches the port runs the app on the database. So it
listens on this machine only unless told otherwise, and says so every time it starts.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import socket
import sys
from pathlib import Path

from tui.cli.session import Session, UsageError

LOOPBACK = "127.0.0.1"
WILDCARDS = ("0.0.0.0", "::", "")


def app_command(db: Path) -> str:
    """The shell command textual-serve runs for each browser: the app on this database."""
    return shlex.join([sys.executable, "-m", "tui", "--db", str(db.resolve())])


def is_loopback(host: str) -> bool:
    """Whether every address the host names is on this machine only."""
    try:
        found = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        return False
    return bool(found) and all(ipaddress.ip_address(a[4][0]).is_loopback for a in found)


def warning(host: str, port: int, db: Path) -> str:
    url = f"http://{host}:{port}"
    if is_loopback(host):
        return (
            f"agenda: warning: the app served at {url} has no login of its own: anyone who "
            f"can reach that port can read and edit the records in {db}. It listens on this "
            "machine only; let others in through an SSH tunnel or a proxy that asks for a login."
        )
    return "\n".join(
        (
            "agenda: WARNING: NO LOGIN, AND REACHABLE FROM OTHER MACHINES.",
            f"agenda: WARNING: anyone who can reach {host} port {port} can read and EDIT "
            f"every record in {db}.",
            "agenda: WARNING: put it behind a proxy that asks for a login, or serve on "
            f"{LOOPBACK} (the default) and use an SSH tunnel.",
        )
    )


def public_url(host: str, port: int) -> str:
    """The address browsers are sent to for the app's websocket."""
    name = socket.gethostname() if host in WILDCARDS else host
    name = f"[{name}]" if ":" in name else name
    return f"http://{name}:{port}"


def serve(args: argparse.Namespace, session: Session) -> int:
    session.repo(create=True)  # a database that cannot be opened is said here, not in a browser
    db = session.db
    print(warning(args.host, args.port, db), file=sys.stderr, flush=True)
    from textual_serve.server import Server

    url = args.public_url or public_url(args.host, args.port)
    server = Server(app_command(db), host=args.host, port=args.port, title="agenda", public_url=url)
    try:
        server.serve()
    except OSError as error:
        raise UsageError(f"cannot serve on {args.host} port {args.port}: {_why(error)}") from None
    return 0


def _why(error: OSError) -> str:
    text = error.strerror or str(error)
    return text.rsplit(": ", 1)[-1] if ": " in text else text
