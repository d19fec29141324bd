"""The screen's keys on one line at the bottom.

Textual's Footer mounts a widget per key and mounts them all afresh whenever the bindings
change (on every focus change, and in the editor on every move of the highlight): about
7 ms each time, and the largest single cost of the first paint. This bar draws the same
keys as one line of text and redraws only when what it shows has changed.

The keys come in the screen's binding order, most needed first (the editor's live-meeting
keys lead). When the line is wider than the terminal, the keys at the end leave it first,
whole: a label is never cut, wide (CJK) characters counted as two columns. `?` stays, for
it lists every key.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import RenderResult
from textual.binding import ActiveBinding
from textual.screen import Screen
from textual.widget import Widget

from tui.dataclass_cache import dataclass
from tui.i18n import N_, _

# Textual's own descriptions the bar shows, here so that the catalogs hold them.
TEXTUAL_WORDS = (N_("palette"),)


@dataclass(frozen=True)
class Key:
    """One key the bar shows, and what it does."""

    key: str  # what simulate_key presses
    shown: str  # how the key is written, such as ^p
    description: str
    tooltip: str
    enabled: bool
    rank: int = 0  # the highest leaves the line first when it is too wide; -1 never leaves

    @property
    def cells(self) -> int:
        return cell_len(f" {self.shown} {self.description} ")


def fitting(keys: tuple[Key, ...], width: int) -> tuple[Key, ...]:
    """The keys that fit in `width` columns, the least important left out first."""
    kept = list(keys)
    while kept and sum(key.cells for key in kept) > width:
        dropped = max(kept, key=lambda key: key.rank)
        if dropped.rank < 0:
            break
        kept.remove(dropped)
    return tuple(kept)


class KeyBar(Widget):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"keybar--key", "keybar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keybar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__()
        self.show_command_palette = show_command_palette
        self._keys: tuple[Key, ...] = ()
        self._spans: list[tuple[int, int, Key]] = []  # columns each key takes

    def on_mount(self) -> None:
        # The screen publishes its bindings once its widgets are mounted, then on every change.
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        keys = self._active_keys(screen)
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    def _active_keys(self, screen: Screen[object]) -> tuple[Key, ...]:
        """One key per action, in binding order, as Textual's Footer shows them."""
        palette = self.app.COMMAND_PALETTE_BINDING
        seen: dict[str, Key] = {}
        last: Key | None = None
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if key == palette and self.app.ENABLE_COMMAND_PALETTE:
                if self.show_command_palette:
                    last = self._key(binding.key, active, 10_000)
                continue
            if binding.show and binding.action not in seen:
                rank = -1 if active.node is self.app else len(seen)
                seen[binding.action] = self._key(binding.key, active, rank)
        return (*seen.values(), *([last] if last else []))

    def _key(self, key: str, active: ActiveBinding, rank: int) -> Key:
        binding = active.binding
        return Key(
            key,
            self.app.get_key_display(binding),
            _(binding.description),
            _(active.tooltip or binding.tooltip or binding.description),
            active.enabled,
            rank,
        )

    def render(self) -> RenderResult:
        key_style = self.get_component_rich_style("keybar--key")
        description_style = self.get_component_rich_style("keybar--description")
        line = Text(no_wrap=True, overflow="crop", end="")
        self._spans = []
        if getattr(self.app, "disk_trouble", ""):
            line.append(_(" Not saved: retrying "), "bold white on red")
        for key in fitting(self._keys, self.size.width - line.cell_len):
            start = line.cell_len
            line.append(f" {key.shown} ", key_style)
            line.append(f"{key.description} ", description_style)
            if not key.enabled:
                line.stylize("dim", start)
            self._spans.append((start, line.cell_len, key))
        return line

    def _key_at(self, x: int) -> Key | None:
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event.x)
        self.tooltip = key.tooltip if key else None

    def on_click(self, event: events.Click) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
