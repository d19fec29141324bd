"""agenda: prepare, record and circulate an office's monthly meeting."""

__version__ = "0.1.0"
