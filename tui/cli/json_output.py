"""JSON for programs, written in one block: `json.dump` with an indent writes each token
by itself, a million small writes for a large listing."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.domain.model import Meeting


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_rows(rows: list[dict[str, Any]]) -> None:
    """A JSON list a row a line, written at once: rows indented field by field are most of a
    listing's time (the standard library indents in Python, and writes a row compact in C)."""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # made once
    lines = [encode(row) for row in rows]
    sys.stdout.write("[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n")


def meeting_json(meeting: Meeting) -> dict[str, Any]:
    from tui.domain.codec import to_data

    data: dict[str, Any] = to_data(meeting)
    data["date"] = meeting.date.isoformat()
    return data
