"""Help › Keyboard shortcuts: every registered action of the window that has a shortcut, read from its registry."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.translated import QT_TRANSLATE_NOOP, translate
from desktop.ui.window_actions import SPECS, ActionRegistry, WindowAction

IN_A_TABLE = QT_TRANSLATE_NOOP("ShortcutsDialog", " (in a table)")


def action_label(action: QAction) -> str:
    """An action's text as a list shows it: without the "&" of its accelerator and the "…" of a dialog."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")


def shortcut_text(action: QAction) -> str:
    """The action's shortcuts in the platform's own words ("Ctrl+N"; several joined by ", ")."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(key.toString(native) for key in action.shortcuts() if not key.isEmpty())


def shortcut_rows(registry: ActionRegistry) -> list[tuple[str, str]]:
    """(action, shortcuts) for every registered action with a shortcut, in the registry's order; Enter and Del,
    which act only while a table has the focus, say so."""
    rows = []
    for key in registry:
        action = registry[key]
        keys = shortcut_text(action)
        if keys:
            where = translate("ShortcutsDialog", IN_A_TABLE) if _table_only(key) else ""
            rows.append((action_label(action), keys + where))
    return rows


def _table_only(key: WindowAction) -> bool:
    spec = SPECS.get(key)
    return spec is not None and spec.table_only


class ShortcutsDialog(QDialog):
    """A read-only table of the window's keyboard shortcuts."""

    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts — Incident Logger"))
        rows = shortcut_rows(registry)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcuts_table")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(460, 520)

    def rows(self) -> list[tuple[str, str]]:
        """What the table shows, row by row."""
        return [(self._cell(r, 0), self._cell(r, 1)) for r in range(self.table.rowCount())]

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
