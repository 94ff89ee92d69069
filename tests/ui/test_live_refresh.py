"""Two analysts on one PostgreSQL database: what one saves shows in the other's open table within a second, without
Refresh, and the reader keeps their place (scroll position, selected record)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from support.pg_server import PostgresServer

from desktop.domain.records import Facility
from desktop.persistence.unit_of_work import Database
from desktop.services.records import FacilityService
from desktop.services.session.service import DatabaseSessions
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.postgres
FACILITIES = 400  # two pages of 200: the reader scrolls into the second


@pytest.fixture(scope="module")
def shared_url(postgres_server: PostgresServer) -> Iterator[str]:
    with postgres_server.fresh_database() as name:
        url = postgres_server.url(name)
        sessions = DatabaseSessions(None)
        database = sessions.open(url, lock=False)
        with database.unit_of_work() as uow:
            for number in range(FACILITIES):
                uow.facilities.add(Facility(name=f"Field office {number:03d}", state="WA"))
            uow.commit()
        sessions.close(database)
        yield url


@pytest.fixture
def analysts(shared_url: str, sessions: DatabaseSessions) -> Iterator[tuple[Database, Database]]:
    """Two Databases on one server database; asked for before `make_window`: closed after the window."""
    mine, theirs = sessions.open(shared_url, lock=False), sessions.open(shared_url, lock=False)
    yield mine, theirs
    sessions.close(theirs)
    sessions.close(mine)  # its listener's thread ends


def reader_window(make_window: Callable[..., MainWindow], database: Database, qsettings: QSettings,
                  qtbot: QtBot) -> MainWindow:  # fmt: skip
    window = make_window(database, qsettings)
    window.show_tab("facilities")
    live = window.features.live if window.features is not None else None
    assert live is not None and live.listening
    for listener in database._listeners:
        assert listener.wait_listening(5)
    model = window.record_tabs["facilities"].model
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() > 0)  # on a server the pages are read in a worker
    return window


def cell(window: MainWindow, row: int, column: int = 0) -> str:
    model = window.record_tabs["facilities"].model
    return str(model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole))


def test_an_edit_by_the_other_analyst_shows_in_my_table_within_a_second_keeping_my_place(
    analysts: tuple[Database, Database], qtbot: QtBot, make_window: Callable[..., MainWindow], qsettings: QSettings
) -> None:
    mine, theirs = analysts
    window = reader_window(make_window, mine, qsettings, qtbot)
    tab = window.record_tabs["facilities"]
    table = tab.table
    table.setFocus()
    table.scrollTo(tab.model.index(260, 0))
    qtbot.waitUntil(lambda: tab.model.record_at(260) is not None)
    table.select_row(262, scroll=False)
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the person moves the selection: row 263
    scroll = table.verticalScrollBar().value()
    selected = table.current_uuid()
    assert selected is not None and table.current_row() == 263
    visible_row = table.rowAt(table.viewport().height() // 2)
    target = tab.model.record_at(visible_row)
    assert target is not None
    fetches = tab.model.fetches

    began = time.perf_counter()
    FacilityService(theirs).update(replace(target, name=f"{target.name} (renamed)"))
    qtbot.waitUntil(lambda: cell(window, visible_row) == f"{target.name} (renamed)", timeout=1000)
    seconds = time.perf_counter() - began
    print(f"\nanother analyst's edit shown after {seconds * 1000:.0f} ms")
    assert seconds < 1.0
    assert table.verticalScrollBar().value() == scroll
    assert table.current_uuid() == selected and table.current_row() == 263
    assert tab.model.fetches - fetches <= 2  # the pages in view, not every cached page and not a reset


def test_a_record_added_by_the_other_analyst_is_counted_and_shown(
    analysts: tuple[Database, Database], qtbot: QtBot, make_window: Callable[..., MainWindow], qsettings: QSettings
) -> None:
    mine, theirs = analysts
    window = reader_window(make_window, mine, qsettings, qtbot)
    tab = window.record_tabs["facilities"]
    before = tab.model.rowCount()
    table = tab.table
    table.select_row(0)
    selected = table.current_uuid()
    FacilityService(theirs).create(Facility(name="AAA new office", state="OR"))  # sorts first
    qtbot.waitUntil(lambda: tab.model.rowCount() == before + 1, timeout=1000)
    qtbot.waitUntil(lambda: cell(window, 0) == "AAA new office", timeout=1000)
    assert table.current_uuid() == selected  # the selection followed its record to row 1
    assert table.current_row() == 1


def test_a_hidden_tab_reads_the_change_when_shown(
    analysts: tuple[Database, Database], qtbot: QtBot, make_window: Callable[..., MainWindow], qsettings: QSettings
) -> None:
    mine, theirs = analysts
    window = reader_window(make_window, mine, qsettings, qtbot)
    window.show_tab("incidents")
    live = window.features.live if window.features is not None else None
    assert live is not None
    with qtbot.waitSignal(live.refreshed, timeout=1000):
        FacilityService(theirs).create(Facility(name="AAB hidden meanwhile", state="ID"))
    tab = window.record_tabs["facilities"]
    assert tab.is_stale
    window.show_tab("facilities")
    qtbot.waitUntil(lambda: not tab.model.loading, timeout=1000)  # on a server the pages are read in a worker
    assert "AAB hidden meanwhile" in [cell(window, row) for row in range(tab.model.rowCount())]
