"""Undoable create, update and delete of records through the services, for a QUndoStack.

`perform()` does the first action at once (service errors propagate before anything is pushed) and
returns a command whose first redo() - the one QUndoStack.push() makes - does nothing. Later undo()
and redo() call the services again and first check that the stored record is still the one this
command left behind; when it is not (changed or deleted elsewhere) or a service refuses, the error
is reported through `on_error` and the command marks itself obsolete, so that QUndoStack drops it
and the stack stays consistent. Nothing here raises out of undo()/redo().
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import fields, replace
from typing import Any, Self

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.domain.errors import RecordNotFoundError
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import Page, PlanItemFilter
from desktop.domain.records import Directive, Facility, Incident, PlanItem
from desktop.services.records import IncidentService, PlanItemService, RecordService
from desktop.services.timeline import TimelineService
from desktop.ui.translated import kind_heading, kind_noun, translate

OnChange = Callable[[RecordKind], None]
OnError = Callable[[str, Exception], None]
Record = Facility | Incident | PlanItem | Directive
Service = RecordService[Any, Any]

NAME_LENGTH = 40
_BOOKKEEPING = {"uuid", "version", "created_at", "updated_at", "facility_name", "status_history", "directive_title",
                "scope_facility_name"}  # fmt: skip
log = logging.getLogger(__name__)


class UndoConflictError(RuntimeError):
    """The stored record is no longer the one an undo or redo expects (it changed elsewhere)."""


def display_name(record: Record) -> str:
    """The record's name for people, shortened: "Shots fired overnight at the windows of…"."""
    if isinstance(record, Facility):
        name = record.name
    elif isinstance(record, Incident | Directive):
        name = record.title
    else:
        name = record.description
    name = " ".join(name.split())
    return name if len(name) <= NAME_LENGTH else name[: NAME_LENGTH - 1].rstrip() + "…"


def describe(verb: str, record: Record) -> str:
    return translate("RecordCommand", "{verb} {kind} “{name}”").format(
        verb=verb, kind=kind_noun(RecordKind.of(record)), name=display_name(record)
    )


def content(record: Record) -> dict[str, object]:
    """What a person entered (no ids, versions, timestamps); incidents include their status history."""
    values = {f.name: getattr(record, f.name) for f in fields(record) if f.name not in _BOOKKEEPING}
    if isinstance(record, Incident):
        values["status_history"] = [change.fact for change in record.status_history]
    return values


def show_error_box(text: str, error: Exception) -> None:
    """Default report: a warning box, opened from the event loop (not inside QUndoStack.undo())."""
    log.warning("%s: %s", text, error)

    def show() -> None:
        QMessageBox.warning(QApplication.activeWindow(), "Undo/redo failed", f"{text}\n\n{error}")

    QTimer.singleShot(0, show)


class RecordCommand(QUndoCommand):
    """Shared machinery: skip the first redo, run actions, report failures, notify changes."""

    def __init__(self, service: Service, text: str, on_change: OnChange, on_error: OnError | None):
        super().__init__(text)
        self.service = service
        self.kind = service.kind
        self.on_change = on_change
        self.on_error = on_error or show_error_box
        self.failure: Exception | None = None
        self._first_redo = True

    def redo(self) -> None:
        if self._first_redo:  # perform() already did it
            self._first_redo = False
            return
        self._run("redo", self._redo)

    def undo(self) -> None:
        self._run("undo", self._undo)

    def _run(self, verb: str, action: Callable[[], None]) -> None:
        try:
            action()
        except Exception as error:  # service, conflict and database errors alike: report, never crash
            self.failure = error
            self.setObsolete(True)  # QUndoStack removes this command and keeps its index consistent
            self._notify()
            self.on_error(
                translate("RecordCommand", "Could not {verb} “{text}”; it was removed from the undo history.").format(
                    verb=verb, text=self.text()
                ),
                error,
            )
            return
        self._notify()

    def _notify(self) -> None:
        self.on_change(self.kind)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError

    def _current(self, expected: Record, action: str) -> Any:
        """The stored record, which must still hold what this command expects."""
        try:
            current = self.service.get(expected.uuid)
        except RecordNotFoundError as error:
            raise UndoConflictError(
                translate("RecordCommand", "{kind} “{name}” was deleted elsewhere").format(
                    kind=kind_heading(self.kind), name=display_name(expected)
                )
            ) from error
        if content(current) != content(expected):
            raise UndoConflictError(
                translate(
                    "RecordCommand",
                    "{kind} “{name}” was changed elsewhere since; {action} would overwrite those changes",
                ).format(kind=kind_heading(self.kind), name=display_name(expected), action=action)
            )
        return current

    def _save_exact(self, snapshot: Record, version: int) -> Any:
        """Store `snapshot`'s values over the stored version (incidents: with their status history)."""
        record = replace(snapshot, version=version)
        if isinstance(self.service, IncidentService) and isinstance(record, Incident):
            return self.service.restore(record)
        return self.service.update(record)


class _IncidentLinks:
    """Deleting an incident removes the links to it (ON DELETE CASCADE): from the plan items that answer it and
    from the incidents that list it as related, and its timeline events. Taken before the delete, this puts them
    back where they were (the events with their uuids)."""

    def __init__(self, service: Service, incident: Incident) -> None:
        self.incidents = IncidentService(service.database)
        self.plan_items = PlanItemService(service.database)
        self.incident_uuid = incident.uuid
        where = PlanItemFilter(incident_uuid=incident.uuid)
        answering = self.plan_items.page(where, Page(limit=100_000))
        self.positions = {item.uuid: item.incident_uuids.index(incident.uuid) for item in answering}
        self.related = {
            linking.uuid: self.incidents.get(linking.uuid).related_uuids.index(incident.uuid)
            for linking in self.incidents.related_from(incident.uuid)
        }
        self.uuids = list(self.positions)  # the plan items (their tab is told of the change)
        self.timeline = TimelineService(service.database)
        self.events = self.timeline.events(incident.uuid)

    def outgoing(self, record: Incident) -> Incident:
        """`record` linked only to incidents that still exist (one deleted since is left out, not refused)."""
        existing = {incident.uuid for incident in self.incidents.find(record.related_uuids)}
        return replace(record, related_uuids=tuple(uuid for uuid in record.related_uuids if uuid in existing))

    def restore(self) -> None:
        for event in self.events:
            self.timeline.add(event)
        for uuid, position in self.positions.items():
            try:
                item = self.plan_items.get(uuid)
            except RecordNotFoundError:
                continue  # deleted in the meantime: nothing to link
            if self.incident_uuid not in item.incident_uuids:
                self.plan_items.update(replace(item, incident_uuids=_inserted(item.incident_uuids, position,
                                                                             self.incident_uuid)))  # fmt: skip
        for uuid, position in self.related.items():
            try:
                linking = self.incidents.get(uuid)
            except RecordNotFoundError:
                continue
            if self.incident_uuid not in linking.related_uuids:
                related = _inserted(linking.related_uuids, position, self.incident_uuid)
                self.incidents.restore(replace(linking, related_uuids=related))


def _inserted(uuids: tuple[str, ...], position: int, uuid: str) -> tuple[str, ...]:
    return (*uuids[:position], uuid, *uuids[position:])


class _DeletesIncidents(RecordCommand):
    links: _IncidentLinks | None = None

    def _remember_links(self, record: Record) -> None:
        if isinstance(record, Incident):
            self.links = _IncidentLinks(self.service, record)

    def _create_again(self, record: Record) -> Any:
        """Create `record` again (an incident: with the links to it, and of its own links those still possible)."""
        if self.links is None or not isinstance(record, Incident):
            return self.service.create(record)
        created = self.service.create(self.links.outgoing(record))
        self.links.restore()
        return created

    def _notify(self) -> None:
        super()._notify()
        if self.links is not None and self.links.uuids:
            self.on_change(RecordKind.PLAN_ITEM)


class CreateRecord(_DeletesIncidents):
    """Undo deletes the new record; redo creates it again with the same uuid."""

    def __init__(self, service: Service, created: Record, on_change: OnChange, on_error: OnError | None):
        super().__init__(service, describe(translate("CreateRecord", "Add"), created), on_change, on_error)
        self.record = created

    @classmethod
    def perform(cls, service: Service, record: Record, on_change: OnChange, *, on_error: OnError | None = None) -> Self:
        created = service.create(record)
        command = cls(service, created, on_change, on_error)
        command._notify()
        return command

    def _undo(self) -> None:
        current = self._current(self.record, translate("RecordCommand", "undoing"))
        self._remember_links(current)
        self.service.delete(current.uuid, current.version)

    def _redo(self) -> None:
        self.record = self._create_again(self.record)


class UpdateRecord(RecordCommand):
    """Undo stores the values before the edit again; redo the values after it."""

    def __init__(self, service: Service, before: Record, after: Record, on_change: OnChange, on_error: OnError | None):
        super().__init__(service, describe(translate("UpdateRecord", "Edit"), after), on_change, on_error)
        self.before = before
        self.after = after

    @classmethod
    def perform(
        cls, service: Service, before: Record, after: Record, on_change: OnChange, *, on_error: OnError | None = None
    ) -> Self:
        """`before` is the record the form was opened with; the stored state it replaces (an incident with its
        legal history) is read again, and the update is refused if it is no longer that version. An incident's
        legal history is saved as `after` lists it; undo puts the list back as it was."""
        stored = service.get(before.uuid)
        updated = service.update(after)
        command = cls(service, stored, updated, on_change, on_error)
        command._notify()
        return command

    def _undo(self) -> None:
        current = self._current(self.after, translate("RecordCommand", "undoing"))
        self.before = self._save_exact(self.before, current.version)

    def _redo(self) -> None:
        current = self._current(self.before, translate("RecordCommand", "redoing"))
        self.after = self._save_exact(self.after, current.version)


class DeleteRecord(_DeletesIncidents):
    """Undo creates the record again with the same uuid (incidents with weapons, status history and
    the plan items linked to them); redo deletes it again."""

    def __init__(self, service: Service, deleted: Record, on_change: OnChange, on_error: OnError | None):
        super().__init__(service, describe(translate("DeleteRecord", "Delete"), deleted), on_change, on_error)
        self.record = deleted

    @classmethod
    def perform(cls, service: Service, record: Record, on_change: OnChange, *, on_error: OnError | None = None) -> Self:
        """Refused (StaleRecordError) when the stored record is newer than the one shown."""
        links = _IncidentLinks(service, record) if isinstance(record, Incident) else None
        deleted = service.delete(record.uuid, record.version)
        command = cls(service, deleted, on_change, on_error)
        command.links = links
        command._notify()
        return command

    def _undo(self) -> None:
        self.record = self._create_again(self.record)

    def _redo(self) -> None:
        current = self._current(self.record, translate("DeleteRecord", "redoing the delete"))
        self._remember_links(current)
        self.service.delete(current.uuid, current.version)
