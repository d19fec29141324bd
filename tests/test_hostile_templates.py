"""Issue 17, templates: whatever an office's template does, compiling and rendering it is one
line naming the template and its line, within the child's limits; the parent never runs it."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from tests.cli_support import agenda, one_error_line
from tests.conftest import REFERENCE
from tui.importer.record import ImportedRecord, read_record
from tui.render.document import RenderOptions, render_record
from tui.render.formats import RenderError

NOT_JINJA_ERRORS = {
    "a method as a list": "{{ office.organisation }}\n{{ meeting.items | list }}",
    "a range too long": "\n\n{% for i in range(10**9) %}{{ i }}{% endfor %}",
    "a recursive macro": "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}\n{{ m(1) }}",
    "extends itself": '{% extends "record.md.j2" %}',
    "a filter of a number": "{{ meeting.number | center('x') }}",
}
EVALUATED_WHILE_COMPILING = {
    "a huge power": "{{ (7 ** 100000000) % 10 }}",
    "a huge format": "{{ '%.1000000000f' % 1.0 }}",
    "a huge centre": "{{ 'x' | center(300000000) }}",
}


@pytest.fixture(scope="module")
def record(units: list[str]) -> ImportedRecord:
    return read_record(REFERENCE, units)


def office_templates(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "record.md.j2").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("template", NOT_JINJA_ERRORS.values(), ids=NOT_JINJA_ERRORS.keys())
def test_a_template_failing_in_any_way_is_one_line_with_name_and_line(
    tmp_path: Path, record: ImportedRecord, template: str
) -> None:
    options = RenderOptions("md", template_dirs=(office_templates(tmp_path, template),))
    with pytest.raises(RenderError) as raised:
        render_record(record.meeting, record.office, options)
    message = str(raised.value)
    assert message.startswith("template record.md.j2"), message
    assert "\n" not in message and " line " in message, message


@pytest.mark.parametrize(
    "template", EVALUATED_WHILE_COMPILING.values(), ids=EVALUATED_WHILE_COMPILING.keys()
)
def test_nothing_of_a_template_is_evaluated_in_the_parent(
    tmp_path: Path, record: ImportedRecord, template: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    options = RenderOptions(
        "md", template_dirs=(office_templates(tmp_path, template),), time_limit=2.0
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    with pytest.raises(RenderError, match=r"^template record\.md\.j2"):
        render_record(record.meeting, record.office, options)
    assert time.monotonic() - started < 6
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak
    assert grown_kb < 200_000
    assert sum(path.stat().st_size for path in cache.rglob("*") if path.is_file()) < 1 << 20


def test_the_cli_says_a_failing_template_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "db"
    assert agenda("import", REFERENCE, db=db).returncode == 0
    folder = office_templates(tmp_path, NOT_JINJA_ERRORS["a method as a list"])
    profile = db / "profile.toml"
    profile.write_text(f'templates = "{folder}"\n' + profile.read_text("utf-8"), "utf-8")
    result = agenda("render", "101", db=db, env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert result.returncode == 2, result.stderr
    assert "record.md.j2 line 2" in one_error_line(result)
    cached = [p for p in (tmp_path / "cache").rglob("*.cache")]
    assert all(p.stat().st_size < 1 << 20 for p in cached)
