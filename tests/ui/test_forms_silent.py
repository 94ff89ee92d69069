"""Nothing is changed silently: what a person types stays in the field, a wrong value is said there, and the
form does not save (state names, signs and letters in counts, dates in the future, a day without its time)."""

from __future__ import annotations

from datetime import date, datetime

import forms_fixtures as ff
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.ui.forms.base import RecordForm
from desktop.ui.forms.facility_form import FacilityForm
from desktop.ui.forms.incident_form import IncidentForm
from desktop.ui.undo_commands import CreateRecord

services = ff.services


def message(form: RecordForm, key: str) -> str:
    label = form.findChild(QLabel, f"message_{key}")
    return label.text() if label is not None and label.isVisible() else ""


def incident_form(qtbot: QtBot, services: ff.Services) -> IncidentForm:
    """A new incident with its required fields typed in."""
    form = ff.shown(qtbot, IncidentForm(None, services.facilities.names()))
    assert isinstance(form, IncidentForm)
    ff.type_into(qtbot, form.title, "Shots fired at the gate")
    ff.pick_facility(qtbot, form.facility, "antonio")
    ff.type_into(qtbot, form.legal_history.date.edit, "2024-02-12")  # reported
    return form


def refused(qtbot: QtBot, form: RecordForm, services: ff.Services) -> None:
    """Save leaves the form open, not accepted, and nothing reaches the database."""
    incidents, facilities = services.incidents.count(), services.facilities.count()
    ff.press_save(qtbot, form)
    assert form.isVisible() and form.result() != form.DialogCode.Accepted
    assert (services.incidents.count(), services.facilities.count()) == (incidents, facilities)


def test_a_state_that_is_none_stays_typed_and_is_said_inline(qtbot: QtBot, services: ff.Services) -> None:
    form = ff.shown(qtbot, FacilityForm(None))
    assert isinstance(form, FacilityForm)
    ff.type_into(qtbot, form.name, "Houston field office")
    ff.type_into(qtbot, form.state.lineEdit(), "Texass")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert form.state.currentText() == "Texass", "neither cut to two letters nor changed"
    assert message(form, "state") == "State must be a two-letter state code such as TX (“Texass” is not one)"
    refused(qtbot, form, services)
    ff.type_into(qtbot, form.state.lineEdit(), "TX")
    assert message(form, "state") == ""
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    created = CreateRecord.perform(services.facilities, form.edited_record(), lambda entity: None).record
    assert services.facilities.get(created.uuid).state == "TX"


@pytest.mark.parametrize("typed", ["-3", "3a", "abc"])
def test_a_count_keeps_signs_and_letters_and_says_it_is_not_a_count(
    qtbot: QtBot, services: ff.Services, typed: str
) -> None:
    form = incident_form(qtbot, services)
    ff.type_into(qtbot, form.counts["victims_injured"], typed)
    assert form.counts["victims_injured"].text() == typed, "no key was dropped"
    assert message(form, "victims_injured") == "Victims injured must be a whole number of 0 or more"
    refused(qtbot, form, services)


def test_an_estimate_with_letters_is_refused_too(qtbot: QtBot, services: ff.Services) -> None:
    form = incident_form(qtbot, services)
    ff.type_into(qtbot, form.damage_estimate, "12k")
    assert message(form, "damage_estimate_usd") == "Estimate (USD) must be a whole number of 0 or more"
    refused(qtbot, form, services)


def test_an_occurrence_in_the_future_is_refused(qtbot: QtBot, services: ff.Services) -> None:
    form = incident_form(qtbot, services)
    ff.type_into(qtbot, form.occurred.edit, f"{date.today().year + 1}-01-01")
    assert message(form, "occurred") == "Occurred must not be in the future"
    refused(qtbot, form, services)


def test_reported_is_empty_until_typed_and_a_day_needs_its_time(qtbot: QtBot, services: ff.Services) -> None:
    form = incident_form(qtbot, services)
    assert form.reported_at.edit.text() == "" and form.reported_at.value() is None, "nothing filled in"
    ff.type_into(qtbot, form.reported_at.edit, "2024-02-12")
    assert message(form, "reported_at") == "'2024-02-12': type the time too, e.g. 2024-02-12 14:05"
    refused(qtbot, form, services)
    ff.type_into(qtbot, form.reported_at.edit, "yesterday noonish")
    assert message(form, "reported_at").startswith("'yesterday noonish'")
    refused(qtbot, form, services)

    ff.type_into(qtbot, form.reported_at.edit, "12 February 2024 8:30 am")
    assert message(form, "reported_at") == ""
    assert "12 February 2024" in form.reported_at.preview.text()
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    created = CreateRecord.perform(services.incidents, form.edited_record(), lambda entity: None).record
    assert services.incidents.get(created.uuid).reported_at == datetime(2024, 2, 12, 8, 30)


def test_a_report_time_in_the_future_is_said_but_saved(qtbot: QtBot, services: ff.Services) -> None:
    form = incident_form(qtbot, services)
    next_year = date.today().year + 1
    ff.type_into(qtbot, form.reported_at.edit, f"{next_year}-01-02 09:00")
    assert message(form, "reported_at") == "⚠ Reported is in the future: check the date (it can still be saved)"
    ff.press_save(qtbot, form)
    assert ff.accepted(form), "a warning, not a refusal"
    created = CreateRecord.perform(services.incidents, form.edited_record(), lambda entity: None).record
    assert services.incidents.get(created.uuid).reported_at == datetime(next_year, 1, 2, 9, 0)


def test_clearing_a_typed_time_makes_it_unknown(qtbot: QtBot, services: ff.Services) -> None:
    form = incident_form(qtbot, services)
    ff.type_into(qtbot, form.discovered_at.edit, "2024-02-12 08:30")
    assert form.discovered_at.value() == datetime(2024, 2, 12, 8, 30)
    qtbot.keyClick(form.discovered_at.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(form.discovered_at.edit, Qt.Key.Key_Delete)
    assert form.discovered_at.edit.text() == "" and form.discovered_at.value() is None
    assert message(form, "discovered_at") == ""


def test_zip_and_coordinates_keep_what_is_typed(qtbot: QtBot, services: ff.Services) -> None:
    form = ff.shown(qtbot, FacilityForm(None))
    assert isinstance(form, FacilityForm)
    ff.type_into(qtbot, form.name, "Houston field office")
    ff.type_into(qtbot, form.zip_code, "7706O")
    ff.type_into(qtbot, form.latitude, "29,76")
    assert (form.zip_code.text(), form.latitude.text()) == ("7706O", "29,76")
    assert message(form, "zip_code") == "ZIP code must be 5 digits or ZIP+4 (12345-6789)"
    assert message(form, "latitude") == "Latitude must be a number such as 47.2496"
    refused(qtbot, form, services)
