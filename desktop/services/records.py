"""Create, read, update, delete and page facilities, incidents and plan items."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Generic, TypeVar

from desktop.domain.enums import CaseStatus
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import FacilityFilter, IncidentFilter, Page, PlanItemFilter
from desktop.domain.records import Facility, Incident, PlanItem
from desktop.domain.validation import facility_errors, incident_errors, plan_item_errors, require_valid
from desktop.domain.values import StatusChange
from desktop.persistence.unit_of_work import Database, UnitOfWork

RecordT = TypeVar("RecordT", Facility, Incident, PlanItem)
FilterT = TypeVar("FilterT", FacilityFilter, IncidentFilter, PlanItemFilter)


class RecordService(Generic[RecordT, FilterT]):
    """The operations every record type shares; subclasses name their repository and rules."""

    repository = ""

    def __init__(self, database: Database) -> None:
        self.database = database

    def _repo(self, uow: UnitOfWork) -> Any:
        return getattr(uow, self.repository)

    def errors(self, record: RecordT) -> list[Any]:
        raise NotImplementedError

    def validate(self, record: RecordT) -> None:
        require_valid(self.errors(record))

    def get(self, uuid: str) -> RecordT:
        with self.database.unit_of_work(write=False) as uow:
            record: RecordT = self._repo(uow).get(uuid)
            return record

    def create(self, record: RecordT) -> RecordT:
        """Insert; a record that carries a uuid keeps it (undo of a delete, imports)."""
        self.validate(record)
        with self.database.unit_of_work() as uow:
            created: RecordT = self._repo(uow).add(record)
            uow.commit()
            return created

    def update(self, record: RecordT) -> RecordT:
        """Save changes; raises StaleRecordError when `record.version` is not the stored one."""
        self.validate(record)
        with self.database.unit_of_work() as uow:
            updated: RecordT = self._repo(uow).update(record)
            uow.commit()
            return updated

    def delete(self, uuid: str, version: int | None = None) -> RecordT:
        with self.database.unit_of_work() as uow:
            deleted: RecordT = self._repo(uow).delete(uuid, version)
            uow.commit()
            return deleted

    def count(self, where: FilterT | None = None) -> int:
        with self.database.unit_of_work(write=False) as uow:
            return int(self._repo(uow).count(where))

    def page(self, where: FilterT | None = None, page: Page | None = None) -> list[RecordT]:
        with self.database.unit_of_work(write=False) as uow:
            return list(self._repo(uow).page(where, page))


class FacilityService(RecordService[Facility, FacilityFilter]):
    repository = "facilities"

    def errors(self, record: Facility) -> list[Any]:
        return facility_errors(record)

    def names(self) -> list[tuple[str, str]]:
        with self.database.unit_of_work(write=False) as uow:
            return uow.facilities.names()

    def find_by_name(self, name: str) -> Facility | None:
        with self.database.unit_of_work(write=False) as uow:
            return uow.facilities.find_by_name(name)

    def reassessment_due(self, by: date) -> list[Facility]:
        """Facilities whose ISC reassessment falls on or before `by` (or was never assessed)."""
        where = FacilityFilter(reassessment_due_by=by)
        with self.database.unit_of_work(write=False) as uow:
            return uow.facilities.page(where, Page(limit=uow.facilities.count(where), sort="name"))


class IncidentService(RecordService[Incident, IncidentFilter]):
    repository = "incidents"

    def errors(self, record: Incident) -> list[Any]:
        return incident_errors(record)

    def update_with_status(self, record: Incident, status_on: StatusChange | None) -> Incident:
        """Save, recording a status change on the given day (default today)."""
        self.validate(record)
        with self.database.unit_of_work() as uow:
            updated = uow.incidents.update(record, status_on)
            uow.commit()
            return updated

    def restore(self, record: Incident) -> Incident:
        """Save `record` exactly as given, its status history included (undo and redo of an edit)."""
        self.validate(record)
        with self.database.unit_of_work() as uow:
            restored = uow.incidents.update(record, history=record.status_history)
            uow.commit()
            return restored

    def change_status(self, uuid: str, status: CaseStatus, on: date, note: str = "") -> Incident:
        with self.database.unit_of_work() as uow:
            current = uow.incidents.get(uuid)
            updated = uow.incidents.update(replace(current, status=status), StatusChange(status, on, note))
            uow.commit()
            return updated


class PlanItemService(RecordService[PlanItem, PlanItemFilter]):
    repository = "plan_items"

    def errors(self, record: PlanItem) -> list[Any]:
        return plan_item_errors(record)


@dataclass(frozen=True)
class RecordServices:
    """The record services of one open database."""

    database: Database
    facilities: FacilityService
    incidents: IncidentService
    plan_items: PlanItemService

    @classmethod
    def of(cls, database: Database) -> RecordServices:
        return cls(database, FacilityService(database), IncidentService(database), PlanItemService(database))

    def of_kind(self, kind: RecordKind) -> RecordService[Any, Any]:
        services: dict[RecordKind, RecordService[Any, Any]] = {
            RecordKind.FACILITY: self.facilities, RecordKind.INCIDENT: self.incidents,
            RecordKind.PLAN_ITEM: self.plan_items,
        }  # fmt: skip
        return services[kind]
