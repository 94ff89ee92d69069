"""The columns of the record tables: a header, how a record is shown in it, its sort key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from desktop.ui.translated import QT_TRANSLATE_NOOP, translate

R = TypeVar("R")
UNKNOWN = QT_TRANSLATE_NOOP("Fields", "unknown")


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its header, how a record is shown, and the service sort key (None: not sortable)."""

    title: str
    text: Callable[[R], str]
    sort_key: str | None = None
    tooltip: Callable[[R], str] | None = None
    numeric: bool = False
    width_chars: int = 12  # a sensible first width, before the user resizes it
    stretch: bool = False  # takes the width the other columns leave
    header_tip: str = ""  # the header's tooltip (default: "Sort by …" or "… (not sortable)")
    sensitive: bool = False  # copied to the clipboard, it is cleared later (desktop/ui/clipboard_guard.py)


def column_title(column: Column[Any]) -> str:
    """The header as shown: class-level titles are marked QT_TRANSLATE_NOOP("Column", …), translated here."""
    return translate("Column", column.title)
