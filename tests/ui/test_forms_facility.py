"""FacilityForm driven by keyboard and mouse; what it returns is stored by the real services."""

from __future__ import annotations

from datetime import date

import forms_fixtures as ff
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.domain.enums import Agency, FacilityType, SecurityLevel
from desktop.domain.queries import IncidentFilter, PlanItemFilter
from desktop.ui.forms.facility_form import FacilityForm
from desktop.ui.forms.related import RelatedRecords
from desktop.ui.undo_commands import CreateRecord, UpdateRecord

services = ff.services


def message(form: FacilityForm, key: str) -> str:
    label = form.findChild(QLabel, f"message_{key}")
    return label.text() if label is not None and label.isVisible() else ""


def test_new_facility_typed_in_is_stored(qtbot: QtBot, services: ff.Services) -> None:
    form = ff.shown(qtbot, FacilityForm(None))
    ff.type_into(qtbot, form.name, "Krome Service Processing Center")
    ff.choose(qtbot, form.agency, "ICE ERO")
    ff.choose(qtbot, form.facility_type, "Processing center")
    ff.type_into(qtbot, form.address, "18201 SW 12th St")
    ff.type_into(qtbot, form.city, "Miami")
    ff.type_into(qtbot, form.state, "FL")
    ff.type_into(qtbot, form.zip_code, "33194")
    ff.type_into(qtbot, form.latitude, "25.7559")
    ff.choose(qtbot, form.security_level, "IV")
    ff.type_into(qtbot, form.last_assessment.edit, "2023-05-02")
    assert form.reassessment_due.text().startswith("2026-05-02 (every 3 years at FSL IV)")
    ff.type_into(qtbot, form.notes, "Perimeter fence\nCCTV upgraded")

    ff.press_save(qtbot, form)

    assert ff.accepted(form)
    created = CreateRecord.perform(services.facilities, form.edited_record(), lambda entity: None).record
    stored = services.facilities.get(created.uuid)
    assert (stored.name, stored.agency, stored.facility_type) == (
        "Krome Service Processing Center",
        Agency.ICE_ERO,
        FacilityType.PROCESSING_CENTER,
    )
    assert (stored.address, stored.city, stored.state, stored.zip_code) == ("18201 SW 12th St", "Miami", "FL", "33194")
    assert (stored.latitude, stored.longitude) == (25.7559, None), "an empty coordinate is unknown"
    assert (stored.security_level, stored.last_assessment) == (SecurityLevel.IV, date(2023, 5, 2))
    assert stored.reassessment_due == date(2026, 5, 2)
    assert stored.notes == "Perimeter fence\nCCTV upgraded"


def test_reassessment_due_follows_the_security_level_live(qtbot: QtBot, services: ff.Services) -> None:
    tacoma = services.facilities.get(services.facility_named("Tacoma"))  # FSL IV, never assessed
    form = ff.shown(qtbot, FacilityForm(tacoma))
    assert form.reassessment_due.text() == "— (needs the last assessment date)"
    ff.type_into(qtbot, form.last_assessment.edit, "20200301")
    assert form.reassessment_due.text() == "2023-03-01 (every 3 years at FSL IV) — overdue"
    ff.choose(qtbot, form.security_level, "II")
    assert form.reassessment_due.text().startswith("2025-03-01 (every 5 years at FSL II)")
    ff.choose(qtbot, form.security_level, "Not assessed")
    assert form.reassessment_due.text() == "— (needs a security level)"

    ff.type_into(qtbot, form.last_assessment.edit, "")  # clear the date again
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    UpdateRecord.perform(services.facilities, tacoma, form.edited_record(), lambda entity: None)
    stored = services.facilities.get(tacoma.uuid)
    assert (stored.security_level, stored.last_assessment) == (None, None)


def test_bad_zip_and_coordinates_are_shown_at_their_fields(qtbot: QtBot, services: ff.Services) -> None:
    tacoma = services.facilities.get(services.facility_named("Tacoma"))
    form = ff.shown(qtbot, FacilityForm(tacoma))
    ff.type_into(qtbot, form.zip_code, "984")
    ff.type_into(qtbot, form.latitude, "-")
    ff.type_into(qtbot, form.longitude, "-222")
    ff.type_into(qtbot, form.name, "")

    ff.press_save(qtbot, form)

    assert form.isVisible()
    assert message(form, "name") == "Name is required"
    assert message(form, "zip_code") == "ZIP code must be 5 digits or ZIP+4 (12345-6789)"
    assert message(form, "latitude") == "Latitude must be a number such as 47.2496"
    assert message(form, "longitude") == "Longitude must be between -180 and 180"
    assert QApplication.focusWidget() is form.name
    assert services.facilities.get(tacoma.uuid) == tacoma

    ff.type_into(qtbot, form.name, tacoma.name)
    ff.type_into(qtbot, form.zip_code, "98421-0001")
    ff.type_into(qtbot, form.latitude, "")
    ff.type_into(qtbot, form.longitude, "-122.5")
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    UpdateRecord.perform(services.facilities, tacoma, form.edited_record(), lambda entity: None)
    stored = services.facilities.get(tacoma.uuid)
    assert (stored.zip_code, stored.latitude, stored.longitude) == ("98421-0001", None, -122.5)


def test_related_incidents_and_plan_items_are_listed(qtbot: QtBot, services: ff.Services) -> None:
    florida = services.facilities.get(services.facility_named("Florida"))
    related = RelatedRecords(
        incidents=services.incidents.page(IncidentFilter(facility_uuids=(florida.uuid,))),
        plan_items=services.plan_items.page(PlanItemFilter(facility_uuids=(florida.uuid,))),
    )
    form = ff.shown(qtbot, FacilityForm(florida, related))
    rows = [
        [form.incidents_list.topLevelItem(i).text(c) for c in range(3)]
        for i in range(form.incidents_list.topLevelItemCount())
    ]
    assert rows == [
        [
            "about 2019-08-21 to 2019-08-31",
            "Molotov cocktail thrown at the USCIS office; the fuse failed",
            "Referred for prosecution",
        ]
    ]  # late August, as the demo states it
    assert form.plan_items_list.topLevelItem(0).text(0) == "No plan items"


def test_discard_guard_on_the_close_button(qtbot: QtBot, services: ff.Services) -> None:
    form = ff.shown(qtbot, FacilityForm(None))
    ff.type_into(qtbot, form.name, "Half-typed")
    asked: list[str] = []
    ff.answer_next_question(qtbot, "Keep editing", asked)
    form.close()
    assert asked == ["Discard changes?"] and form.isVisible()
    ff.answer_next_question(qtbot, "Discard changes", asked)
    form.close()
    assert not form.isVisible() and form.result() == form.DialogCode.Rejected
