"""The facility form's case facts, typed key by key: the state chosen by code or name, the operator, an unknown FSL
kept apart from "not assessed", a name another facility has (a warning, not a refusal), and the directives that
reach the facility as the form describes it."""

from __future__ import annotations

import forms_fixtures as ff
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.domain.enums import Agency, OperatorKind, SecurityLevel
from desktop.services.records import DirectiveService
from desktop.ui.forms.facility_form import NOT_ASSESSED, UNKNOWN_LEVEL, FacilityForm
from desktop.ui.undo_commands import CreateRecord, UpdateRecord

services = ff.services
MEMO = "FPS: plan to secure all ICE facilities"


def message(form: FacilityForm, key: str) -> str:
    label = form.findChild(QLabel, f"message_{key}")
    return label.text() if label is not None and label.isVisible() else ""


def type_state(qtbot: QtBot, form: FacilityForm, text: str) -> None:
    """Type into the state field key by key, then Tab out of it (leaving the field chooses what it names); the
    keys go where the keyboard sends them: to the completion list while it is open."""
    line = form.state.lineEdit()
    ff.type_into(qtbot, line, text)
    qtbot.keyClick(QApplication.activePopupWidget() or QApplication.focusWidget(), Qt.Key.Key_Tab)
    ff.reactivate(qtbot, form)
    assert not form.state.hasFocus() and not form.state.completer().popup().isVisible()


def stored_after_save(qtbot: QtBot, form: FacilityForm, services: ff.Services) -> object:
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    if form.record is None:
        return services.facilities.get(CreateRecord.perform(services.facilities, form.edited_record(),
                                                            lambda kind: None).record.uuid)  # fmt: skip
    UpdateRecord.perform(services.facilities, form.record, form.edited_record(), lambda kind: None)
    return services.facilities.get(form.record.uuid)


def new_form(qtbot: QtBot, services: ff.Services) -> FacilityForm:
    form = ff.shown(qtbot, FacilityForm(None, facilities=services.facilities.names(),
                                        directives=DirectiveService(services.database).page()))  # fmt: skip
    assert isinstance(form, FacilityForm)
    return form


def test_texas_typed_in_the_state_field_stores_tx(qtbot: QtBot, services: ff.Services) -> None:
    form = new_form(qtbot, services)
    ff.type_into(qtbot, form.name, "Houston contract detention facility")
    type_state(qtbot, form, "Texas")
    assert form.state.currentText() == "TX – Texas" and form.state.value() == "TX"
    assert message(form, "state") == ""
    type_state(qtbot, form, "tx")
    assert form.state.currentText() == "TX – Texas"
    type_state(qtbot, form, "Texs")
    assert form.state.currentText() == "Texs", "text that names no state stays as typed"
    assert message(form, "state") == "State must be a two-letter state code such as TX (“Texs” is not one)"
    ff.press_save(qtbot, form)
    assert form.isVisible(), "not saved while the state is not one"
    type_state(qtbot, form, "TX")
    assert message(form, "state") == ""
    stored = stored_after_save(qtbot, form, services)
    assert stored.state == "TX"


def test_operator_and_an_unknown_security_level_are_stored(qtbot: QtBot, services: ff.Services) -> None:
    form = new_form(qtbot, services)
    ff.type_into(qtbot, form.name, "Houston contract detention facility")
    ff.choose(qtbot, form.operator, "Contractor")
    ff.type_into(qtbot, form.operator_name, "CoreCivic")
    assert form.security_level.currentText() == NOT_ASSESSED
    ff.choose(qtbot, form.security_level, UNKNOWN_LEVEL)
    assert form.reassessment_due.text() == "— (the level is not known)"
    unknown = stored_after_save(qtbot, form, services)
    assert (unknown.operator, unknown.operator_name) == (OperatorKind.CONTRACTOR, "CoreCivic")
    assert unknown.security_level is SecurityLevel.UNKNOWN

    form = ff.shown(qtbot, FacilityForm(unknown))
    assert isinstance(form, FacilityForm)
    assert form.security_level.currentText() == UNKNOWN_LEVEL, "unknown reads back as unknown"
    ff.choose(qtbot, form.security_level, NOT_ASSESSED)
    not_assessed = stored_after_save(qtbot, form, services)
    assert not_assessed.security_level is None, "not assessed is stored apart from unknown"


def test_a_name_another_facility_has_is_pointed_out_and_saving_still_works(qtbot: QtBot, services: ff.Services) -> None:
    form = new_form(qtbot, services)
    warning = form.findChild(QLabel, "name_warning")
    ff.type_into(qtbot, form.name, "ice office, san antonio ")
    assert warning.isVisible()
    assert warning.text().startswith("Another facility is already named “ICE office, San Antonio”.")
    assert message(form, "name") == ""
    stored = stored_after_save(qtbot, form, services)
    assert stored.name == "ice office, san antonio"
    assert [n for _u, n in services.facilities.names() if n.casefold() == stored.name] != []

    tacoma = services.facilities.get(services.facility_named("Tacoma"))
    own = ff.shown(qtbot, FacilityForm(tacoma, facilities=services.facilities.names()))
    assert not own.findChild(QLabel, "name_warning").isVisible(), "its own name is no other facility's"


def test_the_directives_that_reach_the_facility_follow_its_agency(qtbot: QtBot, services: ff.Services) -> None:
    form = new_form(qtbot, services)
    listed = form.directives_list
    assert listed.topLevelItem(0).text(0) == "No directive reaches this facility"  # agency: other
    ff.choose(qtbot, form.agency, Agency.ICE_HSI.label)
    assert [listed.topLevelItem(i).text(1) for i in range(listed.topLevelItemCount())] == [MEMO]
    assert listed.topLevelItem(0).text(2) == "ICE ERO, ICE HSI facilities"
    assert "(1)" in form.directives_label.text()
    ff.choose(qtbot, form.agency, Agency.USCIS.label)
    assert listed.topLevelItem(0).text(0) == "No directive reaches this facility"
