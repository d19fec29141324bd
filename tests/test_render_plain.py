"""`agenda render` reads the meeting's cases plainly (tui.storage.plain) where nothing is out
of the ordinary: what it writes is what the repository's reading gives, byte for byte."""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from pathlib import Path
from xml.etree.ElementTree import canonicalize

import pytest

from benchmarks.archive import write_archive
from tests.cli_support import agenda, private_copy
from tests.conftest import REFERENCE
from tui import secretary
from tui.cli.main import main
from tui.database import open_repository
from tui.domain.model import CaseKind, CaseRef
from tui.storage.plain import plain_cases
from tui.storage.repository import Repository

FORMATS = ("md", "txt", "html", "odt", "docx")


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference record imported and meeting 102 prepared, as `agenda demo` seeds it."""
    db = tmp_path_factory.mktemp("reference") / "db"
    repo = open_repository(db)
    secretary.import_records(repo, [REFERENCE], replace=False)
    secretary.prepare(repo)
    return db


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Meetings 196–203: cases open, closed, and open ones whose events of meetings before
    200 are kept apart (cases/earlier/0001)."""
    folder = tmp_path_factory.mktemp("history")
    archive = write_archive(folder / "records", 196, 8, extras=False)
    db = folder / "db"
    assert agenda("import", archive.folder, db=db).returncode == 0
    assert (db / "cases" / "earlier" / "0001.json").exists()
    return db


def refs_of(repo: Repository, number: int) -> list[CaseRef]:
    meeting = secretary.load(repo, number)
    return [ref for item in meeting.items() for ref in item.cases]


def test_the_plain_cases_are_the_repository_s(reference: Path, history: Path) -> None:
    for db in (reference, history):
        repo = Repository.open(db, create=False)
        for number in repo.meeting_numbers():
            refs = refs_of(repo, number)
            assert refs
            assert plain_cases(str(db), refs) == repo.cases_of(refs)
    missing = [CaseRef(99999), CaseRef(12601, CaseKind.MAYOR)]
    assert plain_cases(str(history), missing) == repo.cases_of(missing)
    assert len(repo.cases_of(missing)) == 1
    assert repo.cases_of(missing)[0].history  # its events of 196-199 read from cases/earlier


def rendered(db: Path, number: int, format: str, agenda: bool, out: Path) -> bytes:
    """What `agenda render` writes, run in this process."""
    words = ["--db", str(db), "render", str(number), "--format", format, "-o", str(out)]
    with contextlib.redirect_stdout(io.StringIO()):
        assert main([*words, "--agenda"] if agenda else words) == 0
    return out.read_bytes()


def repository_s(db: Path, number: int, format: str, agenda: bool) -> bytes:
    """The same through the repository: Repository.cases_of, the secretary's render."""
    repo = Repository.open(db, create=False)
    meeting = secretary.load(repo, number)
    if format in ("odt", "docx"):
        return secretary.render_document(repo, meeting, agenda=agenda, format=format)
    return secretary.render_meeting(repo, meeting, agenda=agenda, format=format).encode()


def parts(data: bytes, format: str) -> dict[str, bytes | str]:
    """A document's parts by name, its XML in canonical form (odfpy declares the namespaces
    in the order a process first met them); a text as its one part."""
    if format not in ("odt", "docx"):
        return {"text": data}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: _canonical(name, archive.read(name)) for name in archive.namelist()}


def _canonical(name: str, data: bytes) -> bytes | str:
    return canonicalize(data.decode("utf-8")) if name.endswith((".xml", ".rels")) else data


@pytest.mark.parametrize("format", FORMATS)
def test_the_render_is_the_repository_s(
    reference: Path, history: Path, tmp_path: Path, format: str
) -> None:
    compared = 0
    for db, numbers in ((reference, (101, 102)), (history, (196, 200, 203))):
        for number in numbers:
            for of_agenda in (False, True) if format != "html" else (False,):
                out = tmp_path / f"{number}-{of_agenda}.{format}"
                new = rendered(db, number, format, of_agenda, out)
                old = repository_s(db, number, format, of_agenda)
                assert parts(new, format) == parts(old, format)
                compared += 1
    assert compared == (5 if format == "html" else 10)


def test_damaged_cases_are_left_to_the_store(reference: Path, tmp_path: Path) -> None:
    """The store falls back on the backup and says so; the plain reading leaves it to it."""
    db = private_copy(reference, tmp_path)
    good = (db / "cases" / "open.json").read_bytes()
    (db / "cases" / "open.json.bak").write_bytes(good)
    (db / "cases" / "open.json").write_bytes(good[:-20])
    refs = refs_of(Repository.open(reference, create=False), 102)
    assert plain_cases(str(db), refs) is None
    result = agenda("render", "102", "--agenda", db=db)
    assert result.returncode == 0, result.stderr
    assert "agenda: warning:" in result.stderr
    expected = repository_s(reference, 102, "md", True).decode()
    assert result.stdout == expected


def test_a_case_of_a_shape_the_model_refuses_is_left_to_the_repository(
    reference: Path, tmp_path: Path
) -> None:
    db = private_copy(reference, tmp_path)
    path = db / "cases" / "open.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    first = next(iter(document["tables"]["internal"].values()))
    first["history"] = "nonsense"
    path.write_text(json.dumps(document), encoding="utf-8")
    refs = refs_of(Repository.open(reference, create=False), 102)
    assert plain_cases(str(db), refs) is None
    result = agenda("render", "102", "--agenda", db=db)
    assert result.returncode == 1
    assert result.stderr.startswith("agenda: error: stored cases/open internal ")


def test_a_writer_holding_the_database_is_waited_for_by_the_store(reference: Path) -> None:
    import fcntl

    refs = refs_of(Repository.open(reference, create=False), 102)
    with (reference / ".lock").open("rb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        assert plain_cases(str(reference), refs) is None
    assert plain_cases(str(reference), refs) == Repository.open(reference).cases_of(refs)
