"""Bounds of the profile's numbers, read by the profile's check and by the commands that
read a value alone, without the profile's machinery (the plain case listing reads
schedule.deadline_warning_days, tui.database.warning_days_plainly; `render` checks a
--width), which must agree with it."""

# How many days ahead of a tracked case's deadline the register flags it 將屆.
DEFAULT_WARNING_DAYS = 30
MOST_WARNING_DAYS = 366  # a year ahead, a leap year's
# Text documents are this many columns wide at most (text_width, --width): wider only
# spends memory on padding.
WIDEST_TEXT = 400
