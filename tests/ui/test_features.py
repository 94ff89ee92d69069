"""The features other modules plug into the main window: dashboard tab, CSV, backups, briefing, history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.enums import Severity
from desktop.domain.queries import IncidentFilter
from desktop.services.records import IncidentService
from desktop.ui.dialogs.history_dialog import HistoryDialog
from desktop.ui.main_window import MainWindow


def menu_texts(window: MainWindow) -> list[str]:
    return [action.text().replace("&", "") for action in window.menus["file"].actions() if action.text()]


def test_file_menu_and_toolbar_carry_csv_backup_and_briefing(window: MainWindow) -> None:
    texts = menu_texts(window)
    for wanted in ("Import CSV…", "Export CSV…", "Export briefing (PDF)…", "Back up now…", "Restore from backup…"):
        assert wanted in texts
    assert texts.index("Restore from backup…") < texts.index("Quit")
    toolbar = [a.text().replace("&", "") for a in window.toolbar.actions()]
    assert "Export CSV…" in toolbar and "Import CSV…" in toolbar


def test_dashboard_tab_follows_the_incident_filter_and_sends_clicks_back(window: MainWindow, qtbot: QtBot) -> None:
    assert window.features is not None
    page = window.features.dashboard_page
    assert window.tabs.indexOf(page) >= 0
    assert not page.is_built  # built (its modules imported) when the tab is first shown
    window.show_tab("dashboard")
    qtbot.waitUntil(lambda: page.is_built and page.content().isVisible())
    dashboard = window.features.dashboard
    wanted = IncidentFilter(severities=(Severity.HIGH,))
    dashboard.filter_requested.emit(wanted)
    qtbot.waitUntil(lambda: window.current_record_tab() is window.record_tabs["incidents"])
    assert window.current_incident_filter().severities == (Severity.HIGH,)
    high = IncidentService(window.session.database).count(IncidentFilter(severities=(Severity.HIGH,)))
    qtbot.waitUntil(lambda: window.record_tabs["incidents"].model.rowCount() == high)
    assert high == 2


def test_ctrl_h_shows_the_history_of_the_selected_incident(window: MainWindow, qtbot: QtBot) -> None:
    window.show_tab("incidents")
    tab = window.record_tabs["incidents"]
    tab.table.setFocus()
    tab.table.selectRow(0)
    record = tab.selected_record()
    assert record is not None
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(isinstance(w, HistoryDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, HistoryDialog) and w.isVisible())
    assert dialog.model.rowCount() >= 1  # the demo load wrote a create entry with the incident's fields
    dialog.close()
