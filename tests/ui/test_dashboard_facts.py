"""Case facts in the window: the pending-referral tile drives the incidents tab, and a period marks "possibly"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import forms_fixtures as ff
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from desktop.domain.enums import CaseStatus, PerpetratorOutcome
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import IncidentFilter
from desktop.domain.records import Incident
from desktop.domain.values import PartialDate, StatusChange
from desktop.persistence.unit_of_work import Database
from desktop.services.records import IncidentService
from desktop.ui.dashboard import DashboardTab
from desktop.ui.main_window import MainWindow
from desktop.ui.record_tab import RecordTab
from desktop.ui.widgets.period_marks import PeriodMarkDelegate, occurred_column

PENDING = "Man arrested after threatening guards at the gate"
MOLOTOV = "Molotov cocktail thrown at the USCIS office; the fuse failed"


def titles(tab: RecordTab) -> list[str]:
    return [tab.model.record_at(row).title for row in range(tab.model.rowCount())]


def add_pending_case(database: Database) -> Incident:
    """An arrest at San Antonio on 2019-09-02, not referred: the demo data's only pending referral."""
    service = IncidentService(database)
    san_antonio = next(i for i in service.page() if "Shots fired" in i.title).facility_uuid
    history = (StatusChange.on_day(CaseStatus.REPORTED, date(2019, 9, 2)),
               StatusChange.on_day(CaseStatus.ARREST_MADE, date(2019, 9, 2)))  # fmt: skip
    return service.create(Incident(san_antonio, PENDING, occurred=PartialDate.parse("2019-09-02"), arrests_count=1,
                                   perpetrator_outcome=PerpetratorOutcome.ARRESTED, status=CaseStatus.ARREST_MADE,
                                   status_history=history))  # fmt: skip


@pytest.fixture
def facts_window(make_window: Callable[..., MainWindow], demo_database: Database, qsettings: QSettings) -> MainWindow:
    add_pending_case(demo_database)
    return make_window(demo_database, qsettings)


def dashboard_of(window: MainWindow) -> DashboardTab:
    assert window.features is not None
    return window.features.dashboard


def test_the_pending_referral_tile_lists_the_cases_on_the_incidents_tab(qtbot: QtBot, facts_window: MainWindow) -> None:
    window = facts_window
    incidents = window.record_tabs["incidents"]
    bar = incidents.filter_bar
    window.show_tab("dashboard")
    dashboard = dashboard_of(window)
    tile = dashboard.referral_tile
    qtbot.waitUntil(lambda: tile.text() == "Pending referral: 1", timeout=3000)

    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: window.tabs.currentWidget() is incidents, timeout=3000)
    assert titles(incidents) == [PENDING]
    assert bar.pending_referral.isChecked() and not bar.extra_label.isVisible()  # the check box shows it
    assert incidents.model.where == IncidentFilter(pending_referral=True)
    assert window.counts_label.text() == "1 of 4 incidents shown"

    bar.pending_referral.setFocus()
    qtbot.keyClick(bar.pending_referral, Qt.Key.Key_Space)  # clear it with the keyboard
    assert not bar.pending_referral.isChecked() and len(titles(incidents)) == 4

    window.show_tab("dashboard")
    qtbot.waitUntil(lambda: tile.text() == "Pending referral: 1", timeout=3000)
    tile.setFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: window.tabs.currentWidget() is incidents, timeout=3000)
    assert titles(incidents) == [PENDING] and bar.pending_referral.isChecked()
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert not bar.pending_referral.isChecked() and len(titles(incidents)) == 4


def test_the_check_box_filters_and_the_dashboard_follows(qtbot: QtBot, facts_window: MainWindow) -> None:
    window = facts_window
    incidents = window.record_tabs["incidents"]
    check = incidents.filter_bar.pending_referral
    assert check.text() == "Pe&nding referral" and "no referral for prosecution" in check.toolTip()

    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)

    assert titles(incidents) == [PENDING]
    window.show_tab("dashboard")
    dashboard = dashboard_of(window)
    qtbot.waitUntil(lambda: dashboard.headline.value_text("incidents") == "1", timeout=3000)
    assert "pending referral for prosecution" in dashboard.scope_label.text()


def marked(delegate: PeriodMarkDelegate, tab: RecordTab, row: int) -> tuple[str, bool]:
    """The Occurred cell as the delegate draws it: its text and whether it is in italics."""
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, tab.model.index(row, occurred_column(tab.model)))
    return option.text, option.font.italic()


def test_a_period_marks_the_dates_only_possibly_in_it(
    qtbot: QtBot, make_window: Callable[..., MainWindow], demo_database: Database, qsettings: QSettings
) -> None:
    """The memo case: Lake Worth entered as "2019-08" is possibly after 2019-08-15; as 2019-08-20/2019-08-31 surely."""
    service = IncidentService(demo_database)
    lake_worth = next(i for i in service.page() if i.title == MOLOTOV)
    lake_worth = service.update(replace(lake_worth, occurred=PartialDate.parse("2019-08")))
    window = make_window(demo_database, qsettings)
    tab = window.record_tabs["incidents"]
    delegate = tab.table.itemDelegateForColumn(occurred_column(tab.model))
    assert isinstance(delegate, PeriodMarkDelegate)
    assert [marked(delegate, tab, row)[0] for row in range(3)] == ["2019-08-13, night", "2019-08",
                                                                    "2019-07-13, early morning"]  # fmt: skip

    ff.type_into(qtbot, tab.filter_bar.occurred_from.edit, "2019-08-15")  # typed key by key
    qtbot.waitUntil(lambda: titles(tab) == [MOLOTOV], timeout=3000)

    assert marked(delegate, tab, 0) == ("2019-08 · possibly", True)
    window.show_tab("dashboard")
    dashboard = dashboard_of(window)
    qtbot.waitUntil(lambda: dashboard.headline.value_text("incidents") == "1", timeout=3000)
    assert dashboard.headline.caption_text("incidents") == "Incidents, 1 possibly in the period"

    service.update(replace(lake_worth, occurred=PartialDate.parse("2019-08-20/2019-08-31")))
    window.session.changed(RecordKind.INCIDENT)
    assert dashboard.headline.caption_text("incidents") == "Incidents"
    window.show_tab("incidents")
    qtbot.waitUntil(lambda: marked(delegate, tab, 0)[0] == "2019-08-20 to 2019-08-31", timeout=3000)
    assert marked(delegate, tab, 0) == ("2019-08-20 to 2019-08-31", False)
