"""The domain is plain Python: importing all of it loads neither Textual nor TinyDB."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tui.domain


def test_domain_imports_neither_textual_nor_tinydb() -> None:
    modules = [f"tui.domain.{m.name}" for m in pkgutil.iter_modules(tui.domain.__path__)]
    assert len(modules) >= 5
    script = "\n".join(
        [
            "import sys",
            *[f"import {name}" for name in modules],
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb'))",
            "print(','.join(bad))",
        ]
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
