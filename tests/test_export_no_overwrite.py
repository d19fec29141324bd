"""An export to a name the program chose never replaces a file that is there (a hand-edited
record-101.odt): the command writes the next free name (record-101-2.odt) and says so, or
replaces it with --force; `-o FILE` replaces, as other tools do."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pexpect
import pytest

from tests.cli_support import agenda
from tests.conftest import REFERENCE, ROOT
from tests.document_support import shown
from tui.export import write_new_file

TITLE = "臺北市政府秘書處第 101 次處務會議紀錄"
HAND_EDITED = b"PK hand-edited by the secretary"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports") / "db"
    assert agenda("import", REFERENCE, db=folder).returncode == 0
    return folder


def at_a_terminal(db: Path, folder: Path, *args: str) -> tuple[int, str]:
    """`agenda render 101 …` in a pseudo-terminal in `folder`: its status and output."""
    env = {k: v for k, v in os.environ.items() if k != "AGENDA_DB"}
    env["PYTHONPATH"] = str(ROOT)  # this tree's code, whatever folder it runs in
    command = ["-m", "tui", "--db", str(db), "render", "101", *args]
    try:
        child = pexpect.spawn(sys.executable, command, cwd=str(folder), env=env, timeout=30)
    except (OSError, pexpect.ExceptionPexpect) as error:
        pytest.skip(f"no pseudo-terminal to run the command in: {error}")
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus or 0, child.before.decode().replace("\r\n", "\n")


def test_an_existing_export_is_kept_and_the_next_free_name_written(
    db: Path, tmp_path: Path
) -> None:
    edited = tmp_path / "record-101.odt"
    edited.write_bytes(HAND_EDITED)
    status, said = at_a_terminal(db, tmp_path, "--format", "odt")
    assert status == 0
    assert edited.read_bytes() == HAND_EDITED
    written = tmp_path / "record-101-2.odt"
    assert shown(written.read_bytes(), "odt")[0].text == TITLE
    assert said.splitlines()[-1] == str(written)
    assert "record-101.odt exists" in said and "--force" in said
    status, said = at_a_terminal(db, tmp_path, "--format", "odt")
    assert said.splitlines()[-1] == str(tmp_path / "record-101-3.odt")
    assert edited.read_bytes() == HAND_EDITED


def test_force_replaces_the_chosen_name(db: Path, tmp_path: Path) -> None:
    edited = tmp_path / "record-101.docx"
    edited.write_bytes(HAND_EDITED)
    status, said = at_a_terminal(db, tmp_path, "--format", "docx", "--force")
    assert status == 0
    assert said.strip() == str(edited)
    assert shown(edited.read_bytes(), "docx")[0].text == TITLE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["record-101.docx"]


def test_a_named_output_is_replaced(db: Path, tmp_path: Path) -> None:
    named = tmp_path / "record-101.odt"
    named.write_bytes(HAND_EDITED)
    result = agenda("render", "101", "--format", "odt", "-o", named, db=db)
    assert (result.returncode, result.stderr) == (0, "")
    assert shown(named.read_bytes(), "odt")[0].text == TITLE


def test_a_new_file_is_never_written_over_one_made_meanwhile(tmp_path: Path) -> None:
    """Two writers of the same new name: one gets it, the other is told, none replaces."""
    target = tmp_path / "record-101.odt"
    results: list[str] = []

    def write(data: bytes) -> None:
        try:
            write_new_file(target, data)
            results.append("written")
        except FileExistsError:
            results.append("exists")

    threads = [threading.Thread(target=write, args=(bytes([n]) * 100_000,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["exists"] * 7 + ["written"]
    assert len(set(target.read_bytes())) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["record-101.odt"]
