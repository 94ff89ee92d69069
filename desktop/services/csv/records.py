"""Checking and writing imported rows inside the import's unit of work, through the repositories."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any
from uuid import uuid4

from desktop.domain.changes import changed_fields
from desktop.domain.enums import DatePrecision, TimeOfDay
from desktop.domain.errors import RecordNotFoundError, StaleRecordError, WriteRefusedError
from desktop.domain.kinds import RecordKind
from desktop.domain.legal_history import current_status
from desktop.domain.records import Directive, Facility, Incident, PlanItem
from desktop.domain.validation import (
    BatchValidationError,
    FieldError,
    ValidationError,
    calendar_today,
    directive_errors,
    facility_errors,
    incident_errors,
    plan_item_errors,
)
from desktop.domain.values import PartialDate, StatusChange
from desktop.persistence.import_writes import SeenKeys
from desktop.persistence.unit_of_work import Database, UnitOfWork
from desktop.services.csv.conflicts import Conflict, differences, record_name, why
from desktop.services.csv.detect import Problem
from desktop.services.csv.links import RelatedIncidents
from desktop.services.csv.report import ImportOptions, ImportReport
from desktop.services.csv.rows import Cells, RowParser

_DEFAULTS: dict[RecordKind, Any] = {
    RecordKind.INCIDENT: Incident(facility_uuid="", title=""),
    RecordKind.FACILITY: Facility(name=""),
    RecordKind.PLAN_ITEM: PlanItem(facility_uuid="", description=""),
    RecordKind.DIRECTIVE: Directive(title=""),
}
_FACILITY_KEYS = {RecordKind.DIRECTIVE: ("scope_facility_uuid", "scope_facility_name")}  # others: facility_uuid, _name
BATCH = 1000  # new incidents written with one add_many


class RowImporter:
    """Checks and writes rows inside one unit of work; stops writing at the first problem but keeps checking.

    A row describes a new record or the stored one with the row's changes; its facility is found by uuid, then by
    name (created on request); a stored record is only overwritten by a row with a newer updated_at; new records
    keep the file's timestamps. New incidents wait for a batch of BATCH and are written with one add_many."""

    def __init__(self, database: Database, uow: UnitOfWork, options: ImportOptions, report: ImportReport) -> None:
        self.uow = uow
        self.options = options
        self.entity = options.entity
        self.report = report
        self.parser = RowParser(options.entity, report.header, report.mapping)
        self.repository: Any = uow.repository(options.entity)
        self.broken = False  # the database refused something: only check from here on
        self.seen_uuids = FileKeys(uow.seen_keys("uuids"))  # the file's uuids, with their lines
        self.stored: set[str] = set()  # the stored uuids among the rows being checked
        self.case_numbers = FileKeys(uow.seen_keys("case_numbers"))
        self.facility_uuids: set[str] = set()
        self.facility_names: dict[str, list[str]] = {}
        self.pending: list[tuple[Incident, Cells]] = []  # new incidents waiting for their batch
        self.related = RelatedIncidents(uow.incidents.existing_uuids)
        self.import_uuid = str(uuid4())  # names the import's audit entry, and its records' digests
        self.imported = uow.imported_records(self.import_uuid) if self.entity is RecordKind.INCIDENT else None
        self.today = calendar_today(database.now())  # status changes must not be later
        if options.entity is not RecordKind.FACILITY:
            for uuid, name in uow.facilities.names():
                self._know_facility(uuid, name)

    @property
    def writing(self) -> bool:
        return self.report.problem_count == 0 and not self.broken

    def _know_facility(self, uuid: str, name: str) -> None:
        self.facility_uuids.add(uuid)
        self.facility_names.setdefault(name.strip().casefold(), []).append(uuid)

    def audit_changes(self, source: dict[str, object]) -> dict[str, list[object]]:
        """The import's audit entry: the file (its name; `source`: its size and SHA-256), its counts, per conflict
        which side won (the uuids of each), and the records it made: how many and the digest of their list."""
        report = self.report
        made, digest = self.imported.finish() if self.imported is not None else (0, "")
        proof = {name: [None, value] for name, value in source.items()}
        kept = [conflict.uuid for conflict in report.conflicts if conflict.taken == "mine"]
        taken = [conflict.uuid for conflict in report.conflicts if conflict.taken == "theirs"]
        return {"file": [None, report.source], "rows": [None, report.rows], "inserted": [None, report.inserted],
                "updated": [None, report.updated], "unchanged": [None, report.unchanged],
                "conflicts": [None, len(report.conflicts)],
                "conflicts_kept_database": [None, "; ".join(kept)],
                "conflicts_took_file": [None, "; ".join(taken)],
                "facilities_created": [None, len(report.facilities_created)],
                **proof, "records_made": [None, made], "records_digest": [None, digest]}  # fmt: skip

    def rows(self, chunk: Sequence[tuple[int, list[str] | Problem]]) -> None:
        """Check and write a few hundred rows in file order, looking their stored uuids up in one query."""
        parse = self.parser.parse
        parsed = [fields if isinstance(fields, Problem) else parse(line, fields) for line, fields in chunk]
        self.stored = self._stored_uuids(parsed)
        given = [item.values for item in parsed if isinstance(item, Cells)]
        self.seen_uuids.look_up(uuid for values in given if (uuid := values.get("uuid")))
        self.case_numbers.look_up(number.strip() for values in given if (number := values.get("case_number")))
        for item in parsed:
            self.report.rows += 1
            if isinstance(item, Problem):
                self.report.add_problem(item)
                continue
            if not item.problems:
                self._check(item)
            for problem in item.problems:
                self.report.add_problem(problem)
        self.stored = set()
        self.seen_uuids.keep()
        self.case_numbers.keep()
        if self.writing:
            self.uow.write_audit()  # into the transaction now, rather than all held until commit

    def _stored_uuids(self, parsed: Sequence[Cells | Problem]) -> set[str]:
        """Which of the rows' uuids are stored (one query for the chunk: most imported rows are new)."""
        wanted = {uuid for item in parsed if isinstance(item, Cells) and not item.problems
                  and (uuid := item.values.get("uuid"))}  # fmt: skip
        found: set[str] = self.repository.existing_uuids(wanted)
        return found

    def _problem(self, cells: Cells, name: str, reason: str) -> None:
        cells.problems.append(cells.problem(name, reason, self.parser.header))

    def _check(self, cells: Cells) -> None:
        uuid = cells.values.pop("uuid", "")
        if uuid:
            line = self.seen_uuids.line(uuid)
            if line is not None:
                self._problem(cells, "uuid", f"{uuid} is also on line {line}")
                return
            self.seen_uuids.note(uuid, cells.line)
        existing = self._existing(uuid) if uuid else None
        record = self._record(cells, existing, uuid)
        if record is None or cells.problems:
            return
        for error in self._errors(record):
            cells.problems.append(cells.field_error(error, self.parser.header))
        if self.entity is RecordKind.INCIDENT and record.case_number:
            number = record.case_number.strip()
            line = self.case_numbers.line(number)
            if line is not None:
                self._problem(cells, "case_number", f"{number!r} is also on line {line}")
            self.case_numbers.note(number, cells.line)
        if cells.problems:
            return
        self._save(cells, record, existing)

    def _errors(self, record: Any) -> list[FieldError]:
        if self.entity is RecordKind.INCIDENT:
            return incident_errors(record, self.today)  # also the status history against the calendar
        if self.entity is RecordKind.DIRECTIVE:
            return directive_errors(record)
        return facility_errors(record) if self.entity is RecordKind.FACILITY else plan_item_errors(record)

    def _existing(self, uuid: str) -> Any:
        """The stored record with this uuid, or None (looked for cheaply first: most imported rows are new)."""
        if uuid not in self.stored:
            return None
        try:
            return self.repository.get(uuid)
        except RecordNotFoundError:
            return None

    def _record(self, cells: Cells, existing: Any, uuid: str) -> Any:
        """The record the row describes; a new one carries the file's created_at and updated_at (add_many keeps
        them; the other repositories' add ignores them and _write restamps)."""
        values = dict(cells.values)
        if existing is not None:
            for bookkeeping in ("created_at", "updated_at"):
                values.pop(bookkeeping, None)
        base = existing if existing is not None else _DEFAULTS[self.entity]
        if self.entity is not RecordKind.FACILITY:
            uuid_key, name_key = _FACILITY_KEYS.get(self.entity, ("facility_uuid", "facility_name"))
            facility = self._facility(cells, existing, uuid_key, name_key)
            if facility is None:
                return None
            values[uuid_key] = facility or (None if self.entity is RecordKind.DIRECTIVE else "")
            values.pop(name_key, None)
        if self.entity is RecordKind.PLAN_ITEM and not self._plan_links(cells, values):
            return None
        if self.entity is RecordKind.INCIDENT:
            values = self._history(values, base)
            problem = merge_time_of_day(values, base.occurred)
            if problem:
                self._problem(cells, "occurred_time_of_day", problem)
                return None
            if uuid and uuid in values.get("related_uuids", ()):
                self._problem(cells, "related_uuids", "an incident cannot be related to itself")
                return None
        if existing is None:
            values["uuid"] = uuid
        return replace(base, **values)

    def _history(self, values: dict[str, Any], base: Incident) -> dict[str, Any]:
        """The legal history to check and store: the row's (as listed: its latest entry by date gives the status
        when the row has none), else the stored one; a status other than its latest entry's is appended as
        changed today (as the repository appends it on a status change)."""
        history: tuple[StatusChange, ...] = values.pop("status_history", None) or ()
        if history:
            values.setdefault("status", current_status(history))
        else:
            history = base.status_history  # none for a new record: the repository starts it
        status = values.get("status", base.status)
        if history and status is not current_status(history):
            history = (*history, StatusChange.on_day(status, self.today))
        if history:
            values["status_history"] = history
        return values

    def _plan_links(self, cells: Cells, values: dict[str, Any]) -> bool:
        """Whether the plan item's incidents and directive are stored (an empty directive_uuid: none)."""
        incidents: tuple[str, ...] = values.get("incident_uuids", ())
        stored = self.uow.incidents.existing_uuids(incidents)
        if missing := [uuid for uuid in incidents if uuid not in stored]:
            self._problem(cells, "incident_uuids", f"incident {missing[0]} does not exist")
            return False
        if "directive_uuid" in values:
            directive = values["directive_uuid"] or None
            values["directive_uuid"] = directive
            if directive and not self.uow.directives.existing_uuids([directive]):
                self._problem(
                    cells, "directive_uuid", f"directive {directive} does not exist; import the directives first"
                )
                return False
        return True

    def _facility(self, cells: Cells, existing: Any, uuid_key: str = "facility_uuid",
                  name_key: str = "facility_name") -> str | None:  # fmt: skip
        """The facility uuid the row refers to ("" for a nationwide plan item or a directive without a facility), or
        None after a problem; `uuid_key` and `name_key` name the columns (a directive's scope_facility_…)."""
        uuid: str = cells.values.get(uuid_key) or ""
        name: str = cells.values.get(name_key, "").strip()
        if uuid in self.facility_uuids:
            return uuid
        if name:
            matches = self.facility_names.get(name.casefold(), [])
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                self._problem(cells, name_key, f"{len(matches)} facilities are named {name!r}; give "
                                               f"{uuid_key} to say which")  # fmt: skip
                return None
            if self.options.create_facilities:
                return self._create_facility(cells, uuid, name, name_key)
            self._problem(cells, name_key, f"no facility is named {name!r}; import the facilities first "
                                           "or choose to create missing facilities")  # fmt: skip
            return None
        if uuid:
            self._problem(cells, uuid_key, f"facility {uuid} does not exist; give {name_key} to match or "
                                           "create it by name")  # fmt: skip
            return None
        if not cells.given(uuid_key) and not cells.given(name_key) and existing is not None:
            return str(getattr(existing, uuid_key) or "")
        if self.entity in (RecordKind.PLAN_ITEM, RecordKind.DIRECTIVE):
            return ""  # nationwide, or a directive's scope without one facility
        self._problem(cells, "facility", "is required: give facility_uuid or facility_name")
        return None

    def _create_facility(self, cells: Cells, uuid: str, name: str, name_key: str = "facility_name") -> str | None:
        facility = Facility(name=name, uuid=uuid)
        errors = facility_errors(facility)
        if errors:
            self._problem(cells, name_key, f"cannot create the facility: {errors[0]}")
            return None
        if self.writing:
            try:
                with self.uow.refusals():
                    uuid = self.uow.facilities.add(facility).uuid
            except WriteRefusedError as error:
                self._refused(cells, error)
                return None
        uuid = uuid or f"(new facility {name})"
        self._know_facility(uuid, name)
        self.report.facilities_created.append(name)
        return uuid

    def _refused(self, cells: Cells, error: WriteRefusedError) -> None:
        self.broken = True
        self._problem(cells, "uuid", f"the database refused the row: {error}")

    def _save(self, cells: Cells, record: Any, existing: Any) -> None:
        file_updated: datetime | None = cells.values.get("updated_at")
        if existing is not None:
            if self._unchanged(existing, record):
                self.report.unchanged += 1
                return
            if reason := why(file_updated, existing.updated_at):
                side = self.options.side(record.uuid)
                found = differences(self.entity, existing, record)
                self.report.conflicts.append(
                    Conflict(cells.line, record.uuid, reason, record_name(record), found, side)
                )
                if side == "mine":
                    return
                file_updated = None  # the file's version wins now: stamped with the import's time
        if self.entity is RecordKind.INCIDENT:
            record = self.related.for_now(record, cells)  # also when only checking: the file's rows may follow
        if not self.writing:
            self._count(existing)
            return
        if self.entity is RecordKind.INCIDENT and existing is None:
            self.pending.append((record, cells))
            if record.uuid:
                self.related.queued.add(record.uuid)
            self._count(existing)
            if len(self.pending) >= BATCH:
                self.flush()
            return
        self.flush()  # rows are written in file order
        try:
            with self.uow.refusals():
                self._write(cells, record, existing, file_updated)
        except ValidationError as error:
            for field_error in error.errors:
                cells.problems.append(cells.field_error(field_error, self.parser.header))
            return
        except (RecordNotFoundError, StaleRecordError) as error:
            self._problem(cells, "uuid", str(error))
            return
        except WriteRefusedError as error:
            self._refused(cells, error)
            return
        self._count(existing)

    def _unchanged(self, existing: Any, record: Any) -> bool:
        """Whether the row says nothing new: the audit trail's comparison, and what it does not see (the band of
        the day, which occurred's audit text leaves out; the legal history)."""
        if changed_fields(existing, record):
            return False
        if self.entity is not RecordKind.INCIDENT:
            return True
        same_history = not record.status_history or (
            _history_key(record.status_history) == _history_key(existing.status_history))  # fmt: skip
        return bool(record.occurred == existing.occurred and same_history)

    def _write(self, cells: Cells, record: Any, existing: Any, file_updated: datetime | None) -> None:
        """Add or update the record, keeping the file's timestamps (the repository stamps it with the import's)."""
        if existing is None:
            saved = self.repository.add(record)
        elif self.entity is RecordKind.INCIDENT:
            history = record.status_history if "status_history" in cells.values else ()
            saved = self.repository.update(replace(record, version=existing.version, status_history=history))
        else:
            saved = self.repository.update(replace(record, version=existing.version))
        self.repository.restamp(saved.uuid, cells.values.get("created_at") if existing is None else None, file_updated)

    def finish(self) -> None:
        """At the end of the file (before committing): write the new incidents still waiting for their batch,
        check the related incidents that were not stored when their rows were written, and link them."""
        self.flush()
        targets = {uuid for waiting in self.related.later for uuid in waiting.related}
        for waiting, uuid in self.related.missing(set(self.seen_uuids.seen.lines(targets))):
            reason = f"incident {uuid} is neither stored nor a row of this file"
            self.report.add_problem(waiting.cells.problem("related_uuids", reason, self.parser.header))
        if not self.writing or not self.related.later:
            return
        try:
            with self.uow.refusals():
                self.related.link(self.uow.incidents)
        except WriteRefusedError as error:
            self.broken = True
            self.report.add_problem(Problem(self.report.rows + 1, 1, f"the database refused the links: {error}"))

    def flush(self) -> None:
        """Write the new incidents waiting for their batch."""
        self.related.queued.clear()  # stored from here on (or nothing is written any more)
        pending, self.pending = self.pending, []
        if not pending or not self.writing:
            return
        try:
            with self.uow.refusals():
                if self.imported is not None:
                    self.imported.start()  # the full-text index kept per batch from now on
                self.uow.incidents.add_many([record for record, _ in pending], keep_stamps=True, imported=self.imported)
        except BatchValidationError as error:
            for position, field_error in error.refused:
                self.report.add_problem(pending[position][1].field_error(field_error, self.parser.header))
        except WriteRefusedError as error:
            first = pending[0][1]
            self._refused(first, error)
            self.report.add_problem(first.problems[-1])

    def _count(self, existing: Any) -> None:
        if existing is None:
            self.report.inserted += 1
        else:
            self.report.updated += 1


class FileKeys:
    """Keys met in the file with their first line: the chunk's in memory, the earlier ones in the import's table
    (looked up once per chunk, so that memory stays flat however long the file is)."""

    def __init__(self, seen: SeenKeys) -> None:
        self.seen = seen
        self.earlier: dict[str, int] = {}  # of the keys looked up for this chunk, those met before it
        self.asked: set[str] = set()
        self.chunk: dict[str, int] = {}

    def look_up(self, keys: Iterable[str]) -> None:
        """Read which of the chunk's `keys` were met before (one query)."""
        self.asked = set(keys)
        self.earlier = self.seen.lines(self.asked)

    def line(self, key: str) -> int | None:
        """The line `key` was first met on, or None."""
        if key in self.chunk:
            return self.chunk[key]
        if key not in self.asked:  # a key the chunk's cells did not give (a stored record's case number)
            self.asked.add(key)
            self.earlier.update(self.seen.lines([key]))
        return self.earlier.get(key)

    def note(self, key: str, line: int) -> None:
        if key not in self.earlier:
            self.chunk.setdefault(key, line)

    def keep(self) -> None:
        """At the end of a chunk: remember its keys in the table."""
        self.seen.add(self.chunk)
        self.chunk, self.earlier, self.asked = {}, {}, set()


def _history_key(history: Sequence[StatusChange]) -> list[tuple[object, ...]]:
    return [c.fact for c in history]


def merge_time_of_day(values: dict[str, Any], stored: PartialDate) -> str:
    """Put the row's band of the day (occurred_time_of_day) into its occurred date; the reason when it cannot be.

    The band may also be written after the day in occurred ("2019-08-25 early morning"): then a band in its own
    column must be the same. A file without the band's column keeps the stored band while occurred stays that
    day (a previous release's file says nothing about it)."""
    given = "occurred_time_of_day" in values
    band: TimeOfDay | None = values.pop("occurred_time_of_day", None)
    occurred: PartialDate = values.get("occurred", stored)
    if "occurred" in values and occurred.time_of_day is not None:
        if band is not None and band is not occurred.time_of_day:
            return f"{band.value!r} does not match occurred ({occurred.time_of_day.label.lower()})"
        return ""
    if not given:
        if "occurred" not in values:
            return ""
        same_day = occurred.precision is DatePrecision.DAY and occurred.on == stored.on
        band = stored.time_of_day if same_day and stored.precision is DatePrecision.DAY else None
    if band is not None and occurred.precision is not DatePrecision.DAY:
        return f"needs occurred to be one day, not {occurred.label()}"
    values["occurred"] = replace(occurred, time_of_day=band)
    return ""
