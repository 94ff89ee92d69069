"""PlanItemForm driven by keyboard and mouse; what it returns is stored by the real services."""

from __future__ import annotations

from datetime import date

import forms_fixtures as ff
import picker_keys as pk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.domain.enums import PlanStatus
from desktop.domain.records import PlanItem
from desktop.services.incident_choices import IncidentChoices
from desktop.ui.forms.plan_item_form import NATIONWIDE, PlanItemForm
from desktop.ui.undo_commands import CreateRecord, UpdateRecord

services = ff.services


def message(form: PlanItemForm, key: str) -> str:
    label = form.findChild(QLabel, f"message_{key}")
    return label.text() if label is not None and label.isVisible() else ""


def test_new_plan_item_for_a_facility_linked_to_two_incidents(qtbot: QtBot, services: ff.Services) -> None:
    molotov, tacoma = services.incident_titled("Molotov"), services.incident_titled("Armed attack")
    form = ff.shown(qtbot, plan_item_form(services, None))
    assert form.facility.currentText() == NATIONWIDE
    ff.pick_facility(qtbot, form.facility, "uscis")
    pk.pick(qtbot, form.incidents, "Tacoma")
    pk.pick(qtbot, form.incidents, "Molotov")
    assert pk.chosen(form.incidents) == [
        "Armed attack with rifle and incendiary devices on the detention center — Northwest Detention Center, "
        "Tacoma — 2019-07-13, early morning",
        "Molotov cocktail thrown at the USCIS office; the fuse failed — USCIS office, Florida — about 2019-08-21 to "
        "2019-08-31",
    ]
    ff.type_into(qtbot, form.description, "Install shatter-resistant film on the front windows")
    ff.type_into(qtbot, form.owner, "FPS Region 4")
    qtbot.mouseClick(form.due_date.check, Qt.MouseButton.LeftButton)
    ff.type_date(qtbot, form.due_date.edit, date(2019, 10, 31))
    ff.choose(qtbot, form.status, "Approved")

    ff.press_save(qtbot, form)

    assert ff.accepted(form)
    created = CreateRecord.perform(services.plan_items, form.edited_record(), lambda entity: None).record
    stored = services.plan_items.get(created.uuid)
    assert stored.facility_uuid == services.facility_named("Florida")
    assert stored.incident_uuids == (tacoma, molotov)
    assert (stored.owner, stored.due_date, stored.status) == ("FPS Region 4", date(2019, 10, 31), PlanStatus.APPROVED)


def plan_item_form(services: ff.Services, item: PlanItem | None) -> PlanItemForm:
    """The form as the window opens it: its incident picker searches the incidents through the service."""
    form = PlanItemForm(item, services.facilities.names())
    form.incidents.attach(IncidentChoices(services.incidents))
    return form


def test_risk_accepted_needs_a_rationale(qtbot: QtBot, services: ff.Services) -> None:
    item = next(p for p in services.plan_items.page() if not p.facility_uuid)  # nationwide, proposed
    form = ff.shown(qtbot, plan_item_form(services, item))
    assert form.facility.currentText() == NATIONWIDE
    assert not form.risk_rationale.isEnabled()
    ff.choose(qtbot, form.status, "Risk accepted")
    assert form.risk_rationale.isEnabled()

    ff.press_save(qtbot, form)

    assert form.isVisible()
    assert message(form, "risk_rationale") == "Risk rationale is required when the risk is accepted"
    assert QApplication.focusWidget() is form.risk_rationale
    ff.type_into(qtbot, form.risk_rationale, "Covered by the nationwide FPS contract")
    assert message(form, "risk_rationale") == ""
    qtbot.mouseClick(form.due_date.check, Qt.MouseButton.LeftButton)  # no due date any more
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    UpdateRecord.perform(services.plan_items, item, form.edited_record(), lambda entity: None)
    stored = services.plan_items.get(item.uuid)
    assert stored.status is PlanStatus.RISK_ACCEPTED
    assert stored.risk_rationale == "Covered by the nationwide FPS contract"
    assert (stored.due_date, stored.facility_uuid) == (None, "")


def test_moving_an_item_from_a_facility_to_nationwide(qtbot: QtBot, services: ff.Services) -> None:
    tacoma = services.facility_named("Tacoma")
    item = services.plan_items.create(PlanItem(facility_uuid=tacoma, description="Add bollards"))
    form = ff.shown(qtbot, plan_item_form(services, item))
    assert form.facility.currentText() == "Northwest Detention Center, Tacoma"
    ff.choose(qtbot, form.facility, NATIONWIDE)
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    UpdateRecord.perform(services.plan_items, item, form.edited_record(), lambda entity: None)
    assert services.plan_items.get(item.uuid).facility_uuid == ""


def test_typed_incident_text_and_unknown_facility_are_refused(qtbot: QtBot, services: ff.Services) -> None:
    form = ff.shown(qtbot, plan_item_form(services, None))
    ff.type_into(qtbot, form.description, "Badge readers")
    ff.type_into(qtbot, form.incidents.edit, "1234-abcd")
    ff.type_into(qtbot, form.facility.lineEdit(), "Nowhere")
    ff.press_save(qtbot, form)
    assert form.isVisible()
    assert message(form, "facility") == "Facility must be chosen from the list (no facility is named “Nowhere”)"
    assert message(form, "incident") == (
        "“1234-abcd” is typed but no incident was chosen: choose one from the list (Down, Enter) or clear it"
    )
