"""The main window on the generated database: first page shown, sorting and searching (offscreen Qt)."""

from __future__ import annotations

import importlib.util

from bench.generate import BenchDatabase
from bench.timing import Figure, skipped

AREA = "window"


def measure(bench: BenchDatabase) -> list[Figure]:
    if importlib.util.find_spec("desktop.app") is None:
        return [skipped(AREA, "window first page / sort / search", "not built yet (desktop/app.py)")]
    return [skipped(AREA, "window first page / sort / search", "not built yet (build_main_window)")]
