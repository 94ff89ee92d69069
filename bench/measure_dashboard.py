"""Dashboard refresh: every chart's figures (desktop.services.dashboard) on the whole table and filtered, and the tab
shown with its charts painted."""

from __future__ import annotations

import importlib
import os
from datetime import date

from bench.generate import LAST_DAY, BenchDatabase
from bench.postgres import reference_seconds
from bench.timing import Figure, recorded_sql, skipped, timed
from desktop.domain.enums import Severity
from desktop.domain.queries import IncidentFilter
from desktop.persistence.opening import open_database
from desktop.persistence.unit_of_work import Database

AREA = "dashboard"
TARGET = 1.0


def measure(bench: BenchDatabase) -> list[Figure]:
    try:
        dashboard = importlib.import_module("desktop.services.dashboard")
    except ImportError:
        return [skipped(AREA, "dashboard refresh", "not built yet (desktop/services/dashboard.py)")]
    if not hasattr(dashboard, "dashboard_data"):
        return [skipped(AREA, "dashboard refresh", "not built yet (dashboard_data missing)")]
    today = LAST_DAY
    filters = {
        "dashboard refresh, all incidents": None,
        "dashboard refresh, year 2019": IncidentFilter(occurred_from=date(2019, 1, 1), occurred_to=date(2019, 12, 31)),
        "dashboard refresh, severity critical": IncidentFilter(severities=(Severity.CRITICAL,)),
        "dashboard refresh, search 'arson'": IncidentFilter(text="arson"),
    }
    database = open_database(bench.url)
    figures = []
    try:
        for operation, where in filters.items():
            action = lambda where=where: dashboard.dashboard_data(database, where, today)  # noqa: E731
            with recorded_sql(database.engine) as statements:
                action()
            timing = timed(action, 3)
            shell = reference_seconds(bench, statements, 3)
            figures.append(Figure(AREA, operation, timing.median, TARGET, shell, cpu_seconds=timing.cpu))
        figures.append(_tab_figure(database, today))
    finally:
        database.close()
    return figures


def _tab_figure(database: Database, today: date) -> Figure:
    """The Dashboard tab built, refreshed and painted (offscreen Qt), every chart drawn with QPainter."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.services.session.service import DatabaseSessions
    from desktop.ui.dashboard import DashboardTab
    from desktop.ui.session import Session

    app = QApplication.instance() or QApplication(["bench"])

    def open_tab() -> None:
        tab = DashboardTab(Session(database, DatabaseSessions(None)), today=lambda: today)
        tab.resize(1400, 1150)
        tab.show()
        app.processEvents()
        tab.grab()
        tab.close()
        tab.deleteLater()
        app.processEvents()

    timing = timed(open_tab, 3)
    return Figure(AREA, "dashboard tab shown and painted, all incidents", timing.median, TARGET,
                  cpu_seconds=timing.cpu)  # fmt: skip
