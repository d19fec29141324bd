"""How many days ahead of a tracked case's deadline the register flags it 將屆: the profile's
schedule.deadline_warning_days, read by the profile's check and, alone, by the plain case
listing (tui.database.warning_days_plainly), which must agree."""

DEFAULT_WARNING_DAYS = 30
MOST_WARNING_DAYS = 366  # a year ahead, a leap year's
