"""IncidentForm driven by keyboard and mouse; what it returns is stored by the real services."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import forms_fixtures as ff
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.domain.date_input import read_date
from desktop.domain.enums import (
    AttackType,
    CaseStatus,
    DamageStatus,
    PerpetratorOutcome,
    PropertyExtent,
    Severity,
    TargetType,
    WeaponType,
    YesNoUnknown,
)
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
    ff.type_into(qtbot, form.occurred.edit, "2024-02-11 03:15")
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
    history = form.legal_history
    ff.type_into(qtbot, history.date.edit, "2024-02-11")  # the "Reported" entry a new incident starts with
    qtbot.mouseClick(history.add_button, Qt.MouseButton.LeftButton)
    ff.type_into(qtbot, history.date.edit, "2024-02-12")
    ff.choose(qtbot, history.status, "Arrest made")
    ff.type_into(qtbot, history.note, "one suspect arrested")
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
    assert stored.property_extent is PropertyExtent.UNKNOWN  # with damage: unknown unless chosen
    assert stored.status is CaseStatus.ARREST_MADE
    assert [(c.status, c.changed_on, c.note) for c in stored.status_history] == [
        (CaseStatus.REPORTED, date(2024, 2, 11), ""),
        (CaseStatus.ARREST_MADE, date(2024, 2, 12), "one suspect arrested"),
    ]
    assert (stored.investigating_agencies, stored.suspect_names) == ("FBI; SAPD", "John Doe")
    assert stored.description == "Two people injured by glass."


def test_tacoma_gtd_facts_are_stored_as_chosen(qtbot: QtBot, services: ff.Services) -> None:
    """The memo's Tacoma attack: two attack types, two targets, the attacker killed, damage of unknown extent."""
    form = new_form(qtbot, services)
    ff.type_into(qtbot, form.title, "Armed attack on the Tacoma detention center")
    ff.pick_facility(qtbot, form.facility, "Tacoma")
    ff.type_into(qtbot, form.occurred.edit, "2019-07-13 early morning")
    ff.type_into(qtbot, form.legal_history.date.edit, "2019-07-13")
    ff.choose(qtbot, form.attacks.primary, "Armed assault")
    assert not form.attacks.third.isEnabled(), "a third attack type once there is a second"
    ff.choose(qtbot, form.attacks.second, "Facility/infrastructure attack")
    assert form.attacks.third.isEnabled() and form.attacks.third.currentText() == "—"
    ff.choose(qtbot, form.targets.primary, "Building")
    ff.choose(qtbot, form.targets.second, "Vehicles")
    ff.choose(qtbot, form.response.outcome, "Killed")
    ff.choose(qtbot, form.response.hostages, "No")
    assert not form.response.extent.isEnabled(), "an extent only with property damage"
    ff.choose(qtbot, form.property_damage, "Yes")
    assert form.response.extent.isEnabled() and form.response.extent.currentText() == "Unknown"
    ff.press_save(qtbot, form)

    assert ff.accepted(form)
    created = CreateRecord.perform(services.incidents, form.edited_record(), lambda entity: None).record
    stored = services.incidents.get(created.uuid)
    assert stored.occurred == PartialDate.parse("2019-07-13 early morning")
    assert stored.attack_types == (AttackType.ARMED_ASSAULT, AttackType.FACILITY_INFRASTRUCTURE_ATTACK)
    assert stored.target_types == (TargetType.BUILDING, TargetType.VEHICLES)
    assert stored.perpetrator_outcome is PerpetratorOutcome.KILLED
    assert stored.hostages is YesNoUnknown.NO
    assert (stored.property_damage, stored.property_extent) == (DamageStatus.YES, PropertyExtent.UNKNOWN)


def test_an_extent_not_recorded_stays_so_until_one_is_chosen(qtbot: QtBot, services: ff.Services) -> None:
    stored = services.incidents.get(services.incident_titled("Shots fired"))  # property damage: yes
    stored = services.incidents.update(replace(stored, property_extent=None))  # as an import may leave it
    form = ff.shown(qtbot, IncidentForm(stored, services.facilities.names()))
    assert isinstance(form, IncidentForm)
    assert form.response.extent.currentText() == "Unknown"
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    assert form.edited_record().property_extent is None, "nothing recorded behind the user's back"

    form = ff.shown(qtbot, IncidentForm(stored, services.facilities.names()))
    ff.choose(qtbot, form.response.extent, "Minor (< $1 million)")
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    UpdateRecord.perform(services.incidents, stored, form.edited_record(), lambda entity: None)
    assert services.incidents.get(stored.uuid).property_extent is PropertyExtent.MINOR


def test_the_same_type_twice_or_a_third_without_a_second_is_said_at_the_field(
    qtbot: QtBot, services: ff.Services
) -> None:
    form = edit_form(qtbot, services, "Armed attack")  # armed assault; building and vehicles
    ff.choose(qtbot, form.attacks.second, "Armed assault")
    assert message(form, "attack_type_2") == "Second attack type must not repeat a type already chosen"
    ff.choose(qtbot, form.targets.third, "Perimeter")
    ff.choose(qtbot, form.targets.second, "—")
    assert form.targets.third.isEnabled(), "kept open while it holds a type, so that it can be cleared"
    assert message(form, "target_type_3") == "Third target needs a second target type first"
    ff.press_save(qtbot, form)
    assert form.isVisible()


def test_unknown_is_a_choice_of_its_own_and_no_damage_has_no_extent(qtbot: QtBot, services: ff.Services) -> None:
    form = new_form(qtbot, services)
    ff.type_into(qtbot, form.title, "Threat letter")
    ff.pick_facility(qtbot, form.facility, "florida")
    ff.type_into(qtbot, form.legal_history.date.edit, "2019-08")
    assert (form.response.hostages.currentText(), form.response.outcome.currentText()) == ("Unknown", "Unknown")
    assert (form.attacks.primary.currentText(), form.targets.primary.currentText()) == ("Unknown", "Unknown")
    assert form.attacks.second.currentText() == "—", "none, which is not unknown"
    ff.choose(qtbot, form.property_damage, "No")
    assert not form.response.extent.isEnabled()
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    edited = form.edited_record()
    assert (edited.property_extent, edited.hostages) == (None, YesNoUnknown.UNKNOWN)
    assert (edited.perpetrator_outcome, edited.target_types) == (PerpetratorOutcome.UNKNOWN, (TargetType.UNKNOWN,))
    assert edited.attack_types == (AttackType.UNKNOWN,)


def test_empty_count_is_unknown_and_zero_is_zero(qtbot: QtBot, services: ff.Services) -> None:
    form = edit_form(qtbot, services, "Armed attack")  # victims killed 0, perpetrators killed 1
    assert form.counts["victims_killed"].text() == "0"
    assert form.counts["perpetrators_killed"].placeholderText() == "unknown"
    ff.type_into(qtbot, form.counts["victims_killed"], "")
    ff.type_into(qtbot, form.counts["perpetrators_injured"], "")
    ff.type_into(qtbot, form.counts["perpetrators_killed"], "0")
    ff.press_save(qtbot, form)

    assert ff.accepted(form)
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
    assert message(form, "status_history") == (
        "Legal history entry 1 (reported): needs a date (a year, a month or a range will do)"
    )
    assert QApplication.focusWidget() is form.legal_history.date.edit, "the entry without a date"
    ff.type_into(qtbot, form.legal_history.date.edit, "2019-08-31")
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


@pytest.mark.parametrize(
    ("typed", "preview"),
    [
        ("2019-07-13 04:00", "Sat 13 July 2019, 04:00"),
        ("2019-08-25", "Sun 25 August 2019"),
        ("13 July 2019", "Sat 13 July 2019"),
        ("2019-08", "August 2019 (only the month is known)"),
        ("2019", "2019 (only the year is known)"),
        ("2019-08-20/2019-08-31", "20 to 31 August 2019 (somewhere in this range)"),
        ("late August 2019", "about 21 to 31 August 2019 (somewhere in this range)"),
        ("about 2019-08-25", "about Sun 25 August 2019"),
        ("2019-08~", "about August 2019 (only the month is known)"),
        ("2019-08-25 early morning", "Sun 25 August 2019, early morning (05:00–08:00)"),
    ],
)
def test_occurred_takes_every_form_of_a_partial_date_with_a_preview(
    qtbot: QtBot, services: ff.Services, typed: str, preview: str
) -> None:
    form = edit_form(qtbot, services, "Molotov")  # occurred in late August
    assert form.occurred.edit.text() == "2019-08-21~/2019-08-31~"
    assert form.occurred.preview.text() == "about 21 to 31 August 2019 (somewhere in this range)"
    ff.type_into(qtbot, form.occurred.edit, typed)
    assert form.occurred.preview.text() == preview
    assert message(form, "occurred") == ""
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    UpdateRecord.perform(services.incidents, form.record, form.edited_record(), lambda entity: None)
    assert services.incidents.get(form.record.uuid).occurred == read_date(typed, month_first=True)


def test_an_occurred_date_that_cannot_be_read_stays_typed_and_is_said_inline(
    qtbot: QtBot, services: ff.Services
) -> None:
    form = edit_form(qtbot, services, "Molotov")
    ff.type_into(qtbot, form.occurred.edit, "2019-13")
    assert form.occurred.edit.text() == "2019-13"
    assert form.occurred.preview.text() == ""
    assert message(form, "occurred") == "Occurred cannot be read: '2019-13': there is no month 13"
    assert form.occurred.edit.property("invalid") is True
    ff.press_save(qtbot, form)
    assert form.isVisible()
    ff.type_into(qtbot, form.occurred.edit, "")
    assert form.occurred.preview.text() == "Date unknown (leave it empty when it is not known)"
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    assert form.edited_record().occurred == PartialDate()


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
        form.occurred.edit,
        form.discovered_at.edit,
        form.reported_at.edit,
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
