"""TypedDateEdit: a date typed as it is really known (day, month, year, range, about, band), with a live preview."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.domain.date_input import read_date
from desktop.domain.values import PartialDate
from desktop.ui.widgets.date_input import locale_month_first

PREVIEW_STYLE = "color: palette(placeholder-text);"
FORMS = (
    "Type the date as it is known: 2019-08-25, 7/13/2019, 2019-08-25 04:00, 2019-08 (a month), 2019 (a year),\n"
    "late August 2019 (about the 21st to the 31st),\n"
    "2019-08-20/2019-08-31 (somewhere in a range), about 2019-08-25 or 2019-08~ (approximate),\n"
    "2019-08-25 early morning (a band of the day: night, early morning, morning, afternoon, evening)."
)


def read_partial_date(text: str) -> PartialDate:
    """The date `text` describes (every form domain/date_input reads: 2019-08-25, 7/13/2019 in the locale's
    order, late August 2019…); ValueError saying why it cannot be read (the field names itself)."""
    try:
        return read_date(text, month_first=locale_month_first())
    except ValueError as error:
        raise ValueError(f"cannot be read: {error}") from None


class TypedDateEdit(QWidget):
    """One line to type the date in, an optional Today button, and under it how the date was read
    (`PartialDate.describe()`); a text that cannot be read stays as typed and `value()` raises ValueError."""

    changed = Signal()

    def __init__(
        self, *, empty_preview: str = "Date unknown", today_button: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.empty_preview = empty_preview
        self.edit = QLineEdit()
        self.edit.setMaxLength(80)
        self.edit.setPlaceholderText("e.g. 2019-08-25, 2019-08, about 2019-08, 2019-08-20/2019-08-31")
        self.edit.setToolTip(FORMS)
        self.edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 30)
        self.today: QPushButton | None = None
        self.preview = QLabel()
        self.preview.setObjectName("date_preview")
        self.preview.setStyleSheet(PREVIEW_STYLE)
        self.preview.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        if today_button:
            self.today = QPushButton("Today")
            self.today.setToolTip("Type today's date")
            self.today.setAutoDefault(False)
            self.today.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter on it after typing a date would replace it
            self.today.clicked.connect(self.type_today)
            row.addWidget(self.today)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addLayout(row)
        layout.addWidget(self.preview)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._typed)
        self._typed()

    def _typed(self) -> None:
        self.preview.setText(self.preview_text())
        self.changed.emit()

    def preview_text(self) -> str:
        """How the text was read: "2019-08 (only the month is known)"; nothing while it cannot be read."""
        try:
            value = self.value()
        except ValueError:
            return ""
        return value.describe() if value.is_known else self.empty_preview

    def type_today(self) -> None:
        self.edit.setText(date.today().isoformat())
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def text(self) -> str:
        return self.edit.text()

    def value(self) -> PartialDate:
        """The date typed (unknown when empty); ValueError when the text cannot be read."""
        return read_partial_date(self.edit.text())

    def set_value(self, value: PartialDate) -> None:
        self.edit.setText(value.text())

    def state(self) -> object:
        return self.edit.text()

    def focus_chain(self) -> list[QWidget]:
        return [self.edit]
