"""Who presents a temporary motion (臨時動議) or a report, and how: typed as the record writes
it (總務組王組長口頭報告：…) and read into its parts."""

from __future__ import annotations

from tui.dataclass_cache import dataclass

ORAL = "口頭報告"
# The kinds a report or a motion is given as; the first is a report's usual kind.
REPORT_KINDS = ("補充報告", "口頭報告", "書面報告")
MOTION_KINDS = (ORAL, "書面報告", "補充報告")
_COLONS = "：:"


@dataclass(frozen=True)
class Presenter:
    """Who moved a temporary motion, read from the words typed before the colon."""

    name: str  # 總務組王組長
    kind: str  # 口頭報告, or "" when none was typed
    text: str = ""  # what followed a colon: the motion's words


def read_presenter(typed: str, kinds: tuple[str, ...] = MOTION_KINDS) -> Presenter:
    """「總務組王組長口頭報告：薪資單…」 as its name, its kind and the words after the colon;
    a name typed alone stays as it is, with no kind."""
    name, text = typed.strip(), ""
    for colon in _COLONS:
        if colon in name:
            name, _, text = name.partition(colon)
            break
    name = name.strip()
    for kind in kinds:
        if name.endswith(kind) and len(name) > len(kind):
            return Presenter(name[: -len(kind)].rstrip(), kind, text.strip())
    return Presenter(name, "", text.strip())
