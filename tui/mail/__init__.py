"""Mail before and after the meeting: reminders to the units that owe answers, the approved
record circulated. Messages are written as .eml files, or sent through the profile's SMTP
server (tui/mail/smtp.py)."""
