"""`agenda meetings`: every meeting from the index, never by reading the meetings."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from tui.cli.columns import pad, rpad
from tui.cli.json_output import print_rows
from tui.cli.session import Session
from tui.domain.rocdays import format_numeric_date
from tui.domain.status_words import listed_status
from tui.i18n import _, pgettext
from tui.storage.index_rows import plainly, summaries


def meeting_rows(session: Session) -> list[dict[str, Any]]:
    index = plainly(session.folder)
    if index is None:  # anything out of the ordinary: the store reads it, and says why
        index = summaries(session.store())
    rows = []
    for summary in index:
        start = datetime.fromisoformat(summary["start"])
        rows.append(
            {
                "number": summary["number"],
                "date": start.date().isoformat(),
                "start": start.isoformat(),
                "status": summary["status"],
                "items": summary.get("items"),  # None in an index older than the count
                "cases": summary.get("cases", 0),
            }
        )
    return rows


def list_meetings(args: argparse.Namespace, session: Session) -> int:
    rows = meeting_rows(session)
    if args.json:
        print_rows(rows)
        return 0
    if not rows:
        print(_("no meetings"))
        return 0
    head = (
        rpad(pgettext("meetings", "number"), 6),
        pad(_("date"), 9),
        pad(_("status"), 10),
        rpad(_("items"), 5),
        rpad(_("cases"), 5),
    )
    print("  ".join(head).rstrip())
    for row in rows:
        day = format_numeric_date(datetime.fromisoformat(row["start"]).date())
        items = "-" if row["items"] is None else row["items"]
        status = pad(listed_status(row), 10)
        print(f"{row['number']:>6}  {day:9}  {status}  {items:>5}  {row['cases']:>5}")
    return 0
