"""CSV export and import of every incident, next to the sqlite3 shell's .mode csv export and .import."""

from __future__ import annotations

import importlib.util

from bench.generate import BenchDatabase
from bench.timing import Figure, skipped

AREA = "csv"


def measure(bench: BenchDatabase) -> list[Figure]:
    if importlib.util.find_spec("desktop.services.csv_export") is None:
        return [skipped(AREA, "CSV export / import", "not built yet (desktop/services/csv_export.py)")]
    return [skipped(AREA, "CSV export / import", "not built yet")]
