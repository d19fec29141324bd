"""A tracked case's older events, not read until the domain asks for them (see
tui.domain.case_history and tui.storage.case_rows)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.dataclass_cache import dataclass, field

if TYPE_CHECKING:
    from tui.domain.model import CaseEvent


@dataclass
class UnreadEvents:
    """A case's events of meetings start to end - 1, `count` of them, not read yet: they are
    older than every event read, and none is a release (only an open case is read in part)."""

    start: int
    end: int
    count: int
    read: Callable[[], list[CaseEvent]] = field(repr=False, compare=False)
