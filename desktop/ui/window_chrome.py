"""The main window's menus, toolbar and status bar, laid out from the action registry (like Designer's setupUi)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QToolBar, QWidget

from desktop.ui.translated import QT_TRANSLATE_NOOP, translate
from desktop.ui.window_actions import ActionRegistry, WindowAction

A = WindowAction
SEPARATOR = None
RECENT = "recent"  # where the File menu holds its "Open recent" submenu
THEME = "theme"  # where the View menu holds its "Theme" submenu
Layout = tuple[WindowAction | str | None, ...]

MENUS: dict[str, Layout] = {
    "file": (A.NEW_DATABASE, A.OPEN_DATABASE, A.OPEN_SERVER, RECENT, SEPARATOR, A.SYNCHRONIZE, SEPARATOR, A.IMPORT_CSV,
             A.EXPORT_CSV, A.EXPORT_BRIEFING, A.EXPORT_EVIDENCE, SEPARATOR, A.BACKUP, A.RESTORE, A.CHECK_DATABASE,
             SEPARATOR, A.QUIT),
    "edit": (A.UNDO, A.REDO, SEPARATOR, A.COPY, A.CLEAR_SENSITIVE_COPIES, SEPARATOR, A.NEW, A.EDIT, A.DELETE,
             SEPARATOR, A.FIND, A.CLEAR_FILTERS),
    "view": (A.SHOW_INCIDENTS, A.SHOW_FACILITIES, A.SHOW_PLAN_ITEMS, A.SHOW_DIRECTIVES, SEPARATOR, A.REFRESH,
             A.RESET_COLUMNS, SEPARATOR, THEME),
    "records": (A.NEW_INCIDENT, A.NEW_FACILITY, A.NEW_PLAN_ITEM, A.NEW_DIRECTIVE, SEPARATOR, A.FACILITY_INCIDENTS,
                A.INCIDENT_PLAN_ITEMS, A.DIRECTIVE_PLAN_ITEMS, SEPARATOR, A.HISTORY),
    "help": (A.USER_GUIDE, A.SHORTCUTS, SEPARATOR, A.ABOUT, A.ABOUT_QT),
}  # fmt: skip
TITLES = {"file": QT_TRANSLATE_NOOP("Menu", "&File"), "edit": QT_TRANSLATE_NOOP("Menu", "&Edit"),
          "view": QT_TRANSLATE_NOOP("Menu", "&View"), "records": QT_TRANSLATE_NOOP("Menu", "&Records"),
          "help": QT_TRANSLATE_NOOP("Menu", "&Help")}  # fmt: skip
TOOLBAR: Layout = (A.NEW, A.EDIT, A.DELETE, SEPARATOR, A.UNDO, A.REDO, SEPARATOR, A.FIND, SEPARATOR, A.IMPORT_CSV,
                   A.EXPORT_CSV)  # fmt: skip
CONTEXT_MENU: Layout = (A.NEW, A.EDIT, A.DELETE)


def fill(target: QMenu | QToolBar, layout: Layout, actions: ActionRegistry, submenus: dict[str, QMenu]) -> None:
    """Add the registered actions of `layout` in order; separators only between groups that have actions."""
    pending_separator = False
    for item in layout:
        if item is SEPARATOR:
            pending_separator = True
            continue
        if item not in (actions if isinstance(item, WindowAction) else submenus):
            continue  # a feature that is not installed
        if pending_separator and target.actions():
            target.addSeparator()
        pending_separator = False
        if isinstance(item, WindowAction):
            target.addAction(actions[item])
        elif isinstance(target, QMenu):
            target.addMenu(submenus[item])


def build_menus(window: QMainWindow, registry: ActionRegistry, recent_menu: QMenu,
                theme_menu: QMenu | None = None) -> dict[str, QMenu]:  # fmt: skip
    """The menu bar from MENUS; returns the menus by name (the toolbar's toggle goes into View)."""
    submenus = {RECENT: recent_menu} | ({THEME: theme_menu} if theme_menu is not None else {})
    bar = window.menuBar()
    menus: dict[str, QMenu] = {}
    for name, layout in MENUS.items():
        menu = bar.addMenu(translate("Menu", TITLES[name]))
        menu.setObjectName(f"{name}_menu")
        fill(menu, layout, registry, submenus)
        menus[name] = menu
    return menus


def build_toolbar(window: QMainWindow, registry: ActionRegistry, view_menu: QMenu) -> QToolBar:
    toolbar = QToolBar(translate("Menu", "Main toolbar"), window)
    toolbar.setObjectName("main_toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setMovable(False)
    fill(toolbar, TOOLBAR, registry, {})
    window.addToolBar(toolbar)
    view_menu.addSeparator()
    view_menu.addAction(toolbar.toggleViewAction())
    return toolbar


def context_menu(parent: QWidget, actions: ActionRegistry, *extra: WindowAction) -> QMenu:
    menu = QMenu(parent)
    fill(menu, (*CONTEXT_MENU, *extra), actions, {})
    return menu


def status_label(window: QMainWindow, name: str) -> QLabel:
    label = QLabel(window)
    label.setObjectName(name)
    label.setContentsMargins(8, 0, 8, 0)
    window.statusBar().addPermanentWidget(label)
    return label
