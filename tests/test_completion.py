"""`agenda completion bash|zsh`: scripts the shells accept, and that complete the commands."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_support import agenda
from tests.conftest import REFERENCE, ROOT

COMMANDS = ("import", "meetings", "cases", "show", "render", "prepare", "serve", "completion")


@pytest.fixture(scope="module")
def bash_script(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = agenda("completion", "bash")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    path = tmp_path_factory.mktemp("completion") / "agenda.bash"
    path.write_text(result.stdout, encoding="utf-8")
    return path


def completions(script: Path, *words: str, program: str = "agenda") -> list[str]:
    """What bash offers after `agenda WORDS…` (the last word being typed) with the script."""
    quoted = " ".join(f"'{w}'" for w in (program, *words))
    program = (
        f"source '{script}'; COMP_WORDS=({quoted}); COMP_CWORD={len(words)}; "
        '_shtab_agenda; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    result = subprocess.run(
        ["bash", "--norc", "-c", program], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_bash_script_is_valid_bash(bash_script: Path) -> None:
    checked = subprocess.run(["bash", "-n", str(bash_script)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    text = bash_script.read_text(encoding="utf-8")
    assert "complete -o bashdefault -F _shtab_agenda agenda" in text
    for command in COMMANDS:
        assert command in text, command


def test_bash_completes_the_commands_and_their_options(bash_script: Path) -> None:
    assert completions(bash_script, "me") == ["meetings"]
    assert set(COMMANDS) <= set(completions(bash_script, ""))
    assert completions(bash_script, "meetings", "--j") == ["--json"]
    formats = ["md", "txt", "odt", "docx", "pdf", "html"]
    assert completions(bash_script, "render", "101", "--format", "") == formats
    assert completions(bash_script, "completion", "") == ["bash", "zsh"]


def test_bash_completes_a_folder_after_db(bash_script: Path, tmp_path: Path) -> None:
    (tmp_path / "records").mkdir()
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    offered = completions(bash_script, "--db", f"{tmp_path}/")
    assert f"{tmp_path}/records" in offered
    assert f"{tmp_path}/notes.txt" not in offered


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A database with 101 imported and 102 prepared, and the command that runs on it as the
    user typed it (what the scripts run to ask for numbers)."""
    folder = tmp_path_factory.mktemp("month")
    db = folder / "db"
    assert agenda("import", REFERENCE, db=db).returncode == 0
    assert agenda("prepare", db=db).returncode == 0
    assert agenda("decide", "102", "9805", "--release", db=db).returncode == 0
    program = folder / "agenda"
    program.write_text(
        f"#!/bin/sh\ncd '{ROOT}' && exec '{sys.executable}' -m tui \"$@\"\n", encoding="utf-8"
    )
    program.chmod(0o755)
    return db, program


OPEN = ["9903", "9904", "10101", "12601", "12616"]  # 9805 released at 102
EVERY = ["9805", "9903", "9904", *(f"1000{n}" for n in range(1, 8)), "10101", "12601", "12616"]


def test_bash_completes_meeting_numbers_from_the_database(
    bash_script: Path, month: tuple[Path, Path]
) -> None:
    db, program = month

    def offered(*words: str) -> list[str]:
        return completions(bash_script, "--db", str(db), *words, program=str(program))

    assert offered("show", "") == ["101", "102"]
    assert offered("conclude", "10") == ["101", "102"]
    assert offered("log", "102") == ["102"]
    assert offered("prepare", "--after", "") == ["101", "102"]


def test_bash_completes_case_numbers_from_the_database(
    bash_script: Path, month: tuple[Path, Path]
) -> None:
    db, program = month

    def offered(*words: str) -> list[str]:
        return completions(bash_script, "--db", str(db), *words, program=str(program))

    assert offered("decide", "102", "") == OPEN  # the cases a meeting can still decide
    assert offered("decide", "102", "99") == ["9903", "9904"]
    assert offered("decide", "102", "9903", "--keep") == ["--keep"]
    assert offered("cases", "--history", "") == EVERY  # released ones have a history too
    assert offered("cases", "--history", "980") == ["9805"]


def zsh_offers(script: Path, function: str, *words: str) -> list[str]:
    """What the zsh script's `function` offers after `WORDS…` (the first being the command,
    the last the word being typed): compadd is stood in for by a print."""
    quoted = " ".join(f"'{w}'" for w in words)
    program = (
        f"compdef() {{ : }}; eval \"$(<'{script}')\"; "
        'compadd() { shift; print -l -- "$@" }; '
        f"words=({quoted}); CURRENT={len(words)}; {function}"
    )
    result = subprocess.run(["zsh", "-f", "-c", program], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_completes_meeting_and_case_numbers_from_the_database(
    tmp_path: Path, month: tuple[Path, Path]
) -> None:
    db, program = month
    result = agenda("completion", "zsh")
    script = tmp_path / "_agenda"
    script.write_text(result.stdout, encoding="utf-8")
    assert ":the case number:_agenda_open_case_numbers" in result.stdout
    assert "--history[one case, meeting by meeting]:NUMBER:_agenda_case_numbers" in result.stdout
    assert ":meeting number:_agenda_meeting_numbers" in result.stdout
    typed = (str(program), "--db", str(db))
    assert zsh_offers(script, "_agenda_meeting_numbers", *typed, "show", "") == ["101", "102"]
    assert zsh_offers(script, "_agenda_open_case_numbers", *typed, "decide", "102", "") == OPEN
    assert zsh_offers(script, "_agenda_case_numbers", *typed, "cases", "--history", "") == EVERY


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_the_zsh_script_is_valid_zsh(tmp_path: Path) -> None:
    result = agenda("completion", "zsh")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("#compdef agenda")
    script = tmp_path / "_agenda"
    script.write_text(result.stdout, encoding="utf-8")
    checked = subprocess.run(["zsh", "-n", str(script)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    for command in COMMANDS:
        assert command in result.stdout, command


def test_an_unknown_shell_is_refused() -> None:
    result = agenda("completion", "fish")
    assert result.returncode == 2
    assert "invalid choice: 'fish'" in result.stderr
