"""The main window's actions: one enum names each, one table describes it, `create_actions` builds the registry."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from desktop.domain.kinds import RecordKind
from desktop.ui.icons import set_action_icon
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate

Std = QKeySequence.StandardKey
Shortcut = str | QKeySequence.StandardKey | tuple[str, ...]


class WindowAction(StrEnum):
    """Every action of the main window; the value is the action's object name without "_action"."""

    NEW_DATABASE = "new_database"
    OPEN_DATABASE = "open_database"
    OPEN_SERVER = "open_server"
    SYNCHRONIZE = "synchronize"
    IMPORT_CSV = "import_csv"
    EXPORT_CSV = "export_csv"
    EXPORT_BRIEFING = "export_briefing"
    EXPORT_EVIDENCE = "export_evidence"
    BACKUP = "backup"
    RESTORE = "restore"
    CHECK_DATABASE = "check_database"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    COPY = "copy"
    CLEAR_SENSITIVE_COPIES = "clear_sensitive_copies"
    NEW = "new"
    EDIT = "edit"
    DELETE = "delete"
    FIND = "find"
    CLEAR_FILTERS = "clear_filters"
    SHOW_INCIDENTS = "show_incidents"
    SHOW_FACILITIES = "show_facilities"
    SHOW_PLAN_ITEMS = "show_plan_items"
    SHOW_DIRECTIVES = "show_directives"
    REFRESH = "refresh"
    RESET_COLUMNS = "reset_columns"
    NEW_INCIDENT = "new_incident"
    NEW_FACILITY = "new_facility"
    NEW_PLAN_ITEM = "new_plan_item"
    NEW_DIRECTIVE = "new_directive"
    FACILITY_INCIDENTS = "facility_incidents"
    INCIDENT_PLAN_ITEMS = "incident_plan_items"
    DIRECTIVE_PLAN_ITEMS = "directive_plan_items"
    HISTORY = "history"
    USER_GUIDE = "user_guide"
    SHORTCUTS = "shortcuts"
    ABOUT = "about"
    ABOUT_QT = "about_qt"

    @property
    def object_name(self) -> str:
        return f"{self.value}_action"

    @classmethod
    def show_tab(cls, kind: RecordKind) -> WindowAction:
        return cls(f"show_{kind.table}")

    @classmethod
    def new_record(cls, kind: RecordKind) -> WindowAction:
        return cls(f"new_{kind.value}")


class WindowCommands(Protocol):
    """What the window's own actions call (MainWindow provides it)."""

    def new_database_file(self) -> bool: ...
    def open_database_file(self) -> bool: ...
    def open_server_database(self) -> bool: ...
    def close(self) -> bool: ...
    def new_record(self, kind: RecordKind | None = None) -> str | None: ...
    def edit_record(self) -> None: ...
    def delete_record(self) -> None: ...
    def focus_search(self) -> None: ...
    def clear_filters(self) -> None: ...
    def show_tab(self, key: str) -> None: ...
    def refresh_all(self) -> None: ...
    def reset_columns(self) -> None: ...
    def show_facility_incidents(self) -> None: ...
    def show_incident_plan_items(self) -> None: ...
    def show_directive_plan_items(self) -> None: ...
    def show_user_guide(self) -> None: ...
    def show_shortcuts(self) -> None: ...
    def show_about(self) -> None: ...


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """What an action says and does; `slot` picks the window's method to call."""

    text: str
    slot: Callable[[WindowCommands], Callable[[], object]]
    shortcut: Shortcut | None = None
    icon: str | None = None
    tip: str = ""
    table_only: bool = False  # Enter and Del act only while a table has the focus


def _tab_spec(kind: RecordKind, number: int, text: str, tip: str) -> ActionSpec:
    return ActionSpec(text, lambda w: lambda: w.show_tab(kind.table), f"Ctrl+{number}", tip=tip)


def _new_spec(kind: RecordKind, text: str) -> ActionSpec:
    return ActionSpec(text, lambda w: lambda: w.new_record(kind))


SPECS: dict[WindowAction, ActionSpec] = {
    WindowAction.NEW_DATABASE: ActionSpec(
        QT_TRANSLATE_NOOP("WindowAction", "&New database…"),
        lambda w: w.new_database_file,
        icon="new_database",
        tip=QT_TRANSLATE_NOOP("WindowAction", "Create an empty database file and open it"),
    ),
    WindowAction.OPEN_DATABASE: ActionSpec(
        QT_TRANSLATE_NOOP("WindowAction", "&Open database…"),
        lambda w: w.open_database_file,
        Std.Open,
        "open",
        QT_TRANSLATE_NOOP("WindowAction", "Open another database file"),
    ),
    WindowAction.OPEN_SERVER: ActionSpec(
        QT_TRANSLATE_NOOP("WindowAction", "Open ser&ver database…"),
        lambda w: w.open_server_database,
        tip=QT_TRANSLATE_NOOP("WindowAction", "Work on a team's database on a PostgreSQL server"),
    ),
    WindowAction.QUIT: ActionSpec(QT_TRANSLATE_NOOP("WindowAction", "&Quit"), lambda w: w.close, Std.Quit, "quit"),
    WindowAction.NEW: ActionSpec(
        QT_TRANSLATE_NOOP("WindowAction", "&New…"),
        lambda w: w.new_record,
        Std.New,
        "new",
        QT_TRANSLATE_NOOP("WindowAction", "Add a record to the current tab (Ctrl+N)"),
    ),
    WindowAction.EDIT: ActionSpec(
        QT_TRANSLATE_NOOP("WindowAction", "&Edit…"),
        lambda w: w.edit_record,
        ("Return", "Enter"),
        "edit",
        QT_TRANSLATE_NOOP("WindowAction", "Edit the selected record (Enter or double-click)"),
        table_only=True,
    ),
    WindowAction.DELETE: ActionSpec(
        QT_TRANSLATE_NOOP("WindowAction", "&Delete…"),
        lambda w: w.delete_record,
        Std.Delete,
        "delete",
        QT_TRANSLATE_NOOP("WindowAction", "Delete the selected record (Del)"),
        table_only=True,
    ),
    WindowAction.FIND: ActionSpec(
        QT_TRANSLATE_NOOP("WindowAction", "&Find…"),
        lambda w: w.focus_search,
        Std.Find,
        "find",
        QT_TRANSLATE_NOOP("WindowAction", "Search the current tab (Ctrl+F)"),
    ),
    WindowAction.CLEAR_FILTERS: ActionSpec(
        QT_TRANSLATE_NOOP("WindowAction", "&Clear filters"),
        lambda w: w.clear_filters,
        "Ctrl+Shift+L",
        tip=QT_TRANSLATE_NOOP("WindowAction", "Show all records of the current tab"),
    ),
    WindowAction.SHOW_INCIDENTS: _tab_spec(
        RecordKind.INCIDENT,
        1,
        QT_TRANSLATE_NOOP("WindowAction", "Incidents"),
        QT_TRANSLATE_NOOP("WindowAction", "Show the incidents tab"),
    ),
    WindowAction.SHOW_FACILITIES: _tab_spec(
        RecordKind.FACILITY,
        2,
        QT_TRANSLATE_NOOP("WindowAction", "Facilities"),
        QT_TRANSLATE_NOOP("WindowAction", "Show the facilities tab"),
    ),
    WindowAction.SHOW_PLAN_ITEMS: _tab_spec(
        RecordKind.PLAN_ITEM,
        3,
        QT_TRANSLATE_NOOP("WindowAction", "Plan items"),
        QT_TRANSLATE_NOOP("WindowAction", "Show the plan items tab"),
    ),
    WindowAction.SHOW_DIRECTIVES: _tab_spec(
        RecordKind.DIRECTIVE,
        4,
        QT_TRANSLATE_NOOP("WindowAction", "Directives"),
        QT_TRANSLATE_NOOP("WindowAction", "Show the directives tab"),
    ),
    WindowAction.REFRESH: ActionSpec(
        QT_TRANSLATE_NOOP("WindowAction", "&Reload"),
        lambda w: w.refresh_all,
        Std.Refresh,
        "refresh",
        QT_TRANSLATE_NOOP("WindowAction", "Read the records again from the database"),
    ),
    WindowAction.RESET_COLUMNS: ActionSpec(
        QT_TRANSLATE_NOOP("WindowAction", "Reset &columns"),
        lambda w: w.reset_columns,
        tip=QT_TRANSLATE_NOOP("WindowAction", "Default widths and order for the columns of this tab"),
    ),
    WindowAction.NEW_INCIDENT: _new_spec(RecordKind.INCIDENT, QT_TRANSLATE_NOOP("WindowAction", "New &incident…")),
    WindowAction.NEW_FACILITY: _new_spec(RecordKind.FACILITY, QT_TRANSLATE_NOOP("WindowAction", "New &facility…")),
    WindowAction.NEW_PLAN_ITEM: _new_spec(RecordKind.PLAN_ITEM, QT_TRANSLATE_NOOP("WindowAction", "New &plan item…")),
    WindowAction.NEW_DIRECTIVE: _new_spec(RecordKind.DIRECTIVE, QT_TRANSLATE_NOOP("WindowAction", "New &directive…")),
    WindowAction.FACILITY_INCIDENTS: ActionSpec(
        QT_TRANSLATE_NOOP("WindowAction", "Incidents at this &facility"),
        lambda w: w.show_facility_incidents,
        tip=QT_TRANSLATE_NOOP("WindowAction", "Show the incidents at the selected facility"),
    ),
    WindowAction.INCIDENT_PLAN_ITEMS: ActionSpec(
        QT_TRANSLATE_NOOP("WindowAction", "Plan items for this i&ncident"),
        lambda w: w.show_incident_plan_items,
        tip=QT_TRANSLATE_NOOP("WindowAction", "Show the plan items linked to the selected incident"),
    ),
    WindowAction.DIRECTIVE_PLAN_ITEMS: ActionSpec(
        QT_TRANSLATE_NOOP("WindowAction", "Plan items of this di&rective"),
        lambda w: w.show_directive_plan_items,
        tip=QT_TRANSLATE_NOOP("WindowAction", "Show the plan items that carry out the selected directive"),
    ),
    WindowAction.USER_GUIDE: ActionSpec(
        QT_TRANSLATE_NOOP("WindowAction", "&User guide"),
        lambda w: w.show_user_guide,
        "F1",
        tip=QT_TRANSLATE_NOOP("WindowAction", "Open the user guide at the section for this tab (F1)"),
    ),
    WindowAction.SHORTCUTS: ActionSpec(
        QT_TRANSLATE_NOOP("WindowAction", "&Keyboard shortcuts"),
        lambda w: w.show_shortcuts,
        "Ctrl+/",
        tip=QT_TRANSLATE_NOOP("WindowAction", "List every keyboard shortcut of the window"),
    ),
    WindowAction.ABOUT: ActionSpec(
        QT_TRANSLATE_NOOP("WindowAction", "&About Incident Logger"), lambda w: w.show_about, icon="about"
    ),
    WindowAction.ABOUT_QT: ActionSpec(QT_TRANSLATE_NOOP("WindowAction", "About &Qt"), lambda w: QApplication.aboutQt),
}


def _shortcuts(shortcut: Shortcut) -> list[QKeySequence]:
    if isinstance(shortcut, tuple):
        return [QKeySequence(key) for key in shortcut]
    return [QKeySequence(shortcut)]


def make_action(window: QWidget, commands: WindowCommands, spec: ActionSpec, name: str) -> QAction:
    action = QAction(translate("WindowAction", spec.text), window)
    action.setObjectName(name)
    if spec.shortcut is not None:
        action.setShortcuts(_shortcuts(spec.shortcut))
    if spec.icon:
        set_action_icon(action, spec.icon)
    if spec.tip:
        tip = translate("WindowAction", spec.tip)
        action.setStatusTip(tip)
        action.setToolTip(tip)
    slot = spec.slot(commands)
    action.triggered.connect(lambda _checked=False: slot())
    if spec.table_only:
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the tables add it; see MainWindow
    else:
        window.addAction(action)
    return action


class ActionRegistry(Mapping[WindowAction, QAction]):
    """The window's actions by WindowAction; features register theirs (CSV, backups, briefing) before the
    menus are built, and the menus and toolbar place every registered action by its WindowAction."""

    def __init__(self) -> None:
        self._actions: dict[WindowAction, QAction] = {}

    def register(self, key: WindowAction, action: QAction) -> None:
        if key in self._actions:
            raise ValueError(f"the action {key.value} is registered already")
        action.setObjectName(key.object_name)
        self._actions[key] = action

    def __getitem__(self, key: WindowAction) -> QAction:
        return self._actions[key]

    def __iter__(self) -> Iterator[WindowAction]:
        return iter(self._actions)

    def __len__(self) -> int:
        return len(self._actions)


def _undo_action(action: QAction, short: str, icon: str) -> QAction:
    """The menu says what undo/redo would do ("Undo Add plan item “…”"); the toolbar button only `short`
    (a long text pushes other buttons into the overflow). No tooltip is set: QAction's is then its text."""
    set_action_icon(action, icon)
    action.setIconText(short)
    return action


def create_actions(window: QWidget, commands: WindowCommands, undo_stack: QUndoStack) -> ActionRegistry:
    """The window's own actions (features register theirs later), undo and redo from its undo stack."""
    registry = ActionRegistry()
    for key, spec in SPECS.items():
        registry.register(key, make_action(window, commands, spec, key.object_name))
    undo = _undo_action(
        undo_stack.createUndoAction(window, translate("WindowAction", "&Undo")),
        translate("WindowAction", "Undo"),
        "undo",
    )
    undo.setShortcuts([QKeySequence(Std.Undo)])
    redo = _undo_action(
        undo_stack.createRedoAction(window, translate("WindowAction", "&Redo")),
        translate("WindowAction", "Redo"),
        "redo",
    )
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    registry.register(WindowAction.UNDO, undo)
    registry.register(WindowAction.REDO, redo)
    window.addActions([undo, redo])
    return registry
