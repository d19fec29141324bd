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
    assert completions(bash_script, "render", "101", "--format", "") == ["md", "txt", "odt", "docx"]
    assert completions(bash_script, "completion", "") == ["bash", "zsh"]


def test_bash_completes_a_folder_after_db(bash_script: Path, tmp_path: Path) -> None:
    (tmp_path / "records").mkdir()
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    offered = completions(bash_script, "--db", f"{tmp_path}/")
    assert f"{tmp_path}/records" in offered
    assert f"{tmp_path}/notes.txt" not in offered


def test_bash_completes_meeting_numbers_from_the_database(
    bash_script: Path, tmp_path: Path
) -> None:
    db = tmp_path / "db"
    assert agenda("import", REFERENCE, db=db).returncode == 0
    assert agenda("prepare", db=db).returncode == 0
    program = tmp_path / "agenda"  # the command as the user typed it, run by the script
    program.write_text(
        f"#!/bin/sh\ncd '{ROOT}' && exec '{sys.executable}' -m tui \"$@\"\n", encoding="utf-8"
    )
    program.chmod(0o755)

    def offered(*words: str) -> list[str]:
        return completions(bash_script, "--db", str(db), *words, program=str(program))

    assert offered("show", "") == ["101", "102"]
    assert offered("conclude", "10") == ["101", "102"]
    assert offered("log", "102") == ["102"]
    assert offered("prepare", "--after", "") == ["101", "102"]
    assert offered("decide", "101", "") == []  # a case number, not a meeting


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
