"""The exit statuses every `--help` lists, each one shown to be what a command returns."""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from benchmarks.archive import write_archive
from tests.cli_support import agenda, ctrl_c_heard, imported_rows, load_json, one_error_line
from tests.conftest import REFERENCE, ROOT
from tests.test_app_pty import needs_pty
from tui.cli.main import EXIT_NOTES, build_parser

TESTED = {0, 1, 2, 130, 141}  # each has a test below


def statuses(help_text: str) -> dict[int, str]:
    listed = help_text.split("exit status:\n", 1)[1]
    return {int(found[1]): found[2] for found in re.finditer(r"^  (\d+)\s+(\S.*)$", listed, re.M)}


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(commands.choices)


def test_the_top_level_help_lists_the_statuses_tested_here() -> None:
    result = agenda("--help")
    assert result.returncode == 0
    assert set(statuses(result.stdout)) == TESTED


@pytest.mark.parametrize("command", sorted(subcommands()))
def test_every_command_help_lists_them_too(command: str) -> None:
    text = subcommands()[command].format_help()
    assert statuses(text) == statuses(build_parser().format_help())
    note = EXIT_NOTES.get(command)
    if note:
        assert note in text


def test_a_command_help_through_the_command_line() -> None:
    result = agenda("meetings", "--help")
    assert result.returncode == 0
    assert set(statuses(result.stdout)) == TESTED


@pytest.fixture
def db(tmp_path: Path) -> Path:
    db = tmp_path / "db"
    assert agenda("import", REFERENCE, db=db).returncode == 0
    return db


def test_0_done(db: Path) -> None:
    result = agenda("meetings", db=db)
    assert (result.returncode, result.stderr) == (0, "")


def test_1_the_database_cannot_be_read(db: Path) -> None:
    (db / "index" / "0001.json").write_bytes(b"\x00\x00 garbage")
    result = agenda("meetings", db=db)
    assert result.returncode == 1
    assert str(db / "index" / "0001.json") in one_error_line(result)


def test_2_bad_input(db: Path, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("今天天氣很好。\n", encoding="utf-8")
    assert agenda("import", note, db=db).returncode == 2
    assert agenda("show", "999", db=db).returncode == 2
    assert agenda("meetings", "--nonsense", db=db).returncode == 2


def test_2_when_one_file_of_several_is_not_imported(tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "records", 100, 2)
    result = agenda("import", archive.folder, db=tmp_path / "db")
    assert result.returncode == 2
    assert list(imported_rows(result)) == [100, 101]


def test_3_when_search_finds_nothing(db: Path) -> None:
    assert agenda("search", "總務組", db=db).returncode == 0
    result = agenda("search", "不在紀錄裡的字", db=db)
    assert (result.returncode, result.stdout) == (3, "")


@needs_pty
def test_130_interrupted(tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "records", 101, 240, extras=False)
    db, out = tmp_path / "db", tmp_path / "stdout"
    command = [sys.executable, "-m", "tui", "--db", str(db), "import", str(archive.folder)]
    # stderr on the terminal (so the progress bar shows), stdout in a file.
    shell = f"exec {shlex.join(command)} > {shlex.quote(str(out))}"
    child = pexpect.spawn(
        "bash",
        ["-c", shell],
        cwd=str(ROOT),
        timeout=30,
        dimensions=(24, 100),
        preexec_fn=ctrl_c_heard,
    )
    child.expect(r"storing.*meeting \d+")  # some stored already
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "agenda: interrupted" in child.before.decode("utf-8")
    told = out.read_text(encoding="utf-8").splitlines()
    stored = [int(line.split()[0]) for line in told[1:] if line.startswith(" ")]
    assert 0 < len(stored) < 240  # stopped part of the way, and said how far
    listed = load_json(agenda("meetings", "--json", db=db))
    assert [m["number"] for m in listed] == stored


def test_141_the_reader_went_away(tmp_path: Path) -> None:
    db = tmp_path / "db"
    assert agenda("import", REFERENCE, db=db).returncode == 0
    env = {k: v for k, v in os.environ.items() if k != "AGENDA_DB"}
    reader, writer = os.pipe()
    os.close(reader)  # gone before the command writes a byte
    try:
        status = subprocess.run(
            [sys.executable, "-m", "tui", "--db", str(db), "show", "101", "--json"],
            stdout=writer,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=env,
            timeout=60,
        )
    finally:
        os.close(writer)
    assert status.returncode == 141
    assert status.stderr == b""
