"""DirectiveForm and the directive field of the plan item form, driven key by key; what they return is stored by the
real services (scope by agency, facility or type; a scope without its choice is refused inline)."""

from __future__ import annotations

from datetime import date

import forms_fixtures as ff
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.enums import Agency, DirectiveScope, FacilityType
from desktop.domain.queries import PlanItemFilter
from desktop.domain.records import Directive
from desktop.services.records import DirectiveService
from desktop.ui.forms.base import RecordForm
from desktop.ui.forms.directive_form import DirectiveForm
from desktop.ui.forms.plan_item_form import PlanItemForm
from desktop.ui.undo_commands import CreateRecord, UpdateRecord

services = ff.services
AGENCY_SCOPE = DirectiveScope.AGENCY.label  # "An agency's facilities"


def message(form: RecordForm, key: str) -> str:
    label = form.findChild(QLabel, f"message_{key}")
    return label.text() if label is not None and label.isVisible() else ""


def tab_to(qtbot: QtBot, widget: QWidget, limit: int = 40) -> None:
    """Press Tab until `widget` has the keyboard focus, as a person moves through the form."""
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget}; the focus is on {QApplication.focusWidget()}")


def directives(services: ff.Services) -> DirectiveService:
    return DirectiveService(services.database)


def test_a_directive_for_the_ice_agencies_typed_in_is_stored(qtbot: QtBot, services: ff.Services) -> None:
    form = ff.shown(qtbot, DirectiveForm(None, services.facilities.names()))
    assert isinstance(form, DirectiveForm)
    assert QApplication.focusWidget() is form.title
    qtbot.keyClicks(form.title, "FPS: plan to secure all ICE facilities")
    qtbot.keyClick(form.title, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "DHS Deputy Secretary / FPS")
    assert form.issuing_office.text() == "DHS Deputy Secretary / FPS"
    qtbot.keyClick(form.issuing_office, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.issued_on.check
    qtbot.keyClick(form.issued_on.check, Qt.Key.Key_Space)
    ff.type_date(qtbot, form.issued_on.edit, date(2019, 9, 12))
    qtbot.keyClick(form.issued_on.edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.deadline.check
    tab_to(qtbot, form.quick_buttons[0])  # "+14 days", after the deadline's own editor
    qtbot.keyClick(form.quick_buttons[0], Qt.Key.Key_Space)
    assert form.deadline.value() == date(2019, 9, 26), "two weeks after the day issued"
    tab_to(qtbot, form.source_reference)
    qtbot.keyClicks(form.source_reference, "DHS memo of 12 September 2019")

    assert not form.scope_agencies.isVisible() and not form.scope_facility.isVisible()  # scope: all facilities
    ff.choose(qtbot, form.scope, AGENCY_SCOPE)
    assert form.scope_agencies.isVisible() and not form.scope_facility_types.isVisible()
    ff.press_save(qtbot, form)
    assert form.isVisible(), "an agency scope without an agency is refused"
    assert message(form, "scope_agencies") == (
        "Agencies must include at least one agency when the scope is “An agency's facilities”")  # fmt: skip
    assert QApplication.focusWidget() is form.scope_agencies.checks[Agency.ICE_ERO]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    tab_to(qtbot, form.scope_agencies.checks[Agency.ICE_HSI])
    qtbot.keyClick(form.scope_agencies.checks[Agency.ICE_HSI], Qt.Key.Key_Space)
    assert message(form, "scope_agencies") == ""

    ff.press_save(qtbot, form)

    assert ff.accepted(form)
    created = CreateRecord.perform(directives(services), form.edited_record(), lambda kind: None).record
    stored = directives(services).get(created.uuid)
    assert (stored.title, stored.issuing_office) == ("FPS: plan to secure all ICE facilities",
                                                     "DHS Deputy Secretary / FPS")  # fmt: skip
    assert (stored.issued_on, stored.deadline) == (date(2019, 9, 12), date(2019, 9, 26))
    assert stored.source_reference == "DHS memo of 12 September 2019"
    assert (stored.scope, stored.scope_agencies) == (DirectiveScope.AGENCY, (Agency.ICE_ERO, Agency.ICE_HSI))
    assert stored.scope_facility_uuid is None and stored.scope_facility_types == ()


def test_one_facility_or_a_facility_type_as_the_scope(qtbot: QtBot, services: ff.Services) -> None:
    memo = directives(services).page()[0]
    form = ff.shown(qtbot, DirectiveForm(memo, services.facilities.names()))
    assert isinstance(form, DirectiveForm)
    assert [a for a, check in form.scope_agencies.checks.items() if check.isChecked()] == [Agency.ICE_ERO,
                                                                                            Agency.ICE_HSI]  # fmt: skip
    ff.choose(qtbot, form.scope, DirectiveScope.FACILITY.label)
    ff.type_into(qtbot, form.scope_facility.lineEdit(), "Nowhere")
    assert message(form, "scope_facility") == "Facility must be chosen from the list (no facility is named “Nowhere”)"
    ff.pick_facility(qtbot, form.scope_facility, "tacoma")
    assert message(form, "scope_facility") == ""
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    UpdateRecord.perform(directives(services), memo, form.edited_record(), lambda kind: None)
    stored = directives(services).get(memo.uuid)
    assert (stored.scope, stored.scope_facility_name, stored.scope_agencies) == (
        DirectiveScope.FACILITY, "Northwest Detention Center, Tacoma", ())  # fmt: skip

    form = ff.shown(qtbot, DirectiveForm(stored, services.facilities.names()))
    assert isinstance(form, DirectiveForm)
    ff.choose(qtbot, form.scope, DirectiveScope.FACILITY_TYPE.label)
    form.scope_facility_types.checks[FacilityType.DETENTION_CENTER].setFocus()
    qtbot.keyClick(form.scope_facility_types.checks[FacilityType.DETENTION_CENTER], Qt.Key.Key_Space)
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    UpdateRecord.perform(directives(services), stored, form.edited_record(), lambda kind: None)
    again = directives(services).get(memo.uuid)
    assert (again.scope, again.scope_facility_uuid, again.scope_facility_types) == (
        DirectiveScope.FACILITY_TYPE, None, (FacilityType.DETENTION_CENTER,))  # fmt: skip


def test_a_deadline_before_the_day_issued_is_refused_inline(qtbot: QtBot, services: ff.Services) -> None:
    form = ff.shown(qtbot, DirectiveForm(Directive(title="x", issued_on=date(2019, 9, 12)), []))
    assert isinstance(form, DirectiveForm)
    qtbot.mouseClick(form.deadline.check, Qt.MouseButton.LeftButton)
    ff.type_date(qtbot, form.deadline.edit, date(2019, 9, 1))
    assert message(form, "deadline") == "Deadline must not be before the day it was issued"
    ff.press_save(qtbot, form)
    assert form.isVisible()


def test_a_plan_item_is_put_under_a_directive(qtbot: QtBot, services: ff.Services) -> None:
    memo = directives(services).page()[0]
    item = next(p for p in services.plan_items.page() if not p.facility_uuid)  # the nationwide plan
    titles = [(d.uuid, d.title) for d in directives(services).page()]
    form = ff.shown(qtbot, PlanItemForm(item, services.facilities.names(), directives=titles))
    assert isinstance(form, PlanItemForm)
    assert form.directive.currentText() == memo.title
    ff.choose(qtbot, form.directive, "None")
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    UpdateRecord.perform(services.plan_items, item, form.edited_record(), lambda kind: None)
    assert services.plan_items.get(item.uuid).directive_uuid is None
    assert len(services.plan_items.page(PlanItemFilter(directive_uuid=memo.uuid))) == 2

    form = ff.shown(qtbot, PlanItemForm(None, services.facilities.names(), directives=titles))
    assert isinstance(form, PlanItemForm)
    ff.type_into(qtbot, form.description, "Install bollards")
    ff.choose(qtbot, form.directive, memo.title)
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    created = CreateRecord.perform(services.plan_items, form.edited_record(), lambda kind: None).record
    assert services.plan_items.get(created.uuid).directive_title == memo.title
