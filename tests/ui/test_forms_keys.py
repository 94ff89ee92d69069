"""The keys of every record form (facility, incident, plan item, directive): Enter moves to the next field
(never saves), Ctrl+S and Ctrl+Enter save,
Esc asks before dropping changes; Enter still adds a weapon and starts a new line in a text box."""

from __future__ import annotations

import forms_fixtures as ff
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.enums import WeaponType
from desktop.domain.values import Weapon
from desktop.ui.forms.base import RecordForm
from desktop.ui.forms.directive_form import DirectiveForm
from desktop.ui.forms.facility_form import FacilityForm
from desktop.ui.forms.incident_form import IncidentForm
from desktop.ui.forms.plan_item_form import PlanItemForm

services = ff.services
KINDS = ["facility", "incident", "plan_item", "directive"]
CTRL = Qt.KeyboardModifier.ControlModifier


def new_form(qtbot: QtBot, services: ff.Services, kind: str) -> RecordForm:
    names = services.facilities.names()
    forms = {"facility": lambda: FacilityForm(None), "incident": lambda: IncidentForm(None, names),
             "plan_item": lambda: PlanItemForm(None, names),
             "directive": lambda: DirectiveForm(None, names)}  # fmt: skip
    return ff.shown(qtbot, forms[kind]())


def line_edit_and_next(form: RecordForm) -> tuple[QWidget, QWidget]:
    """A single-line field of the form and the field Tab goes to from it."""
    if isinstance(form, FacilityForm):
        return form.name, form.agency
    if isinstance(form, IncidentForm):
        return form.title, form.case_number
    if isinstance(form, DirectiveForm):
        return form.title, form.issuing_office
    assert isinstance(form, PlanItemForm)
    return form.owner, form.due_date.edit


def fill_valid(qtbot: QtBot, form: RecordForm) -> None:
    """The fewest keystrokes that make a new record valid."""
    if isinstance(form, FacilityForm):
        ff.type_into(qtbot, form.name, "Krome Service Processing Center")
    elif isinstance(form, IncidentForm):
        ff.type_into(qtbot, form.title, "Shots fired at the gate")
        ff.pick_facility(qtbot, form.facility, "antonio")
        ff.type_into(qtbot, form.legal_history.date.edit, "2019-08-13")  # when it was reported
    elif isinstance(form, DirectiveForm):
        ff.type_into(qtbot, form.title, "Nationwide security plan for ICE facilities")
    else:
        assert isinstance(form, PlanItemForm)
        ff.type_into(qtbot, form.description, "Install bollards")


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter], ids=["Return", "Enter"])
@pytest.mark.parametrize("kind", KINDS)
def test_enter_in_a_line_edit_moves_on_and_does_not_save(
    qtbot: QtBot, services: ff.Services, kind: str, key: Qt.Key
) -> None:
    form = new_form(qtbot, services, kind)
    fill_valid(qtbot, form)
    edit, following = line_edit_and_next(form)
    ff.type_into(qtbot, edit, "typed")
    press(qtbot, key)
    assert form.isVisible() and form.result() != form.DialogCode.Accepted, "Enter saved the form"
    assert QApplication.focusWidget() is following


@pytest.mark.parametrize("kind", KINDS)
def test_no_button_of_a_form_is_pressed_by_enter_elsewhere(qtbot: QtBot, services: ff.Services, kind: str) -> None:
    form = new_form(qtbot, services, kind)
    assert [b.text() for b in form.findChildren(QPushButton) if b.isDefault() or b.autoDefault()] == []


@pytest.mark.parametrize("kind", KINDS)
def test_ctrl_s_saves(qtbot: QtBot, services: ff.Services, kind: str) -> None:
    form = new_form(qtbot, services, kind)
    fill_valid(qtbot, form)
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert ff.accepted(form)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter], ids=["Return", "Enter"])
@pytest.mark.parametrize("kind", KINDS)
def test_ctrl_enter_saves(qtbot: QtBot, services: ff.Services, kind: str, key: Qt.Key) -> None:
    form = new_form(qtbot, services, kind)
    fill_valid(qtbot, form)
    edit, _ = line_edit_and_next(form)
    ff.type_into(qtbot, edit, "typed")
    press(qtbot, key, CTRL)
    assert ff.accepted(form)


def test_ctrl_enter_saves_from_a_text_box_without_a_new_line(qtbot: QtBot, services: ff.Services) -> None:
    form = new_form(qtbot, services, "plan_item")
    fill_valid(qtbot, form)
    assert isinstance(form, PlanItemForm)
    ff.type_into(qtbot, form.notes, "one line")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert ff.accepted(form)
    assert form.edited_record().notes == "one line"


def test_enter_in_a_text_box_starts_a_new_line(qtbot: QtBot, services: ff.Services) -> None:
    form = new_form(qtbot, services, "facility")
    assert isinstance(form, FacilityForm)
    ff.type_into(qtbot, form.notes, "Perimeter fence")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(form.notes, "CCTV")
    assert form.isVisible()
    assert QApplication.focusWidget() is form.notes
    assert form.notes.toPlainText() == "Perimeter fence\nCCTV"


def test_enter_goes_through_combo_boxes_and_date_fields(qtbot: QtBot, services: ff.Services) -> None:
    form = new_form(qtbot, services, "incident")
    assert isinstance(form, IncidentForm)
    fill_valid(qtbot, form)
    form.facility.setFocus()
    for widget in (form.facility, form.occurred.edit):  # an editable combo box, the typed date
        assert QApplication.focusWidget() is widget
        press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is form.discovered_at.edit
    ff.choose(qtbot, form.severity, "High")
    press(qtbot, Qt.Key.Key_Return)  # a closed combo box
    assert QApplication.focusWidget() is form.weapons.kind
    history = form.legal_history
    history.date.edit.setFocus()
    press(qtbot, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert QApplication.focusWidget() is history.status, "past the Today button, which Enter would press"
    assert form.isVisible()


def test_enter_in_the_legal_history_edits_the_entry_and_does_not_save(qtbot: QtBot, services: ff.Services) -> None:
    form = new_form(qtbot, services, "incident")
    assert isinstance(form, IncidentForm)
    fill_valid(qtbot, form)
    history = form.legal_history
    history.table.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is history.date.edit
    assert form.isVisible() and form.result() != form.DialogCode.Accepted


def test_enter_in_the_weapon_subtype_adds_the_weapon(qtbot: QtBot, services: ff.Services) -> None:
    form = new_form(qtbot, services, "incident")
    assert isinstance(form, IncidentForm)
    fill_valid(qtbot, form)
    ff.choose(qtbot, form.weapons.kind, "Firearms")
    ff.type_into(qtbot, form.weapons.subtype, "handgun")
    press(qtbot, Qt.Key.Key_Return)
    assert form.weapons.value() == (Weapon(WeaponType.FIREARMS, "handgun"),)
    assert QApplication.focusWidget() is form.weapons.subtype, "ready for the next weapon"
    assert form.isVisible()


def test_enter_on_a_focused_button_presses_it(qtbot: QtBot, services: ff.Services) -> None:
    form = new_form(qtbot, services, "facility")
    fill_valid(qtbot, form)
    form.save_button.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert ff.accepted(form)


@pytest.mark.parametrize("kind", KINDS)
def test_escape_asks_before_dropping_typed_text(qtbot: QtBot, services: ff.Services, kind: str) -> None:
    form = new_form(qtbot, services, kind)
    fill_valid(qtbot, form)
    asked: list[str] = []
    ff.answer_next_question(qtbot, "Keep editing", asked)
    ff.press_escape(qtbot, form)
    assert asked == ["Discard changes?"]
    assert form.isVisible()
    ff.answer_next_question(qtbot, "Discard changes", asked)
    ff.press_escape(qtbot, form)
    assert len(asked) == 2
    assert form.result() == form.DialogCode.Rejected and not form.isVisible()
