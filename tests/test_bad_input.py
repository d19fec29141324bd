"""Every way text comes in: stored and read back as it was, or refused with a clear message."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import edit_support as edits
from tests.conftest import REFERENCE
from tui import secretary
from tui.domain.decisions import parse_decision_sentence
from tui.domain.rocdate import DateError, parse_datetime
from tui.domain.text import has_controls
from tui.edits import EditError
from tui.edits.clean import clean_text
from tui.importer.decode import NotARecordError, decode_record
from tui.importer.record import parse_record_text
from tui.profile import ProfileError, parse_profile
from tui.storage.repository import Repository

REFERENCE_TEXT = REFERENCE.read_text(encoding="utf-8")
lines = REFERENCE_TEXT.splitlines()

any_text = st.text(max_size=400)
record_like = st.lists(st.one_of(st.sampled_from(lines), st.text(max_size=60)), max_size=40).map(
    "\n".join
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(any_text, record_like))
def test_the_importer_stores_or_refuses_in_one_line(text: str) -> None:
    try:
        record = parse_record_text(text, Path("in.md"), [])
    except NotARecordError as error:
        assert str(error).startswith("in.md") and "\n" not in str(error)
        return
    for item in record.meeting.items():
        for conclusion in item.conclusions:
            assert not has_controls(conclusion.text)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_are_refused(raw: bytes) -> None:
    try:
        decode_record(raw, "x.md")
    except NotARecordError as error:
        assert str(error).startswith("x.md")


@settings(max_examples=150, deadline=None)
@given(any_text)
def test_dates_parse_or_say_what_is_wrong(text: str) -> None:
    try:
        parse_datetime(text)
    except DateError as error:
        assert "\n" not in str(error)


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        any_text, st.from_regex(r"列管案號 [0-9、至及 ]{1,40}(均解除|賡續)列管", fullmatch=True)
    )
)
def test_decision_sentences_parse_or_are_refused(text: str) -> None:
    try:
        parse_decision_sentence(text)
    except ValueError as error:
        assert str(error)


@settings(max_examples=100, deadline=None)
@given(any_text)
def test_a_profile_loads_or_names_what_is_wrong(text: str) -> None:
    try:
        parse_profile(text, Path("profile.toml"))
    except ProfileError as error:
        assert str(error).startswith("profile.toml") and "\n" not in str(error).strip()


@pytest.fixture(scope="module")
def prepared_db() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp())
    repo = Repository.open(folder / "db")
    secretary.import_records(repo, [REFERENCE], replace=False)
    secretary.prepare(repo)
    yield folder / "db"
    shutil.rmtree(folder)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(min_size=1, max_size=200))
def test_a_typed_conclusion_reads_back_unchanged_or_is_refused(
    prepared_db: Path, text: str
) -> None:
    repo = Repository.open(prepared_db)
    try:
        edits.conclude(repo, 102, "2.1", text)
    except EditError as error:
        assert "conclusion needs text" in str(error)
        assert not clean_text(text)
        return
    stored = repo.load_meeting(102)
    assert stored is not None
    kept = stored.sections[1].items[0].conclusions[-1].text
    assert not has_controls(kept)
    # Controls, terminal sequences and bidi controls dropped; its lines kept as lines.
    assert kept == clean_text(text, multiline=True)
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", kept)
