"""PlanItemForm: create or edit a security plan item (countermeasure or action)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.enums import PlanStatus
from desktop.domain.kinds import RecordKind
from desktop.domain.records import PlanItem
from desktop.domain.validation import FieldError, plan_item_errors
from desktop.ui.forms.base import RecordForm
from desktop.ui.forms.choice_fields import DirectiveCombo
from desktop.ui.forms.fields import EnumCombo, FacilityPicker, TextBox
from desktop.ui.translated import QT_TRANSLATE_NOOP
from desktop.ui.widgets.date_input import DayInput
from desktop.ui.widgets.record_picker import RecordPicker

NATIONWIDE = QT_TRANSLATE_NOOP("PlanItemForm", "All facilities (nationwide)")


class PlanItemForm(RecordForm):
    """Facility (or nationwide), linked incidents, description, owner, due date, status, risk rationale."""

    kind = RecordKind.PLAN_ITEM

    def __init__(self, record: PlanItem | None, facilities: list[tuple[str, str]], parent: QWidget | None = None,
                 *, directives: list[tuple[str, str]] | None = None):  # fmt: skip
        super().__init__(record is not None, parent)
        self.record = record
        self.directive = DirectiveCombo(directives or [])
        self.facility = FacilityPicker(facilities, nationwide_label=self.tr(NATIONWIDE))
        self.incidents = RecordPicker("incident", "incidents")
        self.description = TextBox(4)
        self.owner = QLineEdit()
        self.owner.setMaxLength(300)
        self.owner.setPlaceholderText(self.tr("who is responsible"))
        self.due_date = DayInput(self.tr("Due date"), empty_text=self.tr("no due date"), says_problems=False)
        self.status = EnumCombo(PlanStatus)
        self.risk_rationale = TextBox(3)
        self.risk_rationale.setPlaceholderText(self.tr("required when the risk is accepted: why no countermeasure"))
        self.notes = TextBox(3)
        self.description.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 56)

        form = QFormLayout()
        form.addRow(*self.field("facility", self.tr("&Facility"), self.facility))
        form.addRow(*self.field("incident", self.tr("Linked &incidents"), self.incidents, focus=self.incidents.edit,
                                targets=[self.incidents.edit]))  # fmt: skip
        form.addRow(*self.field("description", self.tr("&Description"), self.description))
        form.addRow(*self.field("owner", self.tr("&Owner"), self.owner))
        form.addRow(*self.field("due_date", self.tr("D&ue date"), self.due_date, targets=[self.due_date.edit]))
        form.addRow(*self.field("status", self.tr("&Status"), self.status))
        form.addRow(*self.field("directive", self.tr("Directi&ve"), self.directive))
        form.addRow(*self.field("risk_rationale", self.tr("&Risk rationale"), self.risk_rationale))
        form.addRow(*self.field("notes", self.tr("&Notes"), self.notes))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_message)
        layout.addWidget(self.buttons)
        self._load(record or PlanItem(facility_uuid="", description=""))
        self.finish_loading()

    def _load(self, record: PlanItem) -> None:
        self.facility.set_value(record.facility_uuid, record.facility_name)
        self.incidents.set_value(record.incident_uuids)
        self.description.setPlainText(record.description)
        self.owner.setText(record.owner)
        self.due_date.set_value(record.due_date)
        self.status.set_value(record.status)
        self.directive.set_value(record.directive_uuid, record.directive_title)
        self.risk_rationale.setPlainText(record.risk_rationale)
        self.notes.setPlainText(record.notes)

    def build(self) -> tuple[PlanItem, list[FieldError]]:
        problems: list[FieldError] = []
        facility_uuid = self.facility.value()
        if facility_uuid is None:
            typed = self.facility.currentText().strip()
            problems.append(FieldError("facility", f"must be chosen from the list (no facility is named “{typed}”)"))
        if (pending := self.incidents.pending_problem()) is not None:
            problems.append(FieldError("incident", pending))
        try:
            due_date = self.due_date.value()
        except ValueError as error:
            due_date = None
            problems.append(FieldError("due_date", f"Due date: {error}"))
        values = dict(
            facility_uuid=facility_uuid or "",
            facility_name=self.facility.currentText().strip() if facility_uuid else "",
            incident_uuids=self.incidents.value(),
            description=self.description.toPlainText().strip(),
            owner=self.owner.text().strip(),
            due_date=due_date,
            status=self.status.value(),
            directive_uuid=self.directive.value(),
            directive_title=self.directive.title(),
            risk_rationale=self.risk_rationale.toPlainText().strip(),
            notes=self.notes.toPlainText().strip(),
        )
        record = replace(self.record, **values) if self.record is not None else PlanItem(**values)
        return record, problems

    def domain_errors(self, record: PlanItem) -> list[FieldError]:
        return plan_item_errors(record)

    def sync_widgets(self) -> None:
        accepted = self.status.value() is PlanStatus.RISK_ACCEPTED
        self.risk_rationale.setEnabled(accepted or bool(self.risk_rationale.toPlainText().strip()))
