"""Dashboard refresh: every chart's figures (desktop.services.dashboard) on the whole table and filtered."""

from __future__ import annotations

import importlib
from datetime import date

from bench.generate import LAST_DAY, BenchDatabase
from bench.timing import Figure, recorded_sql, shell_seconds, skipped, timed
from desktop.domain.enums import Severity
from desktop.domain.queries import IncidentFilter
from desktop.persistence.opening import open_database

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
            shell = shell_seconds(bench.path, statements, 3)
            figures.append(Figure(AREA, operation, timing.median, TARGET, shell, cpu_seconds=timing.cpu))
    finally:
        database.close()
    return figures
