"""New, edit and delete of records from the main window: the forms collect, undo commands write through services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.domain.queries import IncidentFilter, Page, PlanItemFilter
from desktop.domain.records import Facility, Incident, PlanItem
from desktop.domain.validation import ValidationError
from desktop.persistence.unit_of_work import Database
from desktop.services.records import FacilityService, IncidentService, PlanItemService, RecordService
from desktop.ui.error_dialogs import show_error
from desktop.ui.forms.facility_form import FacilityForm
from desktop.ui.forms.incident_form import IncidentForm
from desktop.ui.forms.plan_item_form import PlanItemForm
from desktop.ui.forms.related import RelatedRecords
from desktop.ui.undo_commands import NOUNS, CreateRecord, DeleteRecord, UpdateRecord, content, display_name

RELATED_LIMIT = 200
Record = Facility | Incident | PlanItem


@dataclass(frozen=True)
class Services:
    """The record services of one open database."""

    database: Database
    facilities: FacilityService
    incidents: IncidentService
    plan_items: PlanItemService

    @classmethod
    def of(cls, database: Database) -> Services:
        return cls(database, FacilityService(database), IncidentService(database), PlanItemService(database))

    def for_entity(self, entity: str) -> RecordService[Any, Any]:
        services: dict[str, RecordService[Any, Any]] = {
            "facility": self.facilities, "incident": self.incidents, "plan_item": self.plan_items,
        }  # fmt: skip
        return services[entity]


def confirm_delete(parent: QWidget | None, record: Record) -> bool:
    """Ask before deleting, naming the record; Cancel is the default."""
    noun = NOUNS[_entity(record)]
    box = QMessageBox(parent)
    box.setObjectName("confirm_delete")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(f"Delete {noun}")
    box.setText(f"Delete the {noun} “{display_name(record)}”?")
    box.setInformativeText("You can bring it back with Edit › Undo (Ctrl+Z).")
    delete = box.addButton("&Delete", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete


def _entity(record: Record) -> str:
    return {Facility: "facility", Incident: "incident", PlanItem: "plan_item"}[type(record)]


class RecordActions:
    """Opens the record forms as modal dialogs and turns what they return into undoable commands.

    `on_change(entity)` is called after every change (also by undo/redo) to refresh the views."""

    def __init__(self, parent: QWidget, undo_stack: QUndoStack, services: Callable[[], Services],
                 on_change: Callable[[str], None]) -> None:  # fmt: skip
        self.parent = parent
        self.undo_stack = undo_stack
        self.services = services
        self.on_change = on_change
        self.open_form: QDialog | None = None  # the form being shown (tests and screenshots reach it here)

    # ---- forms ------------------------------------------------------------------------------------------
    def _form(self, entity: str, record: Any) -> Any:
        services = self.services()
        if entity == "facility":
            related = None
            if record is not None:
                related = RelatedRecords(
                    services.incidents.page(IncidentFilter(facility_uuids=(record.uuid,)),
                                            Page(limit=RELATED_LIMIT, sort="occurred", descending=True)),
                    services.plan_items.page(PlanItemFilter(facility_uuids=(record.uuid,)),
                                             Page(limit=RELATED_LIMIT, sort="due_date")),
                )  # fmt: skip
            return FacilityForm(record, related, self.parent)
        facilities = services.facilities.names()
        if entity == "incident":
            return IncidentForm(record, facilities, self.parent)
        return PlanItemForm(record, facilities, self.parent)

    def _run_form(self, form: Any, save: Callable[[Any], Any], doing: str) -> Any:
        """exec() the form until it is saved or cancelled; a refused save keeps the person's entries."""
        self.open_form = form
        try:
            while form.exec() == QDialog.DialogCode.Accepted:
                try:
                    return save(form)
                except ValidationError as error:
                    form.show_validation_error(error)
                except Exception as error:  # storage, stale, in-use...: say so, let the person decide
                    show_error(form, error, doing)
            return None
        finally:
            self.open_form = None
            form.deleteLater()

    # ---- actions ----------------------------------------------------------------------------------------
    def new(self, entity: str) -> str | None:
        """Create a record of `entity`; returns its uuid, or None when cancelled."""
        services = self.services()
        if entity == "incident" and not services.facilities.names():
            QMessageBox.information(self.parent, "New incident",
                                    "Add a facility first: every incident happens at a facility.")  # fmt: skip
            return None
        service = services.for_entity(entity)

        def save(form: Any) -> str:
            command = CreateRecord.perform(service, form.edited_record(), self.on_change)
            self.undo_stack.push(command)
            return str(command.record.uuid)

        result: str | None = self._run_form(self._form(entity, None), save, f"Adding a {NOUNS[entity]}")
        return result

    def edit(self, entity: str, shown: Record) -> bool:
        """Edit the stored version of `shown`; True when a change was saved."""
        service = self.services().for_entity(entity)
        try:
            record = service.get(shown.uuid)
        except Exception as error:
            show_error(self.parent, error, f"Opening the {NOUNS[entity]}")
            self.on_change(entity)  # it may have been deleted elsewhere: show the current rows
            return False

        def save(form: Any) -> bool:
            after = form.edited_record()
            status_change = form.status_change() if isinstance(form, IncidentForm) else None
            if content(after) == content(record) and status_change is None:
                return True  # nothing changed: no write, no undo step
            command = UpdateRecord.perform(service, record, after, self.on_change, status_change)
            self.undo_stack.push(command)
            return True

        return bool(self._run_form(self._form(entity, record), save, f"Saving the {NOUNS[entity]}"))

    def delete(self, entity: str, shown: Record) -> bool:
        if not confirm_delete(self.parent, shown):
            return False
        try:
            command = DeleteRecord.perform(self.services().for_entity(entity), shown, self.on_change)
        except Exception as error:
            show_error(self.parent, error, f"Deleting the {NOUNS[entity]}")
            return False
        self.undo_stack.push(command)
        return True
