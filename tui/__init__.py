"""agenda: prepare, record and circulate an office's monthly meeting."""

from tui import deferred

deferred.install()  # before any of agenda's modules imports dataclasses or pathlib

__version__ = "0.1.0"
