"""On a database server a search's first page is shown before its matches are counted: the window says "counting…"
(never a guess) until the exact count comes, then the rows past the first page appear; a newer search drops it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support.pg_server import PostgresServer

from desktop.domain.queries import IncidentFilter
from desktop.persistence.unit_of_work import Database
from desktop.services.demo import load_demo
from desktop.services.records import IncidentService
from desktop.services.session.service import DatabaseSessions
from desktop.ui.main_window import MainWindow
from desktop.ui.table_models.paged import PagedTableModel

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def demo_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A server database holding the demo records (three incidents; 'device' is in two of them)."""
    with postgres_server.fresh_database() as name:
        sessions = DatabaseSessions(None)
        database = sessions.open(postgres_server.url(name), lock=False)
        load_demo(database)
        sessions.close(database)
        yield postgres_server.url(name)


@pytest.fixture
def pg_database(demo_url: str, sessions: DatabaseSessions) -> Iterator[Database]:
    """Asked for before `make_window`: closed after the window."""
    database = sessions.open(demo_url, lock=False)
    yield database
    sessions.close(database)


@pytest.fixture
def pg_window(pg_database: Database, make_window: Callable[..., MainWindow], qsettings: Any) -> MainWindow:
    return make_window(pg_database, qsettings)


@pytest.fixture
def counts_held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """A search's count waits (in the worker) until the event is set: the window is seen while it counts."""
    gate = threading.Event()
    original = IncidentService.count

    def held(service: IncidentService, where: IncidentFilter | None = None) -> int:
        if where is not None and where.text:
            assert gate.wait(10), "the test never let the count go"
        return original(service, where)

    monkeypatch.setattr(IncidentService, "count", held)
    yield gate
    gate.set()


def search(qtbot: QtBot, window: MainWindow, text: str) -> PagedTableModel[Any]:
    """Type `text` into the incidents' search box (one row a page) and press Enter; the tab's model."""
    tab = window.record_tabs["incidents"]
    model = tab.model
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 3, timeout=10_000)
    model.page_size = 1  # the first page of 'device' is full: more may follow
    window.focus_search()
    tab.filter_bar.search.clear()
    qtbot.keyClicks(tab.filter_bar.search, text)
    qtbot.keyClick(tab.filter_bar.search, Qt.Key.Key_Return)
    return model


def test_a_search_shows_its_first_page_then_counting_then_the_exact_count(
    qtbot: QtBot, pg_window: MainWindow, pg_database: Database, counts_held: threading.Event
) -> None:
    window = pg_window
    model = search(qtbot, window, "device")
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    assert model.counting and model.rowCount() == 1 and model.index(0, 3).data()  # the page is shown
    assert window.counts_label.text() == "counting… of 3 incidents"  # no number for what is not counted yet
    counts_held.set()
    qtbot.waitUntil(lambda: not model.counting, timeout=10_000)
    assert model.rowCount() == 2 == IncidentService(pg_database).count(IncidentFilter(text="device"))
    assert window.counts_label.text() == "2 of 3 incidents shown"
    model.fetch_pending()
    qtbot.waitUntil(lambda: model.index(1, 3).data() is not None, timeout=10_000)  # the second row is read


def test_a_newer_search_drops_the_count_of_the_older(
    qtbot: QtBot, pg_window: MainWindow, pg_database: Database, counts_held: threading.Event
) -> None:
    window = pg_window
    model = search(qtbot, window, "device")
    qtbot.waitUntil(lambda: not model.loading and model.counting, timeout=10_000)
    tab = window.record_tabs["incidents"]
    qtbot.keyClicks(tab.filter_bar.search, "zzz")  # 'devicezzz': nothing, so no count needed
    qtbot.keyClick(tab.filter_bar.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 0, timeout=10_000)
    assert not model.counting and window.counts_label.text() == "0 of 3 incidents shown"
    counts_held.set()  # the older count now answers: dropped
    qtbot.wait(300)
    assert model.rowCount() == 0 and window.counts_label.text() == "0 of 3 incidents shown"


def test_a_search_on_a_local_file_is_counted_with_its_page(
    qtbot: QtBot, demo_database: Database, make_window: Callable[..., MainWindow], qsettings: Any
) -> None:
    window = make_window(demo_database, qsettings)
    model = search(qtbot, window, "device")
    assert not model.counting and model.rowCount() == 2
    assert window.counts_label.text() == "2 of 3 incidents shown"
