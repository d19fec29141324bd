"""The DOCX writer: the parts every record shares kept between renders (docx_frame), and the
record's text, title and links written as XML that python-docx reads back as given."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.parsers import expat

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE

from tui.render.blocks import Block
from tui.render.documents import docx, docx_frame
from tui.render.formats import RenderError

TRICKY = [
    "a  b   c",
    " lead and trail  ",
    "tab\there\nnext line",
    "&<>\"' are text",
    "\u3000全形空白\u3000",
    "**bold** then <https://example.tw/a?b=1&c=2> and [字](https://example.tw/'q\")",
    "again <https://example.tw/a?b=1&c=2>",
    "",
]
TITLE = "第 1 次處務會議紀錄 & <附件>"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "agenda" / "docx"


def _blocks() -> list[Block]:
    found = [Block("title", 0, "", TITLE)]
    found += [Block("number", 2, "(一)", text) for text in TRICKY]
    found += [Block("head", 1, "", "", ("案號", "辦理情形"), (1.0, 3.0))]
    found += [Block("row", 0, "", "", (text, text)) for text in TRICKY]
    return found


def _shown(text: str) -> str:
    """What python-docx reads of `text`: the marks gone, a tab and a break as it spells them."""
    return (
        text.replace("**bold**", "bold")
        .replace("<https://", "https://")
        .replace("2> and [字](https://example.tw/'q\")", "2 and 字")
        .replace("2>", "2")
    )


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_the_text_title_and_links_read_back_as_they_were_given(cache: Path) -> None:
    doc = Document(io.BytesIO(docx.write(_blocks())))
    numbered = [p.text for p in doc.paragraphs if p.text.startswith("(一)")]
    assert numbered == [f"(一)\t{_shown(text)}" for text in TRICKY]
    cells = [cell.text for row in doc.tables[0].rows[1:] for cell in row.cells]
    assert cells == [_shown(text) for text in TRICKY for _ in (1, 2)]
    assert doc.core_properties.title == TITLE
    links = {
        rel.rId: rel.target_ref
        for rel in doc.part.rels.values()
        if rel.reltype == RELATIONSHIP_TYPE.HYPERLINK
    }
    assert sorted(links.values()) == ["https://example.tw/'q\"", "https://example.tw/a?b=1&c=2"]
    assert all(rid not in ("rId1", "rId9") for rid in links)  # the frame's own kept


def test_every_part_is_xml(cache: Path) -> None:
    for name, data in _parts(docx.write(_blocks())).items():
        if name.endswith((".xml", ".rels")):
            expat.ParserCreate(namespace_separator=" ").Parse(data, True)  # raises if not


def test_the_frame_is_kept_and_a_second_render_reads_it(cache: Path) -> None:
    first = _parts(docx.write(_blocks()))
    [kept] = cache.iterdir()
    assert oct(kept.stat().st_mode & 0o777) == "0o600"
    stamp = kept.stat().st_mtime_ns
    assert _parts(docx.write(_blocks())) == first
    assert kept.stat().st_mtime_ns == stamp


DAMAGES = [
    "empty",
    "cut short",
    "frame without ids",
    "ids of another shape",
    "ids nested without end",
    "no room",
    "document not UTF-8",
    "no content types",
    "a style the frame lacks",
    "an unknown compression",
    "a member flagged encrypted",
    "a member's deflated bytes damaged",
]


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_frame_is_made_again(cache: Path, damage: str) -> None:
    whole = _parts(docx.write(_blocks()))
    [kept] = cache.iterdir()
    kept.write_bytes(_damaged(kept.read_bytes(), damage))
    assert _parts(docx.write(_blocks())) == whole
    assert docx_frame._checked(docx_frame._read(kept.read_bytes())) is not None


def _damaged(frame: bytes, how: str) -> bytes:
    if how == "empty":
        return b""
    if how == "cut short":
        return frame[: len(frame) // 2]
    with zipfile.ZipFile(io.BytesIO(frame)) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    compression, flagged = zipfile.ZIP_STORED, ""
    if how == "frame without ids":
        del parts["agenda-styles.json"]
    elif how == "ids of another shape":
        parts["agenda-styles.json"] = b'{"ids": {"Title": 3}, "table": "TableGrid"}'
    elif how == "ids nested without end":
        parts["agenda-styles.json"] = b"[" * 100_000 + b"]" * 100_000
    elif how == "no room":
        parts[docx_frame.DOCUMENT] = b"<w:document/>"
    elif how == "document not UTF-8":
        document = parts[docx_frame.DOCUMENT]
        parts[docx_frame.DOCUMENT] = document.replace(b"<w:body>", b"\xff<w:body>")
    elif how == "no content types":
        del parts[docx_frame.CONTENT_TYPES]
    elif how == "a style the frame lacks":
        parts[docx_frame.STYLES_PART] = parts[docx_frame.STYLES_PART].replace(b'"Heading1"', b'"H"')
    elif how == "a member's deflated bytes damaged":
        compression = zipfile.ZIP_DEFLATED
    else:
        flagged = how
    return _zipped(parts, compression, flagged)


def _zipped(parts: dict[str, bytes], compression: int, flagged: str) -> bytes:
    saved = io.BytesIO()
    with zipfile.ZipFile(saved, "w", compression) as package:
        for name, part in parts.items():
            package.writestr(name, part)
    data = bytearray(saved.getvalue())  # changed in place below
    local = data.index(b"PK\x03\x04")  # the first member's own header
    if flagged == "an unknown compression":
        data[local + 8 : local + 10] = (99).to_bytes(2, "little")
        central = data.index(b"PK\x01\x02")
        data[central + 10 : central + 12] = (99).to_bytes(2, "little")
    elif flagged == "a member flagged encrypted":
        central = data.index(b"PK\x01\x02")
        data[central + 8] |= 1
    elif compression == zipfile.ZIP_DEFLATED:  # damage the first member's deflated bytes
        start = local + 30 + int.from_bytes(data[local + 26 : local + 28], "little")
        data[start : start + 8] = b"\xff" * 8
    return bytes(data)


def test_a_cache_that_cannot_be_written_is_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert Document(io.BytesIO(docx.write(_blocks()))).core_properties.title == TITLE


def test_an_empty_document_from_another_python_docx_is_named(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.render.documents import docx_styles

    empty = docx_frame.Frame([], {}, "")
    monkeypatch.setattr(docx_styles, "made", lambda: empty)
    with pytest.raises(RenderError, match="python-docx"):
        docx.write(_blocks())
