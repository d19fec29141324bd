"""The layers' import contract, read from the source of every module under tui/.

Every import counts wherever it is written: at the top, inside a function, under
TYPE_CHECKING, or as importlib.import_module("…") / __import__("…") with a literal name
(of an f-string, its literal start). Running nothing, it sees what a test run may not reach.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tui"

# The modules of tui.cli that start the app, the only ones that may import it: `agenda`
# alone and `agenda demo` (main._app). `agenda serve` starts `python -m tui` in a process of
# its own for each browser, and imports nothing of the app.
APP_LAUNCHERS = {"tui.cli.main"}


@dataclass(frozen=True)
class Rule:
    layer: str  # the package the rule is for
    forbidden: tuple[str, ...]  # packages it may not import
    only_tui: tuple[str, ...] = ()  # when given: the only packages of tui it may import
    allowed_in: frozenset[str] = frozenset()  # modules of the layer exempt from the rule

    def broken_by(self, imported: str) -> bool:
        if any(_within(imported, name) for name in self.forbidden):
            return True
        if self.only_tui and _within(imported, "tui"):
            return not any(_within(imported, name) for name in self.only_tui)
        return False

    def says(self) -> str:
        what = ", ".join(self.forbidden)
        if self.only_tui:
            what += f", nor any of tui but {', '.join(self.only_tui)}"
        return f"{self.layer} imports nothing of {what}"


RULES = (
    Rule(
        "tui.domain",
        ("textual", "tinydb", "rich", "jinja2"),
        only_tui=("tui.domain", "tui.i18n", "tui.dataclass_cache"),
    ),
    Rule("tui.storage", ("textual", "rich", "tui.app", "tui.cli")),
    Rule("tui.edits", ("textual", "tinydb", "rich", "tui.app", "tui.cli")),
    Rule("tui.cli", ("tui.app",), allowed_in=frozenset(APP_LAUNCHERS)),
    Rule("tui.search", ("textual",)),
    Rule("tui.mail", ("textual", "tinydb", "rich", "tui.app", "tui.cli")),
)


@dataclass(frozen=True)
class Import:
    line: int
    module: str


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(source: str, module: str, is_package: bool = False) -> list[Import]:
    """Each module the source imports, by line."""
    package = module if is_package else module.rpartition(".")[0]
    found: list[Import] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend(Import(node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            # `from a import b` imports a.b, or b of a: a.b stands for both.
            base = _absolute(node.module or "", node.level, package)
            names = [alias.name for alias in node.names]
            found.extend(Import(node.lineno, base if n == "*" else f"{base}.{n}") for n in names)
        elif isinstance(node, ast.Call) and (name := _imported_by_call(node)):
            relative = name.lstrip(".")
            level = len(name) - len(relative)
            found.append(Import(node.lineno, _absolute(relative, level, package)))
    return sorted(found, key=lambda i: i.line)


def _absolute(name: str, level: int, package: str) -> str:
    if level == 0:
        return name
    parts = package.split(".")
    base = parts[: len(parts) - (level - 1)]
    return ".".join([*base, name] if name else base)


def _imported_by_call(call: ast.Call) -> str | None:
    """The literal name given to importlib.import_module() or __import__(), if any."""
    func = call.func
    called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if called not in ("import_module", "__import__") or not call.args:
        return None
    first = call.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    if (
        isinstance(first, ast.JoinedStr)
        and first.values
        and isinstance(start := first.values[0], ast.Constant)
        and isinstance(start.value, str)
    ):
        # f"tui.cli.{name}": some module under tui.cli, at least.
        known = start.value.rpartition(".")[0]
        return known or None
    return None


def violations() -> list[str]:
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        rules = [r for r in RULES if _within(module, r.layer) and module not in r.allowed_in]
        if not rules:
            continue
        source = path.read_text(encoding="utf-8")
        for imported in imports_of(source, module, path.name == "__init__.py"):
            for rule in rules:
                if rule.broken_by(imported.module):
                    where = f"{path.relative_to(ROOT)}:{imported.line}"
                    found.append(f"{where}: imports {imported.module} ({rule.says()})")
    return found


def test_every_layer_imports_only_what_it_may() -> None:
    found = violations()
    assert not found, "forbidden imports:\n" + "\n".join(found)


def test_the_layers_are_where_the_rules_look() -> None:
    for rule in RULES:
        folder = PACKAGE.joinpath(*rule.layer.split(".")[1:])
        if rule.layer == "tui.edits" and not folder.exists():
            continue  # the edit service may not be there yet; when it is, it is checked
        assert any(folder.rglob("*.py")), f"no modules in {folder}"
    for launcher in APP_LAUNCHERS:
        path = ROOT.joinpath(*launcher.split(".")).with_suffix(".py")
        imported = {i.module for i in imports_of(path.read_text("utf-8"), launcher)}
        assert any(_within(m, "tui.app") for m in imported), f"{launcher} starts no app"


def test_the_catalogs_import_nothing_of_tui() -> None:
    """tui.i18n is a leaf: every layer, the domain too, may ask it for its words."""
    path = PACKAGE / "i18n.py"
    imported = [i.module for i in imports_of(path.read_text("utf-8"), "tui.i18n")]
    assert imported, "tui/i18n.py imports nothing at all: is it still the catalogs?"
    assert not [m for m in imported if _within(m, "tui")], imported


HIDDEN = """
import os
from . import model
from ..storage import repository


def later():
    import textual.widgets
    from tui.app.hold import MeetingHold
    if True:
        __import__("rich.text")
    return importlib.import_module("tinydb")


def dynamic(name):
    return importlib.import_module(f"tui.app.screens.{name}"), import_module(name)
"""


def test_imports_inside_functions_and_by_name_are_seen() -> None:
    found = [(i.line, i.module) for i in imports_of(HIDDEN, "tui.domain.sample")]
    assert found == [
        (2, "os"),
        (3, "tui.domain.model"),
        (4, "tui.storage.repository"),
        (8, "textual.widgets"),
        (9, "tui.app.hold.MeetingHold"),
        (11, "rich.text"),
        (12, "tinydb"),
        (16, "tui.app.screens"),
    ]
    domain = RULES[0]
    broken = sorted({module for _, module in found if domain.broken_by(module)})
    assert broken == [
        "rich.text",
        "textual.widgets",
        "tinydb",
        "tui.app.hold.MeetingHold",
        "tui.app.screens",
        "tui.storage.repository",
    ]
