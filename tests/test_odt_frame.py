"""The ODT writer: the parts every record shares kept between renders (odt_frame), and the
record's text written as XML that odfpy reads back as it was given."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import zipfile
from collections.abc import Mapping
from pathlib import Path
from xml.parsers import expat

import pytest
from odf import teletype
from odf.dc import Title
from odf.namespaces import XLINKNS
from odf.opendocument import load
from odf.table import TableCell
from odf.text import A, P

from tests.cli_support import agenda
from tests.conftest import REFERENCE
from tests.document_support import shown
from tests.test_command_imports import imported_by
from tui.render.blocks import Block
from tui.render.documents import odt, odt_frame
from tui.render.formats import RenderError

TRICKY = [
    "a  b   c",  # a second space and more: counted
    " lead and trail  ",
    "tab\there\nnext line",
    "&<>\"' are text",
    "\x7f\x85\x9f\U0001fffe discouraged",
    "**bold** then <https://example.tw/a?b=1&c=2> and [字](https://example.tw/'q\")",
    "",
]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "agenda" / "odt"


def _blocks() -> list[Block]:
    found = [Block("title", 0, "", "第 1 次處務會議紀錄")]
    found += [Block("number", 2, "(一)", text) for text in TRICKY]
    found += [Block("head", 1, "", "", ("案號", "辦理情形"), (1.0, 3.0))]
    found += [Block("row", 0, "", "", (text, text)) for text in TRICKY]
    return found


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.infolist()[0].filename == "mimetype"
        assert package.infolist()[0].compress_type == zipfile.ZIP_STORED
        return {name: package.read(name) for name in package.namelist()}


def _shown(text: str) -> str:
    """What odfpy's own writer would have kept of `text`."""
    marked = {c: "\ufffd" for c in (0x7F, 0x9F, 0x1FFFE)}  # what XML discourages; U+0085 not
    return (
        text.replace("**bold**", "bold")
        .replace("<https://", "https://")
        .replace("2> and [字](https://example.tw/'q\")", "2 and 字")
        .translate(marked)
    )


def test_the_text_reads_back_as_it_was_given_spaces_tabs_breaks_and_marks_included(
    cache: Path,
) -> None:
    doc = load(io.BytesIO(odt.write(_blocks())))
    paragraphs = [teletype.extractText(p) for p in doc.text.getElementsByType(P)]
    numbered = [p for p in paragraphs if p.startswith("(一)")]
    assert numbered == [f"(一)\t{_shown(text)}" for text in TRICKY]
    cells = [teletype.extractText(c) for c in doc.text.getElementsByType(TableCell)]
    assert cells[2:] == [_shown(text) for text in TRICKY for _ in (1, 2)]
    links = {a.getAttrNS(XLINKNS, "href") for a in doc.text.getElementsByType(A)}
    assert links == {"https://example.tw/a?b=1&c=2", "https://example.tw/'q\""}
    title = doc.meta.getElementsByType(Title)[0]
    assert teletype.extractText(title) == "第 1 次處務會議紀錄"


def test_every_part_is_xml_with_its_namespaces_declared(cache: Path) -> None:
    for name, data in _parts(odt.write(_blocks())).items():
        if name.endswith(".xml"):
            expat.ParserCreate(namespace_separator=" ").Parse(data, True)  # raises if not


def test_the_frame_is_kept_and_a_second_render_reads_it_byte_for_byte(cache: Path) -> None:
    first = _parts(odt.write(_blocks()))
    kept = list(cache.iterdir())
    assert len(kept) == 1
    assert oct(kept[0].stat().st_mode & 0o777) == "0o600"
    assert _parts(odt.write(_blocks())) == first
    assert json.loads(kept[0].read_text(encoding="ascii"))["parts"] == odt_frame.frame()


def _kept_with(parts: Mapping[str, object], digest: str | None = None) -> bytes:
    whole = json.dumps(parts, ensure_ascii=True).encode()
    digest = digest or hashlib.sha256(whole).hexdigest()
    return json.dumps({"parts": parts, "digest": digest}).encode()


def _damages() -> dict[str, bytes]:
    parts = odt_frame._made()
    assert parts is not None
    broken = dict(parts, **{"styles.xml": parts["styles.xml"].replace("<office:styles>", "=")})
    reordered = {name: parts[name] for name in reversed(odt_frame.PARTS)}
    return {
        "empty": b"",
        "not-json": b"\xff\xfe not json",
        "nested-without-end": b"[" * 100_000 + b"]" * 100_000,
        "too-few-parts": _kept_with({"mimetype": "x"}),
        "not-text": _kept_with(dict.fromkeys(odt_frame.PARTS, 1)),
        "no-room-for-a-record": _kept_with(dict.fromkeys(odt_frame.PARTS, "<p/>")),
        "the-mimetype-last": _kept_with(reordered),
        "changed-under-its-digest": _kept_with(broken, odt_frame._digest(parts)),
        "changed-with-no-digest": json.dumps(broken).encode(),
    }


@pytest.mark.parametrize("damage", list(_damages()))
def test_a_damaged_frame_is_made_again(cache: Path, damage: str) -> None:
    whole = _parts(odt.write(_blocks()))
    [kept] = cache.iterdir()
    kept.write_bytes(_damages()[damage])
    assert _parts(odt.write(_blocks())) == whole
    assert odt_frame._read(kept.read_bytes()) is not None  # made again and kept


def test_a_frame_that_is_not_a_regular_file_is_not_read(cache: Path) -> None:
    whole = _parts(odt.write(_blocks()))
    [kept] = cache.iterdir()
    kept.unlink()
    os.mkfifo(kept)  # a reader would wait for a writer that never comes
    assert _parts(odt.write(_blocks())) == whole
    kept.unlink()
    kept.symlink_to("/dev/zero")  # nor read an endless file
    assert _parts(odt.write(_blocks())) == whole


def test_a_change_to_what_makes_the_frame_makes_it_anew_whatever_its_times(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The frame is named by the bytes it is made from: an edit that keeps a file's size
    and time (an install that sets every time alike) is still seen."""
    from tui.render.documents import kept_frame

    package = tmp_path / "tui"
    shutil.copytree(Path(kept_frame.__file__).parents[2], package)
    monkeypatch.setattr(kept_frame, "_PACKAGE", str(package))
    odt.write(_blocks())
    layout = package / "render" / "documents" / "layout.py"
    times = layout.stat()
    layout.write_text(layout.read_text().replace("BODY_PT = 14.0", "BODY_PT = 16.0"))
    os.utime(layout, ns=(times.st_atime_ns, times.st_mtime_ns))
    odt.write(_blocks())
    assert len(list(cache.iterdir())) == 2


def test_a_cache_that_cannot_be_written_is_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert load(io.BytesIO(odt.write(_blocks()))).text.childNodes


def test_an_empty_document_from_another_odfpy_is_named(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.render.documents import odt_styles

    monkeypatch.setattr(odt_styles, "made", lambda: dict.fromkeys(odt_frame.PARTS, ""))
    with pytest.raises(RenderError, match="odfpy"):
        odt.write(_blocks())


@pytest.mark.parametrize(
    ("format", "library", "made"),
    [("odt", "odf", "odf.opendocument"), ("docx", "docx", "docx.document")],
)
def test_a_render_with_the_frame_kept_imports_none_of_its_library(
    tmp_path: Path, format: str, library: str, made: str
) -> None:
    db = tmp_path / "db"
    assert agenda("import", REFERENCE, db=db).returncode == 0
    written = tmp_path / f"r.{format}"
    words = ("render", "101", "--format", format, "-o", str(written))
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    assert made in imported_by(db, *words, env=env)  # the frame made
    again = imported_by(db, *words, env=env)
    assert not any(module == library or module.startswith(f"{library}.") for module in again)
    assert shown(written.read_bytes(), format)
