"""dataclasses and pathlib, imported through agenda, load inspect, copy and urllib.parse only
when they use them (issue 18), and do everything they did."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

CHECKS = """
import sys
from types import ModuleType
import tui
import dataclasses, pathlib
for name in ("inspect", "copy", "urllib.parse", "ipaddress", "ast"):
    assert name not in sys.modules, name
assert not any(type(f).__name__ == "_Finder" or f.__name__ == "_Finder"
               for f in sys.meta_path if hasattr(f, "__name__")), sys.meta_path

@dataclasses.dataclass
class Undocumented:
    number: int
    names: list[str]

assert Undocumented.__doc__ == "Undocumented(number: int, names: list[str])", Undocumented.__doc__
names = ["a"]
kept = dataclasses.asdict(Undocumented(1, names))
assert kept == {"number": 1, "names": ["a"]} and kept["names"] is not names
assert pathlib.PurePosixPath("/a b/會議").as_uri() == "file:///a%20b/%E6%9C%83%E8%AD%B0"
import inspect, copy, urllib.parse
for module in (inspect, copy, urllib.parse):
    assert type(module) is ModuleType and sys.modules[module.__name__] is module
assert inspect.signature(Undocumented) is not None
assert dataclasses.inspect.signature is inspect.signature
print("ok")
"""


def run(script: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_modules_are_loaded_on_first_use_and_do_all_they_did() -> None:
    assert run(CHECKS) == "ok\n"


def test_a_module_imported_before_agenda_is_the_real_one_throughout() -> None:
    script = (
        "import sys, dataclasses, pathlib, tui\n"
        "assert 'inspect' in sys.modules and 'urllib.parse' in sys.modules\n"
        "assert dataclasses.inspect is sys.modules['inspect']\n"
        "print(len(sys.meta_path))\n"
    )
    plain = run("import sys, dataclasses, pathlib\nprint(len(sys.meta_path))\n")
    assert run(script) == plain  # nothing installed


def test_a_module_importing_them_after_gets_the_real_ones() -> None:
    script = (
        "import sys, tui\n"
        "import pathlib\n"
        "import urllib.parse\n"
        "assert urllib.parse.urlsplit('http://x/y').path == '/y'\n"
        "import dataclasses, copy\n"
        "assert copy.deepcopy([1]) == [1] and 'deepcopy' in vars(copy)\n"
        "assert sys.modules['copy'] is copy and type(copy).__name__ == 'module'\n"
        "print('ok')\n"
    )
    assert run(script) == "ok\n"


def test_once_used_dataclasses_holds_the_real_module_and_sees_it_patched() -> None:
    script = (
        "import tui, dataclasses, sys\n"
        "@dataclasses.dataclass\n"
        "class Kept:\n"
        "    x: list\n"
        "dataclasses.asdict(Kept([1]))  # copy loaded\n"
        "import copy\n"
        "assert dataclasses.copy is copy is sys.modules['copy']\n"
        "copy.deepcopy = lambda value, memo=None: ('patched', value)\n"
        "print(dataclasses.asdict(Kept([1])))\n"
    )
    assert run(script) == "{'x': [('patched', 1)]}\n"
