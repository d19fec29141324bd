"""Issue 17, `agenda serve`: at most --sessions browsers at once; the one over it gets a page
saying so, and no app is started for it."""

from __future__ import annotations

import asyncio
import time
import urllib.error
import urllib.request
from pathlib import Path

import aiohttp
import pytest

from tests.cli_support import agenda
from tests.test_serve import page, serving


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("serve-limit") / "db"
    assert agenda("init", "--organisation", "某局", "--series", "局務會議", db=db).returncode == 0
    return db


def refused_page(port: int) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


async def one_session_then_another(port: int) -> tuple[int, str, int]:
    url = f"http://127.0.0.1:{port}/ws?width=80&height=24"
    origin = {"Origin": f"http://127.0.0.1:{port}"}
    async with aiohttp.ClientSession() as client, client.ws_connect(url, headers=origin) as first:
        await first.receive(timeout=30)  # the app has started for the first browser
        status, text = await asyncio.to_thread(refused_page, port)
        try:
            async with client.ws_connect(url, headers=origin) as second:
                message = await second.receive(timeout=10)
                second_status = 200 if message.type is aiohttp.WSMsgType.BINARY else 0
        except aiohttp.WSServerHandshakeError as error:
            second_status = error.status
    return status, text, second_status


def test_the_browser_over_the_limit_gets_a_page_saying_so(db: Path, tmp_path: Path) -> None:
    with serving(db, tmp_path, "--sessions", "1") as served:
        page(served)
        status, text, second = asyncio.run(one_session_then_another(served.port))
    assert status == 503 and "1" in text and "--sessions" in text, (status, text)
    assert second == 503


def test_a_session_limit_out_of_range_is_refused(db: Path) -> None:
    started = time.monotonic()
    result = agenda("serve", "--sessions", "0", db=db, env={"AGENDA_LANG": "en"})
    assert result.returncode == 2
    assert "--sessions" in result.stderr.splitlines()[-1]
    assert time.monotonic() - started < 20
