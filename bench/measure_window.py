"""The main window on the generated database (offscreen Qt): first page shown, header-click sorts, searches.

Everything is driven the way a person does it (header clicks, typing into the search box and Enter,
dragging the scroll bar) and timed until the event loop has nothing left to do for it.
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.generate import COMMON_WORD, LAST_DAY, RARE_WORD, BenchDatabase
from bench.timing import Figure, repeats, skipped

AREA = "window"
FIRST_PAGE_TARGET = 0.5
INTERACTION_TARGET = 0.2


def measure(bench: BenchDatabase) -> list[Figure]:
    if importlib.util.find_spec("desktop.app") is None:
        return [skipped(AREA, "window first page / sort / search", "not built yet (desktop/app.py)")]
    import desktop.app

    if not hasattr(desktop.app, "build_main_window"):
        return [skipped(AREA, "window first page / sort / search", "not built yet (build_main_window)")]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["bench"])
    with tempfile.TemporaryDirectory(prefix="bench-window-") as folder:
        return _measure(bench, app, Path(folder))


@contextmanager
def _window(bench: BenchDatabase, folder: Path, app: Any) -> Iterator[tuple[Any, float, float]]:
    """An open database and a shown main window; yields (window, seconds to open the database, seconds
    from then until the window shows its first page)."""
    import shiboken6
    from PySide6.QtCore import QSettings

    from desktop.app import build_main_window
    from desktop.paths import AppPaths
    from desktop.services.session.service import DatabaseSessions
    from desktop.ui.session import Session

    paths = AppPaths(data_dir=folder / "data", config_dir=folder / "config", backup_dir=folder / "backups")
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    sessions = DatabaseSessions(None)  # as the app opens it (file check, schema), without backups or the lock
    started = time.perf_counter()
    database = sessions.open(bench.url, lock=False)
    opened = time.perf_counter()
    window = build_main_window(Session(database, sessions), paths, settings, today=lambda: LAST_DAY)
    if window.features is not None:  # the window alone: the background file check is the start area's
        window.features.checks.start_on_show = False
    try:
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        yield window, opened - started, time.perf_counter() - opened
    finally:
        window.close()
        app.processEvents()
        shiboken6.delete(window)
        shiboken6.delete(settings)
        sessions.close(database)


def _settled(app: Any, action: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds for `action` and all the events it causes (page fetches, repaints)."""
    started, cpu = time.perf_counter(), time.process_time()
    action()
    for _ in range(5):  # fetch timers fire on the next turns of the loop
        app.processEvents()
    return time.perf_counter() - started, time.process_time() - cpu


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


def _measure(bench: BenchDatabase, app: Any, folder: Path) -> list[Figure]:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    figures: list[Figure] = []
    openings, first_pages = [], []
    for _ in range(max(2, repeats() // 2)):
        with _window(bench, folder, app) as (_window_shown, opening, seconds):
            openings.append(opening)
            first_pages.append(seconds)
    figures.append(Figure(AREA, "open the database (file and schema check)", _median(openings),
                          note=f"first of {len(openings)}: {openings[0]:.3f} s"))  # fmt: skip
    figures.append(Figure(AREA, "build window, show first page", _median(first_pages), FIRST_PAGE_TARGET,
                          note=f"first of {len(first_pages)}: {first_pages[0]:.3f} s; all tabs, counts"))  # fmt: skip
    with _window(bench, folder, app) as (window, _opening, _seconds):
        tab = window.record_tabs["incidents"]
        window.show_tab("incidents")
        app.processEvents()
        table, model = tab.table, tab.model
        assert model.rowCount() > 0, "the incidents table shows no rows"
        header = table.horizontalHeader()

        def click_header(column: int) -> None:
            x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
            QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             QPoint(x, header.height() // 2))  # fmt: skip

        for column, spec in enumerate(model.columns):
            if spec.sort_key is None:
                continue
            for _ in range(2):  # the first click sorts one way, the second the other
                seconds, cpu = _settled(app, lambda column=column: click_header(column))
                direction = "desc" if model.descending else "asc"
                if model.sort_key != spec.sort_key:
                    figures.append(skipped(AREA, f"click header '{spec.title}'", "the click did not sort"))
                    break
                figures.append(Figure(AREA, f"click header '{spec.title}' ({direction})", seconds,
                                      INTERACTION_TARGET, cpu_seconds=cpu))  # fmt: skip
        click_header(next(i for i, c in enumerate(model.columns) if c.sort_key == "occurred"))
        app.processEvents()
        search = tab.filter_bar.search
        for text in (COMMON_WORD, RARE_WORD, "molo", "arson gate", "t"):
            QTest.mouseClick(search, Qt.MouseButton.LeftButton)  # focus the search box, as a person does
            search.selectAll()
            QTest.keyClicks(search, text)
            seconds, cpu = _settled(app, lambda: QTest.keyClick(search, Qt.Key.Key_Return))
            if model.where.text != text:
                figures.append(skipped(AREA, f"search '{text}' + Enter", "the search did not reach the table"))
                continue
            figures.append(Figure(AREA, f"search '{text}' + Enter ({model.rowCount():,} rows)", seconds,
                                  INTERACTION_TARGET, cpu_seconds=cpu))  # fmt: skip
        QTest.mouseClick(search, Qt.MouseButton.LeftButton)
        QTest.keyClick(search, Qt.Key.Key_Escape)
        app.processEvents()
        bar = table.verticalScrollBar()
        fetches = model.fetches
        seconds, cpu = _settled(app, lambda: bar.setValue(bar.maximum() // 2))
        figures.append(Figure(AREA, "drag scroll bar to the middle", seconds, FIRST_PAGE_TARGET, cpu_seconds=cpu,
                              note=f"{model.fetches - fetches} page(s) read"))  # fmt: skip
    return figures
