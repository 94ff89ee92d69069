"""Dates typed key by key into the facility, plan item, filter and briefing fields, as people write them (ISO,
compact, the en_US short form, month names, a month where a period takes one); what is stored; the mouse wheel
changes nothing; Today only from its button; a date that cannot be read is said at its field and not saved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import forms_fixtures as ff
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.queries import IncidentFilter
from desktop.domain.records import Facility, PlanItem
from desktop.ui.forms.base import RecordForm
from desktop.ui.forms.facility_form import FacilityForm
from desktop.ui.forms.plan_item_form import PlanItemForm
from desktop.ui.undo_commands import CreateRecord, UpdateRecord
from desktop.ui.widgets.date_input import DayInput
from desktop.ui.widgets.filter_bar import IncidentFilterBar

services = ff.services
en_us = ff.en_us
DAY = date(2023, 5, 2)
TYPED_DAYS = ["2023-05-02", "20230502", "5/2/2023", "05/02/23", "May 2, 2023", "2 May 2023", "Tue 2 May 2023"]


@dataclass
class DateForm:
    """A record form with a day field: how to open it for a new record, its field, the stored day."""

    key: str
    title: str
    open: Callable[[ff.Services], RecordForm]
    fill: Callable[[QtBot, RecordForm], None]
    field: Callable[[RecordForm], DayInput]
    service: Callable[[ff.Services], Any]
    stored: Callable[[Any], date | None]


def _facility_fill(qtbot: QtBot, form: RecordForm) -> None:
    assert isinstance(form, FacilityForm)
    ff.type_into(qtbot, form.name, "Krome Service Processing Center")


def _plan_item_fill(qtbot: QtBot, form: RecordForm) -> None:
    assert isinstance(form, PlanItemForm)
    ff.type_into(qtbot, form.description, "Install bollards")


FORMS = {
    "facility": DateForm(
        "last_assessment",
        "Last assessment",
        lambda services: FacilityForm(None),
        _facility_fill,
        lambda form: form.last_assessment,  # type: ignore[attr-defined]
        lambda services: services.facilities,
        lambda record: record.last_assessment,
    ),
    "plan_item": DateForm(
        "due_date",
        "Due date",
        lambda services: PlanItemForm(None, services.facilities.names()),
        _plan_item_fill,
        lambda form: form.due_date,  # type: ignore[attr-defined]
        lambda services: services.plan_items,
        lambda record: record.due_date,
    ),
}


def message(form: RecordForm, key: str) -> str:
    label = form.findChild(QLabel, f"message_{key}")
    return label.text() if label is not None and label.isVisible() else ""


def saved(qtbot: QtBot, services: ff.Services, form: RecordForm, spec: DateForm) -> date | None:
    """Save with Ctrl+S, store through the service as the window does, and read the day back."""
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    service = spec.service(services)
    created = CreateRecord.perform(service, form.edited_record(), lambda entity: None).record
    return spec.stored(service.get(created.uuid))


def wheel(widget: QWidget, steps: int) -> None:
    centre = QPointF(widget.rect().center())
    where = QPointF(widget.mapToGlobal(centre.toPoint()))
    buttons, modifiers = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    event = QWheelEvent(
        centre, where, QPoint(), QPoint(0, 120 * steps), buttons, modifiers, Qt.ScrollPhase.NoScrollPhase, False
    )
    QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("typed", TYPED_DAYS)
@pytest.mark.parametrize("kind", list(FORMS))
def test_a_day_typed_in_any_form_is_stored(
    qtbot: QtBot, services: ff.Services, en_us: None, kind: str, typed: str
) -> None:
    spec = FORMS[kind]
    form = ff.shown(qtbot, spec.open(services))
    spec.fill(qtbot, form)
    field = spec.field(form)
    ff.type_into(qtbot, field.edit, typed)
    assert QApplication.focusWidget() is field.edit and field.text() == typed
    assert field.preview.text().startswith("Tue 2 May 2023")
    assert saved(qtbot, services, form, spec) == DAY


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("2023-05", "'2023-05' is only a month; this field needs one day, e.g. 2019-07-13"),
        ("early May 2023", "'early May 2023' is a range of days; this field needs one day"),
        ("2023-05-01 to 2023-05-03", "is a range of days"),
        (
            "13/5/2023",
            "'13/5/2023': there is no month 13 (this computer reads dates as month/day/year); did you mean 5/13",
        ),
        ("2023-02-30", "February 2023 has no day 30"),
        ("next Tuesday", "'next' is not part of a date"),
    ],
)
@pytest.mark.parametrize("kind", list(FORMS))
def test_a_date_the_field_cannot_take_is_said_there_and_not_saved(
    qtbot: QtBot, services: ff.Services, en_us: None, kind: str, typed: str, problem: str
) -> None:
    spec = FORMS[kind]
    form = ff.shown(qtbot, spec.open(services))
    spec.fill(qtbot, form)
    field = spec.field(form)
    before = spec.service(services).count()
    ff.type_into(qtbot, field.edit, typed)
    assert field.text() == typed, "what was typed stays"
    said = message(form, spec.key)
    assert said.startswith(f"{spec.title}: ") and problem in said
    assert field.preview.text() == "", "said once, under the field"
    ff.press_save(qtbot, form)
    assert form.isVisible() and form.result() != form.DialogCode.Accepted
    assert QApplication.focusWidget() is field.edit
    assert spec.service(services).count() == before
    ff.type_into(qtbot, field.edit, "5/2/2023")
    assert message(form, spec.key) == ""
    assert saved(qtbot, services, form, spec) == DAY


@pytest.mark.parametrize("kind", list(FORMS))
def test_the_wheel_over_the_field_changes_nothing(qtbot: QtBot, services: ff.Services, en_us: None, kind: str) -> None:
    spec = FORMS[kind]
    form = ff.shown(qtbot, spec.open(services))
    spec.fill(qtbot, form)
    field = spec.field(form)
    ff.type_into(qtbot, field.edit, "5/2/2023")
    form.focusNextChild()
    assert QApplication.focusWidget() is not field.edit
    for target in (field, field.edit, field.today_button, field.calendar_button):
        wheel(target, 4)
        wheel(target, -7)
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert field.text() == "5/2/2023"
    assert saved(qtbot, services, form, spec) == DAY


@pytest.mark.parametrize("kind", list(FORMS))
def test_an_empty_field_stays_empty_until_today_is_pressed(qtbot: QtBot, services: ff.Services, kind: str) -> None:
    spec = FORMS[kind]
    form = ff.shown(qtbot, spec.open(services))
    spec.fill(qtbot, form)
    field = spec.field(form)
    field.edit.setFocus()
    qtbot.mouseClick(field.edit, Qt.MouseButton.LeftButton)
    assert field.text() == "" and field.value() is None, "focusing or clicking the field fills in nothing"
    qtbot.mouseClick(field.today_button, Qt.MouseButton.LeftButton)
    assert field.value() == services.database.clock().date()  # the fixtures' today
    assert saved(qtbot, services, form, spec) == services.database.clock().date()


def test_a_stored_day_is_shown_and_can_be_cleared(qtbot: QtBot, services: ff.Services) -> None:
    tacoma = services.facilities.get(services.facility_named("Tacoma"))
    tacoma = services.facilities.update(_with_assessment(tacoma, date(2020, 3, 1)))
    form = ff.shown(qtbot, FacilityForm(tacoma))
    assert form.last_assessment.text() == "2020-03-01"
    assert form.last_assessment.preview.text() == "Sun 1 March 2020"
    ff.type_into(qtbot, form.last_assessment.edit, "")
    assert form.last_assessment.preview.text() == "not assessed"
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    UpdateRecord.perform(services.facilities, tacoma, form.edited_record(), lambda entity: None)
    assert services.facilities.get(tacoma.uuid).last_assessment is None


def _with_assessment(facility: Facility, day: date) -> Facility:
    return replace(facility, last_assessment=day)


def test_a_plan_item_due_date_typed_over_a_stored_one(qtbot: QtBot, services: ff.Services, en_us: None) -> None:
    item = next(p for p in services.plan_items.page() if p.due_date is not None)
    assert isinstance(item, PlanItem) and item.due_date is not None
    form = ff.shown(qtbot, PlanItemForm(item, services.facilities.names()))
    assert form.due_date.text() == item.due_date.isoformat()
    ff.type_into(qtbot, form.due_date.edit, "10/15/19")
    assert form.due_date.preview.text() == "Tue 15 October 2019; '19' read as 2019"
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    UpdateRecord.perform(services.plan_items, item, form.edited_record(), lambda entity: None)
    assert services.plan_items.get(item.uuid).due_date == date(2019, 10, 15)


# -- the incident filter bar -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2019-08-01", "2019-08-10", (date(2019, 8, 1), date(2019, 8, 10))),
        ("20190801", "20190810", (date(2019, 8, 1), date(2019, 8, 10))),
        ("8/1/2019", "8/10/2019", (date(2019, 8, 1), date(2019, 8, 10))),
        ("1 August 2019", "Aug 10, 2019", (date(2019, 8, 1), date(2019, 8, 10))),
        ("2019-08", "2019-08", (date(2019, 8, 1), date(2019, 8, 31))),  # a month: from its first to its last day
        ("2019", "", (date(2019, 1, 1), None)),
    ],
)
def test_the_occurred_filter_takes_typed_days_and_months(
    qtbot: QtBot, en_us: None, start: str, end: str, expected: tuple[date | None, date | None]
) -> None:
    bar = IncidentFilterBar()
    qtbot.addWidget(bar)
    with qtbot.waitActive(bar):
        bar.show()
        bar.activateWindow()
    emitted: list[IncidentFilter] = []
    bar.changed.connect(emitted.append)
    ff.type_into(qtbot, bar.occurred_from.edit, start)
    ff.type_into(qtbot, bar.occurred_to.edit, end)
    qtbot.waitUntil(lambda: bool(emitted) and (emitted[-1].occurred_from, emitted[-1].occurred_to) == expected)
    assert (bar.current().occurred_from, bar.current().occurred_to) == expected


def test_an_unreadable_filter_date_is_told_and_not_applied(qtbot: QtBot, en_us: None) -> None:
    bar = IncidentFilterBar()
    qtbot.addWidget(bar)
    with qtbot.waitActive(bar):
        bar.show()
        bar.activateWindow()
    ff.type_into(qtbot, bar.occurred_from.edit, "8/1/2019")
    qtbot.waitUntil(lambda: bar.current().occurred_from == date(2019, 8, 1))
    ff.type_into(qtbot, bar.occurred_from.edit, "8/32/2019")
    assert "August 2019 has no day 32" in bar.occurred_from.preview.text()
    assert bar.current().occurred_from == date(2019, 8, 1), "the last day that could be read stays applied"
    ff.type_into(qtbot, bar.occurred_from.edit, "")
    assert bar.current().occurred_from is None
    assert bar.occurred_from.preview.text() == "any day"
