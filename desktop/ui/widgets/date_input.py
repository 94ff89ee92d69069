"""Date fields people type into, with a calendar popup, a Today button and a preview of what was read.

Three widgets share one look: a line edit, a calendar button, a "Today" button and, under them, a preview of
how the text is read as it is typed ("Sat 13 July 2019", "August 2019 (only the month is known)", "20 to 31
August 2019 (somewhere in this range)") or, in the error colour, why it cannot be read. They accept what
`desktop.domain.date_input.read_date` reads: 2019-07-13, 20190713, the locale's short form (7/13/2019 where
the month comes first, else 13/7/2019; the order comes from QLocale's short date format), 13 July 2019,
August 2019, 2019, late August 2019, about …, 2019-08-20 to 2019-08-31, "…, early morning".

- `DateInput(name)`: a partial date. `value() -> PartialDate` (unknown when empty), `set_value(PartialDate)`.
- `DayInput(name)`: one day. `value() -> date | None` (None when empty). After `set_bound("first")` or
  `set_bound("last")` a month or a year is also taken, as its first or last day (filter and report periods),
  and the preview says so.
- `DateTimeInput(name)`: a day and its time. `value() -> datetime | None`; a day without its time is refused.

Each has `changed` (a signal, on every edit), `problem() -> str | None` (the message the preview shows, also
what `value()` raises as ValueError), `text()`, `state()` and `focus_chain()` for the record forms, and
`edit`, `calendar_button`, `today_button`, `preview` for layouts and tests. `value()` raises ValueError with a
message for people when the text cannot be read; a form turns it into its field's message.

Nothing changes the value but the person: the text does not react to the mouse wheel or the arrow keys, the
calendar (its button, or Alt+Down / F4 in the field) sets the value only when a day is clicked or Enter is
pressed on one, and today is filled in only by the Today button. In a record form, pass `says_problems=False`
(the form's own message under the field tells the problem) and `targets=[widget.edit]`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Literal

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from desktop.domain.date_input import DateReading, interpret_date
from desktop.domain.enums import DatePrecision
from desktop.domain.values import PartialDate
from desktop.ui.forms.fields import ERROR_STYLE
from desktop.ui.theme import themed_style
from desktop.ui.translated import spoken_date

QUIET_STYLE = "color: $secondary_text;"


def locale_month_first(locale: QLocale | None = None) -> bool:
    """Whether the locale's short date format puts the month before the day (M/d/yy in en_US)."""
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    month, day = pattern.find("M"), pattern.find("d")
    return month < day if month >= 0 and day >= 0 else True


class _CalendarPopup(QCalendarWidget):
    """The calendar popup: Esc closes it without choosing."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class _TypedDate(QWidget):
    """What the three date fields share; subclasses say how a reading becomes their value. `empty_text` is
    what the preview says while the field is empty (default: the class's EMPTY_TEXT); `today` gives the day
    of the Today button; `month_first` overrides the locale's order of 7/13/2019."""

    changed = Signal()
    EMPTY_TEXT = ""

    def __init__(
        self,
        name: str,
        *,
        empty_text: str | None = None,
        today: Callable[[], date] = date.today,
        month_first: bool | None = None,
        says_problems: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.empty_text = self.EMPTY_TEXT if empty_text is None else empty_text
        self.today = today
        self._month_first = month_first
        self.says_problems = says_problems
        self.calendar: _CalendarPopup | None = None
        self.edit = QLineEdit(self)
        self.edit.setMaxLength(80)
        self.edit.setAccessibleName(name)
        self.edit.setPlaceholderText(self.example())
        self.edit.setToolTip(
            self.tr(
                "Type the date, e.g. {example}; Alt+Down opens a calendar.\nThe line under the field shows how it is "
                "read."
            ).format(example=self.example())
        )
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("x" * 22))
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(self.tr("Pick a day from a calendar (Alt+Down in the field)"))
        self.calendar_button.setAccessibleName(self.tr("{name}: pick a day from a calendar").format(name=name))
        self.today_button = QToolButton(self)
        self.today_button.setText(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Set this date to today"))
        self.today_button.setAccessibleName(self.tr("{name}: today").format(name=name))
        for button in (self.calendar_button, self.today_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab and Enter go from field to field
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName(self.tr("{name} as read").format(name=name))
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.calendar_button)
        row.addWidget(self.today_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addLayout(row)
        column.addWidget(self.preview)
        self.setFocusProxy(self.edit)
        self.edit.installEventFilter(self)
        self.edit.textChanged.connect(self._text_changed)
        self.calendar_button.clicked.connect(self.open_calendar)
        self.today_button.clicked.connect(self.set_today)
        self._show_preview()

    # ---- reading -----------------------------------------------------------------------------------------
    def month_first(self) -> bool:
        return locale_month_first() if self._month_first is None else self._month_first

    def example(self) -> str:
        local = "7/13/2019" if self.month_first() else "13/7/2019"
        return self.tr("{iso} or {local}").format(iso="2019-07-13", local=local)

    def read(self) -> DateReading:
        """The text as read (ValueError saying why it cannot be)."""
        return interpret_date(self.edit.text(), month_first=self.month_first(), today=self.today())

    def describe(self, reading: DateReading) -> str:
        """The preview of a reading the field takes (ValueError for one it refuses)."""
        return spoken_date(reading.value)

    def problem(self) -> str | None:
        """Why the text cannot be read, None when it can (or is empty)."""
        try:
            self.describe(self.read())
        except ValueError as error:
            return str(error)
        return None

    def text(self) -> str:
        return self.edit.text()

    def state(self) -> object:
        return self.edit.text()

    def focus_chain(self) -> list[QWidget]:
        return [self.edit]

    def _text_changed(self, _text: str) -> None:
        self._show_preview()
        self.changed.emit()

    def _show_preview(self) -> None:
        try:
            reading = self.read()
            said = self.describe(reading) if reading.value.is_known else self.empty_text
        except ValueError as error:
            said = str(error) if self.says_problems else ""
            themed_style(self.preview, ERROR_STYLE)
        else:
            said = "; ".join((said, *reading.notes)) if said else said
            themed_style(self.preview, QUIET_STYLE)
        self.preview.setText(said)
        self.edit.setAccessibleDescription(said)

    # ---- setting -----------------------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """Put `text` in the field (for loading a stored value; people type)."""
        self.edit.setText(text)
        self.edit.setCursorPosition(0)

    def set_today(self) -> None:
        """The Today button: today's date in the field, its time (if any) kept."""
        self._set_day(self.today())

    def _set_day(self, day: date) -> None:
        self.edit.setText(day.isoformat() + self._kept_time())
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _kept_time(self) -> str:
        return ""

    # ---- calendar ----------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
            if alt_down or event.key() == Qt.Key.Key_F4:
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)

    def open_calendar(self) -> None:
        """Show the calendar at the field's day (or today); the value changes only when a day is picked."""
        if self.calendar is not None:
            self.calendar.close()
        calendar = _CalendarPopup(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.setObjectName("date_calendar")
        calendar.setAccessibleName(self.tr("{name}: calendar").format(name=self.name))
        calendar.setGridVisible(True)
        shown = self._current_day() or self.today()
        calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        calendar.clicked.connect(self._picked)
        calendar.activated.connect(self._picked)
        calendar.destroyed.connect(self._calendar_gone)
        calendar.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        self.calendar = calendar
        calendar.show()
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _calendar_gone(self) -> None:
        self.calendar = None

    def _current_day(self) -> date | None:
        try:
            return self.read().value.on
        except ValueError:
            return None

    def _picked(self, day: QDate) -> None:
        if self.calendar is not None:
            self.calendar.close()
        self._set_day(date(day.year(), day.month(), day.day()))


class DateInput(_TypedDate):
    """A partial date: exact time, day, month, year, range, about, band of the day; empty is unknown."""

    EMPTY_TEXT = "Date unknown"

    def value(self) -> PartialDate:
        return self.read().value

    def set_value(self, value: PartialDate) -> None:
        self.set_text(value.text())


class DayInput(_TypedDate):
    """One day; empty is None. `bound` "first" or "last" also takes a month or a year as its first or last day."""

    bound: Literal["first", "last"] | None = None

    def set_bound(self, bound: Literal["first", "last"] | None) -> None:
        """Take a month or a year as its first or last day (a period's start or end); None: only a day."""
        self.bound = bound
        self._show_preview()

    def describe(self, reading: DateReading) -> str:
        day = self._day(reading.value)
        if day is None:
            return ""
        said = spoken_date(PartialDate.of_day(day))
        if self.bound is not None and reading.value.precision is not DatePrecision.DAY:
            period = spoken_date(reading.value).split(" (")[0]  # August 2019, without "(only the month is known)"
            if self.bound == "first":
                return self.tr("from {day}, the first day of {period}").format(day=said, period=period)
            return self.tr("to {day}, the last day of {period}").format(day=said, period=period)
        return said

    def _day(self, value: PartialDate) -> date | None:
        """The day `value` stands for; ValueError for what this field does not take."""
        if not value.is_known:
            return None
        typed = " ".join(self.edit.text().split())
        need = self.tr("this field needs one day, e.g. 2019-07-13")
        whole = value.precision in (DatePrecision.MONTH, DatePrecision.YEAR) and not value.approximate
        if self.bound is not None and whole:
            return value.on if self.bound == "first" else value.end
        if value.precision is DatePrecision.EXACT:
            raise ValueError(f"{typed!r}: this field takes the day without a time, e.g. 2019-07-13")
        if value.precision is DatePrecision.MONTH:
            raise ValueError(f"{typed!r} is only a month; {need}")
        if value.precision is DatePrecision.YEAR:
            raise ValueError(f"{typed!r} is only a year; {need}")
        if value.precision is DatePrecision.RANGE:
            raise ValueError(f"{typed!r} is a range of days; {need}")
        if value.approximate:
            raise ValueError(f"{typed!r} is approximate; {need}, without 'about'")
        if value.time_of_day is not None:
            raise ValueError(f"{typed!r} has a band of the day; {need}")
        return value.on

    def value(self) -> date | None:
        return self._day(self.read().value)

    def set_value(self, value: date | None) -> None:
        self.set_text(value.isoformat() if value is not None else "")


class DateTimeInput(_TypedDate):
    """A day and its time to the minute or second (discovered, reported); empty is None."""

    def example(self) -> str:
        local = "7/13/2019 4:00 am" if self.month_first() else "13/7/2019 04:00"
        return self.tr("{iso} or {local}").format(iso="2019-07-13 04:00", local=local)

    def describe(self, reading: DateReading) -> str:
        self._moment(reading.value)
        return spoken_date(reading.value)

    def _moment(self, value: PartialDate) -> datetime | None:
        if not value.is_known or value.on is None:
            return None
        if value.precision is not DatePrecision.EXACT or value.at is None:
            raise ValueError(
                f"{' '.join(self.edit.text().split())!r}: type the time too, e.g. {value.on.isoformat()} 14:05"
            )
        return datetime.combine(value.on, value.at)

    def value(self) -> datetime | None:
        return self._moment(self.read().value)

    def set_value(self, value: datetime | None) -> None:
        pattern = "%Y-%m-%d %H:%M:%S" if value is not None and value.second else "%Y-%m-%d %H:%M"
        self.set_text("" if value is None else value.strftime(pattern))

    def _kept_time(self) -> str:
        try:
            at = self.read().value.at
        except ValueError:
            return " "
        return f" {at.strftime('%H:%M')}" if at is not None else " "
