"""Helpers for the form and undo tests: real services on a temp SQLite database, and ways to drive
widgets as a person does (typing, choosing combo items by typing their label, dates, Ctrl+S)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from support.clock import FakeClock

from desktop.persistence.unit_of_work import Database
from desktop.services.demo import load_demo
from desktop.services.records import FacilityService, IncidentService, PlanItemService
from desktop.services.session.service import DatabaseSessions
from desktop.ui.forms.base import RecordForm


@dataclass
class Services:
    database: Database
    facilities: FacilityService
    incidents: IncidentService
    plan_items: PlanItemService

    def facility_named(self, fragment: str) -> str:
        return next(uuid for uuid, name in self.facilities.names() if fragment in name)

    def incident_titled(self, fragment: str) -> str:
        return next(i.uuid for i in self.incidents.page() if fragment in i.title)


@pytest.fixture
def services(tmp_path: Path, sessions: DatabaseSessions, clock: FakeClock) -> Iterator[Services]:
    """The real services on a fresh SQLite file in tmp_path (opened through the session service), holding the
    demo data; the database clock at noon of the computer's day, the day the forms take as today."""
    clock.set(datetime.combine(date.today(), time(12)))
    database = sessions.open(f"sqlite+pysqlite:///{tmp_path / 't.sqlite3'}", lock=False)
    load_demo(database)
    try:
        yield Services(database, FacilityService(database), IncidentService(database), PlanItemService(database))
    finally:
        sessions.close(database)


def shown(qtbot: QtBot, form: RecordForm) -> RecordForm:
    """Show the form; at teardown it is closed without the discard question and deleted."""
    qtbot.addWidget(form, before_close_func=lambda widget: widget.forget_changes())
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    return form


def type_into(qtbot: QtBot, widget: QWidget, text: str, *, replace: bool = True) -> None:
    """Click into a text field, select what is there (Ctrl+A) and type over it."""
    widget.setFocus()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    if replace:
        qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)  # QTest cannot type "\n" itself
        qtbot.keyClicks(widget, line)


def choose(qtbot: QtBot, combo: QComboBox, label: str) -> None:
    """Open the combo box's list, walk to the item with the arrow keys and press Enter."""
    index = combo.findText(label, Qt.MatchFlag.MatchExactly)
    assert index >= 0, f"no item {label!r} in {[combo.itemText(i) for i in range(combo.count())]}"
    if combo.isEditable():  # a click would go to the text field: open the list with Alt+Down
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    else:
        qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=2000)
    steps = index - view.currentIndex().row()
    for _ in range(abs(steps)):
        qtbot.keyClick(view, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=2000)
    reactivate(qtbot, combo)
    assert combo.currentText() == label, f"choosing {label!r} chose {combo.currentText()!r}"


def reactivate(qtbot: QtBot, widget: QWidget) -> None:
    """After a popup closed: the offscreen platform leaves no active window (a window manager would
    give activation back to the dialog)."""
    if QApplication.activeWindow() is not widget.window():
        with qtbot.waitActive(widget.window()):
            widget.window().activateWindow()


def pick_facility(qtbot: QtBot, picker: QComboBox, fragment: str) -> None:
    """Type part of a facility's name and take the first completion from the popup."""
    line: QLineEdit = picker.lineEdit()
    type_into(qtbot, line, fragment)
    popup = picker.completer().popup()
    assert popup.isVisible(), "no completion offered"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    reactivate(qtbot, picker)


def press_save(qtbot: QtBot, form: RecordForm) -> None:
    """Ctrl+S where the keyboard focus is."""
    target = QApplication.focusWidget() or form
    assert QApplication.activeWindow() is form, f"the form is not the active window: {QApplication.activeWindow()}"
    qtbot.keyClick(target, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def press_escape(qtbot: QtBot, form: RecordForm) -> None:
    qtbot.keyClick(QApplication.focusWidget() or form, Qt.Key.Key_Escape)


def answer_next_question(qtbot: QtBot, button_text: str, asked: list[str]) -> Callable[[], None]:
    """Arrange to click `button_text` in the next modal message box (records its text in `asked`)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        asked.append(box.text())
        button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)
    return click


def accepted(form: RecordForm) -> bool:
    """Whether Save closed the dialog as accepted (the assertion names what is still wrong)."""
    ok = form.result() == QDialog.DialogCode.Accepted and not form.isVisible()
    assert ok, f"not accepted; problems: {form.current_errors()}"
    return ok


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


@pytest.fixture
def en_us() -> Iterator[None]:
    """The computer's locale is en_US (short dates M/d/yy: 7/13/2019 is 13 July) while the test runs."""
    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    try:
        yield
    finally:
        QLocale.setDefault(before)


def answer_sensitive_question(qtbot: QtBot, dialog: Any, *, include: bool) -> None:
    """The question an export or briefing dialog asks (its `sensitive_question`) before sensitive fields are
    included: check its words, press Include them or Cancel with the mouse, and wait until it is answered."""
    qtbot.waitUntil(lambda: dialog.sensitive_question is not None and dialog.sensitive_question.isVisible())
    box = dialog.sensitive_question
    assert box is not None
    assert "suspect names and personal details" in box.text() and "may be shared" in box.informativeText()
    button = box.findChild(QPushButton, "include_button") if include else box.button(QMessageBox.StandardButton.Cancel)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.sensitive_question is None)
