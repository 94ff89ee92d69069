"""Undo/redo of record commands on a QUndoStack against a real SQLite database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import forms_fixtures as ff
import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.domain.enums import CaseStatus, SecurityLevel
from desktop.domain.errors import RecordInUseError, RecordNotFoundError, StaleRecordError
from desktop.domain.records import Facility, Incident, PlanItem
from desktop.domain.validation import ValidationError
from desktop.domain.values import PartialDate, StatusChange
from desktop.ui.undo_commands import CreateRecord, DeleteRecord, UndoConflictError, UpdateRecord

services = ff.services


class Recorder:
    """Collects on_change and on_error calls."""

    def __init__(self) -> None:
        self.changes: list[str] = []
        self.errors: list[tuple[str, Exception]] = []

    def changed(self, entity: str) -> None:
        self.changes.append(entity)

    def failed(self, text: str, error: Exception) -> None:
        self.errors.append((text, error))


@pytest.fixture
def stack(qapp: object) -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def test_create_undo_redo_keeps_the_uuid(services: ff.Services, stack: QUndoStack, recorder: Recorder) -> None:
    boise = Facility(name="Field office, Boise", state="ID")
    command = CreateRecord.perform(services.facilities, boise, recorder.changed, on_error=recorder.failed)
    stack.push(command)  # the first redo does nothing: the facility exists once
    uuid = command.record.uuid
    assert [f.uuid for f in services.facilities.page() if f.name == "Field office, Boise"] == [uuid]
    assert command.text() == "Add facility “Field office, Boise”"

    stack.undo()
    with pytest.raises(RecordNotFoundError):
        services.facilities.get(uuid)
    stack.redo()
    assert services.facilities.get(uuid).name == "Field office, Boise"
    assert recorder.changes == ["facility"] * 3
    assert recorder.errors == []


def test_update_undo_restores_old_values_and_status_history(
    services: ff.Services, stack: QUndoStack, recorder: Recorder
) -> None:
    before = services.incidents.get(services.incident_titled("Shots fired"))
    change = StatusChange.on_day(CaseStatus.CHARGED, date(2020, 1, 15), "indictment")
    after = replace(before, title="Shots fired at the office windows", status=CaseStatus.CHARGED, victims_injured=None,
                    status_history=(*before.status_history, change))  # fmt: skip
    on_error = recorder.failed
    command = UpdateRecord.perform(services.incidents, before, after, recorder.changed, on_error=on_error)
    stack.push(command)
    edited = services.incidents.get(before.uuid)
    assert edited.status_history[-1] == replace(change, recorded_at=edited.status_history[-1].recorded_at)
    assert command.text() == "Edit incident “Shots fired at the office windows”"

    stack.undo()
    restored = services.incidents.get(before.uuid)
    assert (restored.title, restored.status, restored.victims_injured) == (before.title, before.status, 0)
    assert [(c.status, c.changed_on) for c in restored.status_history] == [
        (c.status, c.changed_on) for c in before.status_history
    ]
    assert restored.version > edited.version

    stack.redo()
    again = services.incidents.get(before.uuid)
    assert (again.title, again.status) == (after.title, CaseStatus.CHARGED)
    assert [(c.status, c.changed_on, c.note) for c in again.status_history][-1] == (
        CaseStatus.CHARGED,
        date(2020, 1, 15),
        "indictment",
    )
    assert recorder.errors == []


def test_undo_of_an_edited_legal_history_restores_the_previous_list(
    services: ff.Services, stack: QUndoStack, recorder: Recorder
) -> None:
    """A wrong date corrected and a later entry added in one edit; undo puts back the list as it was, entry by
    entry (when each was recorded too); redo the corrected list."""
    before = services.incidents.get(services.incident_titled("Molotov"))  # reported, arrested 2019-08, referred
    reported, arrested, referred = before.status_history
    corrected = replace(arrested, changed=PartialDate.parse("2019-08-31"))
    charged = StatusChange(CaseStatus.CHARGED, PartialDate.parse("2019-10"),
                           agency="U.S. Attorney's Office, S.D. Fla.", charges="arson")  # fmt: skip
    after = replace(before, status=CaseStatus.CHARGED, status_history=(reported, corrected, referred, charged))
    stack.push(UpdateRecord.perform(services.incidents, before, after, recorder.changed, on_error=recorder.failed))
    edited = services.incidents.get(before.uuid)
    assert [c.fact for c in edited.status_history] == [c.fact for c in after.status_history]

    stack.undo()
    restored = services.incidents.get(before.uuid)
    assert restored.status_history == before.status_history
    assert restored.status is CaseStatus.REFERRED_FOR_PROSECUTION

    stack.redo()
    again = services.incidents.get(before.uuid)
    assert [c.fact for c in again.status_history] == [c.fact for c in after.status_history]
    assert again.status is CaseStatus.CHARGED
    assert recorder.errors == []


def test_delete_incident_undo_restores_weapons_history_and_plan_item_link(
    services: ff.Services, stack: QUndoStack, recorder: Recorder
) -> None:
    incident = services.incidents.get(services.incident_titled("Armed attack"))
    molotov = services.incident_titled("Molotov")
    plan = services.plan_items.create(PlanItem(facility_uuid=incident.facility_uuid, description="Harden the perimeter",
                                               incident_uuids=(incident.uuid, molotov)))  # fmt: skip
    command = DeleteRecord.perform(services.incidents, incident, recorder.changed, on_error=recorder.failed)
    stack.push(command)
    with pytest.raises(RecordNotFoundError):
        services.incidents.get(incident.uuid)
    assert services.plan_items.get(plan.uuid).incident_uuids == (molotov,)

    stack.undo()
    restored = services.incidents.get(incident.uuid)
    assert restored.weapons == incident.weapons and len(incident.weapons) == 2
    assert [(c.status, c.changed_on, c.note) for c in restored.status_history] == [
        (c.status, c.changed_on, c.note) for c in incident.status_history
    ]
    assert (restored.title, restored.perpetrators_killed) == (incident.title, 1)
    assert services.plan_items.get(plan.uuid).incident_uuids == (incident.uuid, molotov)  # where it was

    stack.redo()
    with pytest.raises(RecordNotFoundError):
        services.incidents.get(incident.uuid)
    assert services.plan_items.get(plan.uuid).incident_uuids == (molotov,)
    assert recorder.errors == []
    assert set(recorder.changes) == {"incident", "plan_item"}


def test_delete_incident_undo_restores_related_links_both_ways(
    services: ff.Services, stack: QUndoStack, recorder: Recorder
) -> None:
    shots = services.incidents.get(services.incident_titled("Shots"))
    molotov = services.incidents.get(services.incident_titled("Molotov"))
    tacoma = services.incident_titled("Armed attack")
    services.incidents.update(replace(shots, related_uuids=(tacoma, molotov.uuid)))  # links to the deleted one
    services.incidents.update(replace(molotov, related_uuids=(tacoma,)))
    deleted = services.incidents.get(tacoma)
    services.incidents.update(replace(deleted, related_uuids=(shots.uuid,)))  # and from it
    deleted = services.incidents.get(tacoma)

    stack.push(DeleteRecord.perform(services.incidents, deleted, recorder.changed, on_error=recorder.failed))
    assert services.incidents.get(shots.uuid).related_uuids == (molotov.uuid,)  # ON DELETE CASCADE
    assert services.incidents.get(molotov.uuid).related_uuids == ()

    stack.undo()
    assert recorder.errors == []
    assert services.incidents.get(tacoma).related_uuids == (shots.uuid,)
    assert services.incidents.get(shots.uuid).related_uuids == (tacoma, molotov.uuid)  # in its place
    assert services.incidents.get(molotov.uuid).related_uuids == (tacoma,)
    assert {i.uuid for i in services.incidents.related_from(tacoma)} == {shots.uuid, molotov.uuid}

    stack.redo()
    assert services.incidents.get(shots.uuid).related_uuids == (molotov.uuid,)
    services.incidents.delete(shots.uuid)  # elsewhere, before the undo: its link cannot come back
    stack.undo()
    assert services.incidents.get(tacoma).related_uuids == ()  # left out, the rest restored
    assert services.incidents.get(molotov.uuid).related_uuids == (tacoma,)
    assert recorder.errors == []


def test_undo_after_a_concurrent_edit_reports_and_drops_the_command(
    services: ff.Services, stack: QUndoStack, recorder: Recorder
) -> None:
    before = services.facilities.get(services.facility_named("Tacoma"))
    stack.push(
        UpdateRecord.perform(
            services.facilities, before, replace(before, notes="fence repaired"), recorder.changed,
            on_error=recorder.failed,
        )
    )  # fmt: skip
    elsewhere = services.facilities.get(before.uuid)
    services.facilities.update(replace(elsewhere, security_level=SecurityLevel.V))  # another window or user

    stack.undo()

    assert len(recorder.errors) == 1
    text, error = recorder.errors[0]
    assert isinstance(error, UndoConflictError)
    assert "changed elsewhere" in str(error) and "Could not undo" in text
    assert stack.count() == 0 and stack.index() == 0, "the failed command left the stack"
    kept = services.facilities.get(before.uuid)
    assert (kept.notes, kept.security_level) == ("fence repaired", SecurityLevel.V), "the other edit survives"


def test_undo_of_create_refused_by_the_service_is_reported(
    services: ff.Services, stack: QUndoStack, recorder: Recorder
) -> None:
    create = CreateRecord.perform(
        services.facilities, Facility(name="New office"), recorder.changed, on_error=recorder.failed
    )
    stack.push(create)
    services.incidents.create(Incident(facility_uuid=create.record.uuid, title="Graffiti on the door"))

    stack.undo()

    assert [type(error) for _, error in recorder.errors] == [RecordInUseError]
    assert services.facilities.get(create.record.uuid).name == "New office"
    assert stack.count() == 0


def test_redo_after_the_record_was_deleted_elsewhere_is_reported(
    services: ff.Services, stack: QUndoStack, recorder: Recorder
) -> None:
    item = services.plan_items.page()[0]
    stack.push(
        UpdateRecord.perform(services.plan_items, item, replace(item, owner="FPS"), recorder.changed,
                             on_error=recorder.failed)
    )  # fmt: skip
    stack.undo()
    services.plan_items.delete(item.uuid)

    stack.redo()

    assert "deleted elsewhere" in str(recorder.errors[0][1])
    assert stack.count() == 0


def test_perform_raises_service_errors_before_anything_is_pushed(services: ff.Services, recorder: Recorder) -> None:
    with pytest.raises(ValidationError):
        CreateRecord.perform(services.facilities, Facility(name=""), recorder.changed)
    incident = services.incidents.get(services.incident_titled("Molotov"))
    services.incidents.update(replace(incident, sources="updated elsewhere"))
    with pytest.raises(StaleRecordError):
        UpdateRecord.perform(services.incidents, incident, replace(incident, title="Mine"), recorder.changed)
    with pytest.raises(StaleRecordError):
        DeleteRecord.perform(services.incidents, incident, recorder.changed)
    tacoma = services.facilities.get(services.facility_named("Tacoma"))
    with pytest.raises(RecordInUseError):
        DeleteRecord.perform(services.facilities, tacoma, recorder.changed)
    assert recorder.changes == []
    assert services.incidents.get(incident.uuid).title == incident.title


def test_command_text_shortens_long_names(services: ff.Services, recorder: Recorder) -> None:
    incident = services.incidents.get(services.incident_titled("Shots fired"))
    command = DeleteRecord.perform(services.incidents, incident, recorder.changed)
    assert command.text() == "Delete incident “Shots fired overnight at the windows of…”"


def test_without_an_error_callback_a_warning_box_reports_the_failure(
    services: ff.Services, stack: QUndoStack, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(f"{title}: {text}"))
    item = services.plan_items.page()[0]
    stack.push(UpdateRecord.perform(services.plan_items, item, replace(item, owner="FPS"), lambda entity: None))
    services.plan_items.delete(item.uuid)

    stack.undo()  # must not open a modal box inside QUndoStack.undo(): it is shown from the event loop
    assert shown == []
    QApplication.processEvents()
    assert len(shown) == 1 and shown[0].startswith("Undo/redo failed: Could not undo “Edit plan item")


def test_delete_incident_undo_restores_its_timeline_events(
    services: ff.Services, stack: QUndoStack, recorder: Recorder
) -> None:
    from desktop.domain.evidence import TimelineEvent
    from desktop.services.audit import verify_chain
    from desktop.services.timeline import TimelineService

    timeline = TimelineService(services.incidents.database)
    incident = services.incidents.get(services.incident_titled("Molotov"))
    event = timeline.add(TimelineEvent(incident.uuid, PartialDate.parse("about 2019-08"), "Call with the FBI", "phone"))
    stack.push(DeleteRecord.perform(services.incidents, incident, recorder.changed, on_error=recorder.failed))
    assert timeline.last_activity([incident.uuid]) == {}
    stack.undo()
    assert recorder.errors == []
    [back] = timeline.events(incident.uuid)
    assert (back.uuid, back.happened, back.text, back.source) == (event.uuid, event.happened, event.text, event.source)
    stack.redo()
    stack.undo()
    assert [e.uuid for e in timeline.events(incident.uuid)] == [event.uuid]
    assert verify_chain(services.incidents.database).ok
