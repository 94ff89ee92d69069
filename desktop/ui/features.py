"""Plugs the dashboard, CSV, backup/history and briefing features into a MainWindow."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence

from desktop.paths import AppPaths
from desktop.ui.backup_actions import BackupActions
from desktop.ui.csv_actions import CsvActions
from desktop.ui.dashboard import DashboardTab
from desktop.ui.main_window import MainWindow
from desktop.ui.report_actions import ReportActions

ENTITY_OF_TAB = {"incidents": "incident", "facilities": "facility", "plan_items": "plan_item"}


@dataclass
class Features:
    """What `install_features` added, kept so tests can reach each piece."""

    dashboard: DashboardTab
    csv: CsvActions
    backups: BackupActions
    reports: ReportActions
    history_action: QAction


def install_features(window: MainWindow, app_paths: AppPaths) -> Features:
    session = window.session
    dashboard = DashboardTab(session, today=window.today)
    dashboard.set_filter(window.current_incident_filter())
    window.add_tab("dashboard", dashboard, "&Dashboard")
    window.incident_filter_changed.connect(dashboard.set_filter)
    dashboard.filter_requested.connect(window.apply_incident_filter)

    def current_filter(entity: str) -> object | None:
        tab = window.record_tabs.get(entity)
        return tab.model.where if tab is not None else None

    def current_entity() -> str:
        key = window.tab_key(window.tabs.currentWidget())
        return key if key in ENTITY_OF_TAB else "incidents"

    csv = CsvActions(window, session, current_filter, current_entity=current_entity,
                     default_directory=app_paths.data_dir)  # fmt: skip
    backups = BackupActions(window, session, app_paths)
    reports = ReportActions(window, session, window.current_incident_filter, today=window.today,
                            default_directory=app_paths.data_dir)  # fmt: skip
    window.add_file_actions(csv.import_action, csv.export_action, reports.export_briefing_action)
    window.file_menu.insertSeparator(window.file_end)
    window.add_file_actions(backups.backup_action, backups.restore_action)
    window.toolbar.addSeparator()
    window.toolbar.addActions([csv.import_action, csv.export_action])

    history_action = QAction("Record &history…", window)
    history_action.setObjectName("history_action")
    history_action.setShortcut(QKeySequence("Ctrl+H"))
    history_action.setStatusTip("Show every recorded change of the selected record (audit trail)")

    def show_history() -> None:
        tab = window.current_record_tab()
        record = tab.selected_record() if tab is not None else None
        if tab is None or record is None:
            window.statusBar().showMessage("Select a record first to see its history.", 5000)
            return
        backups.show_history(tab.kind, record.uuid)

    history_action.triggered.connect(show_history)
    window.records_menu.addSeparator()
    window.records_menu.addAction(history_action)
    return Features(dashboard, csv, backups, reports, history_action)
