"""`agenda render N --format html`: a self-contained, accessible page of the record (header
fields labelled, headings as headings, the 列管 table a real table, text escaped); and
`--format pdf` through LibreOffice, or one line naming the package where it is missing."""

from __future__ import annotations

import os
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.cli_support import agenda, one_error_line
from tests.conftest import REFERENCE
from tui.render.pdf import has_pdf


class Page(HTMLParser):
    """The tags of a page, in order, and the text under each heading and table cell."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, list[str]] = {}
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("br", "meta", "link"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1] == tag:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open and data.strip():
            self.texts.setdefault(self.open[-1], []).append(data.strip())

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def ok(db: Path, *args: str | Path) -> str:
    result = agenda(*args, db=db)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("web") / "db"
    ok(db, "import", REFERENCE)
    ok(db, "prepare")
    ok(db, "decide", "102", "12616", "--kind", "mayor", "--keep", "--progress", "工程進度 80%<b>")
    ok(db, "decide", "102", "10101", "--release", "--progress", "已於 7 月 1 日改正薪資單")
    ok(db, "motion", "add", "102", "政風室劉主任", "請 **各組室** 落實 <script>alert(1)</script>")
    ok(db, "status", "102", "recorded", "--end", "11:20")
    return db


def page(db: Path, number: int) -> tuple[str, Page]:
    html = ok(db, "render", str(number), "--format", "html")
    parsed = Page()
    parsed.feed(html)
    return html, parsed


def test_the_page_is_whole_and_in_traditional_chinese(db: Path) -> None:
    html, parsed = page(db, 102)
    assert html.startswith("<!DOCTYPE html>")
    assert parsed.named("html")[0]["lang"] == "zh-Hant-TW"
    assert parsed.texts["title"] == ["臺北市政府秘書處第 102 次處務會議紀錄"]
    assert not parsed.named("link") and not parsed.named("script")  # nothing fetched
    assert all(attrs.get("src") is None for _tag, attrs in parsed.tags)


def test_header_fields_are_labelled_and_headings_are_headings(db: Path) -> None:
    _html, parsed = page(db, 101)
    assert parsed.texts["h1"] == ["臺北市政府秘書處第 101 次處務會議紀錄"]
    assert parsed.texts["dt"][:4] == ["時間", "地點", "主席", "紀錄"]
    assert parsed.texts["dd"][0] == "民國 110 年 6 月 17 日 10 時 0 分"
    assert parsed.texts["h2"] == [
        "壹、宣讀 110 年 5 月 20 日第 100 次處務會議紀錄。",
        "貳、報告事項",
        "參、臨時動議",
    ]
    assert "一、法制王視察口頭報告" in parsed.texts["h3"]
    sections = parsed.named("section")
    assert [s["aria-labelledby"] for s in sections] == ["section-1", "section-2", "section-3"]


def test_the_case_table_is_a_table_with_scoped_headers(db: Path) -> None:
    html, parsed = page(db, 102)
    assert len(parsed.named("table")) == 2  # the internal cases, the mayor's office's
    headers = [a.get("scope") for a in parsed.named("th")]
    assert headers[:7] == ["col"] * 7 and "row" in headers
    assert parsed.texts["caption"] == ["列管案件", "列管案件"]
    assert "12616（市長室列管）" in parsed.texts["th"]
    assert "工程進度 80%&lt;b&gt;" in html


def test_what_was_typed_is_escaped(db: Path) -> None:
    html, _parsed = page(db, 102)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<strong>各組室</strong>" in html


def test_the_agenda_is_not_written_as_html(db: Path) -> None:
    line = one_error_line(agenda("render", "102", "--agenda", "--format", "html", db=db))
    assert "--format html writes the record" in line


def test_pdf_without_libreoffice_names_the_package(db: Path, tmp_path: Path) -> None:
    bare = tmp_path / "bin"
    bare.mkdir()
    os.symlink(sys.executable, bare / "python")
    result = agenda(
        "render", "101", "--format", "pdf", "-o", tmp_path / "r.pdf", db=db, env={"PATH": str(bare)}
    )
    assert "install libreoffice-writer" in one_error_line(result)
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.skipif(not has_pdf(), reason="LibreOffice is not installed")
def test_pdf_through_libreoffice(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "record-101.pdf"
    ok(db, "render", "101", "--format", "pdf", "-o", out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 10_000
