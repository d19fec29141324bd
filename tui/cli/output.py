"""What the commands print: summaries for people, JSON for programs."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.domain.cases import KIND_WORDS, state_key, state_word
from tui.domain.codec import to_data
from tui.domain.lifecycle import status_word
from tui.domain.model import Meeting, Office, TrackedCase
from tui.domain.rocdate import format_datetime
from tui.i18n import N_, _
from tui.render.cjkwrap import width

if TYPE_CHECKING:
    pass


def write_text(text: str, path: Path | None) -> None:
    if path is None:
        sys.stdout.write(text)
        return
    _write(path, text.encode("utf-8"))


def write_document(data: bytes, path: Path | None, name: str, *, force: bool = False) -> None:
    """A document at `path`, replacing what is there; else down a pipe; else, at a terminal,
    in `name` in the current folder (replaced only with `force`: a file there already is
    kept and the next free name, name-2, name-3 …, taken), whose path is printed."""
    if path is not None:
        _write(path, data)
        return
    if not sys.stdout.isatty():
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        return
    chosen = Path.cwd() / name
    if force:
        _write(chosen, data)
        print(chosen)
        return
    written = _write_new(chosen, data)
    if written != chosen:
        print(
            _("{name} exists and is kept; written to {written} (--force replaces it)").format(
                name=chosen.name, written=written.name
            ),
            file=sys.stderr,
        )
    print(written)


def _write_new(path: Path, data: bytes) -> Path:
    from tui.export import write_free_name

    try:
        return write_free_name(path, data)
    except OSError as error:
        from tui.cli.session import UsageError

        raise UsageError(
            _("{path}: cannot be written ({reason})").format(
                path=path, reason=error.strerror or error
            )
        ) from None


def _write(path: Path, data: bytes) -> None:
    from tui.export import write_file

    try:
        write_file(path, data)
    except OSError as error:
        from tui.cli.session import UsageError

        raise UsageError(
            _("{path}: cannot be written ({reason})").format(
                path=path, reason=error.strerror or error
            )
        ) from None


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def meeting_json(meeting: Meeting) -> dict[str, Any]:
    data: dict[str, Any] = to_data(meeting)
    data["date"] = meeting.date.isoformat()
    return data


def case_json(case: TrackedCase) -> dict[str, Any]:
    data: dict[str, Any] = to_data(case)
    data["status"] = state_key(case)
    return data


def counts(meeting: Meeting) -> dict[str, int]:
    items = meeting.items()
    return {
        "sections": len(meeting.sections),
        "items": len(items),
        "reports": sum(len(i.reports) for i in items),
        "conclusions": len(meeting.conclusions()),
    }


def print_meeting(meeting: Meeting, office: Office) -> None:
    print(f"{office.organisation}第 {meeting.number} 次{office.series}")
    print(f"  時間：{format_datetime(meeting.start)}   {status_word(meeting.status)}")
    print("  " + _(", ").join(f"{_(_COUNTED[name])} {n}" for name, n in counts(meeting).items()))


_COUNTED = {
    "sections": N_("sections"),
    "items": N_("items"),
    "reports": N_("reports"),
    "conclusions": N_("conclusions"),
}


def print_cases(cases: list[TrackedCase]) -> None:
    if not cases:
        print(_("no cases"))
        return
    head = (rpad(_("number"), 6), pad(_("status"), 10), pad(_("kind"), 6), pad(_("owner"), 16))
    print("  ".join(head) + "  " + _("subject"))
    for case in cases:
        status = pad(state_word(case), 10)
        kind = pad(KIND_WORDS[case.kind], 6)
        subject = case.subject.replace("\n", " ")
        subject = subject if width(subject) <= 40 else subject[:19] + "…"
        owner = pad(case.owner or "-", 16)
        print(f"{case.number:>6}  {status}  {kind}  {owner}  {subject}")


def pad(text: str, columns: int) -> str:
    return text + " " * max(columns - width(text), 0)


def rpad(text: str, columns: int) -> str:
    """`text` right-aligned in `columns` (wide characters counted as two)."""
    return " " * max(columns - width(text), 0) + text
