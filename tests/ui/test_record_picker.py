"""Links picked, never typed: the incident picker of the plan item and incident forms, driven key by key on the
focused widget; what the forms return is stored by the real services and read back from the database."""

from __future__ import annotations

import forms_fixtures as ff
import picker_keys as pk
import pytest
from conftest import ScriptedDialogs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.records import Incident, PlanItem
from desktop.domain.validation import ValidationError
from desktop.services.incident_choices import IncidentChoices, choice_label
from desktop.services.records import IncidentService, PlanItemService
from desktop.ui.forms.incident_form import IncidentForm
from desktop.ui.forms.plan_item_form import PlanItemForm
from desktop.ui.main_window import MainWindow
from desktop.ui.undo_commands import UpdateRecord
from desktop.ui.widgets.record_picker import RecordPicker

services = ff.services
CTRL = Qt.KeyboardModifier.ControlModifier
TACOMA = "Armed attack with rifle and incendiary devices on the detention center"
SHOTS = "Shots fired overnight at the windows of the ICE office"
MOLOTOV = "Molotov cocktail thrown at the USCIS office; the fuse failed"


def plan_item_form(qtbot: QtBot, services: ff.Services, item: PlanItem | None = None) -> PlanItemForm:
    form = PlanItemForm(item, services.facilities.names())
    form.incidents.attach(IncidentChoices(services.incidents))
    shown = ff.shown(qtbot, form)
    assert isinstance(shown, PlanItemForm)
    return shown


def incident_form(qtbot: QtBot, services: ff.Services, incident: Incident) -> IncidentForm:
    form = IncidentForm(incident, services.facilities.names())
    form.related.attach(IncidentChoices(services.incidents))
    shown = ff.shown(qtbot, form)
    assert isinstance(shown, IncidentForm)
    return shown


def message(form: QWidget, key: str) -> str:
    label = form.findChild(QLabel, f"message_{key}")
    return label.text() if label is not None and label.isVisible() else ""


def titles(picker: RecordPicker) -> list[str]:
    return [label.split(" — ")[0] for label in pk.chosen(picker)]


# -- the picker ------------------------------------------------------------------------------------------------
def test_typing_searches_title_case_number_and_facility(qtbot: QtBot, services: ff.Services) -> None:
    services.incidents.create(Incident(facility_uuid=services.facility_named("Tacoma"), title="Armed attack and "
                                       "arson attempt", case_number="NWDC-2019-001"))  # fmt: skip
    form = plan_item_form(qtbot, services)
    picker = form.incidents
    picker.edit.setFocus()
    pk.type_keys(qtbot, "NWDC-2019")
    qtbot.waitUntil(picker.is_open, timeout=2000)  # after the pause in typing, without a key
    assert pk.matches(picker) == ["Armed attack and arson attempt — NWDC-2019-001 — Northwest Detention Center, Tacoma"]
    assert pk.focused() is picker.edit, "the matches took the keyboard focus"
    pk.press(qtbot, Qt.Key.Key_Escape)  # closes the matches, not the form
    assert not picker.is_open() and form.isVisible()
    qtbot.keyClick(picker.edit, Qt.Key.Key_A, CTRL)
    pk.type_keys(qtbot, "Florida")  # the facility's name: "USCIS office, Florida"
    pk.press(qtbot, Qt.Key.Key_Down)
    assert [label.split(" — ")[0] for label in pk.matches(picker)] == [MOLOTOV]


def test_the_matches_close_when_the_window_moves(qtbot: QtBot, services: ff.Services) -> None:
    form = plan_item_form(qtbot, services)
    form.incidents.edit.setFocus()
    pk.type_keys(qtbot, "Molotov")
    pk.press(qtbot, Qt.Key.Key_Down)
    assert form.incidents.is_open()
    form.move(form.pos().x() + 40, form.pos().y() + 40)
    qtbot.waitUntil(lambda: not form.incidents.is_open(), timeout=2000)
    assert form.incidents.value() == () and form.incidents.edit.text() == "Molotov"


def test_down_up_and_enter_choose_among_the_matches(qtbot: QtBot, services: ff.Services) -> None:
    form = plan_item_form(qtbot, services)
    picker = form.incidents
    picker.edit.setFocus()
    pk.type_keys(qtbot, "fired OR Molotov")  # the search grammar; the latest first
    pk.press(qtbot, Qt.Key.Key_Down)
    assert [label.split(" — ")[0] for label in pk.matches(picker)] == [MOLOTOV, SHOTS]
    assert picker.popup.currentRow() == 0
    pk.press(qtbot, Qt.Key.Key_Down)
    pk.press(qtbot, Qt.Key.Key_Down)  # stays on the last
    pk.press(qtbot, Qt.Key.Key_Up)
    pk.press(qtbot, Qt.Key.Key_Down)
    pk.press(qtbot, Qt.Key.Key_Return)
    assert titles(picker) == [SHOTS] and picker.edit.text() == "" and not picker.is_open()
    pk.type_keys(qtbot, "fired OR Molotov")
    pk.press(qtbot, Qt.Key.Key_Down)
    assert [label.split(" — ")[0] for label in pk.matches(picker)] == [MOLOTOV]  # the chosen one is not offered
    pk.press(qtbot, Qt.Key.Key_Return)
    assert titles(picker) == [SHOTS, MOLOTOV]
    assert picker.value() == (services.incident_titled("Shots"), services.incident_titled("Molotov"))


def test_text_that_matches_nothing_is_answered_and_never_stored(qtbot: QtBot, services: ff.Services) -> None:
    item = services.plan_items.page()[0]
    form = plan_item_form(qtbot, services, item)
    picker = form.incidents
    picker.edit.setFocus()
    pk.type_keys(qtbot, "Tacomaa")
    pk.press(qtbot, Qt.Key.Key_Down)
    assert not picker.is_open()
    assert picker.hint.isVisible()
    assert picker.hint.text() == ("No incident matches “Tacomaa”. Try a word of the title, a case number or a "
                                  "facility name.")  # fmt: skip
    pk.press(qtbot, Qt.Key.Key_Return)  # nothing to choose: Enter stays here and stores nothing
    assert pk.focused() is picker.edit and picker.value() == ()
    ff.press_save(qtbot, form)
    assert form.isVisible(), "saved with typed text"
    assert message(form, "incident").startswith("“Tacomaa” is typed but no incident was chosen")
    assert services.plan_items.get(item.uuid).incident_uuids == ()
    qtbot.keyClick(picker.edit, Qt.Key.Key_A, CTRL)
    pk.press(qtbot, Qt.Key.Key_Delete)
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    assert form.edited_record().incident_uuids == ()


def test_a_search_that_cannot_be_read_is_told_under_the_field(qtbot: QtBot, services: ff.Services) -> None:
    form = plan_item_form(qtbot, services)
    picker = form.incidents
    picker.edit.setFocus()
    pk.type_keys(qtbot, 'state:"zz')
    pk.press(qtbot, Qt.Key.Key_Down)
    assert not picker.is_open() and picker.hint.isVisible()
    assert "quote" in picker.hint.text().lower() or "state" in picker.hint.text().lower()
    assert picker.value() == ()


def test_removing_a_link_with_delete(qtbot: QtBot, services: ff.Services) -> None:
    tacoma, shots = services.incident_titled("Armed attack"), services.incident_titled("Shots")
    item = services.plan_items.create(PlanItem(facility_uuid="", description="Cameras", incident_uuids=(tacoma, shots)))
    form = plan_item_form(qtbot, services, item)
    picker = form.incidents
    assert titles(picker) == [TACOMA, SHOTS]  # labelled from the database
    picker.edit.setFocus()
    pk.press(qtbot, Qt.Key.Key_Tab)
    assert pk.focused() is picker.list
    pk.press(qtbot, Qt.Key.Key_Down)  # from the first row (current on entering the list) to the second
    pk.press(qtbot, Qt.Key.Key_Delete)
    assert titles(picker) == [TACOMA]
    pk.press(qtbot, Qt.Key.Key_Delete)  # the current row, also when nothing is selected
    assert titles(picker) == []
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    UpdateRecord.perform(services.plan_items, item, form.edited_record(), lambda kind: None)
    assert services.plan_items.get(item.uuid).incident_uuids == ()


def test_the_remove_button_unlinks_the_selected_incidents(qtbot: QtBot, services: ff.Services) -> None:
    tacoma, shots = services.incident_titled("Armed attack"), services.incident_titled("Shots")
    item = services.plan_items.create(PlanItem(facility_uuid="", description="Cameras", incident_uuids=(tacoma, shots)))
    form = plan_item_form(qtbot, services, item)
    picker = form.incidents
    assert not picker.remove_button.isEnabled()
    qtbot.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=picker.list.visualItemRect(
        picker.list.item(1)).center())  # fmt: skip
    qtbot.mouseClick(picker.remove_button, Qt.MouseButton.LeftButton)
    assert titles(picker) == [TACOMA]
    assert form.isWindowModified()


def test_a_plan_item_keeps_links_it_already_has_when_edited(qtbot: QtBot, services: ff.Services) -> None:
    tacoma = services.incident_titled("Armed attack")
    item = services.plan_items.create(PlanItem(facility_uuid="", description="Cameras", incident_uuids=(tacoma,)))
    form = plan_item_form(qtbot, services, item)
    ff.type_into(qtbot, form.owner, "FPS")
    pk.pick(qtbot, form.incidents, "Molotov")
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    UpdateRecord.perform(services.plan_items, item, form.edited_record(), lambda kind: None)
    stored = services.plan_items.get(item.uuid)
    assert stored.incident_uuids == (tacoma, services.incident_titled("Molotov")) and stored.owner == "FPS"


def test_without_a_source_the_picker_says_so(qtbot: QtBot, services: ff.Services) -> None:
    form = ff.shown(qtbot, PlanItemForm(None, services.facilities.names()))
    assert isinstance(form, PlanItemForm)
    form.incidents.edit.setFocus()
    pk.type_keys(qtbot, "Tacoma")
    pk.press(qtbot, Qt.Key.Key_Down)
    assert form.incidents.hint.text() == "Searching for incidents is not available here"
    assert form.incidents.value() == ()


def test_accessible_names(qtbot: QtBot, services: ff.Services) -> None:
    form = plan_item_form(qtbot, services)
    picker = form.incidents
    names = [w.accessibleName() for w in (picker.edit, picker.list, picker.remove_button, picker.popup)]
    assert names == ["Find an incident to link", "Linked incidents", "Remove the selected incidents",
                     "Matching incidents"]  # fmt: skip


# -- the incident form -----------------------------------------------------------------------------------------
def test_an_incident_related_to_another_and_linked_from_read_only(qtbot: QtBot, services: ff.Services) -> None:
    shots = services.incidents.get(services.incident_titled("Shots"))
    tacoma = services.incident_titled("Armed attack")
    form = incident_form(qtbot, services, shots)
    picker = form.related
    picker.edit.setFocus()
    pk.type_keys(qtbot, "ICE office")
    pk.press(qtbot, Qt.Key.Key_Down)
    assert SHOTS not in [label.split(" — ")[0] for label in pk.matches(picker)]  # never the incident itself
    pk.press(qtbot, Qt.Key.Key_Escape)
    qtbot.keyClick(picker.edit, Qt.Key.Key_A, CTRL)
    pk.type_keys(qtbot, "Tacoma")
    pk.press(qtbot, Qt.Key.Key_Down)
    pk.press(qtbot, Qt.Key.Key_Return)
    assert titles(picker) == [TACOMA]
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    UpdateRecord.perform(services.incidents, shots, form.edited_record(), lambda kind: None)
    assert services.incidents.get(shots.uuid).related_uuids == (tacoma,)
    assert [i.uuid for i in services.incidents.related_from(tacoma)] == [shots.uuid]

    other = incident_form(qtbot, services, services.incidents.get(tacoma))  # the other end: read-only
    assert other.related.value() == ()
    assert other.related.linked_from.isVisible()
    assert other.related.linked_from.text() == f"Linked from: {choice_label(services.incidents.get(shots.uuid))}"
    assert other.related.linked_from.text().startswith(f"Linked from: {SHOTS} — ICE office, San Antonio — 2019-08-13")


def test_a_typed_related_incident_is_not_saved(qtbot: QtBot, services: ff.Services) -> None:
    form = incident_form(qtbot, services, services.incidents.get(services.incident_titled("Shots")))
    form.related.edit.setFocus()
    pk.type_keys(qtbot, "Tacoma")
    ff.press_save(qtbot, form)
    assert form.isVisible()
    assert message(form, "related").startswith("“Tacoma” is typed but no incident was chosen")
    assert QApplication.focusWidget() is form.related.edit


def test_a_link_refused_by_the_repository_is_told_under_the_field(qtbot: QtBot, services: ff.Services) -> None:
    shots = services.incidents.get(services.incident_titled("Shots"))
    doomed = services.incidents.create(Incident(facility_uuid=shots.facility_uuid, title="Graffiti"))
    form = incident_form(qtbot, services, shots)
    pk.pick(qtbot, form.related, "Graffiti")
    services.incidents.delete(doomed.uuid)  # elsewhere, while the form is open
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    with pytest.raises(ValidationError) as refused:
        UpdateRecord.perform(services.incidents, shots, form.edited_record(), lambda kind: None)
    form.show_validation_error(refused.value)  # as the window does, then exec() again
    form.show()
    assert message(form, "related").endswith(f"{doomed.uuid} does not exist")


# -- through the window ----------------------------------------------------------------------------------------
def test_a_new_plan_item_from_the_window_links_incidents_by_search(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    incidents = IncidentService(window.session.database)
    plans = PlanItemService(window.session.database)
    tacoma = next(i.uuid for i in incidents.page() if i.title == TACOMA)

    def fill(form: QWidget) -> None:
        assert isinstance(form, PlanItemForm)
        ff.type_into(qtbot, form.description, "Vehicle barriers at the gate")
        pk.pick(qtbot, form.incidents, "Tacoma")
        ff.press_save(qtbot, form)

    dialogs.then(fill)
    window.show_tab("plan_items")
    qtbot.keyClick(window.record_tabs["plan_items"].table, Qt.Key.Key_N, CTRL)
    dialogs.check()
    [stored] = [p for p in plans.page() if p.description == "Vehicle barriers at the gate"]
    assert stored.incident_uuids == (tacoma,)


def test_an_incident_edited_from_the_window_gets_a_related_one_and_undo_removes_it(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    incidents = IncidentService(window.session.database)
    shots = next(i.uuid for i in incidents.page() if i.title == SHOTS)
    tacoma = next(i.uuid for i in incidents.page() if i.title == TACOMA)
    tab = window.record_tabs["incidents"]
    row = tab.model.row_of(shots)
    assert row is not None
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.table.visualRect(tab.model.index(row, 3)).center())  # fmt: skip

    def relate(form: QWidget) -> None:
        assert isinstance(form, IncidentForm)
        pk.pick(qtbot, form.related, "detention")
        ff.press_save(qtbot, form)

    dialogs.then(relate)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialogs.check()
    assert incidents.get(shots).related_uuids == (tacoma,)
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, CTRL)
    assert incidents.get(shots).related_uuids == ()
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert incidents.get(shots).related_uuids == (tacoma,)
