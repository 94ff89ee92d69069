"""First run and empty tables: what each tab offers without records, and New incident without a facility."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

import forms_fixtures as ff
import pytest
from conftest import ScriptedDialogs, make_active
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from support.clock import FakeClock

from desktop.persistence.unit_of_work import Database
from desktop.services.records import FacilityService, IncidentService
from desktop.ui.main_window import MainWindow
from desktop.ui.record_tab import RecordTab

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def empty_window(
    make_window: Callable[..., MainWindow], database: Database, qsettings: QSettings, clock: FakeClock
) -> MainWindow:
    """The main window on a database without any records (the clock at noon of the computer's day)."""
    clock.set(datetime.combine(date.today(), time(12)))
    return make_window(database, qsettings)


def shown_tab(qtbot: QtBot, window: MainWindow, key: str) -> RecordTab:
    window.show_tab(key)
    tab = window.record_tabs[key]
    qtbot.waitUntil(tab.isVisible, timeout=2000)
    return tab


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def new_facility(qtbot: QtBot, name: str) -> Callable[[QWidget], None]:
    """A dialog step: type the facility's name key by key, then Ctrl+S."""

    def fill(form: QWidget) -> None:
        form.name.setFocus()
        qtbot.keyClicks(form.name, name)
        ff.press_save(qtbot, form)

    return fill


@pytest.mark.parametrize(
    ("key", "buttons"),
    [
        ("incidents", ["New facility", "New incident", "Import CSV", "Load demo records"]),
        ("facilities", ["New facility", "Import CSV", "Load demo records"]),
        ("plan_items", ["New plan item", "Import CSV"]),
        ("directives", ["New directive", "Import CSV", "Load demo records"]),
    ],
)
def test_an_empty_database_shows_what_to_do_on_each_tab(
    qtbot: QtBot, empty_window: MainWindow, key: str, buttons: list[str]
) -> None:
    tab = shown_tab(qtbot, empty_window, key)
    state = tab.empty_state
    assert state.isVisible() and not tab.table.isVisible()
    assert state.texts() == buttons
    assert "no " in state.label.text().lower()
    for button in state.buttons:
        assert isinstance(button, QPushButton) and "&" not in button.text()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_new_facility_from_the_empty_state_is_stored_and_the_table_comes_back(
    qtbot: QtBot, empty_window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    tab = shown_tab(qtbot, empty_window, "facilities")
    dialogs.then(new_facility(qtbot, "Field office, Portland"))
    click(qtbot, tab.empty_state.button("New facility"))
    dialogs.check()
    assert [name for _uuid, name in FacilityService(empty_window.session.database).names()] == [
        "Field office, Portland"
    ]
    qtbot.waitUntil(tab.table.isVisible, timeout=2000)
    assert not tab.empty_state.isVisible() and tab.model.rowCount() == 1


def test_filters_hiding_every_row_offer_clear_filters(qtbot: QtBot, window: MainWindow) -> None:
    tab = shown_tab(qtbot, window, "incidents")
    assert tab.table.isVisible() and not tab.empty_state.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(tab.filter_bar.search, "nowhere-to-be-found")
    qtbot.waitUntil(tab.empty_state.isVisible, timeout=2000)
    assert tab.empty_state.label.text() == "No records match the filters."
    assert tab.empty_state.texts() == ["Clear filters"]
    click(qtbot, tab.empty_state.button("Clear filters"))
    assert tab.filter_bar.search.text() == ""
    assert tab.table.isVisible() and tab.model.rowCount() == 3


def test_load_demo_records_from_the_empty_state(qtbot: QtBot, empty_window: MainWindow) -> None:
    tab = shown_tab(qtbot, empty_window, "incidents")
    click(qtbot, tab.empty_state.button("Load demo records"))
    assert len(IncidentService(empty_window.session.database).page()) == 3
    assert tab.table.isVisible() and tab.model.rowCount() == 3
    facilities = shown_tab(qtbot, empty_window, "facilities")
    assert facilities.table.isVisible() and facilities.model.rowCount() == 3


def test_new_incident_without_a_facility_adds_the_facility_first(
    qtbot: QtBot, empty_window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    tab = shown_tab(qtbot, empty_window, "incidents")
    asked: list[str] = []

    def answer(box: QMessageBox) -> None:
        asked.append(box.text())
        assert {b.text() for b in box.buttons()} == {"New facility…", "Cancel"}
        button = next(b for b in box.buttons() if b.text() == "New facility…")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    chosen: list[str] = []

    def fill_incident(form: QWidget) -> None:
        chosen.append(form.facility.currentText())
        ff.type_into(qtbot, form.title, "Graffiti on the gate")
        ff.type_into(qtbot, form.legal_history.date.edit, "2019-10-01")  # the day it was reported
        make_active(qtbot, form)
        ff.press_save(qtbot, form)

    dialogs.then(answer)
    dialogs.then(new_facility(qtbot, "Field office, Portland"))
    dialogs.then(fill_incident)
    qtbot.keyClick(tab.empty_state.buttons[0], Qt.Key.Key_N, CTRL)
    dialogs.check()
    assert asked == ["Every incident happens at a facility. Add the facility first?"]
    assert chosen == ["Field office, Portland"]
    stored = IncidentService(empty_window.session.database).page()
    assert [(i.title, i.facility_name) for i in stored] == [("Graffiti on the gate", "Field office, Portland")]
    qtbot.waitUntil(tab.table.isVisible, timeout=2000)
    assert tab.model.rowCount() == 1


def test_cancel_in_the_facility_question_adds_nothing(
    qtbot: QtBot, empty_window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    tab = shown_tab(qtbot, empty_window, "incidents")
    dialogs.then(lambda box: qtbot.keyClick(QApplication.focusWidget() or box, Qt.Key.Key_Escape))
    click(qtbot, tab.empty_state.button("New incident"))
    dialogs.check()
    assert FacilityService(empty_window.session.database).names() == []
    assert tab.empty_state.isVisible()
