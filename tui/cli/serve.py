"""`agenda serve`: the app in a browser through textual-serve, for people who cannot SSH.

textual-serve has no login: whoever reaches the port runs the app on the database. So it
listens on this machine only unless told otherwise, and says so every time it starts. Nor
does textual-serve check where a browser's request comes from, so any web page the user
visits could open the app's websocket on 127.0.0.1: here only pages served by agenda
itself, at its own address, may (the Origin and Host headers are checked), which also
shuts out DNS rebinding.
"""

from __future__ import annotations

import argparse
import html
import ipaddress
import re
import shlex
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from tui.cli.session import Session, UsageError
from tui.cli.words import quoted
from tui.i18n import _

if TYPE_CHECKING:
    from textual_serve.server import Server

LOOPBACK = "127.0.0.1"
# A browser's terminal larger than this is taken as this: the app draws every cell.
LARGEST_SCREEN = (500, 200)
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
        return _(
            "agenda: warning: the app served at {url} has no login of its own: anyone who "
            "can reach that port can read and edit the records in {db}. It listens on this "
            "machine only; let others in through an SSH tunnel or a proxy that asks for a login."
        ).format(url=url, db=db)
    return "\n".join(
        (
            _("agenda: WARNING: NO LOGIN, AND REACHABLE FROM OTHER MACHINES."),
            _(
                "agenda: WARNING: anyone who can reach {host} port {port} can read and EDIT "
                "every record in {db}."
            ).format(host=host, port=port, db=db),
            _(
                "agenda: WARNING: put it behind a proxy that asks for a login, or serve on "
                "{loopback} (the default) and use an SSH tunnel."
            ).format(loopback=LOOPBACK),
        )
    )


def public_url(host: str, port: int) -> str:
    """The address browsers are sent to for the app's websocket."""
    name = socket.gethostname() if host in WILDCARDS else host
    return f"http://{_netloc(name, port)}"


def port_number(text: str) -> int:
    """--port: a TCP port, 1 to 65535."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text} is not a port number").format(text=quoted(text))
        ) from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            _("{port} is not a port: give 1 to 65535").format(port=port)
        )
    return port


def allowed_hosts(host: str, port: int, url: str) -> frozenset[str]:
    """The host:port a browser may name to reach the app: its public address; the loopback
    names when it listens on loopback; and this machine's own names and addresses when it
    listens on every address."""
    names = {urlsplit(url).netloc.lower()}
    if is_loopback(host) or host in WILDCARDS:
        names |= {f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}"}
    if host in WILDCARDS:
        names |= {_netloc(own, port) for own in _own_addresses()}
    return frozenset(names)


def _own_addresses() -> set[str]:
    name = socket.gethostname()
    try:
        found = {str(a[4][0]) for a in socket.getaddrinfo(name, None)}
    except (socket.gaierror, UnicodeError):
        found = set()
    return {name.lower(), *found}


def _netloc(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def request_allowed(host: str, origin: str | None, path: str, allowed: frozenset[str]) -> bool:
    """A request naming another host (DNS rebinding), or a websocket opened by a page from
    elsewhere, is refused: only agenda's own page may drive the app."""
    if host.lower() not in allowed:
        return False
    if path == "/ws":
        return origin is not None and urlsplit(origin).netloc.lower() in allowed
    return True


def serve(args: argparse.Namespace, session: Session) -> int:
    _check_can_listen(args.host, args.port)  # before a database is made for a typo'd --db
    session.repo(create=True)  # a database that cannot be opened is said here, not in a browser
    db = session.db
    print(warning(args.host, args.port, db), file=sys.stderr, flush=True)
    url = args.public_url or public_url(args.host, args.port)
    server = _guarded_server(app_command(db), args.host, args.port, url, args.sessions)
    try:
        server.serve()
    except OSError as error:
        raise UsageError(
            _("cannot serve on {host} port {port}: {why}").format(
                host=args.host, port=args.port, why=_why(error)
            )
        ) from None
    return 0


def _check_can_listen(host: str, port: int) -> None:
    try:
        family = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except (OSError, UnicodeError) as error:
        why = _why(error) if isinstance(error, OSError) else str(error)
        raise UsageError(
            _("cannot serve on {host} port {port}: {why}").format(
                host=host, port=port, why=why[:1].lower() + why[1:]
            )
        ) from None


# textual-serve's page links its font from fonts.googleapis.com, which an office intranet
# blocks (and which tells Google who opens the app): the same font, shipped with
# textual-serve, is served from here instead.
_OUTSIDE_LINK = re.compile(r"<link\b[^>]*\bhref=[\"']https?://[^>]*>", re.IGNORECASE)
_LOCAL_FONT = """<style>
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf");
        font-style: normal;
      }
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ config.static.url }}fonts/RobotoMono-Italic-VariableFont_wght.ttf");
        font-style: italic;
      }
    </style>"""


def local_page(template: str) -> str:
    """textual-serve's page template with every stylesheet from another host left out and
    its font served from this one."""
    found = _OUTSIDE_LINK.search(template)
    if found is None:
        return template
    rest = _OUTSIDE_LINK.sub("", template[found.end() :])
    return template[: found.start()] + _LOCAL_FONT + rest


def full_page(sessions: int) -> str:
    """The page a browser over the limit gets instead of the app."""
    said = _(
        "agenda is serving {sessions} browsers already, as many as it may at once. Try again "
        "when someone has closed theirs, or ask whoever started it to allow more (--sessions)."
    ).format(sessions=sessions)
    return f"<!doctype html><meta charset=utf-8><title>agenda</title><p>{html.escape(said)}</p>"


def _guarded_server(command: str, host: str, port: int, url: str, sessions: int) -> Server:
    from aiohttp import web
    from textual_serve.server import Server, to_int

    allowed = allowed_hosts(host, port, url)
    refusal = (
        f"agenda answers at {url} only (and its own page only may open the app).\n"
        "If that is not the address people use, start it with --public-url.\n"
    )

    @web.middleware
    async def same_site(request: web.Request, handler: Any) -> web.StreamResponse:
        if not request_allowed(request.host, request.headers.get("Origin"), request.path, allowed):
            raise web.HTTPForbidden(text=refusal)
        response: web.StreamResponse = await handler(request)
        return response

    class GuardedServer(Server):
        active = 0

        async def handle_index(self, request: web.Request) -> Any:
            if self.active >= sessions:
                raise web.HTTPServiceUnavailable(text=full_page(sessions), content_type="text/html")
            return await super().handle_index(request)

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            if self.active >= sessions:
                raise web.HTTPServiceUnavailable(text=full_page(sessions), content_type="text/html")
            width, height = (
                min(max(to_int(request.query.get(name, ""), low), 1), high)
                for name, low, high in zip(
                    ("width", "height"), (80, 24), LARGEST_SCREEN, strict=True
                )
            )
            request = request.clone(rel_url=request.rel_url.with_query(width=width, height=height))
            self.active += 1
            try:
                return await super().handle_websocket(request)
            finally:
                self.active -= 1

        async def _make_app(self) -> web.Application:
            import aiohttp_jinja2
            import jinja2

            app: web.Application = await super()._make_app()
            app.middlewares.append(same_site)
            template = (Path(self.templates_path) / "app_index.html").read_text("utf-8")
            pages = {"app_index.html": local_page(template)}
            aiohttp_jinja2.setup(app, loader=jinja2.DictLoader(pages))
            return app

    server: Server = GuardedServer(command, host=host, port=port, title="agenda", public_url=url)
    return server


def _why(error: OSError) -> str:
    text = error.strerror or str(error)
    return text.rsplit(": ", 1)[-1] if ": " in text else text
