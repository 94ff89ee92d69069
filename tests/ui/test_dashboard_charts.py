"""The dashboard's QPainter charts: each has a table of the same numbers reached with Tab alone, the chart itself
is walked with the arrows and Enter narrows like a click, month names and numbers follow the default QLocale, and
nothing loads the deprecated QtCharts."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale, QRectF, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from support.synthetic_incidents import populate

from desktop.domain.enums import AttackType, Severity
from desktop.domain.queries import IncidentFilter
from desktop.persistence.unit_of_work import Database
from desktop.services.dashboard import AttackSeries, MonthlyAttackCounts, narrowed
from desktop.services.session.service import DatabaseSessions
from desktop.ui.dashboard import DashboardTab
from desktop.ui.dashboard.chart_data import ChartData, Series, number
from desktop.ui.dashboard.chart_painter import ChartFonts, layout_chart
from desktop.ui.dashboard.chart_panel import ChartPanel
from desktop.ui.dashboard.chart_table import VALUE_ROLE
from desktop.ui.dashboard.month_chart import month_chart
from desktop.ui.session import Session

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2024, 3, 1)


@pytest.fixture
def busy_database(demo_database: Database) -> Database:
    populate(demo_database, incidents=300, facilities=14, plan_items=12, today=TODAY)
    return demo_database


@pytest.fixture
def dashboard(qtbot: QtBot, busy_database: Database) -> DashboardTab:
    tab = DashboardTab(Session(busy_database, DatabaseSessions(None)), today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.resize(1300, 1000)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow, timeout=3000)
    return tab


@pytest.fixture
def spanish() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
    try:
        yield
    finally:
        QLocale.setDefault(before)


def panels_in_reading_order(tab: DashboardTab) -> list[ChartPanel]:
    return [tab.months_panel, tab.ranking_panel, tab.severity_panel, tab.casualty_panel, tab.case_panel,
            tab.plan_panel, tab.target_panel, tab.damage_panel]  # fmt: skip


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def tab_to(qtbot: QtBot, wanted: QWidget, presses: int = 40) -> int:
    """Press Tab on the focused widget until `wanted` has the focus; how many presses it took."""
    for count in range(presses):
        if focused() is wanted:
            return count
        widget = focused()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    pytest.fail(f"{wanted.objectName()} not reached with {presses} presses of Tab (at {focused()})")


def table_rows(panel: ChartPanel) -> list[list[str]]:
    model = panel.table.model()
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]  # fmt: skip


def test_every_chart_has_its_table_reached_with_tab_and_space(qtbot: QtBot, dashboard: DashboardTab) -> None:
    panels = panels_in_reading_order(dashboard)
    assert set(panels) == set(dashboard.findChildren(ChartPanel))  # every chart of the tab
    dashboard.referral_tile.setFocus()
    for panel in panels:
        assert tab_to(qtbot, panel.table_button) <= 12
        qtbot.keyClick(panel.table_button, Qt.Key.Key_Space)
        assert panel.showing_table and panel.table_button.text() == "Show as chart"
        qtbot.keyClick(panel.table_button, Qt.Key.Key_Tab)
        assert focused() is panel.table
        chart = panel.chart
        assert panel.table.accessibleName() == f"{chart.caption} (table)"
        assert panel.table.accessibleDescription() == panel.view.accessibleDescription()
        rows = table_rows(panel)
        assert [row[0] for row in rows] == list(chart.categories)
        for row, cells in enumerate(rows):
            values = [series.values[row] for series in chart.series]
            totals = [chart.totals()[row]] if len(chart.series) > 1 else []
            assert cells[1:] == [number(value) for value in values + totals], chart.title
        current = panel.table.currentIndex()
        qtbot.keyClick(panel.table, Qt.Key.Key_Down)  # the arrows walk the cells
        assert panel.table.currentIndex().row() == min(current.row() + 1, len(rows) - 1)


def test_the_tables_hold_the_figures_the_service_counted(dashboard: DashboardTab) -> None:
    data = dashboard.data
    assert data is not None
    severity = dashboard.severity_panel.table.model()
    assert [severity.index(row, 1).data(VALUE_ROLE) for row in range(severity.rowCount())] == [
        n for _, n in data.severities
    ]
    months = dashboard.months_panel.table.model()
    total = months.columnCount() - 1  # stacked: the last column is each month's total
    assert months.headerData(total, Qt.Orientation.Horizontal) == "Total"
    assert sum(months.index(row, total).data(VALUE_ROLE) for row in range(months.rowCount())) == data.months.dated
    assert months.rowCount() == len(data.months.months)


def test_a_month_segment_chosen_with_the_arrows_and_enter(qtbot: QtBot, dashboard: DashboardTab) -> None:
    dashboard.set_filter(IncidentFilter(occurred_from=date(2019, 1, 1), occurred_to=date(2019, 12, 31)))
    view = dashboard.months_panel.view
    assert view.accessibleName() == view.data.caption
    assert view.accessibleName().startswith("Incidents per month by primary attack type")
    assert "Total" in view.accessibleDescription() and "By primary attack type" in view.accessibleDescription()
    unfocused = view.grab().toImage()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    assert view.current is not None and view.current[1] == 0
    assert view.grab().toImage() != unfocused  # the current bar is outlined
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Up)  # the next segment up the bar
    series, index = view.current or pytest.fail("no current bar")
    assert index == 3 and view.data.series[series].values[index] > 0

    with qtbot.waitSignal(dashboard.filter_requested, timeout=2000) as requested:
        qtbot.keyClick(view, Qt.Key.Key_Return)

    months = dashboard.data.months if dashboard.data else pytest.fail("no data")
    expected = narrowed(dashboard.current_filter, month=months.months[3],
                        attack_type=months.series[series].attack_type)  # fmt: skip
    assert requested.args[0] == expected and months.months[3] == "2019-04"


def test_a_facility_bar_and_a_severity_row_chosen_with_the_keyboard(qtbot: QtBot, dashboard: DashboardTab) -> None:
    data = dashboard.data or pytest.fail("no data")
    view = dashboard.ranking_panel.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_Down)  # horizontal bars: down the list
    assert view.current == (0, 1)
    with qtbot.waitSignal(dashboard.filter_requested, timeout=2000) as requested:
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert requested.args[0] == narrowed(IncidentFilter(), facility_uuid=data.facilities[1].facility_uuid)

    table = dashboard.severity_panel.table
    dashboard.severity_panel.show_table(True)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)  # High
    with qtbot.waitSignal(dashboard.filter_requested, timeout=2000) as requested:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert requested.args[0] == IncidentFilter(severities=(Severity.HIGH,))


def test_month_names_and_numbers_follow_the_default_locale(qtbot: QtBot, spanish: None) -> None:
    counts = MonthlyAttackCounts(("2019-07", "2019-08"), (AttackSeries(AttackType.THREAT, (12_345, 7)),), undated=0)
    chart = month_chart(counts)
    assert chart.axis_labels == ("jul\n2019", "ago\n2019")
    assert chart.categories == ("julio 2019", "agosto 2019")
    assert "(12.352)" in chart.title  # the Spanish group separator

    panel = ChartPanel("spanish_chart")
    qtbot.addWidget(panel)
    panel.resize(500, 320)
    panel.set_chart(chart)
    panel.show()
    qtbot.waitExposed(panel)
    drawn = [text.text for text in panel.view.chart_layout().texts]
    assert "jul\n2019" in drawn and "ago\n2019" in drawn
    assert "10.000" in drawn  # an axis tick
    assert table_rows(panel)[0] == ["julio 2019", "12.345"]
    assert "agosto 2019: 7" in panel.view.accessibleDescription()

    two_years = tuple(f"{year}-{month:02}" for year in (2019, 2020) for month in range(1, 13))
    years = month_chart(MonthlyAttackCounts(two_years, (AttackSeries(AttackType.THREAT, (1,) * 24),), undated=0))
    assert [span.label for span in years.spans] == ["2019", "2020"] and years.axis_labels == ()
    assert years.categories[7] == "agosto 2019"


def test_without_a_language_numbers_are_written_as_in_english() -> None:
    before = QLocale()
    QLocale.setDefault(QLocale.c())
    try:
        assert number(12_345) == "12,345"
        assert month_chart(MonthlyAttackCounts(("2019-08",), (), 0)).categories == ("August 2019",)
    finally:
        QLocale.setDefault(before)


def test_nothing_imports_qtcharts() -> None:
    """Neither the window, the dashboard nor the briefing loads the deprecated module (a fresh interpreter)."""
    code = ("import sys, desktop.app, desktop.ui.features, desktop.ui.dashboard, desktop.ui.report.briefing_pdf; "
            "print('PySide6.QtCharts' in sys.modules, 'desktop.ui.dashboard.tab' in sys.modules)")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False,
                          cwd=ROOT)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]  # the probe imported the dashboard
    sources = [path for path in (ROOT / "desktop").rglob("*.py")]
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom | ast.Import):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                assert not any("QtCharts" in name for name in names), path


def test_every_chart_control_is_named_before_and_after_the_figures(qtbot: QtBot, busy_database: Database) -> None:
    empty = DashboardTab(Session(None, DatabaseSessions(None)))
    full = DashboardTab(Session(busy_database, DatabaseSessions(None)), today=lambda: TODAY)
    for tab in (empty, full):
        qtbot.addWidget(tab)
        tab.show()
        qtbot.waitExposed(tab)
        for panel in tab.findChildren(ChartPanel):
            for widget in (panel.view, panel.table, panel.table_button):
                assert widget.accessibleName().strip(), (tab.session.is_open, widget.objectName())
    assert full.months_panel.view.accessibleName() == full.months_panel.chart.caption
    assert empty.months_panel.view.accessibleName() == "Chart, not drawn yet"


@settings(max_examples=60, deadline=None)
@given(
    counts=st.lists(st.lists(st.integers(0, 5000), min_size=1, max_size=30), min_size=1, max_size=4),
    horizontal=st.booleans(),
    size=st.tuples(st.integers(40, 900), st.integers(40, 700)),
)
@example(counts=[[1]], horizontal=True, size=(40, 48))  # a plot under 1 px high: a bar's 1 px once stuck out
@example(counts=[[1]], horizontal=False, size=(48, 40))
def test_bars_stay_in_the_plot_in_proportion_to_their_values(
    qapp: QApplication, counts: list[list[int]], horizontal: bool, size: tuple[int, int]
) -> None:
    width = min(len(values) for values in counts)
    series = tuple(Series(f"S{i}", tuple(values[:width]), "bar") for i, values in enumerate(counts))
    data = ChartData("T", tuple(f"C{i}" for i in range(width)), series, horizontal=horizontal)
    layout = layout_chart(data, QRectF(0, 0, *size), ChartFonts.pixels(12, 10, 9))
    plot = layout.plot
    assert len(layout.bars) == width * len(series)
    scale: float | None = None
    for bar in layout.bars:
        length = bar.rect.width() if horizontal else bar.rect.height()
        if plot.width() > 0 and plot.height() > 0:
            assert plot.adjusted(-0.01, -0.01, 0.01, 0.01).contains(bar.rect) or bar.value == 0
        if bar.value and length > 0:
            scale = scale or length / bar.value
            assert length / bar.value == pytest.approx(scale)
