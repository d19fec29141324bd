"""The one way to change a meeting: named operations applied to what is stored now.

Every change — typed in the app, given to a command, read from a unit's form — is an
Operation. `EditService.apply` runs it on the stored state inside one transaction under
the lock, appends it to the meeting's log (who, when, what, and how to undo it) and
commits both together. The app also runs the same operations on its own copy to show a
change at once; the stored result is what it shows next.

An operation registers its name when its module is imported: a command imports only
the operations it makes, and reading a log entry of another kind imports them all.
"""

from tui.edits.errors import ConflictError, EditError
from tui.edits.operation import Applied, Operation, from_record
from tui.edits.service import Done, EditService, LogLine

__all__ = [
    "Applied",
    "ConflictError",
    "Done",
    "EditError",
    "EditService",
    "LogLine",
    "Operation",
    "from_record",
]
