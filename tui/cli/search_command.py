"""`agenda search TEXT`: where TEXT is said in every meeting and tracked case, newest first."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from tui.cli.columns import pad
from tui.cli.json_output import print_json
from tui.cli.session import Session, UsageError
from tui.cli.words import quoted
from tui.domain.rocdays import format_numeric_date
from tui.domain.written_places import written_place
from tui.i18n import _
from tui.render.widths import width
from tui.search.grams import QueryError
from tui.search.hits import Hit, field_word, snippet
from tui.search.index import SearchIndex
from tui.search.query import Found

NOTHING_FOUND = 3
MOST = 100_000  # results one search may list
PIPED_COLUMNS = 60  # snippet width when the output is not a terminal


def search(args: argparse.Namespace, session: Session) -> int:
    if not 1 <= args.limit <= MOST:
        raise UsageError(
            _("--limit {limit}: give 1 to {most:,}").format(limit=args.limit, most=MOST)
        )
    session.settled()  # the database must exist, and its files are shared as its profile says
    index = SearchIndex(session.name, note=_note)
    try:
        found = index.search(args.text, args.limit)
    except QueryError as error:
        raise UsageError(str(error)) from None
    finally:
        index.close()
    if args.json:
        print_json(found_json(args.text, found))
    else:
        _print(found)
    if not found.hits:
        print(_("agenda: no matches for {query}").format(query=quoted(args.text)), file=sys.stderr)
        return NOTHING_FOUND
    if found.more:
        more = _("agenda: older matches not shown: --limit {limit} shows more").format(
            limit=2 * args.limit
        )
        print(more, file=sys.stderr)
    return 0


def _note(message: str) -> None:
    print(_("agenda: note: {message}").format(message=message), file=sys.stderr, flush=True)


def found_json(query: str, found: Found) -> dict[str, Any]:
    return {"query": query, "hits": [hit_json(h) for h in found.hits], "more": found.more}


def hit_json(hit: Hit) -> dict[str, Any]:
    short = snippet(hit, PIPED_COLUMNS)
    case = None
    if hit.case_number is not None:
        case = {"number": hit.case_number, "kind": hit.case_kind}
    return {
        "meeting": hit.meeting,
        "date": hit.date.isoformat() if hit.date else None,
        "place": hit.place,
        "what": hit.field,
        "entry": hit.entry or None,
        "case": case,
        "text": hit.text,
        "matches": [list(s) for s in hit.spans],
        "snippet": short.text,
        "highlights": [list(s) for s in short.spans],
    }


def _print(found: Found) -> None:
    if not sys.stdout.isatty():  # down a pipe: plain lines, no Rich to import
        sys.stdout.writelines(
            f"{_head(hit)}{snippet(hit, PIPED_COLUMNS).text}\n" for hit in found.hits
        )
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)
    for hit in found.hits:
        head = _head(hit)
        short = snippet(hit, max(console.width - width(head) - 1, 20))
        body = Text(short.text)
        for start, end in short.spans:
            body.stylize("bold", start, end)
        console.print(Text(head) + body)


def _head(hit: Hit) -> str:
    day = format_numeric_date(hit.date) if hit.date else "-"
    place = written_place(hit.place) if hit.place else "-"
    return f"{hit.meeting:>4}  {day:<9}  {pad(place, 10)}  {pad(_what(hit), 15)}  "


def _what(hit: Hit) -> str:
    """ "conclusion 2", "case 10101", "title", in the user's words."""
    what = field_word(hit.field)
    if hit.case_number is not None:
        return f"{what} {hit.case_number}"
    return f"{what} {hit.entry}" if hit.entry else what


COMMANDS: dict[str, Callable[[argparse.Namespace, Session], int]] = {"search": search}
