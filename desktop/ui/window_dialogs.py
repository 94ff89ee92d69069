"""The dialogs the main window and its record actions open, behind one injectable factory (tests pass their own)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.kinds import Record, RecordKind
from desktop.domain.records import Directive, Facility, Incident, PlanItem
from desktop.services.incident_choices import IncidentChoices
from desktop.services.session.questions import Answer, Question
from desktop.services.timeline import TimelineService
from desktop.ui.dialogs.new_database_dialog import NewDatabaseDialog
from desktop.ui.forms import attachments_panel
from desktop.ui.forms.attachment_source import AttachmentSource
from desktop.ui.forms.base import RecordForm
from desktop.ui.forms.directive_form import DirectiveForm
from desktop.ui.forms.facility_form import FacilityForm
from desktop.ui.forms.incident_form import IncidentForm
from desktop.ui.forms.plan_item_form import PlanItemForm
from desktop.ui.forms.related import RelatedRecords
from desktop.ui.open_problems import answer_when_switching
from desktop.ui.translated import translate
from desktop.ui.undo_commands import display_name


@dataclass(frozen=True, slots=True)
class FormInputs:
    """What a form shows besides the record: the facilities to choose from (a facility's form: the names it should
    not repeat), a facility's related records, where the incident pickers search (links), the directives (to
    choose from; that reach a facility), an incident's timeline."""

    facilities: list[tuple[str, str]]
    related: RelatedRecords | None = None
    incidents: IncidentChoices | None = None
    directives: list[Directive] = field(default_factory=list)
    attachments: AttachmentSource | None = None
    timeline: TimelineService | None = None


class WindowDialogs:
    """Builds the record forms, the delete question and its refusal, File › New database's dialog, and asks the
    questions of switching databases.

    The caller runs the dialogs (exec) and reads them; a test passes a subclass that works each dialog as a
    person would, right after it opens, instead of polling for it."""

    def form(self, kind: RecordKind, record: Record | None, inputs: FormInputs, parent: QWidget) -> RecordForm:
        form = self._record_form(kind, record, inputs, parent)
        if inputs.attachments is not None:
            attachments_panel.install(form, inputs.attachments)
        return form

    def _record_form(self, kind: RecordKind, record: Record | None, inputs: FormInputs, parent: QWidget) -> RecordForm:
        if kind is RecordKind.FACILITY:
            assert record is None or isinstance(record, Facility)
            return FacilityForm(record, inputs.related, parent, facilities=inputs.facilities,
                                directives=inputs.directives)  # fmt: skip
        if kind is RecordKind.INCIDENT:
            assert record is None or isinstance(record, Incident)
            incident_form = IncidentForm(record, inputs.facilities, parent)
            incident_form.related.attach(inputs.incidents)
            incident_form.timeline.attach(inputs.timeline)
            return incident_form
        if kind is RecordKind.DIRECTIVE:
            assert record is None or isinstance(record, Directive)
            return DirectiveForm(record, inputs.facilities, parent)
        assert record is None or isinstance(record, PlanItem)
        titles = [(d.uuid, d.title) for d in sorted(inputs.directives, key=lambda d: d.title.casefold())]
        plan_item_form = PlanItemForm(record, inputs.facilities, parent, directives=titles)
        plan_item_form.incidents.attach(inputs.incidents)
        return plan_item_form

    def delete_question(self, parent: QWidget | None, record: Record) -> QMessageBox:
        """ "Delete the incident “…”?" with Delete (the destructive role) and Cancel (the default and Esc)."""
        noun = RecordKind.of(record).label
        box = QMessageBox(parent)
        box.setObjectName("confirm_delete")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("WindowDialogs", "Delete {noun}").format(noun=noun))
        box.setText(
            translate("WindowDialogs", "Delete the {noun} “{display_name}”?").format(
                noun=noun, display_name=display_name(record)
            )
        )
        box.setInformativeText(translate("WindowDialogs", "You can bring it back with Edit › Undo (Ctrl+Z)."))
        box.addButton(translate("WindowDialogs", "&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        return box

    def facility_first(self, parent: QWidget | None) -> QMessageBox:
        """New incident without any facility: "Add the facility first?" with New facility… (accepts) and Cancel."""
        box = QMessageBox(parent)
        box.setObjectName("facility_first")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("WindowDialogs", "New incident"))
        box.setText(translate("WindowDialogs", "Every incident happens at a facility. Add the facility first?"))
        box.addButton(translate("WindowDialogs", "New facility…"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(cancel)
        return box

    def cannot_delete(self, parent: QWidget | None, record: Record, reason: str) -> QMessageBox:
        """ "The facility “…” cannot be deleted." with the reason (what still depends on it) and OK."""
        noun = RecordKind.of(record).label
        box = QMessageBox(
            QMessageBox.Icon.Information,
            translate("WindowDialogs", "Delete {noun}").format(noun=noun),
            "",
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setObjectName("cannot_delete")
        box.setText(
            translate("WindowDialogs", "The {noun} “{display_name}” cannot be deleted.").format(
                noun=noun, display_name=display_name(record)
            )
        )
        box.setInformativeText(reason[:1].upper() + reason[1:].rstrip(".") + ".")
        return box

    def answer_when_switching(self, parent: QWidget | None, question: Question) -> Answer:
        return answer_when_switching(parent, question)

    def new_database(self, parent: QWidget | None, path: Path, can_remember: bool) -> NewDatabaseDialog:
        """File › New database…, once the file is chosen: encrypt it with a passphrase (remembered or not), or not."""
        return NewDatabaseDialog(path, can_remember, parent)


def answered(box: QMessageBox, role: QMessageBox.ButtonRole) -> bool:
    """Run a question box; True when the button clicked has `role` (Destructive: delete; Accept: go ahead)."""
    run(box)
    clicked = box.clickedButton()
    return clicked is not None and box.buttonRole(clicked) is role


def run(box: QMessageBox) -> None:
    """exec() a message box; it is deleted once control is back in the event loop."""
    try:
        box.exec()
    finally:
        box.deleteLater()
