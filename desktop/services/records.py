"""Create, read, update, delete and page facilities, incidents, plan items and directives."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar

from desktop.domain.errors import CommitUnknownError, RecordNotFoundError
from desktop.domain.figures import DirectiveProgress
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import DirectiveFilter, FacilityFilter, IncidentFilter, Page, PlanItemFilter
from desktop.domain.records import Directive, Facility, Incident, PlanItem
from desktop.domain.validation import (
    FieldError,
    calendar_today,
    directive_errors,
    facility_errors,
    incident_errors,
    plan_item_errors,
    require_valid,
)
from desktop.persistence.repositories import RecordRepository
from desktop.persistence.unit_of_work import Database, UnitOfWork
from desktop.services.safe_writes import confirmed, retrying

_CASE_WORD = re.compile(r"[^\W_]+")  # the words of a case number, as the `case:` search takes them

RecordT = TypeVar("RecordT", Facility, Incident, PlanItem, Directive)
FilterT = TypeVar("FilterT", FacilityFilter, IncidentFilter, PlanItemFilter, DirectiveFilter)


class RecordService(Generic[RecordT, FilterT]):
    """The operations every record kind shares; subclasses name their kind and rules."""

    kind: ClassVar[RecordKind]

    def __init__(self, database: Database) -> None:
        self.database = database

    def _repository(self, uow: UnitOfWork) -> RecordRepository[RecordT, FilterT]:
        repository: RecordRepository[RecordT, FilterT] = uow.repository(self.kind)
        return repository

    def errors(self, record: RecordT) -> list[FieldError]:
        raise NotImplementedError

    def validate(self, record: RecordT) -> None:
        require_valid(self.errors(record))

    def _written(
        self, write: Callable[[RecordRepository[RecordT, FilterT]], RecordT], *, removes: bool = False
    ) -> RecordT:
        """`write` in one writing unit of work, committed; run again after a serialization failure. A connection
        lost at COMMIT is checked against the server by the record's uuid and version (`removes`: by its absence)."""
        written: list[RecordT] = []

        def once() -> RecordT:
            with self.database.unit_of_work() as uow:
                written[:] = [write(self._repository(uow))]
                uow.commit()
                return written[0]

        try:
            return retrying(once)
        except CommitUnknownError as error:
            record = written[0]
            confirmed(error, lambda: self._stored_as(record, removes=removes), f"the {self.kind.label}")
            return record

    def _stored_as(self, record: RecordT, *, removes: bool) -> bool:
        """Whether the server holds `record` as written (its version), or (`removes`) no longer holds it."""
        try:
            stored = self.get(record.uuid)
        except RecordNotFoundError:
            return removes
        return not removes and stored.version == record.version

    def get(self, uuid: str) -> RecordT:
        with self.database.unit_of_work(write=False) as uow:
            return self._repository(uow).get(uuid)

    def create(self, record: RecordT) -> RecordT:
        """Insert; a record that carries a uuid keeps it (undo of a delete, imports)."""
        self.validate(record)
        return self._written(lambda repository: repository.add(record))

    def update(self, record: RecordT) -> RecordT:
        """Save changes; raises StaleRecordError when `record.version` is not the stored one."""
        self.validate(record)
        return self._written(lambda repository: repository.update(record))

    def delete(self, uuid: str, version: int | None = None) -> RecordT:
        return self._written(lambda repository: repository.delete(uuid, version), removes=True)

    def delete_problem(self, uuid: str) -> str | None:
        """Why `delete(uuid)` would be refused (a facility with incidents or plan items), or None; writes nothing."""
        with self.database.unit_of_work(write=False) as uow:
            return self._repository(uow).delete_problem(uuid)

    def count(self, where: FilterT | None = None) -> int:
        with self.database.unit_of_work(write=False) as uow:
            return self._repository(uow).count(where)

    def page(self, where: FilterT | None = None, page: Page | None = None) -> list[RecordT]:
        with self.database.unit_of_work(write=False) as uow:
            return self._repository(uow).page(where, page)


class FacilityService(RecordService[Facility, FacilityFilter]):
    kind = RecordKind.FACILITY

    def errors(self, record: Facility) -> list[FieldError]:
        return facility_errors(record)

    def names(self) -> list[tuple[str, str]]:
        with self.database.unit_of_work(write=False) as uow:
            return uow.facilities.names()


class IncidentService(RecordService[Incident, IncidentFilter]):
    """Every write checks the whole incident, its legal history against the calendar included
    (domain/validation.py `incident_errors(record, today)`): create, update and restore."""

    kind = RecordKind.INCIDENT

    def errors(self, record: Incident) -> list[FieldError]:
        return incident_errors(record, self.today())

    def today(self) -> date:
        """The day legal history entries may not come after: today by the database clock (see calendar_today)."""
        return calendar_today(self.database.now())

    def update(self, record: Incident) -> Incident:
        """Save, the legal history as given (the form's list of entries): the repository stores it when it
        differs from the stored one, and the incident's status must be its latest entry's."""
        self.validate(record)
        return self._written(lambda repository: repository.update(record))

    def restore(self, record: Incident) -> Incident:
        """Save `record` exactly as given, its legal history included (undo and redo of an edit)."""
        return self.update(record)

    def named(self, reference: str) -> list[Incident]:
        """The incidents a person means by a uuid or a case number: the one with that uuid or exactly that case
        number, else those whose case number is it but for case (several when numbers differ only by case)."""
        wanted = reference.strip()
        if not wanted:
            return []
        with self.database.unit_of_work(write=False) as uow:
            uuid = uow.incidents.uuid_of_case(wanted)
            if uuid is None and uow.incidents.existing_uuids([wanted]):
                uuid = wanted
            if uuid is not None:
                return [uow.incidents.get(uuid)]
        words = _CASE_WORD.findall(wanted)
        if not words:
            return []
        found = self.page(IncidentFilter(text="case:" + "-".join(words)), Page(limit=1000))
        return [i for i in found if (i.case_number or "").strip().casefold() == wanted.casefold()]

    def find(self, uuids: Sequence[str]) -> list[Incident]:
        """The stored incidents among `uuids`, in that order, without status history or links (labels of links)."""
        with self.database.unit_of_work(write=False) as uow:
            return uow.links.incidents_of(uuids)

    def related_from(self, uuid: str) -> list[Incident]:
        """The incidents whose related incidents include `uuid` (the other end of its links), latest first."""
        with self.database.unit_of_work(write=False) as uow:
            return uow.links.related_from(uuid)


class PlanItemService(RecordService[PlanItem, PlanItemFilter]):
    kind = RecordKind.PLAN_ITEM

    def errors(self, record: PlanItem) -> list[FieldError]:
        return plan_item_errors(record)


class DirectiveService(RecordService[Directive, DirectiveFilter]):
    """Directives; one with plan items under it is not deleted (delete_problem says why)."""

    kind = RecordKind.DIRECTIVE

    def errors(self, record: Directive) -> list[FieldError]:
        return directive_errors(record)

    def titles(self) -> list[tuple[str, str]]:
        """(uuid, title) of every directive, by title."""
        with self.database.unit_of_work(write=False) as uow:
            return uow.directives.titles()

    def progress(self, uuids: list[str] | None = None) -> list[DirectiveProgress]:
        """Plan items done and in all per directive (every one, or those of `uuids`), by deadline."""
        with self.database.unit_of_work(write=False) as uow:
            return uow.directives.progress(uuids)

    def reaching(self, facility: Facility) -> list[Directive]:
        """The directives that reach `facility` as the form describes it (Directive.reaches), by deadline (none
        first, as the table sorts)."""
        found: list[Directive] = []
        with self.database.unit_of_work(write=False) as uow:
            offset = 0
            while directives := uow.directives.page(None, Page(offset, 500, "deadline")):
                found.extend(d for d in directives if d.reaches(facility))
                offset += len(directives)
        return found


@dataclass(frozen=True)
class RecordServices:
    """The record services of one open database."""

    database: Database
    facilities: FacilityService
    incidents: IncidentService
    plan_items: PlanItemService
    directives: DirectiveService

    @classmethod
    def of(cls, database: Database) -> RecordServices:
        return cls(database, FacilityService(database), IncidentService(database), PlanItemService(database),
                   DirectiveService(database))  # fmt: skip

    def of_kind(self, kind: RecordKind) -> RecordService[Any, Any]:
        services: dict[RecordKind, RecordService[Any, Any]] = {
            RecordKind.FACILITY: self.facilities, RecordKind.INCIDENT: self.incidents,
            RecordKind.PLAN_ITEM: self.plan_items, RecordKind.DIRECTIVE: self.directives,
        }  # fmt: skip
        return services[kind]
