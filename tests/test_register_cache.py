"""The closed cases' heads kept between listings (tui.register_cache): `agenda cases` reads a
closed document only when it changed, lists what reading every case with the model gives,
and takes a cache that is missing, damaged, made by other code or not writable for none."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from tinydb.table import Document

from benchmarks.archive import write_archive
from tests.cli_support import agenda, one_error_line
from tests.test_case_listing_plain import _plainly, _with_model
from tui import archive, register_cache
from tui.domain.model import CaseKind, CaseRef
from tui.storage import plain_reading
from tui.storage.layout import CLOSED_CASES, closed_name
from tui.storage.repository import Repository


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("register")
    found = write_archive(folder / "records", 101, 40, extras=False)
    records = archive.read_all(sorted(found.records.values()), (), archive.ArchiveImport())
    made = Repository.open(folder / "db")
    archive.store_all(made, records, False, archive.ArchiveImport())
    return folder / "db"


@pytest.fixture
def db(history: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the history, with a cache of its own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    shutil.copytree(history, tmp_path / "db")
    return tmp_path / "db"


def _read_while(action: object, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents read from their files while `action()` runs."""
    read: list[str] = []
    was = plain_reading._tables

    def reading(root: str, name: str, missing_ok: bool) -> object:
        read.append(name)
        return was(root, name, missing_ok)

    monkeypatch.setattr(plain_reading, "_tables", reading)
    action()  # type: ignore[operator]
    monkeypatch.setattr(plain_reading, "_tables", was)
    return read


def _closed(names: list[str]) -> list[str]:
    return [name for name in names if name.startswith(f"{CLOSED_CASES}/")]


def _cache_files(db: Path) -> list[Path]:
    return sorted((db.parent / "cache" / "agenda" / "register").glob("*.json"))


def test_a_second_listing_reads_no_closed_document(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _read_while(lambda: _plainly(db, []), monkeypatch)
    closed = len(os.listdir(db / CLOSED_CASES))
    assert closed > 5 and len(_closed(first)) == closed
    assert _closed(_read_while(lambda: _plainly(db, []), monkeypatch)) == []
    assert _plainly(db, []) == _with_model(db, [])


@pytest.mark.parametrize(
    "options", [[], ["--status", "closed"], ["--proposal", "release"], ["--overdue"]], ids=" ".join
)
def test_the_kept_heads_list_what_the_model_does(db: Path, options: list[str]) -> None:
    cold = _plainly(db, options)
    assert _cache_files(db)
    assert _plainly(db, options) == cold == _with_model(db, options)


def _closed_case(db: Path) -> tuple[int, CaseKind]:
    repo = Repository.open(db, create=False)
    case = next(c for c in repo.all_cases() if not c.is_open)
    return case.number, case.kind


def test_a_closed_case_changed_since_is_read_again(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _plainly(db, [])
    number, kind = _closed_case(db)
    with Repository.open(db, create=False).change() as changes:
        case = changes.case(number, kind)
        assert case is not None
        case.subject = "新的案由：只在這一案"
        changes.put_cases([case])
    read = _closed(_read_while(lambda: _plainly(db, []), monkeypatch))
    assert read == [closed_name(number)]
    assert "新的案由：只在這一案" in _plainly(db, [])
    assert _plainly(db, []) == _with_model(db, [])


def test_a_closed_document_gone_is_gone_from_the_listing(db: Path) -> None:
    _plainly(db, [])
    number, kind = _closed_case(db)
    with Repository.open(db, create=False).change() as changes:
        changes.put_cases([], removed=[CaseRef(number, kind)])
    assert str(number) not in _plainly(db, []).split()
    assert _plainly(db, []) == _with_model(db, [])


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut short
        lambda text: text.replace('"', "'", 3),  # another checksum
        lambda text: "garbage",
        lambda text: "\udcff",
    ],
    ids=["cut", "changed", "garbage", "undecodable"],
)
def test_a_damaged_cache_is_no_cache(db: Path, damage: object) -> None:
    listed = _plainly(db, [])
    [kept] = _cache_files(db)
    text = kept.read_text(encoding="utf-8")
    kept.write_bytes(damage(text).encode("utf-8", "surrogateescape"))  # type: ignore[operator]
    assert _plainly(db, []) == listed
    assert _plainly(db, []) == listed


def test_rows_of_another_shape_under_a_good_checksum_are_read_again_and_kept_anew(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = _plainly(db, [])
    [kept] = _cache_files(db)
    heading, _checksum, payload = kept.read_text(encoding="utf-8").split("\n", 2)
    payload = payload.replace('"internal"', '"county"', 1)  # a kind there is not
    checksum = register_cache._checksum(payload.encode("utf-8"))
    kept.write_text(f"{heading}\n{checksum}\n{payload}", "utf-8")
    assert _plainly(db, []) == listed
    assert _plainly(db, []) == listed
    assert _closed(_read_while(lambda: _plainly(db, []), monkeypatch)) == []


def test_heads_kept_by_other_code_are_not_trusted(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _plainly(db, [])
    monkeypatch.setattr(register_cache, "_CODE", ("register_cache.py", "i18n.py"))
    assert len(_closed(_read_while(lambda: _plainly(db, []), monkeypatch))) > 5


def test_a_cache_that_cannot_be_written_is_no_cache(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    assert _plainly(db, []) == _with_model(db, [])
    assert len(_closed(_read_while(lambda: _plainly(db, []), monkeypatch))) > 5


def test_a_closed_case_of_another_shape_is_named_after_the_heads_were_kept(db: Path) -> None:
    assert agenda("cases", db=db).returncode == 0
    number, kind = _closed_case(db)
    repo = Repository.open(db, create=False)
    with repo.store.transaction() as tx:
        table = tx.db(closed_name(number)).table(kind.value)
        table.upsert(Document({"number": number, "history": {}}, doc_id=number))
    result = agenda("cases", db=db, env={"AGENDA_LANG": "en"})
    assert "history: expected a list, found dict" in one_error_line(result)


def test_a_database_folder_named_in_no_encoding_is_listed(db: Path) -> None:
    odd = db.parent / os.fsdecode(b"db-\xff")
    db.rename(odd)
    for _run in range(2):
        listed = agenda("cases", db=odd)
        assert listed.returncode == 0, listed.stderr
    assert listed.stdout == _with_model(odd, [])
    assert not [p for p in _cache_files(db)[0].parent.iterdir() if not p.name.endswith(".json")]


def _rewrite_closed(db: Path, change: object) -> None:
    """A closed document's first case changed by hand: `change(row)`."""
    import json

    path = db / CLOSED_CASES / min(os.listdir(db / CLOSED_CASES))
    document = json.loads(path.read_bytes())
    table = next(t for t in document["tables"].values() if t)
    change(next(iter(table.values())))  # type: ignore[operator]
    path.write_text(json.dumps(document), encoding="ascii")


def test_a_case_holding_half_a_surrogate_pair_is_named_as_damage_once_kept(db: Path) -> None:
    assert agenda("cases", db=db).returncode == 0  # its heads kept
    _rewrite_closed(db, lambda row: row.update(subject="半個字\ud800"))
    result = agenda("cases", db=db, env={"AGENDA_LANG": "en"})
    line = one_error_line(result)
    assert "surrogate" in line and str(db / CLOSED_CASES) in line


def test_a_document_changed_in_place_with_its_time_put_back_is_read_again(db: Path) -> None:
    """As `cp -p` or `rsync -t` may leave it: the same inode, size and time, other bytes."""
    _plainly(db, [])
    path, subject = next(
        (path, found)
        for path in sorted((db / CLOSED_CASES).iterdir())
        for found in _subjects(path.read_bytes())
        if found and len(found[0].encode()) == 3 and found.encode() in path.read_bytes()
    )
    before, raw = path.stat(), path.read_bytes()
    changed = raw.replace(subject.encode(), ("國" + subject[1:]).encode(), 1)
    assert changed != raw and len(changed) == len(raw)
    path.write_bytes(changed)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_ino, path.stat().st_size) == (before.st_ino, before.st_size)
    assert "國" + subject[1:] in _plainly(db, [])
    assert _plainly(db, []) == _with_model(db, [])


def _subjects(raw: bytes) -> list[str]:
    import json

    tables = json.loads(raw)["tables"]
    return [str(row.get("subject", "")) for table in tables.values() for row in table.values()]


def test_the_heads_are_kept_as_utf8_and_escaped_only_when_they_cannot_be() -> None:
    import json

    rows = {"closed/0001": [[1, 2, 3, 4, 5], [[10101, "請人事室辦理", "人事室"]]]}
    assert "請人事室辦理".encode() in register_cache._payload(rows)
    odd = {"closed/0001": [[1, 2, 3, 4, 5], [[10101, "半個字\ud800", "人事室"]]]}
    payload = register_cache._payload(odd)
    assert payload.isascii() and json.loads(payload) == odd


def test_a_listing_keeps_the_heads_in_utf8(db: Path) -> None:
    _plainly(db, [])
    [kept] = _cache_files(db)
    heading, _checksum, payload = kept.read_bytes().split(b"\n", 2)
    assert heading.isascii() and not payload.isascii()
    payload.decode("utf-8")
