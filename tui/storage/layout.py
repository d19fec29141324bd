"""The database folder: every document and file in it is named here, and nowhere else.

A document is a JSON file read and written through the Store, named without its ".json"
("meetings/0101" is meetings/0101.json); the other files are used directly.

  profile.toml            the office profile, edited by hand (see data/profile.toml)
  meta                    table "store": the format of the database and when it was made
  index/0012              table "meetings": number -> {start, status, items, cases, approved}
                          of meetings 1200–1299; small summaries only (an index written before
                          items were counted lacks them), kept by the hundred so that adding a
                          meeting costs the same at meeting 1,200 as at meeting 60
  index                   the whole index in one document, as written before it was kept by the
                          hundred: read as it is, and moved into index/ by the next commit that
                          writes to the index (see tui.storage.index_rows)
  meetings/0101           table "meeting": the whole meeting; table "cases": the cases it touched;
                          table "log": its newest changes, in order (who, when, what, undo)
  logs/0101/000001        older changes of meeting 101, from change 1 on, a run at a time
  cases/open              tables "internal", "mayor", "council": open cases by number
  cases/closed/0100       closed cases whose number // 100 is 100 (an internal case's origin)
  cases/earlier/0012      the events of meetings 1200–1299 of cases open after them (an open
                          case's row keeps its newest hundred's; see tui.storage.case_rows)
  sessions/USER           table "state": where each user left off in the app
  holds/0101.lock         who is typing in meeting 101 now (an flock, see tui.storage.hold)
  holds/0101.takeover     who asked that holder to let go of it
  search.sqlite           the search index, derived from the documents (see tui.search)
  search.lock             one process at a time brings the search index up to date
  .lock                   the database's lock: shared to read, exclusive to commit
  journal.json            a commit under way, finished by whoever opens the database next
"""

from __future__ import annotations

# -- documents ------------------------------------------------------------------

META = "meta"
INDEX = "index"  # the folder of the index, a document per hundred meetings
WHOLE_INDEX = "index"  # the index in one document, as written before (read, then moved)
LOG_TABLE = "log"  # of a meeting's document: its changes, committed with them
MEETINGS = "meetings"  # a folder of documents, one a meeting
CASES = "cases"  # the folder of the open cases' document
OPEN_CASES = f"{CASES}/open"
CLOSED_CASES = f"{CASES}/closed"  # a folder of documents, one per hundred case numbers
EARLIER_CASES = f"{CASES}/earlier"  # a folder of documents, one per hundred meetings
# A case document's tables, one a kind: the model's CaseKind values (tests hold them equal),
# for the readers of plain JSON (the search, the register listed plainly).
CASE_KINDS = ("internal", "mayor", "council")
CASE_FOLDERS = (
    CASES,
    CLOSED_CASES,
    EARLIER_CASES,
)  # every document holding cases is directly in one
# In an open case's row: the hundreds of meetings whose events it keeps in cases/earlier,
# and how many events each of them holds (see tui.storage.case_rows).
EARLIER = "earlier"
COUNTS = "earlier_counts"
HUNDRED = 100
SESSIONS = "sessions"
LOGS = "logs"  # a folder a meeting, of documents of its older changes

# -- other files ----------------------------------------------------------------

PROFILE_FILE = "profile.toml"
LOCK_FILE = ".lock"
JOURNAL = "journal"  # journal.json: never a document, though named like one
JOURNAL_FILE = f"{JOURNAL}.json"
HOLDS = "holds"
SEARCH_INDEX_FILE = "search.sqlite"
SEARCH_LOCK_FILE = "search.lock"


def meeting_name(number: int) -> str:
    """Meeting 101's document: "meetings/0101"."""
    return f"{MEETINGS}/{number:04d}"


def meeting_number(name: str) -> int | None:
    """The number of the meeting whose document this is: "meetings/0101" → 101, else None."""
    folder, _, last = name.rpartition("/")
    if folder != MEETINGS or not last.isascii() or not last.isdigit():
        return None
    return int(last)


def index_name(meeting: int) -> str:
    """The index document of meeting 1234 and its hundred: "index/0012"."""
    return f"{INDEX}/{meeting // 100:04d}"


def closed_name(case_number: int) -> str:
    """The document of a closed case: case 10001 is in "cases/closed/0100"."""
    return f"{CLOSED_CASES}/{case_number // 100:04d}"


def earlier_name(meeting: int) -> str:
    """Where open cases keep their events of meeting 1234 and its hundred: "cases/earlier/0012"."""
    return f"{EARLIER_CASES}/{meeting // 100:04d}"


def log_folder(number: int) -> str:
    """The folder of meeting 101's older changes: "logs/0101"."""
    return f"{LOGS}/{number:04d}"


def log_chunk_name(number: int, first: int) -> str:
    """Meeting 101's older changes from change 33 on: "logs/0101/000033"."""
    return f"{log_folder(number)}/{first:06d}"


def log_chunk_start(name: str) -> int | None:
    """The first change in a document of older changes: "logs/0101/000033" → 33."""
    last = name.rpartition("/")[2]
    return int(last) if name.startswith(f"{LOGS}/") and last.isascii() and last.isdigit() else None


def session_name(user: str) -> str:
    """Where a user left off: "sessions/alice" (any other character of the name as _)."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in user) or "user"
    return f"{SESSIONS}/{safe}"


def hold_file(number: int) -> str:
    """The lock of meeting 101's hold, under the database folder: "holds/0101.lock"."""
    return f"{HOLDS}/{number:04d}.lock"


def takeover_file(number: int) -> str:
    """Who asked the holder of meeting 101 to let go: "holds/0101.takeover"."""
    return f"{HOLDS}/{number:04d}.takeover"
