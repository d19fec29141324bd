"""An operation: a small value naming what to change, applied to a Workset.

`apply` changes the workset and returns what was done (with any number it resolved, so
a redo gives the same result) and the operation that undoes it. Text fields are cleaned
when the operation is made, so every entry point stores the same clean text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from tui.dataclass_cache import dataclass
from tui.edits.clean import clean_points, clean_text
from tui.edits.errors import EditError
from tui.edits.said import Said
from tui.edits.workset import Workset
from tui.i18n import _


@dataclass(frozen=True)
class Operation:
    """A named change to a meeting, applied to what is on disk; each kind is one subclass."""

    name: ClassVar[str] = ""
    MULTILINE: ClassVar[frozenset[str]] = frozenset()
    POINTS: ClassVar[frozenset[str]] = frozenset()  # fields holding points (Point objects)
    meeting: int
    # The correction (1-based, in the record's corrections) under which a confirmed
    # record is changed; None for a record not yet confirmed.
    correction: int | None = dataclasses.field(default=None, kw_only=True)
    # Typing into one entry is one change in the log: operations of one group merge.
    group: str = dataclasses.field(default="", kw_only=True)

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            multiline = f.name in self.MULTILINE
            if f.name in self.POINTS:
                object.__setattr__(self, f.name, clean_points(value))
            elif isinstance(value, str) and f.name != "group":
                object.__setattr__(self, f.name, clean_text(value, multiline=multiline))
            elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
                cleaned = [clean_text(v, multiline=multiline) for v in value]
                object.__setattr__(self, f.name, type(value)(cleaned))

    def apply(self, ws: Workset) -> Applied:
        raise NotImplementedError

    def args(self) -> dict[str, Any]:
        """The fields as the log keeps them (dataclasses.asdict's result, without its
        deep copy of each string and number: they are not changed in place)."""
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}

    # The fields naming what is typed into, for operations that typing repeats.
    TYPED: ClassVar[tuple[str, ...]] = ()

    def replaces(self, earlier: Operation) -> bool:
        """True when this operation makes `earlier` (queued, not yet applied) pointless:
        more typing into the same entry, neither of them an undo's checked change."""
        if not self.TYPED or type(earlier) is not type(self):
            return False
        if getattr(earlier, "expect", None) is not None or getattr(self, "expect", None):
            return False
        return all(getattr(earlier, f) == getattr(self, f) for f in ("meeting", *self.TYPED))


@dataclass(frozen=True)
class Applied:
    """What an operation did: itself as applied, its inverse (None: it cannot be undone),
    and one line saying what changed."""

    done: Operation
    undo: Operation | None
    summary: Said
    changed: bool = True


def nothing(op: Operation) -> Applied:
    return Applied(op, None, Said(""), changed=False)


OPERATIONS: dict[str, type[Operation]] = {}
OpType = TypeVar("OpType", bound=type[Operation])


def operation(name: str) -> Callable[[OpType], OpType]:
    def register(cls: OpType) -> OpType:
        cls.name = name
        OPERATIONS[name] = cls
        return cls

    return register


def from_record(name: str, args: dict[str, Any]) -> Operation:
    """The operation a log entry names."""
    cls = OPERATIONS.get(name)
    if cls is None:
        import tui.edits.ops  # noqa: F401  (registers every operation, for a log of any)

        cls = OPERATIONS.get(name)
    if cls is None:
        raise EditError(_("unknown operation {name!r} in the log").format(name=name))
    try:
        return cls(**args)
    except TypeError as error:
        raise EditError(
            _("operation {name!r} in the log: {error}").format(name=name, error=error)
        ) from None


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return value
