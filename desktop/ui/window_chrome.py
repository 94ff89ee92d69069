"""The main window's actions, menus, toolbar and status bar, built onto a MainWindow (like Designer's setupUi)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QToolBar

from desktop.domain.kinds import RecordKind
from desktop.ui.icons import action_icon

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def make_action(window: MainWindow, name: str, text: str, slot: Callable[[], Any], shortcut: Any = None, *,
            icon: str | None = None, tip: str = "") -> QAction:  # fmt: skip
    action = QAction(text, window)
    action.setObjectName(f"{name}_action")
    if shortcut is not None:
        action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
    if icon:
        action.setIcon(action_icon(icon))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


def build_actions(window: MainWindow) -> None:
    std = QKeySequence.StandardKey
    window.new_database_action = make_action(
        window,
        "new_database",
        "&New database…",
        window.new_database_file,
        icon="new_database",
        tip="Create an empty database file and open it",
    )
    window.open_database_action = make_action(
        window,
        "open_database",
        "&Open database…",
        window.open_database_file,
        std.Open,
        icon="open",
        tip="Open another database file",
    )
    window.quit_action = make_action(window, "quit", "&Quit", window.close, std.Quit, icon="quit")
    window.undo_action = window.undo_stack.createUndoAction(window, "&Undo")
    window.undo_action.setObjectName("undo_action")
    window.undo_action.setShortcuts([QKeySequence(std.Undo)])
    window.undo_action.setIcon(action_icon("undo"))
    window.redo_action = window.undo_stack.createRedoAction(window, "&Redo")
    window.redo_action.setObjectName("redo_action")
    window.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    window.redo_action.setIcon(action_icon("redo"))
    window.addActions([window.undo_action, window.redo_action])
    window.new_action = make_action(
        window, "new", "&New…", window.new_record, std.New, icon="new", tip="Add a record to the current tab (Ctrl+N)"
    )
    window.edit_action = make_action(
        window,
        "edit",
        "&Edit…",
        window.edit_record,
        [QKeySequence("Return"), QKeySequence("Enter")],
        icon="edit",
        tip="Edit the selected record (Enter or double-click)",
    )
    window.delete_action = make_action(
        window,
        "delete",
        "&Delete…",
        window.delete_record,
        std.Delete,
        icon="delete",
        tip="Delete the selected record (Del)",
    )
    for action in (window.edit_action, window.delete_action):  # only while a table has the focus
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        window.removeAction(action)
        for tab in window.record_tabs.values():
            tab.table.addAction(action)
    window.find_action = make_action(
        window, "find", "&Find…", window.focus_search, std.Find, icon="find", tip="Search the current tab (Ctrl+F)"
    )
    window.clear_filters_action = make_action(
        window,
        "clear_filters",
        "&Clear filters",
        window.clear_filters,
        "Ctrl+Shift+L",
        tip="Show all records of the current tab",
    )
    window.refresh_action = make_action(
        window,
        "refresh",
        "&Reload",
        window.refresh_all,
        std.Refresh,
        icon="refresh",
        tip="Read the records again from the database",
    )
    window.reset_columns_action = make_action(
        window,
        "reset_columns",
        "Reset &columns",
        window.reset_columns,
        tip="Default widths and order for the columns of this tab",
    )
    window.new_facility_action = make_action(
        window, "new_facility", "New &facility…", lambda: window.new_record(RecordKind.FACILITY)
    )
    window.new_incident_action = make_action(
        window, "new_incident", "New &incident…", lambda: window.new_record(RecordKind.INCIDENT)
    )
    window.new_plan_item_action = make_action(
        window, "new_plan_item", "New &plan item…", lambda: window.new_record(RecordKind.PLAN_ITEM)
    )
    window.facility_incidents_action = make_action(
        window,
        "facility_incidents",
        "Incidents at this &facility",
        window.show_facility_incidents,
        tip="Show the incidents at the selected facility",
    )
    window.incident_plan_items_action = make_action(
        window,
        "incident_plan_items",
        "Plan items for this i&ncident",
        window.show_incident_plan_items,
        tip="Show the plan items linked to the selected incident",
    )
    window.about_action = make_action(window, "about", "&About Incident Logger", window.show_about, icon="about")
    window.about_qt_action = make_action(window, "about_qt", "About &Qt", QApplication.aboutQt)
    window.tab_actions = []
    for number, (key, tab) in enumerate(window.record_tabs.items(), start=1):
        title = tab.title.replace("&", "")
        window.tab_actions.append(make_action(window, f"show_{key}", title, partial(window.show_tab, key),
                                              f"Ctrl+{number}", tip=f"Show the {title.lower()} tab"))  # fmt: skip


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    window.file_menu = bar.addMenu("&File")
    window.file_menu.addActions([window.new_database_action, window.open_database_action])
    window.recent_menu = window.file_menu.addMenu("Open &recent")
    window.recent_menu.aboutToShow.connect(window.fill_recent_menu)
    window.file_menu.addSeparator()
    window.file_end = window.file_menu.addSeparator()  # others insert their actions before this
    window.file_menu.addAction(window.quit_action)
    window.edit_menu = bar.addMenu("&Edit")
    window.edit_menu.addActions([window.undo_action, window.redo_action])
    window.edit_menu.addSeparator()
    window.edit_menu.addActions([window.new_action, window.edit_action, window.delete_action])
    window.edit_menu.addSeparator()
    window.edit_menu.addActions([window.find_action, window.clear_filters_action])
    window.view_menu = bar.addMenu("&View")
    window.view_menu.addActions(window.tab_actions)
    window.view_menu.addSeparator()
    window.view_menu.addActions([window.refresh_action, window.reset_columns_action])
    window.records_menu = bar.addMenu("&Records")
    window.records_menu.addActions(
        [window.new_incident_action, window.new_facility_action, window.new_plan_item_action]
    )
    window.records_menu.addSeparator()
    window.records_menu.addActions([window.facility_incidents_action, window.incident_plan_items_action])
    window.help_menu = bar.addMenu("&Help")
    window.help_menu.addActions([window.about_action, window.about_qt_action])


def build_toolbar(window: MainWindow) -> None:
    window.toolbar = QToolBar("Main toolbar", window)
    window.toolbar.setObjectName("main_toolbar")
    window.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    window.toolbar.setMovable(False)
    window.toolbar.addActions([window.new_action, window.edit_action, window.delete_action])
    window.toolbar.addSeparator()
    window.toolbar.addActions([window.undo_action, window.redo_action])
    window.toolbar.addSeparator()
    window.toolbar.addAction(window.find_action)
    window.addToolBar(window.toolbar)
    window.view_menu.addSeparator()
    window.view_menu.addAction(window.toolbar.toggleViewAction())


def build_status_bar(window: MainWindow) -> None:
    status = window.statusBar()
    window.counts_label = QLabel(window)
    window.counts_label.setObjectName("counts_label")
    window.deadlines_label = QLabel(window)
    window.deadlines_label.setObjectName("deadlines_label")
    window.database_label = QLabel(window)
    window.database_label.setObjectName("database_label")
    window.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    for label in (window.counts_label, window.deadlines_label, window.database_label):
        label.setContentsMargins(8, 0, 8, 0)
        status.addPermanentWidget(label)
