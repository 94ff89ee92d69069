"""TimelineEventDialog: add or edit one free-form event of an incident's timeline (date as known, text, source)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.evidence import TimelineEvent, event_problems
from desktop.domain.values import PartialDate
from desktop.ui.error_dialogs import show_error
from desktop.ui.forms.fields import FieldMessage, TextBox
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate
from desktop.ui.widgets.date_input import DateInput

DATE_HINT = QT_TRANSLATE_NOOP(
    "TimelineEventDialog", "e.g. 2019-08-31, 2019-08 (only the month), late August 2019, 2019-08-20 to 2019-08-31"
)
Save = Callable[[TimelineEvent], TimelineEvent]  # stores the event (its own transaction); ValueError: refused


class TimelineEventDialog(QDialog):
    """The date, what happened and its source; Save checks them (event_problems, then the service through
    `save`) and shows what is wrong under the fields, keeping what was typed. Accepted only once stored;
    `saved` is then the stored event. Enter in the date or source saves; Ctrl+Enter anywhere."""

    def __init__(self, incident_uuid: str, event: TimelineEvent | None, save: Save,
                 parent: QWidget | None = None, *, now: Callable[[], datetime] = datetime.now) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("timeline_event_dialog")
        self.setWindowTitle(self.tr("Edit timeline event") if event is not None else self.tr("Add timeline event"))
        self.original = event or TimelineEvent(incident_uuid, PartialDate(), "")
        self.store = save
        self.now = now
        self.saved: TimelineEvent | None = None
        self.tried = False
        self.date = DateInput(self.tr("Event date"), empty_text="", says_problems=False)
        self.date.edit.setPlaceholderText(translate("TimelineEventDialog", DATE_HINT))
        self.text = TextBox(4)
        self.text.setAccessibleName(self.tr("What happened"))
        self.text.setToolTip(self.tr("What happened: a call, a visit, a hearing… (Ctrl+Enter saves)"))
        self.source = QLineEdit()
        self.source.setMaxLength(300)
        self.source.setAccessibleName(self.tr("Source"))
        self.source.setPlaceholderText(self.tr("e.g. phone call with the FBI field office; court docket"))
        self.message = FieldMessage()
        self.message.setObjectName("event_problems")
        self.message.setAccessibleName(self.tr("Problems of the event"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(self.tr("Save the event (Enter, Ctrl+Enter)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        shortcut = QShortcut(self)
        shortcut.setKeys([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        shortcut.activated.connect(self.save)
        form = QFormLayout()
        for text, widget, buddy in (
            (self.tr("&Date"), self.date, self.date.edit),
            (self.tr("&What happened"), self.text, self.text),
            (self.tr("&Source"), self.source, self.source),
        ):
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for first, second in pairwise([*self.date.focus_chain(), self.text, self.source, self.save_button, cancel]):
            QWidget.setTabOrder(first, second)
        if event is not None:
            self.date.set_value(event.happened)
            self.text.setPlainText(event.text)
            self.source.setText(event.source)
        for signal in (self.date.changed, self.text.textChanged, self.source.textChanged):
            signal.connect(self._edited)
        self.resize(max(self.sizeHint().width(), self.fontMetrics().horizontalAdvance("x") * 80),
                    self.sizeHint().height())  # fmt: skip

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.date.edit.setFocus(Qt.FocusReason.OtherFocusReason)  # the date first, also when editing

    def built(self) -> tuple[TimelineEvent, list[str]]:
        """The event the fields describe, and what is wrong with it (a date that cannot be read, the rules)."""
        problems: list[str] = []
        try:
            happened = self.date.value()
        except ValueError as error:
            happened = PartialDate()
            problems.append(self.tr("the date cannot be read: {error}").format(error=error))
        event = replace(self.original, happened=happened, text=self.text.toPlainText().strip(),
                        source=self.source.text().strip())  # fmt: skip
        if problems:
            problems += [p for p in event_problems(event, self.now()) if not p.startswith("the date")]
        else:
            problems = event_problems(event, self.now())
        return event, problems

    def _edited(self) -> None:
        if self.tried:
            self._say(self.built()[1])

    def _say(self, problems: list[str]) -> None:
        self.message.show_message("\n".join(p[:1].upper() + p[1:] for p in problems))

    def save(self) -> None:
        """Store the event when it is valid; else say why under the fields and keep everything typed."""
        self.tried = True
        event, problems = self.built()
        self._say(problems)
        if problems:
            return
        try:
            self.saved = self.store(event)
        except ValueError as error:  # the service's TimelineError: its rules, said the same way
            self._say([str(error)])
            return
        except Exception as error:  # storage, changed elsewhere, deleted
            show_error(self, error, self.tr("Saving the timeline event"))
            return
        self.accept()
