"""The window on a database server: a stalled query does not freeze it, a stopped server shows the bar and Retry
brings the window back, a save whose backend is killed keeps the form and its entries and works once more."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import forms_fixtures as ff
import psycopg
import pytest
from conftest import ScriptedDialogs, make_active
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from support.pg_restartable import RestartablePostgresServer
from support.pg_server import PostgresUnavailableError

from desktop.domain.records import Facility
from desktop.persistence.engine import create_database_engine
from desktop.persistence.facility_repository import FacilityRepository
from desktop.persistence.schema import upgrade_to_head
from desktop.persistence.unit_of_work import Database
from desktop.services.demo import load_demo
from desktop.services.session.service import DatabaseSessions
from desktop.ui import error_dialogs
from desktop.ui.main_window import MainWindow
from desktop.ui.window_actions import WindowAction

pytestmark = pytest.mark.postgres
APP = "responsive_test"


@pytest.fixture(scope="module")
def server() -> Iterator[RestartablePostgresServer]:
    """A server of this module's own: one test stops it and starts it again."""
    try:
        started = RestartablePostgresServer()
    except PostgresUnavailableError as error:
        if os.environ.get("CI"):
            pytest.fail(str(error))
        pytest.skip(str(error))
    with started:
        started.execute('CREATE DATABASE "responsive"')
        engine = create_database_engine(started.url("responsive"))
        upgrade_to_head(engine)
        engine.dispose()
        yield started


@pytest.fixture
def pg_database(server: RestartablePostgresServer, sessions: DatabaseSessions) -> Iterator[Database]:
    """The module's database holding just the demo records, opened as the app opens it."""
    server.resume()
    with psycopg.connect(server.conninfo("responsive"), autocommit=True) as connection:
        query = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
        tables = [row[0] for row in connection.execute(query)]
        connection.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")  # type: ignore[arg-type]
    database = sessions.open(server.url("responsive") + f"?application_name={APP}", lock=False)
    load_demo(database)
    yield database
    server.resume()
    sessions.close(database)


@pytest.fixture
def pg_window(make_window: Callable[..., MainWindow], pg_database: Database, qsettings: Any) -> MainWindow:
    return make_window(pg_database, qsettings)


def wait_for_rows(qtbot: QtBot, window: MainWindow, rows: int) -> None:
    model = window.record_tabs["incidents"].model
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == rows, timeout=10_000)


def test_a_query_stalled_by_the_server_leaves_the_window_turning(
    qtbot: QtBot, pg_window: MainWindow, server: RestartablePostgresServer
) -> None:
    wait_for_rows(qtbot, pg_window, 3)
    model = pg_window.record_tabs["incidents"].model
    with psycopg.connect(server.conninfo("responsive")) as holder:
        holder.execute("LOCK TABLE incidents IN ACCESS EXCLUSIVE MODE")  # held until this transaction ends
        pg_window.refresh_all()  # the tables, the facility choices, the deadlines
        assert model.loading
        ticks: list[int] = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start(20)
        qtbot.wait(600)
        assert model.loading, "the page was read although the table is locked"
        assert len(ticks) >= 10, f"the event loop turned {len(ticks)} times in 0.6 s"
        menu = pg_window.menuBar().actions()[0].menu()
        assert isinstance(menu, QMenu)
        menu.popup(pg_window.mapToGlobal(QPoint(10, 10)))
        qtbot.waitUntil(menu.isVisible, timeout=2000)
        menu.close()
        qtbot.keyClick(pg_window.record_tabs["incidents"].table, Qt.Key.Key_Down)  # input is taken
        pg_window.tabs.setCurrentWidget(pg_window.findChild(QWidget, "dashboard_page"))  # built and read when shown
        dashboard = pg_window.findChild(QWidget, "dashboard")
        assert dashboard is not None
        qtbot.wait(300)
        assert dashboard.scope_label.text() == "Reading the figures…"  # type: ignore[attr-defined]
        assert len(ticks) >= 15, f"the event loop turned {len(ticks)} times in 0.9 s"
        timer.stop()
        holder.rollback()
    wait_for_rows(qtbot, pg_window, 3)
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10_000)  # type: ignore[attr-defined]
    assert dashboard.data.cases.open + dashboard.data.cases.closed == 3  # type: ignore[attr-defined]


def test_a_stopped_server_shows_the_bar_and_retry_brings_the_window_back(
    qtbot: QtBot, pg_window: MainWindow, server: RestartablePostgresServer
) -> None:
    wait_for_rows(qtbot, pg_window, 3)
    status = pg_window.findChild(QWidget, "server_bar")
    assert status is not None and status.isHidden()
    server.halt()
    pg_window.refresh_all()
    qtbot.waitUntil(status.isVisible, timeout=10_000)
    words = status.findChild(QWidget, "server_bar_text").text()  # type: ignore[union-attr]
    model = pg_window.record_tabs["incidents"].model
    assert model.rowCount() == 3 and model.index(0, 3).data(), "the rows shown before should stay, not an empty table"
    assert words.startswith("Server not reachable — retrying in "), words
    retry = status.findChild(QWidget, "server_bar_retry")
    assert retry is not None
    qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)  # still down: the bar stays, a longer wait
    qtbot.waitUntil(lambda: retry.isEnabled() and "retrying in 4 s" in status.findChild(  # type: ignore[union-attr]
        QWidget, "server_bar_text").text(), timeout=10_000)  # fmt: skip
    server.resume()
    qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(status.isHidden, timeout=10_000)
    wait_for_rows(qtbot, pg_window, 3)


def test_a_save_whose_backend_is_killed_keeps_the_form_and_saves_once_more(
    qtbot: QtBot, pg_window: MainWindow, dialogs: ScriptedDialogs, server: RestartablePostgresServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    original = FacilityRepository.add
    kills: list[int] = []

    def add(self: FacilityRepository, record: Facility) -> Facility:
        if not kills:
            pid = int(self.session.connection().execute(text("SELECT pg_backend_pid()")).scalar_one())
            server.execute(f"SELECT pg_terminate_backend({pid}, 5000)")
            kills.append(pid)
        return original(self, record)

    monkeypatch.setattr(FacilityRepository, "add", add)
    boxes: list[tuple[str, str, str]] = []
    seen_in_form: list[str] = []
    forms: list[Any] = []
    problems: list[BaseException] = []

    def told(_parent: Any, _icon: Any, title: str, headline: str, details: str) -> None:
        boxes.append((title, headline, details))
        QTimer.singleShot(0, save_again)  # runs in the form's exec() loop, which opens again after the box

    def save_again() -> None:
        form = forms[0]
        try:
            qtbot.waitUntil(form.isVisible, timeout=5000)
            make_active(qtbot, form)
            seen_in_form.append(form.name.text())
            ff.press_save(qtbot, form)
        except BaseException as error:  # never leave the form open: the test would wait for it forever
            problems.append(error)
            form.forget_changes()
            form.close()

    monkeypatch.setattr(error_dialogs, "show_box", told)

    def fill(form: Any) -> None:
        forms.append(form)
        ff.type_into(qtbot, form.name, "Killed Backend Annex")
        ff.press_save(qtbot, form)

    dialogs.then(fill)
    pg_window.registry[WindowAction.NEW_FACILITY].trigger()
    dialogs.check()
    assert not problems, problems
    assert kills, "the backend was not killed"
    assert boxes and boxes[0][1] == "Could not be saved: the database server is not reachable.", boxes
    assert "entries are kept" in boxes[0][2]
    assert seen_in_form == ["Killed Backend Annex"]  # the form came back with what was typed
    assert len(boxes) == 1  # the second save went through
    names = [name for _uuid, name in pg_window.session.services.facilities.names()]
    assert names.count("Killed Backend Annex") == 1


def test_a_save_refused_by_a_stopped_server_starts_the_bar(
    qtbot: QtBot, pg_window: MainWindow, dialogs: ScriptedDialogs, server: RestartablePostgresServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    wait_for_rows(qtbot, pg_window, 3)
    status = pg_window.findChild(QWidget, "server_bar")
    assert status is not None and status.isHidden()
    boxes: list[tuple[str, bool]] = []
    forms: list[Any] = []

    def told(_parent: Any, _icon: Any, _title: str, headline: str, _details: str) -> None:
        boxes.append((headline, status.isVisible()))
        QTimer.singleShot(0, give_up)

    def give_up() -> None:  # the form opens again with the entries; the person closes it
        form = forms[0]
        qtbot.waitUntil(form.isVisible, timeout=5000)
        form.forget_changes()
        form.close()

    monkeypatch.setattr(error_dialogs, "show_box", told)

    def fill(form: Any) -> None:
        forms.append(form)
        ff.type_into(qtbot, form.name, "Annex While Down")
        server.halt()
        ff.press_save(qtbot, form)

    dialogs.then(fill)
    pg_window.registry[WindowAction.NEW_FACILITY].trigger()
    dialogs.check()
    assert boxes and boxes[0][0] == "Could not be saved: the database server is not reachable.", boxes
    assert boxes[0][1], "the bar should be showing beside the message"
    words = status.findChild(QWidget, "server_bar_text").text()  # type: ignore[union-attr]
    assert words.startswith("Server not reachable"), words
    server.resume()
    retry = status.findChild(QWidget, "server_bar_retry")
    qtbot.waitUntil(lambda: retry is not None and retry.isEnabled(), timeout=10_000)
    qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(status.isHidden, timeout=10_000)
    wait_for_rows(qtbot, pg_window, 3)


def test_opening_a_record_while_the_server_stalls_keeps_the_window_painting(
    qtbot: QtBot, pg_window: MainWindow, dialogs: ScriptedDialogs, server: RestartablePostgresServer
) -> None:
    wait_for_rows(qtbot, pg_window, 3)
    tab = pg_window.record_tabs["incidents"]
    tab.table.selectRow(0)
    tab.table.setFocus()
    shown_title = tab.selected_record().title
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    opened: list[tuple[int, str]] = []

    def look(form: Any) -> None:
        opened.append((len(ticks), form.title.text()))
        form.reject()

    dialogs.then(look)
    with psycopg.connect(server.conninfo("responsive")) as holder:
        holder.execute("LOCK TABLE incidents IN ACCESS EXCLUSIVE MODE")  # the record's read waits for it
        QTimer.singleShot(600, holder.rollback)  # released while the window waits (its loop runs the timer)
        pg_window.registry[WindowAction.EDIT].trigger()
        dialogs.check()
    timer.stop()
    assert opened, "the form did not open"
    assert opened[0][0] >= 20, f"the event loop turned {opened[0][0]} times while the read waited 0.6 s"
    assert opened[0][1] == shown_title


def test_an_export_while_the_server_stalls_keeps_the_window_turning(
    qtbot: QtBot, pg_window: MainWindow, server: RestartablePostgresServer, tmp_path: Path
) -> None:
    from desktop.services.csv.export import ExportOptions

    wait_for_rows(qtbot, pg_window, 3)
    assert pg_window.features is not None
    target = tmp_path / "incidents.csv"
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    with psycopg.connect(server.conninfo("responsive")) as holder:
        holder.execute("LOCK TABLE incidents IN ACCESS EXCLUSIVE MODE")  # the export's first read waits for it
        QTimer.singleShot(600, holder.rollback)  # released while the export waits (the window's loop runs it)
        pg_window.features.csv._write(pg_window.session.database, target, ExportOptions(), None)
    timer.stop()
    assert len(ticks) >= 20, f"the event loop turned {len(ticks)} times while the export waited 0.6 s"
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + 3, lines[:2]  # the header and the three incidents
