"""An office's own templates run sandboxed, strict, and are stopped if they run away."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import REFERENCE
from tui.domain.model import Conclusion
from tui.importer.record import ImportedRecord, read_record
from tui.render.document import RenderOptions, render_record
from tui.render.formats import RenderError

ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ meeting.__class__.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.system('id') }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ self.__init__.__globals__ }}",
    "{{ meeting.sections.append(1) }}{{ meeting.sections | length }}",
    "{% set x = meeting.__dict__ %}{{ x }}",
    "{{ office.__setattr__('series', 'x') }}",
]


@pytest.fixture(scope="module")
def record(units: list[str]) -> ImportedRecord:
    return read_record(REFERENCE, units)


def _override(tmp_path: Path, text: str) -> RenderOptions:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "record.md.j2").write_text(text, encoding="utf-8")
    return RenderOptions("md", template_dirs=(folder,), time_limit=1.0)


@pytest.mark.parametrize("payload", ESCAPES)
def test_sandbox_escapes_are_refused(tmp_path: Path, record: ImportedRecord, payload: str) -> None:
    sections = len(record.meeting.sections)
    with pytest.raises(RenderError) as raised:
        render_record(record.meeting, record.office, _override(tmp_path, payload))
    message = str(raised.value)
    assert message.startswith("template record.md.j2")
    assert "\n" not in message
    assert len(record.meeting.sections) == sections


def test_an_undefined_name_is_an_error(tmp_path: Path, record: ImportedRecord) -> None:
    with pytest.raises(RenderError, match="'meeting_date' is undefined"):
        render_record(record.meeting, record.office, _override(tmp_path, "{{ meeting_date }}"))


def test_a_runaway_template_is_stopped(tmp_path: Path, record: ImportedRecord) -> None:
    forever = (
        "{% for i in range(99999) %}{% for j in range(99999) %}"
        "{% set x = j %}{% endfor %}{% endfor %}"
    )
    start = time.monotonic()
    with pytest.raises(RenderError, match="ran longer than 1 s and was stopped"):
        render_record(record.meeting, record.office, _override(tmp_path, forever))
    assert time.monotonic() - start < 3


def test_an_office_template_renders_apart_and_comes_back(
    tmp_path: Path, record: ImportedRecord
) -> None:
    options = _override(tmp_path, "{{ office.organisation }} {{ meeting.number }}")
    assert render_record(record.meeting, record.office, options) == "臺北市政府秘書處 101\n"


def test_control_characters_never_reach_a_rendered_file(record: ImportedRecord) -> None:
    item = record.meeting.sections[1].items[0]
    item.conclusions.append(Conclusion("危險\x1b[2J\x1b]0;title\x07字\x9b31m樣"))
    try:
        for fmt in ("md", "txt"):
            text = render_record(record.meeting, record.office, RenderOptions(fmt))
            assert not any(ord(c) < 32 and c not in "\n" for c in text)
            assert not any(0x7F <= ord(c) <= 0x9F for c in text)
            assert "危險字樣" in text.replace("\n", "").replace(" ", "")  # sequences gone whole
    finally:
        item.conclusions.pop()
