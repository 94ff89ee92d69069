"""IncidentForm driven by keyboard and mouse; what it returns is stored by the real services."""

from __future__ import annotations

from datetime import date

import forms_fixtures as ff
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.domain.enums import AttackType, CaseStatus, DamageStatus, DatePrecision, Severity, WeaponType
from desktop.domain.values import PartialDate, Weapon
from desktop.ui.forms.incident_form import IncidentForm
from desktop.ui.undo_commands import CreateRecord, UpdateRecord

services = ff.services


def new_form(qtbot: QtBot, services: ff.Services) -> IncidentForm:
    return ff.shown(qtbot, IncidentForm(None, services.facilities.names()))


def edit_form(qtbot: QtBot, services: ff.Services, title_fragment: str) -> IncidentForm:
    record = services.incidents.get(services.incident_titled(title_fragment))
    return ff.shown(qtbot, IncidentForm(record, services.facilities.names()))


def message(form: IncidentForm, key: str) -> str:
    label = form.findChild(QLabel, f"message_{key}")
    return label.text() if label is not None and label.isVisible() else ""


def test_new_incident_typed_in_is_stored_as_entered(qtbot: QtBot, services: ff.Services) -> None:
    form = new_form(qtbot, services)
    ff.type_into(qtbot, form.title, "Shots fired at the gate")
    ff.type_into(qtbot, form.case_number, "TX-2024-17")
    ff.pick_facility(qtbot, form.facility, "antonio")
    ff.choose(qtbot, form.occurred.precision, "Exact time")
    ff.type_date(qtbot, form.occurred.day, date(2024, 2, 11))
    form.occurred.clock.setFocus()
    qtbot.keyClicks(form.occurred.clock, "0315")
    ff.choose(qtbot, form.attack_type, "Armed assault")
    ff.choose(qtbot, form.outcome, "Attempted (failed or foiled)")
    ff.choose(qtbot, form.severity, "High")
    ff.choose(qtbot, form.weapons.kind, "Firearms")
    ff.type_into(qtbot, form.weapons.subtype, "handgun")
    qtbot.keyClick(form.weapons.subtype, Qt.Key.Key_Return)  # Enter adds the weapon, it does not save
    ff.choose(qtbot, form.weapons.kind, "Incendiary")
    ff.type_into(qtbot, form.weapons.subtype, "Molotov cocktail")
    qtbot.mouseClick(form.weapons.add_button, Qt.MouseButton.LeftButton)
    ff.type_into(qtbot, form.counts["victims_killed"], "0")
    ff.type_into(qtbot, form.counts["victims_injured"], "2")
    ff.type_into(qtbot, form.counts["suspects_count"], "3")
    ff.type_into(qtbot, form.counts["arrests_count"], "1")
    ff.choose(qtbot, form.property_damage, "Yes")
    ff.type_into(qtbot, form.damage_estimate, "12500")
    ff.choose(qtbot, form.status, "Arrest made")
    ff.type_date(qtbot, form.status_changed_on, date(2024, 2, 12))
    ff.type_into(qtbot, form.status_note, "one suspect arrested")
    ff.type_into(qtbot, form.investigating_agencies, "FBI; SAPD")
    ff.type_into(qtbot, form.description, "Two people injured by glass.")
    ff.type_into(qtbot, form.suspect_names, "John Doe")
    assert form.isVisible(), "Enter in the weapon subtype must not save the form"

    ff.press_save(qtbot, form)

    assert ff.accepted(form)
    CreateRecord.perform(services.incidents, form.edited_record(), lambda entity: None)
    stored = services.incidents.get(services.incident_titled("Shots fired at the gate"))
    assert stored.case_number == "TX-2024-17"
    assert stored.facility_uuid == services.facility_named("San Antonio")
    assert stored.occurred == PartialDate.parse("2024-02-11T03:15")
    assert (stored.attack_type, stored.completed, stored.severity) == (AttackType.ARMED_ASSAULT, False, Severity.HIGH)
    assert stored.weapons == (Weapon(WeaponType.FIREARMS, "handgun"), Weapon(WeaponType.INCENDIARY, "Molotov cocktail"))
    assert (stored.victims_killed, stored.victims_injured) == (0, 2)
    assert (stored.perpetrators_killed, stored.perpetrators_injured) == (None, None)
    assert (stored.suspects_count, stored.arrests_count) == (3, 1)
    assert (stored.property_damage, stored.damage_estimate_usd) == (DamageStatus.YES, 12500)
    assert stored.status is CaseStatus.ARREST_MADE
    assert [(c.status, c.changed_on, c.note) for c in stored.status_history] == [
        (CaseStatus.ARREST_MADE, date(2024, 2, 12), "one suspect arrested")
    ]
    assert (stored.investigating_agencies, stored.suspect_names) == ("FBI; SAPD", "John Doe")
    assert stored.description == "Two people injured by glass."


def test_empty_count_is_unknown_and_zero_is_zero(qtbot: QtBot, services: ff.Services) -> None:
    form = edit_form(qtbot, services, "Armed attack")  # victims killed 0, perpetrators killed 1
    assert form.counts["victims_killed"].text() == "0"
    assert form.counts["perpetrators_killed"].placeholderText() == "unknown"
    ff.type_into(qtbot, form.counts["victims_killed"], "")
    ff.type_into(qtbot, form.counts["perpetrators_injured"], "")
    ff.type_into(qtbot, form.counts["perpetrators_killed"], "0")
    ff.press_save(qtbot, form)

    assert ff.accepted(form)
    assert form.status_change() is None
    UpdateRecord.perform(services.incidents, form.record, form.edited_record(), lambda entity: None)
    stored = services.incidents.get(form.record.uuid)
    assert stored.victims_killed is None
    assert stored.perpetrators_injured is None
    assert stored.perpetrators_killed == 0
    assert stored.status_history == form.record.status_history


def test_counts_keep_letters_and_signs_as_typed(qtbot: QtBot, services: ff.Services) -> None:
    form = new_form(qtbot, services)
    ff.type_into(qtbot, form.counts["suspects_count"], "-3x")
    assert form.counts["suspects_count"].text() == "-3x"  # said inline: tests/ui/test_forms_silent.py
    assert message(form, "suspects_count") == "Suspects must be a whole number of 0 or more"


def test_invalid_input_shows_messages_at_the_fields_and_save_does_not_accept(
    qtbot: QtBot, services: ff.Services
) -> None:
    form = new_form(qtbot, services)
    ff.type_into(qtbot, form.counts["suspects_count"], "1")
    ff.type_into(qtbot, form.counts["arrests_count"], "2")
    assert message(form, "arrests_count") == "Arrests must not exceed suspects"  # shown while typing
    assert message(form, "title") == ""  # untouched fields stay quiet until Save

    ff.press_save(qtbot, form)

    assert form.isVisible() and form.result() != form.DialogCode.Accepted
    assert message(form, "title") == "Title is required"
    assert message(form, "facility") == "Facility is required"
    assert form.title.property("invalid") is True
    assert QApplication.focusWidget() is form.title, "focus goes to the first bad field"

    ff.type_into(qtbot, form.title, "Threat letter")
    assert message(form, "title") == ""
    assert form.title.property("invalid") is False
    ff.type_into(qtbot, form.facility.lineEdit(), "No such place")
    assert message(form, "facility") == "Facility must be chosen from the list (no facility is named “No such place”)"
    ff.pick_facility(qtbot, form.facility, "florida")
    ff.type_into(qtbot, form.counts["arrests_count"], "1")
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    assert services.incidents.create(form.edited_record()).facility_uuid == services.facility_named("Florida")


def test_weapon_typed_but_not_added_is_not_dropped_silently(qtbot: QtBot, services: ff.Services) -> None:
    form = edit_form(qtbot, services, "Shots fired")
    ff.type_into(qtbot, form.weapons.subtype, "rifle")
    ff.press_save(qtbot, form)
    assert form.isVisible()
    assert "“rifle” is typed but not added" in message(form, "weapons")

    form.weapons.subtype.setFocus()
    qtbot.keyClick(form.weapons.subtype, Qt.Key.Key_Return)
    form.weapons.list.setCurrentRow(0)  # the old "Firearms" without subtype
    qtbot.keyClick(form.weapons.list, Qt.Key.Key_Delete)
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    UpdateRecord.perform(services.incidents, form.record, form.edited_record(), lambda entity: None)
    assert services.incidents.get(form.record.uuid).weapons == (Weapon(WeaponType.FIREARMS, "rifle"),)


def test_status_change_asks_for_its_date_and_note(qtbot: QtBot, services: ff.Services) -> None:
    form = edit_form(qtbot, services, "Shots fired")  # under investigation since 2019-08-13
    assert not form.status_changed_on.isVisible(), "no status change date while the status is unchanged"
    assert form.history.topLevelItemCount() == 2
    ff.choose(qtbot, form.status, "Charged")
    assert form.status_changed_on.isVisible() and form.status_note.isVisible()
    ff.type_date(qtbot, form.status_changed_on, date(2019, 8, 1))
    ff.press_save(qtbot, form)
    assert form.isVisible()
    assert (
        message(form, "status_changed_on") == "Status changed on must not be before the last status change (2019-08-13)"
    )

    ff.type_date(qtbot, form.status_changed_on, date(2020, 1, 15))
    ff.type_into(qtbot, form.status_note, "grand jury indictment")
    ff.press_save(qtbot, form)

    assert ff.accepted(form)
    change = form.status_change()
    assert change is not None and (change.status, change.changed_on) == (CaseStatus.CHARGED, date(2020, 1, 15))
    UpdateRecord.perform(services.incidents, form.record, form.edited_record(), lambda entity: None, change)
    stored = services.incidents.get(form.record.uuid)
    assert stored.status is CaseStatus.CHARGED
    assert [(c.status, c.changed_on, c.note) for c in stored.status_history][-1] == (
        CaseStatus.CHARGED,
        date(2020, 1, 15),
        "grand jury indictment",
    )
    assert len(stored.status_history) == 3


def test_precision_enables_the_parts_it_needs(qtbot: QtBot, services: ff.Services) -> None:
    form = edit_form(qtbot, services, "Molotov")  # occurred 2019-08 (month)
    occurred = form.occurred
    assert occurred.day.text() == "2019-08" and not occurred.clock.isEnabled()
    ff.choose(qtbot, occurred.precision, "Unknown")
    assert not occurred.day.isEnabled() and occurred.day.text() == "unknown"
    ff.choose(qtbot, occurred.precision, "Year")
    assert occurred.day.isEnabled() and occurred.day.text() == "2019"
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    assert form.edited_record().occurred == PartialDate(DatePrecision.YEAR, date(2019, 1, 1))


def test_property_damage_no_disables_the_estimate(qtbot: QtBot, services: ff.Services) -> None:
    form = new_form(qtbot, services)
    ff.choose(qtbot, form.property_damage, "No")
    assert not form.damage_estimate.isEnabled()
    ff.choose(qtbot, form.property_damage, "Unknown")
    assert form.damage_estimate.isEnabled()


def test_discard_guard_asks_before_dropping_edits(qtbot: QtBot, services: ff.Services) -> None:
    form = edit_form(qtbot, services, "Shots fired")
    before = services.incidents.get(form.record.uuid)
    ff.type_into(qtbot, form.title, "Changed title")
    asked: list[str] = []

    ff.answer_next_question(qtbot, "Keep editing", asked)
    ff.press_escape(qtbot, form)
    assert asked == ["Discard changes?"]
    assert form.isVisible() and form.title.text() == "Changed title"

    ff.answer_next_question(qtbot, "Discard changes", asked)
    qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2
    assert not form.isVisible() and form.result() == form.DialogCode.Rejected
    assert services.incidents.get(form.record.uuid) == before


def test_unchanged_form_closes_without_asking(
    qtbot: QtBot, services: ff.Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = edit_form(qtbot, services, "Shots fired")
    monkeypatch.setattr(form, "confirm_discard", lambda: pytest_fail("asked although nothing changed"))
    ff.type_into(qtbot, form.title, "x")
    ff.type_into(qtbot, form.title, form.record.title)  # typed back: nothing to lose
    ff.press_escape(qtbot, form)
    assert not form.isVisible()


def pytest_fail(reason: str) -> bool:
    raise AssertionError(reason)


def test_tab_order_follows_the_fields_top_to_bottom(qtbot: QtBot, services: ff.Services) -> None:
    form = new_form(qtbot, services)
    assert QApplication.focusWidget() is form.title
    visited = []
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [
        form.case_number,
        form.facility,
        form.occurred.precision,  # the date and time stay disabled while the date is unknown
        form.discovered_at.check,
        form.reported_at.check,
        form.attack_type,
    ]


def test_labels_have_mnemonics_and_sensitive_fields_are_marked(qtbot: QtBot, services: ff.Services) -> None:
    form = new_form(qtbot, services)
    labels = {label.text(): label.buddy() for label in form.findChildren(QLabel) if label.buddy() is not None}
    assert labels["&Title"] is form.title
    assert labels["S&uspects"] is form.counts["suspects_count"]
    assert labels["Suspect na&mes"] is form.suspect_names
    sensitive = form.suspect_names.parentWidget().parentWidget()
    assert sensitive.title() == "Sensitive — redacted on sharing"
    assert sensitive.isAncestorOf(form.personal_details)
