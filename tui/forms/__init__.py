"""Forms out, answers in: each unit's form for a meeting, and who has answered.

Textual-free: the CLI, the app and the reminders all call these."""

from __future__ import annotations

from tui.forms.content import missing, units_with_open_cases
from tui.forms.writer import FORMATS, unit_form

__all__ = ["FORMATS", "missing", "unit_form", "units_with_open_cases"]
