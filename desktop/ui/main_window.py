"""MainWindow: record tabs (incidents, facilities, plan items, directives; more with `add_tab`), menus, toolbar,
status bar with counts and deadlines, remembered layout, and switching the database file."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMenu,
    QTabWidget,
    QToolBar,
    QWidget,
)

from desktop.domain.kinds import RecordKind
from desktop.domain.queries import IncidentFilter, PlanItemFilter
from desktop.persistence.engine import sqlite_file, sqlite_url
from desktop.persistence.unit_of_work import Database
from desktop.services.session.questions import Answer, Question
from desktop.services.timeline import TimelineService
from desktop.ui.background_reads import read_soon
from desktop.ui.dialogs.about_dialog import about_text, show_about
from desktop.ui.dialogs.guide_dialog import GuideDialog
from desktop.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from desktop.ui.empty_states import install_empty_states
from desktop.ui.error_dialogs import EXPECTED
from desktop.ui.guide_pages import START, TAB_SECTIONS
from desktop.ui.icons import app_icon
from desktop.ui.new_database import new_database_file
from desktop.ui.open_problems import DATABASE_FILTER
from desktop.ui.record_actions import RecordActions
from desktop.ui.record_tab import RecordTab
from desktop.ui.role_limits import RoleLimits
from desktop.ui.server_opening import open_server_database
from desktop.ui.session import Session
from desktop.ui.settings import WindowSettings
from desktop.ui.table_models import DirectiveTableModel, FacilityTableModel, IncidentTableModel, PlanItemTableModel
from desktop.ui.theme_menu import ThemeMenu
from desktop.ui.widgets.deadlines_label import DeadlinesLabel
from desktop.ui.widgets.encryption_badge import EncryptionBadge
from desktop.ui.widgets.filter_bar import DirectiveFilterBar, FacilityFilterBar, IncidentFilterBar, PlanItemFilterBar
from desktop.ui.window_actions import WindowAction, create_actions
from desktop.ui.window_chrome import build_menus, build_toolbar, context_menu, status_label
from desktop.ui.window_dialogs import WindowDialogs
from desktop.ui.window_texts import new_record_text, new_record_tip, record_count

if TYPE_CHECKING:
    from desktop.paths import AppPaths
    from desktop.ui.features import Features

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The application window over the open database of its `session`.

    Other features plug in with `add_tab(key, widget, title)`, by registering their actions in `registry`
    under a WindowAction (window_chrome places them) before `build_chrome()`, through the
    session's signals `database_changed(Database)` and `records_changed(RecordKind)`, and
    `incident_filter_changed(IncidentFilter)`;
    `apply_incident_filter()` shows a filter in the incidents tab, `current_incident_filter()` returns the one
    it shows, `current_kind()`, `filter_of(kind)` and `selected_record()` tell what the user looks at."""

    incident_filter_changed = Signal(object)

    toolbar: QToolBar
    menus: dict[str, QMenu]

    def __init__(self, session: Session, settings: WindowSettings, *, today: Callable[[], date] = date.today,
                 dialogs: WindowDialogs | None = None, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())
        self.session = session
        self.settings = settings
        self.today = today
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undo_stack")
        self.dialogs = dialogs or WindowDialogs()
        self.records = RecordActions(self, self.undo_stack, session, self.dialogs)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setAccessibleName(self.tr("Records and dashboard"))
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.record_tabs: dict[str, RecordTab] = {}
        self.extra_tabs: dict[str, QWidget] = {}
        self._build_record_tabs()
        self.registry = create_actions(self, self, self.undo_stack)
        for key in (WindowAction.EDIT, WindowAction.DELETE):  # Enter and Del only while a table has the focus
            for tab in self.record_tabs.values():
                tab.table.addAction(self.registry[key])
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.theme_choices = ThemeMenu(settings, self)  # View › Theme; applies the remembered choice
        self.counts_label = status_label(self, "counts_label")
        self.deadlines_label = DeadlinesLabel(self)
        self.encryption_badge = EncryptionBadge(self)
        self.statusBar().addPermanentWidget(self.encryption_badge)
        self.database_label = status_label(self, "database_label")
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.role_limits = RoleLimits(self, self.registry)  # what the login's team role may not do (issue 18)
        self.features: Features | None = None
        self.app_paths: AppPaths | None = None  # the app's folders, named in Help › About (set by the app)
        self.guide: GuideDialog | None = None  # Help › User guide, made when first asked for
        self.tabs.currentChanged.connect(self._tab_changed)
        session.records_changed.connect(self.on_records_changed)
        session.database_changed.connect(self._database_changed)
        self.refresh_all()
        self._show_database()
        self._tab_changed()

    def build_chrome(self) -> None:
        """Menus and toolbar from the registered actions (the window's own and the features'), then the
        remembered layout; called once, after the features registered their actions."""
        self.menus = build_menus(self, self.registry, self.recent_menu, self.theme_choices.menu)
        self.toolbar = build_toolbar(self, self.registry, self.menus["view"])
        install_empty_states(self)
        self.restore_settings()
        self._tab_changed()  # the features' actions too (Import CSV) as the role allows

    # ---- tabs -------------------------------------------------------------------------------------------
    def _build_record_tabs(self) -> None:
        incidents = IncidentFilterBar()
        facilities = FacilityFilterBar(today=self.today)
        plans = PlanItemFilterBar(today=self.today)
        session = self.session
        self.add_record_tab(RecordTab(RecordKind.INCIDENT.table, self.tr("&Incidents"),
                                      IncidentTableModel(lambda: session.services.incidents,
                                                         activity=lambda uuids: TimelineService(
                                                             session.database).last_activity(uuids)),
                                      incidents))  # fmt: skip
        self.add_record_tab(RecordTab(RecordKind.FACILITY.table, self.tr("Faci&lities"),
                                      FacilityTableModel(lambda: session.services.facilities, today=self.today),
                                      facilities))  # fmt: skip
        self.add_record_tab(RecordTab(RecordKind.PLAN_ITEM.table, self.tr("&Plan items"),
                                      PlanItemTableModel(lambda: session.services.plan_items, today=self.today),
                                      plans))  # fmt: skip
        self.add_record_tab(RecordTab(RecordKind.DIRECTIVE.table, self.tr("Directive&s"),
                                      DirectiveTableModel(lambda: session.services.directives, today=self.today),
                                      DirectiveFilterBar(today=self.today)))  # fmt: skip
        incidents.changed.connect(self.incident_filter_changed)

    def add_record_tab(self, tab: RecordTab) -> None:
        self.record_tabs[tab.key] = tab
        self.tabs.addTab(tab, tab.title)
        tab.counts_changed.connect(lambda *_counts: self._show_counts())
        tab.model.failed.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        tab.table.edit_requested.connect(self.edit_record)
        tab.table.files_dropped.connect(lambda uuid, paths, t=tab: self.records.attach_dropped(t.kind, uuid, paths))
        tab.table.customContextMenuRequested.connect(lambda position, t=tab: self._context_menu(t, position))
        tab.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def add_tab(self, key: str, widget: QWidget, title: str, *, index: int | None = None) -> None:
        """Add any other tab (a dashboard, a report view); its place is remembered like the others."""
        widget.setObjectName(widget.objectName() or f"{key}_tab")
        self.extra_tabs[key] = widget
        if index is None:
            self.tabs.addTab(widget, title)
        else:
            self.tabs.insertTab(index, widget, title)
        if self.settings.tab() == key:
            self.tabs.setCurrentWidget(widget)

    def tab_key(self, widget: QWidget | None) -> str:
        keys = {id(w): k for k, w in [*self.record_tabs.items(), *self.extra_tabs.items()]}
        return keys.get(id(widget), "")

    def current_kind(self) -> RecordKind | None:
        """The kind of records the tab in front shows (None on another tab, such as the dashboard)."""
        tab = self.current_record_tab()
        return tab.kind if tab is not None else None

    def filter_of(self, kind: RecordKind) -> object:
        """The filter the tab of `kind` applies."""
        return self._tab_for(kind).model.where

    def filter_of_table(self, table: str) -> object | None:
        """The filter of the tab whose kind's table name is `table` (the CSV dialogs' entity names)."""
        return self.filter_of(RecordKind.parse(table))

    def current_table(self) -> str:
        """The table name of the kind in front (incidents when no record tab is)."""
        return (self.current_kind() or RecordKind.INCIDENT).table

    def selected_record(self) -> tuple[RecordKind, str] | None:
        """The kind and uuid of the record selected in the tab in front, if any."""
        tab = self.current_record_tab()
        record = tab.selected_record() if tab is not None else None
        return (tab.kind, record.uuid) if tab is not None and record is not None else None

    def current_record_tab(self) -> RecordTab | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, RecordTab) else None

    def show_tab(self, key: str) -> None:
        widget = self.record_tabs.get(key) or self.extra_tabs.get(key)
        if widget is not None:
            self.tabs.setCurrentWidget(widget)

    def _context_menu(self, tab: RecordTab, position: Any) -> None:
        index = tab.table.indexAt(position)
        if index.isValid():
            tab.table.select_row(index.row(), scroll=False)
        extra = {RecordKind.FACILITY: (WindowAction.FACILITY_INCIDENTS,),
                 RecordKind.INCIDENT: (WindowAction.INCIDENT_PLAN_ITEMS, WindowAction.EXPORT_EVIDENCE),
                 RecordKind.DIRECTIVE: (WindowAction.DIRECTIVE_PLAN_ITEMS,)}.get(tab.kind, ())  # fmt: skip
        menu = context_menu(self, self.registry, *extra)
        menu.exec(tab.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = self.session.database.url
        for url in self.settings.recent_databases():
            if url == current:
                continue
            action = self.recent_menu.addAction(_short(url))
            action.setToolTip(url)
            action.triggered.connect(lambda _checked=False, u=url: self.switch_database(u))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No other recent databases")).setEnabled(False)

    # ---- record commands --------------------------------------------------------------------------------
    def new_record(self, kind: RecordKind | None = None) -> str | None:
        kind = kind or self.current_kind() or RecordKind.INCIDENT
        uuid = self.records.new(kind)
        if uuid is not None:
            target = self._tab_for(kind)
            target.refresh(select=uuid)  # now when shown, else as soon as the tab is shown
            self.tabs.setCurrentWidget(target)
        return uuid

    def _selected_or_hint(self, hint: str) -> tuple[RecordTab, Any] | None:
        """The tab in front and its selected record; without one, `hint` in the status bar."""
        tab = self.current_record_tab()
        record = tab.selected_record() if tab is not None else None
        if tab is None or record is None:
            self.statusBar().showMessage(hint, 5000)
            return None
        return tab, record

    def edit_record(self) -> None:
        if (selected := self._selected_or_hint(self.tr("Select a record to edit first."))) is not None:
            self.records.edit(selected[0].kind, selected[1])

    def delete_record(self) -> None:
        selected = self._selected_or_hint(self.tr("Select a record to delete first."))
        if selected is not None and self.records.delete(selected[0].kind, selected[1]):
            self.statusBar().showMessage(self.tr("Deleted. Edit › Undo (Ctrl+Z) brings it back."), 8000)

    def _tab_for(self, kind: RecordKind) -> RecordTab:
        return next(tab for tab in self.record_tabs.values() if tab.kind == kind)

    def on_records_changed(self, kind: RecordKind) -> None:
        """After any change (the session's records_changed, also for undo/redo): read the shown table again
        (hidden ones when they are shown) and the counts in the status bar."""
        if kind == RecordKind.FACILITY:
            self._update_facility_choices()
        for tab in self.record_tabs.values():
            tab.refresh()
        self._show_deadlines()

    def refresh_all(self) -> None:
        self._update_facility_choices()
        for tab in self.record_tabs.values():
            tab.refresh()
        self._show_deadlines()

    def _update_facility_choices(self) -> None:
        read_soon(self, "facility_names", self.session.services.facilities.names, self._set_facility_choices,
                  lambda error: self.statusBar().showMessage(self.tr("Could not read the facilities: {error}").format(
                      error=error), 10_000), now=self.session.database.is_sqlite, expected=EXPECTED)  # fmt: skip

    def _set_facility_choices(self, names: list[tuple[str, str]]) -> None:
        for tab in self.record_tabs.values():
            tab.filter_bar.set_facilities(names)

    def focus_search(self) -> None:
        tab = self.current_record_tab()
        if tab is not None:
            tab.filter_bar.focus_search()

    def clear_filters(self) -> None:
        tab = self.current_record_tab()
        if tab is not None:
            tab.clear_filters()

    def reset_columns(self) -> None:
        tab = self.current_record_tab()
        if tab is None:
            return
        header = tab.table.horizontalHeader()
        for logical in range(header.count()):
            header.moveSection(header.visualIndex(logical), logical)
        tab.table.set_default_widths()

    def current_incident_filter(self) -> IncidentFilter:
        where: IncidentFilter = self._tab_for(RecordKind.INCIDENT).model.where
        return where

    def apply_incident_filter(self, where: IncidentFilter, *, show: bool = True) -> None:
        bar = self._tab_for(RecordKind.INCIDENT).filter_bar
        assert isinstance(bar, IncidentFilterBar)
        bar.set_filter(where)
        if show:
            self.show_tab(RecordKind.INCIDENT.table)

    def show_facility_incidents(self) -> None:
        record = self._tab_for(RecordKind.FACILITY).selected_record() if self._is_current(RecordKind.FACILITY) else None
        if record is None:
            self.statusBar().showMessage(self.tr("Select a facility on the Facilities tab first."), 5000)
            return
        self.apply_incident_filter(IncidentFilter(facility_uuids=(record.uuid,)))

    def show_incident_plan_items(self) -> None:
        record = self._tab_for(RecordKind.INCIDENT).selected_record() if self._is_current(RecordKind.INCIDENT) else None
        if record is None:
            self.statusBar().showMessage(self.tr("Select an incident on the Incidents tab first."), 5000)
            return
        self._show_plan_items(
            PlanItemFilter(incident_uuid=record.uuid), self.tr("Plan items for “{title}”").format(title=record.title)
        )

    def show_directive_plan_items(self) -> None:
        tab = self._tab_for(RecordKind.DIRECTIVE)
        record = tab.selected_record() if self._is_current(RecordKind.DIRECTIVE) else None
        if record is None:
            self.statusBar().showMessage(self.tr("Select a directive on the Directives tab first."), 5000)
            return
        self._show_plan_items(
            PlanItemFilter(directive_uuid=record.uuid), self.tr("Plan items of “{title}”").format(title=record.title)
        )

    def _show_plan_items(self, where: PlanItemFilter, what: str) -> None:
        """The plan items tab with a filter its widgets do not show (Clear filters removes it)."""
        self._tab_for(RecordKind.PLAN_ITEM).filter_bar.clear()
        self._tab_for(RecordKind.PLAN_ITEM).model.set_filter(where)
        self.show_tab(RecordKind.PLAN_ITEM.table)
        self.statusBar().showMessage(self.tr("{what} (Clear filters shows all).").format(what=what), 8000)

    def _is_current(self, kind: RecordKind) -> bool:
        return self.tabs.currentWidget() is self._tab_for(kind)

    # ---- status bar -------------------------------------------------------------------------------------
    def _tab_changed(self, *_: object) -> None:
        tab = self.current_record_tab()
        A = WindowAction
        for key in (A.NEW, A.EDIT, A.DELETE, A.FIND, A.CLEAR_FILTERS, A.RESET_COLUMNS):
            self.registry[key].setEnabled(tab is not None)
        self.registry[A.FACILITY_INCIDENTS].setEnabled(self._is_current(RecordKind.FACILITY))
        self.registry[A.INCIDENT_PLAN_ITEMS].setEnabled(self._is_current(RecordKind.INCIDENT))
        self.registry[A.DIRECTIVE_PLAN_ITEMS].setEnabled(self._is_current(RecordKind.DIRECTIVE))
        if tab is not None:
            kind = tab.kind
            self.registry[A.NEW].setText(new_record_text(kind))
            self.registry[A.NEW].setToolTip(new_record_tip(kind))
        self.role_limits.apply(self.session.database.capabilities, self.current_kind())
        self._show_counts()

    def _show_counts(self) -> None:
        tab = self.current_record_tab()
        if tab is None:
            self.counts_label.clear()
            return
        model = tab.model
        shown, total = model.filtered_count, model.total_count
        self.counts_label.setText(record_count(model.kind, total, shown, counting=model.counting))

    def _show_deadlines(self) -> None:
        self.deadlines_label.show_for(self.session.database, self.today())

    def _show_database(self) -> None:
        database = self.session.database
        path = sqlite_file(database.url)
        shown = str(path) if path is not None else database.display_name
        self.database_label.setText(shown)
        self.database_label.setToolTip(
            self.tr("Database: {shown} (encrypted)").format(shown=shown)
            if database.encrypted
            else self.tr("Database: {shown}").format(shown=shown)
        )
        self.encryption_badge.show_encrypted(database.encrypted)
        name = path.name if path is not None else database.display_name
        self.setWindowTitle(self.tr("{name} — Incident Logger").format(name=name))

    # ---- databases --------------------------------------------------------------------------------------
    def new_database_file(self) -> bool:
        """File › New database…: where, then encrypted or not (desktop.ui.new_database); True once switched to it."""
        return new_database_file(self, self._database_dir())

    def open_database_file(self) -> bool:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), str(self._database_dir()), DATABASE_FILTER
        )
        return self.switch_database(sqlite_url(Path(chosen))) if chosen else False

    def open_server_database(self) -> bool:
        return open_server_database(self)  # File › Open server database…

    def _database_dir(self) -> Path:
        path = sqlite_file(self.session.database.url)
        return path.parent if path is not None else Path.home()

    def switch_database(self, url: str, *, create: bool = False) -> bool:
        """Open `url` through the session and show it: a database another window has open may be opened anyway; a
        file that has gone (a recent one) is asked about, never silently created again (`create`: File › New
        database); any other problem is told, and the current database stays."""
        if url == self.session.database.url:
            return True

        def ask(question: Question) -> Answer:
            QApplication.restoreOverrideCursor()  # the normal cursor while a question is shown
            try:
                return self.dialogs.answer_when_switching(self, question)
            finally:
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self.session.switch(url, ask, create=create)
        finally:
            QApplication.restoreOverrideCursor()

    def _database_changed(self, database: Database) -> None:
        """The session switched to `database`: no undo across databases, every tab without filter, read again."""
        self.undo_stack.clear()
        for tab in self.record_tabs.values():
            tab.reset()
        self._update_facility_choices()
        self._show_deadlines()
        self._show_database()
        self._tab_changed()  # what this login may do here
        self.settings.add_recent_database(database.url)
        self.statusBar().showMessage(self.tr("Opened {text}").format(text=self.database_label.text()), 8000)

    # ---- settings ---------------------------------------------------------------------------------------
    def restore_settings(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 780)
        state = self.settings.state()
        if state is not None:
            self.restoreState(state)
        for tab in self.record_tabs.values():
            tab.table.restore_header(self.settings.header(tab.kind))
        self.show_tab(self.settings.tab() or RecordKind.INCIDENT.table)

    def save_settings(self) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState())
        for tab in self.record_tabs.values():
            self.settings.save_header(tab.kind, tab.table.save_header())
        self.settings.save_tab(self.tab_key(self.tabs.currentWidget()))
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)

    def show_user_guide(self) -> None:
        """Help › User guide (F1): the non-modal guide, at the section for the tab in front."""
        if self.guide is None:
            self.guide = GuideDialog(self)
        self.guide.show_section(*TAB_SECTIONS.get(self.tab_key(self.tabs.currentWidget()), START))
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()

    def show_shortcuts(self) -> None:
        """Help › Keyboard shortcuts: a window-modal list of the registered actions' shortcuts."""
        dialog = ShortcutsDialog(self.registry, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        paths = self.app_paths
        show_about(self, about_text(self.database_label.text(), paths.data_dir if paths else None,
                                    paths.backup_dir if paths else None))  # fmt: skip


def _short(url: str) -> str:
    path = sqlite_file(url)
    return f"{path.name} — {path.parent}" if path is not None else url
