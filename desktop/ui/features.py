"""Plugs the dashboard, CSV, backup/history, briefing, evidence, database-check, clipboard and synchronization features
into MainWindow: tab, signals, registry. The dashboard is built when its tab is first shown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop.paths import AppPaths
from desktop.ui.background_backup import BackgroundBackups
from desktop.ui.backup_actions import BackupActions
from desktop.ui.clipboard_guard import ClipboardGuard, install_clipboard_guard
from desktop.ui.csv_actions import CsvActions
from desktop.ui.database_check import DatabaseChecks
from desktop.ui.evidence_actions import EvidenceActions
from desktop.ui.lazy_tab import LazyTab
from desktop.ui.live_refresh import LiveRefresh
from desktop.ui.main_window import MainWindow
from desktop.ui.report_actions import ReportActions
from desktop.ui.server_status import ServerStatus
from desktop.ui.sync.actions import SyncActions
from desktop.ui.sync.engine import installed_engine
from desktop.ui.translated import translate
from desktop.ui.widgets.period_marks import mark_possible_dates
from desktop.ui.window_actions import WindowAction

if TYPE_CHECKING:
    from desktop.ui.dashboard import DashboardTab


@dataclass
class Features:
    """What `install_features` added, kept so tests can reach each piece."""

    dashboard_page: LazyTab[DashboardTab]
    csv: CsvActions
    backups: BackupActions
    reports: ReportActions
    history_action: QAction
    evidence: EvidenceActions
    checks: DatabaseChecks
    background_backups: BackgroundBackups
    clipboard: ClipboardGuard
    server: ServerStatus
    live: LiveRefresh | None = None
    sync: SyncActions | None = None

    @property
    def dashboard(self) -> DashboardTab:
        """The Dashboard tab's content, built now if its tab was never shown."""
        return self.dashboard_page.content()


def _dashboard_page(window: MainWindow, server: ServerStatus) -> LazyTab[DashboardTab]:
    def build(page: QWidget) -> DashboardTab:
        from desktop.ui.dashboard import DashboardTab  # when the tab is first shown

        dashboard = DashboardTab(window.session, page, today=window.today)
        dashboard.set_filter(window.current_incident_filter())
        window.incident_filter_changed.connect(dashboard.set_filter)
        dashboard.filter_requested.connect(window.apply_incident_filter)
        dashboard.read_failed.connect(server.follow)
        server.back.connect(dashboard.invalidate)
        return dashboard

    return LazyTab(build, "dashboard_page")


def install_features(window: MainWindow, app_paths: AppPaths) -> Features:
    session = window.session
    server = ServerStatus(window, session)  # a server that stopped answering: the bar, the retries
    for tab in window.record_tabs.values():
        tab.model.read_failed.connect(server.follow)
    session.server_lost.connect(server.follow)  # a save, delete or import that found the server gone
    server.back.connect(window.refresh_all)
    dashboard_page = _dashboard_page(window, server)
    window.add_tab("dashboard", dashboard_page, translate("Features", "&Dashboard"))
    incidents = window.record_tabs["incidents"]
    mark_possible_dates(incidents.table, incidents.model)  # "possibly" in the period, beside the date

    csv = CsvActions(window, session, window.filter_of_table, current_entity=window.current_table,
                     default_directory=app_paths.data_dir, settings=window.settings)  # fmt: skip
    backups = BackupActions(window, session, app_paths)
    reports = ReportActions(window, session, window.current_incident_filter, today=window.today,
                            default_directory=app_paths.data_dir, settings=window.settings)  # fmt: skip
    evidence = EvidenceActions(window, session, window.selected_record, default_directory=app_paths.data_dir)
    history_action = QAction(translate("Features", "Record &history…"), window)
    history_action.setShortcut(QKeySequence("Ctrl+H"))
    history_action.setStatusTip(
        translate("Features", "Show every recorded change of the selected record (audit trail)")
    )

    def show_history() -> None:
        selected = window.selected_record()
        if selected is None:
            window.statusBar().showMessage(translate("Features", "Select a record first to see its history."), 5000)
            return
        backups.show_history(*selected)

    history_action.triggered.connect(show_history)
    A = WindowAction
    for key, action in ((A.IMPORT_CSV, csv.import_action), (A.EXPORT_CSV, csv.export_action),
                        (A.EXPORT_BRIEFING, reports.export_briefing_action), (A.BACKUP, backups.backup_action),
                        (A.RESTORE, backups.restore_action), (A.HISTORY, history_action),
                        (A.EXPORT_EVIDENCE, evidence.export_package_action)):  # fmt: skip
        window.registry.register(key, action)
    checks = DatabaseChecks(window, session, window.settings, restore=backups.restore_action)
    backups.restored.connect(checks.restored)
    window.registry.register(A.CHECK_DATABASE, checks.check_action)
    sync = SyncActions(window, installed_engine())  # File › Synchronize… and the status bar's line (issue 19)
    window.registry.register(A.SYNCHRONIZE, sync.action)
    return Features(dashboard_page, csv, backups, reports, history_action, evidence, checks,
                    BackgroundBackups(window, session), install_clipboard_guard(window), server,
                    LiveRefresh(window, session), sync)  # fmt: skip
