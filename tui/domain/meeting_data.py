"""A stored meeting as plain data, as the model reads it and the JSON output writes it: filled
in (tui.domain.filling), its entries named as identity.name_entries names them, and dated;
without the model, for a command that only shows the meeting.

Data the model would read otherwise or refuse raises filling.Misfit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tui.domain.filling import filled

Data = dict[str, Any]


def meeting_data(stored: Any) -> Data:
    """What json_output.meeting_json gives of the meeting the model reads from `stored`."""
    data: Data = filled("Meeting", stored)
    name_entries(data)
    data["date"] = datetime.fromisoformat(data["start"]).date().isoformat()
    return data


def name_entries(meeting: Data) -> None:
    """identity.name_entries, on plain data."""
    for s, section in enumerate(meeting["sections"], start=1):
        section["id"] = section["id"] or f"s{s}"
        if section["body"] is not None:
            _name_item(section["body"], f"{s}")
        for i, item in enumerate(section["items"], start=1):
            _name_item(item, f"{s}.{i}")


def _name_item(item: Data, place: str) -> None:
    item["id"] = item["id"] or f"i{place}"
    for n, report in enumerate(item["reports"], start=1):
        report["id"] = report["id"] or f"r{place}.{n}"
    for n, conclusion in enumerate(item["conclusions"], start=1):
        conclusion["id"] = conclusion["id"] or f"c{place}.{n}"


def items(meeting: Data) -> list[Data]:
    """Meeting.items(), on plain data."""
    found: list[Data] = []
    for section in meeting["sections"]:
        if section["body"] is not None:
            found.append(section["body"])
        found.extend(section["items"])
    return found
