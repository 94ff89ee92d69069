"""An incident form adds the facility its picker does not know: type the name, New facility “…”…, save both."""

from __future__ import annotations

from collections.abc import Callable

import forms_fixtures as ff
from conftest import ScriptedDialogs, make_active
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.services.records import FacilityService, IncidentService
from desktop.ui.forms.facility_form import FacilityForm
from desktop.ui.forms.incident_form import IncidentForm
from desktop.ui.main_window import MainWindow

NEW_NAME = "ICE field office, Aurora"
CTRL = Qt.KeyboardModifier.ControlModifier


def message(form: QWidget, key: str) -> str:
    label = form.findChild(QLabel, f"message_{key}")
    return label.text() if label is not None and label.isVisible() else ""


def facility_step(qtbot: QtBot, seen: list[str], *, save: bool) -> Callable[[QWidget], None]:
    """The nested facility form: note the name it opened with, type the state, then Ctrl+S (or Esc, Discard)."""

    def work(form: QWidget) -> None:
        assert isinstance(form, FacilityForm)
        seen.append(form.name.text())
        if not save:
            form.forget_changes()
            qtbot.keyClick(QApplication.focusWidget() or form, Qt.Key.Key_Escape)
            return
        ff.type_into(qtbot, form.state.lineEdit(), "CO")
        ff.press_save(qtbot, form)

    return work


def test_a_facility_typed_in_the_incident_form_is_added_and_chosen(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    facilities_before = FacilityService(window.session.database).count()
    seen: list[str] = []
    states: list[tuple[str, str, bool]] = []

    def fill_incident(form: QWidget) -> None:
        assert isinstance(form, IncidentForm)
        ff.type_into(qtbot, form.title, "Rocks thrown at the sally port")
        assert not form.facility_choice.add_button.isVisible()
        ff.type_into(qtbot, form.facility.lineEdit(), NEW_NAME)
        qtbot.keyClick(form.facility.lineEdit(), Qt.Key.Key_Tab)
        assert form.facility_choice.add_button.isVisible()
        assert QApplication.focusWidget() is form.facility_choice.add_button, "Tab reaches the button"
        assert message(form, "facility") == (
            f"Facility must be chosen from the list (no facility is named “{NEW_NAME}”; New facility… adds it)"
        )
        qtbot.keyClick(form.facility_choice.add_button, Qt.Key.Key_Return)  # opens the facility form (nested)
        make_active(qtbot, form)
        states.append((form.facility.currentText(), message(form, "facility"),
                       form.facility_choice.add_button.isVisible()))  # fmt: skip
        ff.type_into(qtbot, form.legal_history.date.edit, "2019-07-13")
        ff.press_save(qtbot, form)

    dialogs.then(fill_incident)
    dialogs.then(facility_step(qtbot, seen, save=True))
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialogs.check()

    assert seen == [NEW_NAME], "the facility form opens with the typed name"
    assert states == [(NEW_NAME, "", False)], "back in the incident form the new facility is chosen"
    facilities = FacilityService(window.session.database)
    assert facilities.count() == facilities_before + 1
    [added] = [f for f in facilities.page() if f.name == NEW_NAME]
    assert added.state == "CO"
    [incident] = [i for i in IncidentService(window.session.database).page() if i.title.startswith("Rocks thrown")]
    assert (incident.facility_uuid, incident.facility_name) == (added.uuid, NEW_NAME)


def test_cancelling_the_new_facility_keeps_the_incident_form_as_typed(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    facilities_before = FacilityService(window.session.database).count()
    incidents_before = IncidentService(window.session.database).count()
    seen: list[str] = []
    after: list[tuple[str, bool]] = []

    def fill_incident(form: QWidget) -> None:
        assert isinstance(form, IncidentForm)
        ff.type_into(qtbot, form.title, "Graffiti on the gate")
        ff.type_into(qtbot, form.facility.lineEdit(), NEW_NAME)
        qtbot.mouseClick(form.facility_choice.add_button, Qt.MouseButton.LeftButton)
        make_active(qtbot, form)
        after.append((form.facility.currentText(), form.facility_choice.add_button.isVisible()))
        ff.press_save(qtbot, form)  # refused: no facility of that name
        assert form.isVisible()
        form.forget_changes()
        form.reject()

    dialogs.then(fill_incident)
    dialogs.then(facility_step(qtbot, seen, save=False))
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialogs.check()

    assert seen == [NEW_NAME]
    assert after == [(NEW_NAME, True)], "the typed name stays; the button is still offered"
    assert FacilityService(window.session.database).count() == facilities_before
    assert IncidentService(window.session.database).count() == incidents_before
