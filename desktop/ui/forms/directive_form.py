"""DirectiveForm: create or edit a directive (who ordered what by when, from which document, for which facilities)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.domain.enums import Agency, DirectiveScope, FacilityType
from desktop.domain.kinds import RecordKind
from desktop.domain.records import Directive
from desktop.domain.validation import FieldError, directive_errors
from desktop.ui.forms.base import RecordForm
from desktop.ui.forms.choice_fields import CodeChecks
from desktop.ui.forms.fields import EnumCombo, FacilityPicker, TextBox
from desktop.ui.widgets.date_input import DayInput

QUICK_DEADLINES = (14, 30)  # "+14 days": the deadline that many days after the day issued (or today)


class DirectiveForm(RecordForm):
    """Title, issuing office, issued and deadline, source document, scope (all facilities, one facility, the
    facilities of some agencies or of some types: the scope's own chooser shows), notes."""

    kind = RecordKind.DIRECTIVE

    def __init__(self, record: Directive | None, facilities: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(record is not None, parent)
        self.record = record
        self.title = QLineEdit()
        self.title.setMaxLength(300)
        self.title.setPlaceholderText(self.tr("what is ordered, e.g. FPS: plan to secure all ICE facilities"))
        self.issuing_office = QLineEdit()
        self.issuing_office.setMaxLength(300)
        self.issuing_office.setPlaceholderText(self.tr("who ordered it, e.g. DHS Deputy Secretary"))
        self.issued_on = DayInput(self.tr("Issued"), empty_text=self.tr("not known"), says_problems=False)
        self.deadline = DayInput(self.tr("Deadline"), empty_text=self.tr("no deadline"), says_problems=False)
        self.quick_buttons: list[QPushButton] = []
        for days in QUICK_DEADLINES:
            button = QPushButton(self.tr("+{days} days").format(days=days))
            button.setObjectName(f"deadline_plus_{days}")
            button.setToolTip(self.tr("The deadline {days} days after the day issued (or today)").format(days=days))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, n=days: self.deadline_after(n))
            self.quick_buttons.append(button)
        self.source_reference = QLineEdit()
        self.source_reference.setPlaceholderText(
            self.tr("the document it comes from, e.g. DHS memo of 12 September 2019")
        )
        self.scope = EnumCombo(DirectiveScope)
        self.scope_facility = FacilityPicker(facilities)
        self.scope_agencies = CodeChecks(Agency)
        self.scope_facility_types = CodeChecks(FacilityType, columns=2)
        self.notes = TextBox(4)
        self.title.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 56)

        form = QFormLayout()
        form.addRow(*self.field("title", self.tr("&Title"), self.title))
        form.addRow(*self.field("issuing_office", self.tr("Issuing &office"), self.issuing_office))
        form.addRow(*self.field("issued_on", self.tr("&Issued"), self.issued_on, targets=[self.issued_on.edit]))
        label, box = self.field("deadline", self.tr("&Deadline"), self.deadline, targets=[self.deadline.edit])
        form.addRow(label, self._beside_buttons(box))
        form.addRow(*self.field("source_reference", self.tr("&Source document"), self.source_reference))
        form.addRow(*self.field("scope", self.tr("S&cope"), self.scope))
        self.scope_rows = {
            DirectiveScope.FACILITY: self.field("scope_facility", self.tr("&Facility"), self.scope_facility),
            DirectiveScope.AGENCY: self.field("scope_agencies", self.tr("&Agencies"), self.scope_agencies),
            DirectiveScope.FACILITY_TYPE: self.field("scope_facility_types", self.tr("Facility t&ypes"),
                                                     self.scope_facility_types),
        }  # fmt: skip
        for label, box in self.scope_rows.values():
            form.addRow(label, box)
        form.addRow(*self.field("notes", self.tr("&Notes"), self.notes))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_message)
        layout.addWidget(self.buttons)
        self._load(record or Directive(title=""))
        self.finish_loading()

    def _beside_buttons(self, box: QWidget) -> QWidget:
        """The deadline field's box with the quick buttons beside the editor (above its message)."""
        layout = box.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.removeWidget(self.deadline)
        row = QHBoxLayout()
        row.addWidget(self.deadline, 1)
        for button in self.quick_buttons:
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)  # beside the field, not its preview
            self.tab_stop(button)  # after the deadline, before the next field
        layout.insertLayout(0, row)
        return box

    def deadline_after(self, days: int) -> None:
        """The deadline `days` after the day issued (today when that is not known); nothing while the day issued
        cannot be read (its message says why)."""
        try:
            start = self.issued_on.value() or date.today()
        except ValueError:
            self._edited("issued_on")
            self.issued_on.setFocus()
            return
        self.deadline.set_value(start + timedelta(days=days))
        self.deadline.edit.setFocus()
        self._edited("deadline")

    def _load(self, record: Directive) -> None:
        self.title.setText(record.title)
        self.issuing_office.setText(record.issuing_office)
        self.issued_on.set_value(record.issued_on)
        self.deadline.set_value(record.deadline)
        self.source_reference.setText(record.source_reference)
        self.scope.set_value(record.scope)
        self.scope_facility.set_value(record.scope_facility_uuid or "", record.scope_facility_name)
        self.scope_agencies.set_value(record.scope_agencies)
        self.scope_facility_types.set_value(record.scope_facility_types)
        self.notes.setPlainText(record.notes)

    def build(self) -> tuple[Directive, list[FieldError]]:
        problems: list[FieldError] = []
        days: dict[str, date | None] = {}
        for key, title, field in (
            ("issued_on", self.tr("Issued"), self.issued_on),
            ("deadline", self.tr("Deadline"), self.deadline),
        ):
            try:
                days[key] = field.value()
            except ValueError as error:
                days[key] = None
                problems.append(FieldError(key, f"{title}: {error}"))
        scope: DirectiveScope = self.scope.value()
        facility_uuid = self.scope_facility.value() if scope is DirectiveScope.FACILITY else ""
        if facility_uuid is None:
            typed = self.scope_facility.currentText().strip()
            problem = self.tr("must be chosen from the list (no facility is named “{typed}”)").format(typed=typed)
            problems.append(FieldError("scope_facility", problem))
        values: dict[str, Any] = dict(
            title=self.title.text().strip(),
            issuing_office=self.issuing_office.text().strip(),
            issued_on=days["issued_on"],
            deadline=days["deadline"],
            source_reference=self.source_reference.text().strip(),
            scope=scope,
            scope_facility_uuid=facility_uuid or None,
            scope_facility_name=self.scope_facility.currentText().strip() if facility_uuid else "",
            scope_agencies=self.scope_agencies.value() if scope is DirectiveScope.AGENCY else (),
            scope_facility_types=self.scope_facility_types.value() if scope is DirectiveScope.FACILITY_TYPE else (),
            notes=self.notes.toPlainText().strip(),
        )
        record = replace(self.record, **values) if self.record is not None else Directive(**values)
        return record, problems

    def domain_errors(self, record: Directive) -> list[FieldError]:
        return directive_errors(record)

    def sync_widgets(self) -> None:
        scope = self.scope.value()
        for shown_for, (label, box) in self.scope_rows.items():
            label.setVisible(scope is shown_for)
            box.setVisible(scope is shown_for)
