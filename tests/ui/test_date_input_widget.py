"""The date fields as a person uses them: typing key by key with the reading shown beside, the calendar popup,
the Today button, and no change from the mouse wheel or the arrow keys."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import forms_fixtures as ff
import pytest
from PySide6.QtCore import QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.enums import DatePrecision, TimeOfDay
from desktop.domain.values import PartialDate
from desktop.ui.palette import hex_of
from desktop.ui.widgets.date_input import DateInput, DateTimeInput, DayInput, locale_month_first

en_us = ff.en_us
TODAY = date(2019, 9, 20)


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[QWidget]:
    """A shown, active window to put the fields in (with a line edit to leave them for)."""
    widget = QWidget()
    QVBoxLayout(widget)
    other = QLineEdit(widget)
    other.setObjectName("other")
    widget.layout().addWidget(other)
    qtbot.addWidget(widget)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    yield widget


def put(window: QWidget, field: QWidget) -> QWidget:
    window.layout().addWidget(field)
    field.show()
    return field


def typed(qtbot: QtBot, field: DateInput | DayInput | DateTimeInput, text: str) -> None:
    ff.type_into(qtbot, field.edit, text)
    assert QApplication.focusWidget() is field.edit
    assert field.text() == text


def wheel(widget: QWidget, steps: int) -> None:
    centre = QPointF(widget.rect().center())
    where = QPointF(widget.mapToGlobal(centre.toPoint()))
    buttons, modifiers = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    event = QWheelEvent(
        centre, where, QPoint(), QPoint(0, 120 * steps), buttons, modifiers, Qt.ScrollPhase.NoScrollPhase, False
    )
    QApplication.sendEvent(widget, event)


def test_the_locale_says_whether_the_month_comes_first() -> None:
    assert locale_month_first(QLocale("en_US"))
    assert not locale_month_first(QLocale("en_GB"))
    assert not locale_month_first(QLocale("de_DE"))
    assert locale_month_first(QLocale("sv_SE"))  # 2019-07-13


@pytest.mark.parametrize(
    ("text", "expected", "said"),
    [
        ("2019-07-13", PartialDate.of_day(date(2019, 7, 13)), "Sat 13 July 2019"),
        ("20190713", PartialDate.of_day(date(2019, 7, 13)), "Sat 13 July 2019"),
        ("7/13/2019", PartialDate.of_day(date(2019, 7, 13)), "Sat 13 July 2019"),
        ("7/13/19", PartialDate.of_day(date(2019, 7, 13)), "Sat 13 July 2019; '19' read as 2019"),
        ("2019-07-13 04:00", PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4)), "Sat 13 July 2019, 04:00"),
        ("20190713 0400", PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4)), "Sat 13 July 2019, 04:00"),
        ("2019-08", PartialDate(DatePrecision.MONTH, date(2019, 8, 1)), "August 2019 (only the month is known)"),
        ("2019", PartialDate(DatePrecision.YEAR, date(2019, 1, 1)), "2019 (only the year is known)"),
        (
            "late August 2019",
            PartialDate(DatePrecision.RANGE, date(2019, 8, 21), until=date(2019, 8, 31), approximate=True),
            "about 21 to 31 August 2019 (somewhere in this range)",
        ),
        (
            "2019-08-20/2019-08-31",
            PartialDate(DatePrecision.RANGE, date(2019, 8, 20), until=date(2019, 8, 31)),
            "20 to 31 August 2019 (somewhere in this range)",
        ),
        (
            "about 2019-08-25 early morning",
            PartialDate(DatePrecision.DAY, date(2019, 8, 25), approximate=True, time_of_day=TimeOfDay.EARLY_MORNING),
            "about Sun 25 August 2019, early morning (05:00–08:00)",
        ),
        ("", PartialDate(), "Date unknown"),
    ],
)
def test_a_partial_date_typed_key_by_key_is_read_and_shown(
    qtbot: QtBot, window: QWidget, en_us: None, text: str, expected: PartialDate, said: str
) -> None:
    field = put(window, DateInput("Occurred", today=lambda: TODAY))
    assert isinstance(field, DateInput)
    changes: list[None] = []
    field.changed.connect(lambda: changes.append(None))
    typed(qtbot, field, text)
    assert field.value() == expected
    assert field.problem() is None
    assert field.preview.text() == said
    assert field.edit.accessibleDescription() == said
    assert len(changes) >= len(text)


def test_the_preview_follows_each_key(qtbot: QtBot, window: QWidget, en_us: None) -> None:
    field = put(window, DateInput("Occurred"))
    assert isinstance(field, DateInput)
    field.edit.setFocus()
    seen = []
    for key in "2019-08-2":
        qtbot.keyClicks(field.edit, key)
        seen.append(field.preview.text())
    assert seen[3] == "2019 (only the year is known)"
    assert seen[6] == "August 2019 (only the month is known)"
    assert seen[8] == "Fri 2 August 2019"
    assert "not a date" in seen[4]  # "2019-": told as it is typed
    qtbot.keyClicks(field.edit, "5")
    assert field.preview.text() == "Sun 25 August 2019"


def test_what_cannot_be_read_is_told_in_the_error_colour_and_value_refuses_it(
    qtbot: QtBot, window: QWidget, en_us: None
) -> None:
    field = put(window, DateInput("Occurred"))
    assert isinstance(field, DateInput)
    typed(qtbot, field, "13/7/2019")
    problem = field.problem()
    assert problem is not None and "did you mean 7/13/2019" in problem
    assert field.preview.text() == problem
    assert hex_of("error") in field.preview.styleSheet()
    with pytest.raises(ValueError, match="there is no month 13"):
        field.value()
    typed(qtbot, field, "7/13/2019")
    assert hex_of("error") not in field.preview.styleSheet()


def test_a_field_in_a_form_leaves_the_problem_to_the_form(qtbot: QtBot, window: QWidget) -> None:
    field = put(window, DateInput("Occurred", says_problems=False))
    assert isinstance(field, DateInput)
    typed(qtbot, field, "yesterday")
    assert field.preview.text() == ""
    assert field.problem() is not None


def test_day_first_locales_read_the_day_first(qtbot: QtBot, window: QWidget) -> None:
    QLocale.setDefault(QLocale("en_GB"))
    try:
        field = put(window, DayInput("Due"))
        assert isinstance(field, DayInput)
        assert "13/7/2019" in field.edit.placeholderText()
        typed(qtbot, field, "13/7/2019")
        assert field.value() == date(2019, 7, 13)
    finally:
        QLocale.setDefault(QLocale.c())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-07-13", date(2019, 7, 13)),
        ("20190713", date(2019, 7, 13)),
        ("7/13/2019", date(2019, 7, 13)),
        ("13 July 2019", date(2019, 7, 13)),
        ("", None),
    ],
)
def test_a_day_field_takes_one_day(qtbot: QtBot, window: QWidget, en_us: None, text: str, expected: date) -> None:
    field = put(window, DayInput("Due"))
    assert isinstance(field, DayInput)
    typed(qtbot, field, text)
    assert field.value() == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [("2019-08", "is only a month"), ("late August 2019", "is a range"), ("2019-07-13 04:00", "without a time")],
)
def test_a_day_field_refuses_more_or_less_than_a_day(
    qtbot: QtBot, window: QWidget, en_us: None, text: str, message: str
) -> None:
    field = put(window, DayInput("Due"))
    assert isinstance(field, DayInput)
    typed(qtbot, field, text)
    assert message in (field.problem() or "")
    assert message in field.preview.text()
    with pytest.raises(ValueError, match=message):
        field.value()


@pytest.mark.parametrize(
    ("bound", "text", "expected", "said"),
    [
        ("first", "2019-08", date(2019, 8, 1), "from Thu 1 August 2019, the first day of August 2019"),
        ("last", "2019-08", date(2019, 8, 31), "to Sat 31 August 2019, the last day of August 2019"),
        ("last", "2019", date(2019, 12, 31), "to Tue 31 December 2019, the last day of 2019"),
        ("first", "8/20/2019", date(2019, 8, 20), "Tue 20 August 2019"),
    ],
)
def test_a_period_bound_takes_a_month_or_a_year_as_its_first_or_last_day(
    qtbot: QtBot, window: QWidget, en_us: None, bound: str, text: str, expected: date, said: str
) -> None:
    field = put(window, DayInput("Occurred from"))
    assert isinstance(field, DayInput)
    field.set_bound("first" if bound == "first" else "last")
    typed(qtbot, field, text)
    assert field.value() == expected
    assert field.preview.text() == said


def test_a_date_time_field_needs_the_time(qtbot: QtBot, window: QWidget, en_us: None) -> None:
    field = put(window, DateTimeInput("Reported", today=lambda: TODAY))
    assert isinstance(field, DateTimeInput)
    typed(qtbot, field, "7/13/2019 4:05 pm")
    assert field.value() == datetime(2019, 7, 13, 16, 5)
    typed(qtbot, field, "2019-07-13")
    assert "type the time too, e.g. 2019-07-13 14:05" in (field.problem() or "")
    typed(qtbot, field, "20190713T0400")
    assert field.value() == datetime(2019, 7, 13, 4)
    qtbot.mouseClick(field.today_button, Qt.MouseButton.LeftButton)
    assert field.text() == "2019-09-20 04:00"  # the day changed, the time typed kept
    typed(qtbot, field, "")
    qtbot.mouseClick(field.today_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field.edit, "08:30")
    assert field.value() == datetime(2019, 9, 20, 8, 30)


def test_today_comes_only_from_the_today_button(qtbot: QtBot, window: QWidget) -> None:
    field = put(window, DateInput("Occurred", today=lambda: TODAY))
    assert isinstance(field, DateInput)
    assert field.value() == PartialDate()
    field.edit.setFocus()
    assert field.value() == PartialDate(), "focusing the field fills in nothing"
    qtbot.mouseClick(field.today_button, Qt.MouseButton.LeftButton)
    assert field.value() == PartialDate.of_day(TODAY)
    assert field.text() == "2019-09-20"
    assert QApplication.focusWidget() is field.edit


def test_wheel_and_arrow_keys_change_nothing(qtbot: QtBot, window: QWidget, en_us: None) -> None:
    field = put(window, DayInput("Due"))
    assert isinstance(field, DayInput)
    typed(qtbot, field, "7/13/2019")
    other = window.findChild(QLineEdit, "other")
    assert other is not None
    other.setFocus()
    for target in (field, field.edit, field.calendar_button, field.today_button):
        wheel(target, 3)
        wheel(target, -5)
    assert field.value() == date(2019, 7, 13)
    field.edit.setFocus()
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
        qtbot.keyClick(field.edit, key)
    wheel(field.edit, 2)
    assert field.value() == date(2019, 7, 13) and field.text() == "7/13/2019"


def test_the_calendar_sets_the_day_only_when_one_is_picked(qtbot: QtBot, window: QWidget, en_us: None) -> None:
    field = put(window, DayInput("Due", today=lambda: TODAY))
    assert isinstance(field, DayInput)
    typed(qtbot, field, "7/13/2019")
    qtbot.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendar
    assert calendar is not None and calendar.isVisible()
    assert calendar.selectedDate().toPython() == date(2019, 7, 13)
    view = calendar.findChild(QTableView)
    assert view is not None
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Down):
        qtbot.keyClick(view, key)
    assert field.value() == date(2019, 7, 13), "moving in the calendar changes nothing"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: field.calendar is None)
    assert field.value() == date(2019, 7, 13), "Esc closes the calendar without choosing"
    ff.reactivate(qtbot, field)

    qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)
    calendar = field.calendar
    assert calendar is not None
    view = calendar.findChild(QTableView)
    assert view is not None
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: field.calendar is None)
    assert field.value() == date(2019, 7, 14)
    assert field.text() == "2019-07-14"


def test_an_empty_field_opens_the_calendar_at_today_without_taking_it(qtbot: QtBot, window: QWidget) -> None:
    field = put(window, DateInput("Occurred", today=lambda: TODAY))
    assert isinstance(field, DateInput)
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_F4)
    assert field.calendar is not None and field.calendar.selectedDate().toPython() == TODAY
    assert field.value() == PartialDate()
    field.calendar.close()


def test_loading_a_value_shows_it(qtbot: QtBot, window: QWidget) -> None:
    field = put(window, DateInput("Occurred"))
    assert isinstance(field, DateInput)
    value = PartialDate(DatePrecision.DAY, date(2019, 8, 25), time_of_day=TimeOfDay.NIGHT)
    field.set_value(value)
    assert field.text() == "2019-08-25 night" and field.value() == value
    day = put(window, DayInput("Due"))
    assert isinstance(day, DayInput)
    day.set_value(date(2019, 9, 26))
    assert day.text() == "2019-09-26" and day.value() == date(2019, 9, 26)
    moment = put(window, DateTimeInput("Reported"))
    assert isinstance(moment, DateTimeInput)
    moment.set_value(datetime(2019, 9, 26, 8, 5))
    assert moment.text() == "2019-09-26 08:05" and moment.value() == datetime(2019, 9, 26, 8, 5)


def test_the_parts_have_accessible_names(qtbot: QtBot, window: QWidget) -> None:
    field = put(window, DateInput("Occurred"))
    assert isinstance(field, DateInput)
    names = [w.accessibleName() for w in (field.edit, field.calendar_button, field.today_button, field.preview)]
    assert names == ["Occurred", "Occurred: pick a day from a calendar", "Occurred: today", "Occurred as read"]
