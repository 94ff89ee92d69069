"""Plugs the dashboard, CSV, backup/history, briefing and evidence features into MainWindow: tab, signals, registry."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence

from desktop.paths import AppPaths
from desktop.ui.background_backup import BackgroundBackups
from desktop.ui.backup_actions import BackupActions
from desktop.ui.csv_actions import CsvActions
from desktop.ui.dashboard import DashboardTab
from desktop.ui.evidence_actions import EvidenceActions
from desktop.ui.main_window import MainWindow
from desktop.ui.report_actions import ReportActions
from desktop.ui.widgets.period_marks import mark_possible_dates
from desktop.ui.window_actions import WindowAction


@dataclass
class Features:
    """What `install_features` added, kept so tests can reach each piece."""

    dashboard: DashboardTab
    csv: CsvActions
    backups: BackupActions
    reports: ReportActions
    history_action: QAction
    evidence: EvidenceActions
    background_backups: BackgroundBackups


def install_features(window: MainWindow, app_paths: AppPaths) -> Features:
    session = window.session
    dashboard = DashboardTab(session, today=window.today)
    dashboard.set_filter(window.current_incident_filter())
    window.add_tab("dashboard", dashboard, "&Dashboard")
    window.incident_filter_changed.connect(dashboard.set_filter)
    dashboard.filter_requested.connect(window.apply_incident_filter)
    incidents = window.record_tabs["incidents"]
    mark_possible_dates(incidents.table, incidents.model)  # "possibly" in the period, beside the date

    csv = CsvActions(window, session, window.filter_of_table, current_entity=window.current_table,
                     default_directory=app_paths.data_dir, settings=window.settings)  # fmt: skip
    backups = BackupActions(window, session, app_paths)
    reports = ReportActions(window, session, window.current_incident_filter, today=window.today,
                            default_directory=app_paths.data_dir, settings=window.settings)  # fmt: skip
    evidence = EvidenceActions(window, session, window.selected_record, default_directory=app_paths.data_dir)
    history_action = QAction("Record &history…", window)
    history_action.setShortcut(QKeySequence("Ctrl+H"))
    history_action.setStatusTip("Show every recorded change of the selected record (audit trail)")

    def show_history() -> None:
        selected = window.selected_record()
        if selected is None:
            window.statusBar().showMessage("Select a record first to see its history.", 5000)
            return
        backups.show_history(*selected)

    history_action.triggered.connect(show_history)
    A = WindowAction
    for key, action in ((A.IMPORT_CSV, csv.import_action), (A.EXPORT_CSV, csv.export_action),
                        (A.EXPORT_BRIEFING, reports.export_briefing_action), (A.BACKUP, backups.backup_action),
                        (A.RESTORE, backups.restore_action), (A.HISTORY, history_action),
                        (A.EXPORT_EVIDENCE, evidence.export_package_action)):  # fmt: skip
        window.registry.register(key, action)
    return Features(dashboard, csv, backups, reports, history_action, evidence, BackgroundBackups(window, session))
