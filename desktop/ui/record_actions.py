"""New, edit and delete of records from the main window: the forms collect, undo commands write through services."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QWidget

from desktop.domain.errors import StaleRecordError
from desktop.domain.kinds import Record, RecordKind
from desktop.domain.queries import IncidentFilter, Page, PlanItemFilter
from desktop.domain.roles import Ability
from desktop.domain.validation import ValidationError
from desktop.services.attachments import AttachmentService
from desktop.services.incident_choices import IncidentChoices
from desktop.services.timeline import TimelineService
from desktop.ui.attachments import OpenedCopies, ServiceAttachments
from desktop.ui.error_dialogs import show_error
from desktop.ui.forms.attachment_source import AttachmentProblem
from desktop.ui.forms.attachments_panel import AttachmentsPanel
from desktop.ui.forms.base import RecordForm
from desktop.ui.forms.conflict_watch import ConflictWatch
from desktop.ui.forms.facility_form import FacilityForm
from desktop.ui.forms.incident_form import IncidentForm
from desktop.ui.forms.related import RelatedRecords
from desktop.ui.forms.timeline_panel import TimelinePanel
from desktop.ui.role_limits import needed_to_change, refusal
from desktop.ui.session import Session
from desktop.ui.translated import kind_noun, translate
from desktop.ui.undo_commands import CreateRecord, DeleteRecord, UpdateRecord, content
from desktop.ui.waiting_read import read_and_wait
from desktop.ui.window_dialogs import FormInputs, WindowDialogs, answered, run

RELATED_LIMIT = 200
DIRECTIVES_LIMIT = 10_000  # a facility form lists those that reach it; a plan item form offers them all


class RecordActions:
    """Opens the record forms as modal dialogs and turns what they return into undoable commands on the
    session's services; every change (also by undo/redo) is told by the session's `records_changed`."""

    def __init__(self, parent: QWidget, undo_stack: QUndoStack, session: Session, dialogs: WindowDialogs) -> None:
        self.parent = parent
        self.undo_stack = undo_stack
        self.session = session
        self.dialogs = dialogs
        self.opened_copies = OpenedCopies()  # one folder of opened attachments, removed when the program quits
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.opened_copies.remove)

    def attachments(self) -> ServiceAttachments:
        """The attachments of the open database, as the forms and the tables' drops reach them."""
        return ServiceAttachments(AttachmentService(self.session.database), self.opened_copies)

    # ---- forms ------------------------------------------------------------------------------------------
    def _form(self, kind: RecordKind, record: Any, parent: QWidget | None = None) -> RecordForm:
        """The form for `record` (None: a new one), over `parent` (default: the main window)."""
        services = self.session.services
        related = None
        if kind is RecordKind.FACILITY and record is not None:
            related = RelatedRecords(
                services.incidents.page(IncidentFilter(facility_uuids=(record.uuid,)),
                                        Page(limit=RELATED_LIMIT, sort="occurred", descending=True)),
                services.plan_items.page(PlanItemFilter(facility_uuids=(record.uuid,)),
                                         Page(limit=RELATED_LIMIT, sort="due_date")),
            )  # fmt: skip
        facilities = services.facilities.names()
        incidents = IncidentChoices(services.incidents) if kind is not RecordKind.FACILITY else None
        directives = []
        if kind in (RecordKind.FACILITY, RecordKind.PLAN_ITEM):
            directives = services.directives.page(None, Page(limit=DIRECTIVES_LIMIT, sort="deadline"))
        timeline = TimelineService(self.session.database) if kind is RecordKind.INCIDENT else None
        inputs = FormInputs(facilities, related, incidents, directives, self.attachments(), timeline)
        form = self.dialogs.form(kind, record, inputs, parent or self.parent)
        capabilities = self.session.database.capabilities
        if not capabilities.may(needed := needed_to_change(kind)):
            reason = refusal(capabilities, needed)
            form.make_read_only(reason)  # a team reader reads; the server would refuse
            for attachments in form.findChildren(AttachmentsPanel):
                attachments.read_only(reason)
            for events in form.findChildren(TimelinePanel):
                events.read_only(reason)
        elif not capabilities.may(Ability.DELETE_RECORDS):  # an analyst: evidence and events stay, as records do
            reason = refusal(capabilities, Ability.DELETE_RECORDS)
            for attachments in form.findChildren(AttachmentsPanel):
                attachments.keep_files(reason)
            for events in form.findChildren(TimelinePanel):
                events.keep_events(reason)
        if record is not None:  # told when the record changes elsewhere; compared instead of a stale save
            form.conflict_watch = ConflictWatch(form, services.of_kind(kind).get, self.session.changed_elsewhere)
        if isinstance(form, IncidentForm):
            form.facility_choice.adder = lambda name: self._add_facility(name, form)
            form.timeline.changed.connect(lambda: self.session.changed(RecordKind.INCIDENT))  # last activity
        return form

    def _show_error(self, parent: QWidget, error: BaseException, doing: str) -> None:
        self.session.failed(error)  # a lost server: the bar and its retries start beside the message
        show_error(parent, error, doing)

    def _run_form(self, form: Any, save: Callable[[Any], Any], doing: str) -> Any:
        """exec() the form until it is saved or cancelled; a refused save keeps the person's entries."""
        try:
            while form.exec() == QDialog.DialogCode.Accepted:
                try:
                    return save(form)
                except ValidationError as error:
                    form.show_validation_error(error)
                except StaleRecordError as error:  # changed elsewhere since it was read: compare, then save again
                    watch = getattr(form, "conflict_watch", None)
                    if watch is None or not watch.compare():
                        self._show_error(form, error, doing)
                except Exception as error:  # storage, stale, in-use...: say so, let the person decide
                    self._show_error(form, error, doing)
            return None
        finally:
            form.deleteLater()

    # ---- actions ----------------------------------------------------------------------------------------
    def new(self, kind: RecordKind, *, name: str = "", over: QWidget | None = None) -> str | None:
        """Create a record of `kind` (a facility: with `name` typed in; its form over `over`, default the main
        window); returns its uuid, or None when cancelled."""
        services = self.session.services
        facility = None
        if kind == RecordKind.INCIDENT and not services.facilities.names():
            facility = self._facility_first()
            if facility is None:
                return None
        service = services.of_kind(kind)

        def save(form: Any) -> str:
            command = CreateRecord.perform(service, form.edited_record(), self.session.changed)
            self.undo_stack.push(command)
            return str(command.record.uuid)

        form = self._form(kind, None, over)
        if facility is not None and isinstance(form, IncidentForm):
            form.facility.set_value(*facility)
        if name and isinstance(form, FacilityForm):
            form.name.setText(name)
        result: str | None = self._run_form(
            form, save, translate("RecordActions", "Adding a {label}").format(label=kind_noun(kind))
        )
        return result

    def _facility_first(self) -> tuple[str, str] | None:
        """Ask to add the facility an incident needs; the (uuid, name) of the facility added, or None."""
        if not answered(self.dialogs.facility_first(self.parent), QMessageBox.ButtonRole.AcceptRole):
            return None
        return self._add_facility("", self.parent)

    def _add_facility(self, name: str, over: QWidget) -> tuple[str, str] | None:
        """A facility added from an incident form's picker (an undo step of its own): its (uuid, name)."""
        uuid = self.new(RecordKind.FACILITY, name=name, over=over)
        if uuid is None:
            return None
        names = dict(self.session.services.facilities.names())
        return (uuid, names[uuid]) if uuid in names else None

    def edit(self, kind: RecordKind, shown: Record) -> bool:
        """Edit the stored version of `shown`; True when a change was saved."""
        service = self.session.services.of_kind(kind)
        try:
            record = read_and_wait(self.session, lambda: service.get(shown.uuid), now=self.session.database.is_sqlite)
        except Exception as error:
            self._show_error(
                self.parent, error, translate("RecordActions", "Opening the {label}").format(label=kind_noun(kind))
            )
            self.session.changed(kind)  # it may have been deleted elsewhere: show the current rows
            return False

        def save(form: Any) -> bool:
            after, before = form.edited_record(), form.record  # `before`: newer after a comparison with theirs
            if content(after) == content(before):
                return True  # nothing changed (an incident's legal history included): no write, no undo step
            command = UpdateRecord.perform(service, before, after, self.session.changed)
            self.undo_stack.push(command)
            return True

        return bool(
            self._run_form(
                self._form(kind, record),
                save,
                translate("RecordActions", "Saving the {label}").format(label=kind_noun(kind)),
            )
        )

    def delete(self, kind: RecordKind, shown: Record) -> bool:
        """Say first why a record cannot be deleted (no question); else ask, then delete as an undo step."""
        service = self.session.services.of_kind(kind)
        try:
            problem = read_and_wait(self.session, lambda: service.delete_problem(shown.uuid),
                                    now=self.session.database.is_sqlite)  # fmt: skip
        except Exception as error:  # deleted elsewhere, storage
            self._show_error(
                self.parent, error, translate("RecordActions", "Deleting the {label}").format(label=kind_noun(kind))
            )
            self.session.changed(kind)
            return False
        if problem is not None:
            run(self.dialogs.cannot_delete(self.parent, shown, problem))
            return False
        if not answered(self.dialogs.delete_question(self.parent, shown), QMessageBox.ButtonRole.DestructiveRole):
            return False
        try:
            command = DeleteRecord.perform(service, shown, self.session.changed)
        except Exception as error:
            self._show_error(
                self.parent, error, translate("RecordActions", "Deleting the {label}").format(label=kind_noun(kind))
            )
            return False
        self.undo_stack.push(command)
        return True

    def attach_dropped(self, kind: RecordKind, uuid: str, paths: Sequence[Path]) -> bool:
        """Files dropped on a row of a record table: attached to its record (all or none); the result in the status
        bar, a problem in a message box."""
        try:
            added = self.attachments().add_paths(kind, uuid, list(paths))
        except AttachmentProblem as problem:
            text = str(problem)
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                translate("RecordActions", "Attach files"),
                text[:1].upper() + text[1:],
                QMessageBox.StandardButton.Ok,
                self.parent,
            )
            box.setObjectName("attachment_message")
            box.setInformativeText(translate("RecordActions", "Nothing was attached."))
            run(box)
            return False
        names = ", ".join(attachment.file_name for attachment in added)
        if isinstance(self.parent, QMainWindow):
            self.parent.statusBar().showMessage(
                translate("RecordActions", "Attached {names} to the {label}.").format(
                    names=names, label=kind_noun(kind)
                ),
                10_000,
            )
        return True
