"""The folder-of-documents store: round trips, damage, journal recovery, write errors, locks."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from tinydb.table import Document

from tests.notation_support import offences
from tui.storage.envelope import encode_tables, wrap
from tui.storage.errors import (
    SCHEMA,
    DamagedFileError,
    LockTimeoutError,
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyError,
    StorageError,
    StorageWriteError,
)
from tui.storage.files import install, keep_backup, write_temp
from tui.storage.journal import Step, write_journal
from tui.storage.store import Store

REPO = Path(__file__).resolve().parent.parent
TEXT = "第一百零一次主管會報，決議事項：請各單位依限辦理並回報。"


def python(
    code: str, *args: str, stdin: int | None = None, stdout: int | None = None
) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-c", code, *args]
    return subprocess.Popen(command, cwd=REPO, env=env, text=True, stdin=stdin, stdout=stdout)


def run_python(code: str, *args: str) -> str:
    child = python(code, *args, stdout=subprocess.PIPE)
    out, _ = child.communicate(timeout=60)
    assert child.returncode == 0
    return str(out)


def dead_pid() -> int:
    return int(run_python("import os; print(os.getpid())"))


def files_under(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def temps_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if ".tmp-" in p.name]


def save(store: Store, name: str, **record: object) -> None:
    with store.transaction() as tx:
        tx.db(name).table("meeting").upsert(Document(record, doc_id=1))


def load(store: Store, name: str) -> list[dict[str, object]]:
    with store.reading() as tx:
        return [dict(row) for row in tx.db(name).table("meeting").all()]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "db")


# -- round trips ----------------------------------------------------------------


def test_round_trip_keeps_text_and_ids(store: Store) -> None:
    with store.transaction() as tx:
        tx.db("meetings/0101").table("meeting").insert({"title": TEXT, "items": [TEXT] * 3})
        tx.db("index").table("meetings").upsert(Document({"status": "draft"}, doc_id=101))
    with store.reading() as tx:
        assert tx.db("meetings/0101").table("meeting").all() == [
            {"title": TEXT, "items": [TEXT] * 3}
        ]
        assert tx.db("index").table("meetings").get(doc_id=101) == {"status": "draft"}
    raw = json.loads((store.root / "meetings" / "0101.json").read_text("utf-8"))
    assert raw == {"format": "agenda", "schema": SCHEMA, "tables": raw["tables"]}
    assert raw["tables"]["meeting"]["1"]["title"] == TEXT


def test_same_database_object_within_a_transaction(store: Store) -> None:
    with store.transaction() as tx:
        assert tx.db("meetings/0101") is tx.db("meetings/0101")
        assert tx.db("meetings/0101") is not tx.db("meetings/0102")


def test_missing_document_reads_as_new_and_empty(store: Store) -> None:
    with store.reading() as tx:
        assert tx.db("meetings/0999").table("meeting").all() == []
    assert not store.exists("meetings/0999")


def test_changes_are_visible_later_in_the_same_transaction(store: Store) -> None:
    with store.transaction() as tx:
        table = tx.db("cases/open").table("internal")
        table.insert({"n": 1})
        table.insert({"n": 2})
        assert [row["n"] for row in table.all()] == [1, 2]
    assert load(store, "cases/open") == []
    with store.reading() as tx:
        assert len(tx.db("cases/open").table("internal")) == 2


def test_several_documents_commit_together(store: Store) -> None:
    with store.transaction() as tx:
        for number in (100, 101, 102):
            tx.db(f"meetings/{number:04d}").table("meeting").insert({"n": number})
        tx.db("cases/closed/0101").table("internal").insert({"n": 1})
    assert store.names("meetings") == ["meetings/0100", "meetings/0101", "meetings/0102"]
    assert load(store, "meetings/0102") == [{"n": 102}]
    assert not (store.root / "journal.json").exists()
    assert temps_under(store.root) == []


def test_exception_in_a_transaction_leaves_disk_unchanged(store: Store) -> None:
    save(store, "meetings/0101", title="old")
    save(store, "index", n=1)
    before = files_under(store.root)
    with pytest.raises(RuntimeError), store.transaction() as tx:
        tx.db("meetings/0101").table("meeting").update({"title": "new"})
        tx.db("meetings/0102").table("meeting").insert({"title": "new"})
        tx.delete("index")
        raise RuntimeError("user cancelled")
    assert files_under(store.root) == before


def test_only_changed_documents_are_written(store: Store) -> None:
    save(store, "meetings/0101", title="a")
    save(store, "meetings/0102", title="b")
    first = (store.root / "meetings" / "0101.json").stat().st_ino
    with store.transaction() as tx:
        tx.db("meetings/0101").table("meeting").all()
        tx.db("meetings/0101").table("meeting").upsert(Document({"title": "a"}, doc_id=1))
        tx.db("meetings/0102").table("meeting").update({"title": "c"})
    assert (store.root / "meetings" / "0101.json").stat().st_ino == first
    assert load(store, "meetings/0102") == [{"title": "c"}]


def test_delete_removes_the_document_and_its_backup(store: Store) -> None:
    save(store, "cases/closed/0100", title="a")
    save(store, "cases/closed/0100", title="b")
    with store.transaction() as tx:
        tx.delete("cases/closed/0100")
    assert not store.exists("cases/closed/0100")
    assert list((store.root / "cases" / "closed").iterdir()) == []


def test_delete_then_write_in_one_transaction_replaces(store: Store) -> None:
    save(store, "index", n=1)
    with store.transaction() as tx:
        tx.delete("index")
        assert tx.db("index").table("meeting").all() == []
        tx.db("index").table("meeting").insert({"n": 2})
    assert load(store, "index") == [{"n": 2}]


def test_names_lists_documents_only(store: Store) -> None:
    for name in ("meetings/0101", "meetings/0100", "meetings/sub/0001", "index"):
        save(store, name, n=1)
    save(store, "meetings/0101", n=2)  # makes a .bak
    folder = store.root / "meetings"
    (folder / "0102.json.tmp-1-ab").write_text("x")
    (folder / "0103.json.damaged-20240101T000000").write_text("x")
    (folder / "notes.txt").write_text("x")
    assert store.names("meetings") == ["meetings/0100", "meetings/0101"]
    assert store.names("") == ["index", "meta"]
    assert store.names("nothing/here") == []


@pytest.mark.parametrize("name", ["", "/meta", "a//b", "../x", "a/.b", "x.json", "journal"])
def test_invalid_names_are_refused(store: Store, name: str) -> None:
    with pytest.raises(ValueError), store.reading() as tx:
        tx.db(name)


def test_reading_is_read_only(store: Store) -> None:
    save(store, "index", n=1)
    with store.reading() as tx:
        with pytest.raises(ReadOnlyError, match="index"):
            tx.db("index").table("meeting").insert({"n": 2})
        with pytest.raises(ReadOnlyError):
            tx.delete("index")
    assert load(store, "index") == [{"n": 1}]


def test_a_transaction_cannot_be_used_after_it_ends(store: Store) -> None:
    with store.transaction() as tx:
        db = tx.db("index")
    with pytest.raises(StorageError, match="ended"):
        db.table("meeting").insert({"n": 1})


def test_transactions_cannot_nest(store: Store) -> None:
    with (
        store.transaction(),
        pytest.raises(StorageError, match="nested"),
        store.reading(),
    ):
        pass


# -- opening ----------------------------------------------------------------------


def test_open_creates_an_owner_only_database(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "new" / "db")
    save(store, "meetings/0101", n=1)
    save(store, "meetings/0101", n=2)
    assert stat.S_IMODE(store.root.stat().st_mode) == 0o700
    assert stat.S_IMODE((store.root / "meetings").stat().st_mode) == 0o700
    for path in store.root.rglob("*"):
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert {p.name for p in store.root.rglob("*.json*")} >= {"meta.json", "0101.json.bak"}


def test_open_refuses_a_folder_that_is_not_a_database(tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"\xff")
    with pytest.raises(NotADatabaseError, match=r"photos.*cat\.jpg"):
        Store.open(tmp_path / "photos")
    assert os.listdir(tmp_path / "photos") == ["cat.jpg"]
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotADatabaseError, match="not a folder"):
        Store.open(tmp_path / "file")
    with pytest.raises(NotADatabaseError, match="does not exist"):
        Store.open(tmp_path / "missing", create=False)
    (tmp_path / "empty").mkdir()
    with pytest.raises(NotADatabaseError, match=r"no meta\.json"):
        Store.open(tmp_path / "empty", create=False)
    assert Store.open(tmp_path / "empty").exists("meta")


def test_open_removes_temps_of_dead_writers_only(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db")
    save(store, "meetings/0101", n=1)
    folder = store.root / "meetings"
    dead = folder / f"0101.json.tmp-{dead_pid()}-0a"
    mine = folder / f"0101.json.tmp-{os.getpid()}-0b"
    old = folder / f"0101.json.tmp-{os.getpid()}-0c"
    for path in (dead, mine, old):
        path.write_bytes(b"{")
    os.utime(old, (time.time() - 120, time.time() - 120))
    Store.open(store.root)
    assert temps_under(store.root) == [mine]


# -- damage -----------------------------------------------------------------------

GOOD = {"meeting": {"1": {"title": TEXT, "items": [TEXT, "甲", "乙"]}}}
GOOD_BYTES = wrap(encode_tables(GOOD))


def _shapes() -> list[bytes]:
    shaped = [
        [],
        {"tables": {}},
        {"_default": {"1": {"a": 1}}},
        {"format": "agenda", "tables": {}},
        {"format": "agenda", "schema": "1", "tables": {}},
        {"format": "agenda", "schema": 0, "tables": {}},
        {"format": "agenda", "schema": 1, "tables": []},
        {"format": "agenda", "schema": 1, "tables": {"meeting": []}},
        {"format": "agenda", "schema": 1, "tables": {"meeting": {"1": [1]}}},
        {"format": "agenda", "schema": 1, "tables": {"meeting": {"one": {}}}},
    ]
    return [json.dumps(value).encode() for value in shaped]


def damages() -> list[tuple[str, bytes]]:
    size = len(GOOD_BYTES)
    found = [("empty", b""), ("nul-filled", b"\0" * size)]
    found.append(("nul-tail", GOOD_BYTES[: size // 2] + b"\0" * (size - size // 2)))
    found.append(("big5", GOOD_BYTES.decode().encode("big5")))
    found.append(("utf-16", GOOD_BYTES.decode().encode("utf-16")))
    found += [(f"truncated-{n}", GOOD_BYTES[:n]) for n in range(0, size - 1, 3)]
    found += [(f"flipped-{i}", _flip(GOOD_BYTES, i)) for i in range(0, size, 3)]
    found += [(f"shape-{i}", raw) for i, raw in enumerate(_shapes())]
    return found


def _flip(raw: bytes, index: int) -> bytes:
    return raw[:index] + bytes([raw[index] ^ 0xFF]) + raw[index + 1 :]


def _with_backup(root: Path) -> Store:
    store = Store.open(root)
    with store.transaction() as tx:
        tx.db("meetings/0101").storage.write(GOOD)
    save(store, "meetings/0101", title="newer")
    return store


def test_every_damage_without_a_backup_is_an_error(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db")
    final = store.root / "meetings" / "0101.json"
    save(store, "meetings/0101", title="only")
    for label, raw in damages():
        final.write_bytes(raw)
        with pytest.raises(DamagedFileError) as caught, store.reading() as tx:
            tx.db("meetings/0101")
        message = str(caught.value)
        assert str(final) in message and "\n" not in message, label
        assert final.read_bytes() == raw, label


def test_every_damage_with_a_backup_falls_back_and_keeps_the_damaged_file(
    tmp_path: Path,
) -> None:
    store = _with_backup(tmp_path / "db")
    final = store.root / "meetings" / "0101.json"
    for label, raw in damages():
        final.write_bytes(raw)
        store.warnings.clear()
        with store.reading() as tx:
            rows = tx.db("meetings/0101").table("meeting").all()
        assert rows == [GOOD["meeting"]["1"]], label
        assert len(store.warnings) == 1 and str(final) in store.warnings[0], label
        assert "\n" not in store.warnings[0]
        kept = list(final.parent.glob("0101.json.damaged-*"))
        assert [p.read_bytes() for p in kept] == [raw], label
        assert final.read_bytes() == GOOD_BYTES, label
        kept[0].unlink()
        save(store, "meetings/0101", title="newer")


def test_newer_schema_is_refused_even_with_a_backup(tmp_path: Path) -> None:
    store = _with_backup(tmp_path / "db")
    final = store.root / "meetings" / "0101.json"
    newer = b'{"format": "agenda", "schema": 3, "tables": {"other": 1}}'
    final.write_bytes(newer)
    with pytest.raises(NewerSchemaError) as caught, store.transaction() as tx:
        tx.db("meetings/0101")
    assert str(caught.value) == (
        f"{final} was written by a newer agenda (schema 3); this version reads schema 2"
    )
    assert final.read_bytes() == newer and store.warnings == []


def test_newer_schema_meta_refuses_to_open(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db")
    (store.root / "meta.json").write_bytes(b'{"format":"agenda","schema":3,"tables":{}}')
    with pytest.raises(NewerSchemaError, match="schema 3"):
        Store.open(store.root)


def test_damaged_file_and_damaged_backup_is_an_error(tmp_path: Path) -> None:
    store = _with_backup(tmp_path / "db")
    final = store.root / "meetings" / "0101.json"
    final.write_bytes(b"{")
    (final.parent / "0101.json.bak").write_bytes(b"")
    reopened = Store.open(store.root)
    with (
        pytest.raises(DamagedFileError, match="backup is unusable too") as caught,
        reopened.reading() as tx,
    ):
        tx.db("meetings/0101")
    assert "\n" not in str(caught.value)
    assert final.read_bytes() == b"{"


def test_a_repaired_document_keeps_a_good_backup_after_the_next_save(tmp_path: Path) -> None:
    store = _with_backup(tmp_path / "db")
    final = store.root / "meetings" / "0101.json"
    final.write_bytes(GOOD_BYTES[:40])
    with store.transaction() as tx:
        tx.db("meetings/0101").table("meeting").update({"title": "fixed"})
    assert load(store, "meetings/0101")[0]["title"] == "fixed"
    assert (final.parent / "0101.json.bak").read_bytes() == GOOD_BYTES


def test_a_byte_order_mark_from_a_hand_edit_is_accepted(store: Store) -> None:
    final = store.root / "meetings" / "0101.json"
    save(store, "meetings/0101", title="v1")
    final.write_bytes(b"\xef\xbb\xbf" + GOOD_BYTES)
    assert load(store, "meetings/0101") == [GOOD["meeting"]["1"]]
    assert store.warnings == []


def test_a_missing_file_with_a_backup_is_restored_not_empty(tmp_path: Path) -> None:
    store = _with_backup(tmp_path / "db")
    (store.root / "meetings" / "0101.json").unlink()
    assert load(store, "meetings/0101") == [GOOD["meeting"]["1"]]
    assert "missing" in store.warnings[0]


# -- journal ----------------------------------------------------------------------


def _half_done_journal(store: Store) -> None:
    """The state a writer killed after its first rename leaves behind."""
    root = store.root
    steps = []
    for name, title in (("meetings/0101", "v2"), ("index", "v2")):
        final = root / f"{name}.json"
        data = wrap(encode_tables({"meeting": {"1": {"title": title}}}))
        temp = write_temp(final, data)
        steps.append(Step(name, temp.relative_to(root).as_posix()))
    steps.append(Step("cases/open", None))
    write_journal(root, steps)
    install(root / str(steps[0].temp), root / "meetings" / "0101.json")


def _prepare(store: Store) -> None:
    for name in ("meetings/0101", "index", "cases/open"):
        save(store, name, title="v1")


def _assert_finished(store: Store) -> None:
    assert load(store, "meetings/0101") == [{"title": "v2"}]
    assert load(store, "index") == [{"title": "v2"}]
    assert not store.exists("cases/open")
    assert not (store.root / "journal.json").exists()
    assert temps_under(store.root) == []


def test_a_half_done_journal_is_finished_on_open(store: Store) -> None:
    _prepare(store)
    _half_done_journal(store)
    _assert_finished(Store.open(store.root))


def test_a_journal_killed_between_backup_and_rename_is_finished(store: Store) -> None:
    _prepare(store)
    _half_done_journal(store)
    keep_backup(store.root / "index.json")  # the .bak is now a link to index.json itself
    _assert_finished(Store.open(store.root))


@pytest.mark.parametrize("how", ["transaction", "reading"])
def test_a_half_done_journal_is_finished_before_the_next_access(store: Store, how: str) -> None:
    _prepare(store)
    _half_done_journal(store)
    with store.transaction() if how == "transaction" else store.reading():
        pass
    _assert_finished(store)


GARBAGE_JOURNALS = [
    b"",
    b'{"format": "agenda-jour',
    b"\0" * 64,
    b'{"format": "agenda-journal", "steps": [{}]}',
    b'{"format": "agenda-journal", "steps": [{"name": "meta", "temp": "../x.tmp-1-a"}]}',
]


@pytest.mark.parametrize("garbage", GARBAGE_JOURNALS)
def test_a_garbage_journal_is_discarded_and_the_old_state_kept(
    store: Store, garbage: bytes
) -> None:
    _prepare(store)
    before = files_under(store.root)
    temp = store.root / "index.json.tmp-1-ab"
    temp.write_bytes(b"half")
    os.utime(temp, (time.time() - 120, time.time() - 120))
    (store.root / "journal.json").write_bytes(garbage)
    reopened = Store.open(store.root)
    assert files_under(store.root) == before
    assert "journal.json" in reopened.warnings[0]


# -- write errors -----------------------------------------------------------------


def test_a_folder_that_is_a_file_gives_a_write_error_and_changes_nothing(store: Store) -> None:
    save(store, "index", title="v1")
    (store.root / "meetings").write_text("not a folder")
    before = files_under(store.root)
    for names in (["meetings/0101"], ["index", "meetings/0101"]):
        with pytest.raises(StorageWriteError) as caught, store.transaction() as tx:
            for name in names:
                tx.db(name).table("meeting").upsert(Document({"title": "v2"}, doc_id=1))
        assert "meetings" in str(caught.value) and "ENOTDIR" in str(caught.value)
        assert files_under(store.root) == before


FSIZE_CHILD = """
import resource, signal, sys
from pathlib import Path
from tui.storage.errors import StorageWriteError
from tui.storage.store import Store
store = Store.open(Path(sys.argv[1]))
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (65536, resource.RLIM_INFINITY))
try:
    with store.transaction() as tx:
        for name in sys.argv[2:]:
            size = 100000 if name == sys.argv[-1] else 10
            tx.db(name).table("meeting").insert({"text": "字" * size})
except StorageWriteError as error:
    print(error)
"""


@pytest.mark.parametrize("names", [["meetings/0101"], ["index", "meetings/0101"]])
def test_a_file_too_large_for_the_disk_gives_a_write_error(store: Store, names: list[str]) -> None:
    save(store, "meetings/0101", title="v1")
    save(store, "index", title="v1")
    before = files_under(store.root)
    message = run_python(FSIZE_CHILD, str(store.root), *names).strip()
    assert message.startswith("could not write ") and "EFBIG" in message, message
    assert "\n" not in message
    assert files_under(store.root) == before
    assert temps_under(store.root) == []


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    if os.geteuid() != 0:
        folder.chmod(0o500)
    elif shutil.which("chattr") is None or subprocess.run(["chattr", "+i", folder]).returncode:
        pytest.skip("running as root without a working chattr +i")
    try:
        yield
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", folder], check=True)
        folder.chmod(0o700)


def test_a_read_only_folder_gives_a_write_error(store: Store) -> None:
    save(store, "meetings/0101", title="v1")
    folder = store.root / "meetings"
    before = files_under(store.root)
    with read_only(folder), pytest.raises(StorageWriteError) as caught, store.transaction() as tx:
        tx.db("meetings/0101").table("meeting").update({"title": "v2"})
    message = str(caught.value)
    assert str(folder / "0101.json") in message and "previous version is unchanged" in message
    assert files_under(store.root) == before


# -- locks ------------------------------------------------------------------------

HOLDER_CHILD = """
import sys
from pathlib import Path
from tui.storage.store import Store
store = Store.open(Path(sys.argv[1]))
with store.transaction() if sys.argv[2] == "write" else store.reading():
    print("holding", flush=True)
    sys.stdin.read()
"""


@contextmanager
def held(root: Path, mode: str) -> Iterator[int]:
    child = python(HOLDER_CHILD, str(root), mode, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert child.stdout is not None and child.stdout.readline() == "holding\n"
        yield child.pid
    finally:
        child.communicate(timeout=30)


def test_a_held_lock_times_out_naming_the_holder(store: Store) -> None:
    waiting = Store(store.root, lock_timeout=0.3)
    with held(store.root, "write") as pid:
        for access in (waiting.transaction, waiting.reading):
            started = time.monotonic()
            with pytest.raises(LockTimeoutError, match=f"held by pid {pid} on ") as caught:
                access().__enter__()
            assert 0.3 <= time.monotonic() - started < 3
            assert str(store.root / ".lock") in str(caught.value)
            assert offences("lock", str(caught.value).split(".lock")[-1]) == []  # 115/12/2
    with waiting.transaction():
        pass


def test_readers_share_the_lock_and_keep_writers_out(store: Store) -> None:
    save(store, "index", n=1)
    waiting = Store(store.root, lock_timeout=0.3)
    with held(store.root, "read"):
        assert load(waiting, "index") == [{"n": 1}]
        with pytest.raises(LockTimeoutError, match="another process"):
            waiting.transaction().__enter__()


def test_threads_sharing_a_store_do_not_lose_updates(store: Store) -> None:
    other = Store(store.root)

    def bump(target: Store) -> None:
        for _ in range(15):
            with target.transaction() as tx:
                table = tx.db("counter").table("meeting")
                row = table.get(doc_id=1)
                count = 0 if row is None else int(row["n"])
                table.upsert(Document({"n": count + 1}, doc_id=1))

    workers: list[Callable[[], None]] = [lambda: bump(store), lambda: bump(other)] * 2
    threads = [threading.Thread(target=work) for work in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert load(store, "counter") == [{"n": 60}]
