"""CSV import of incidents, facilities or plan items: all or nothing, in one transaction, with a report.

Every row is read, checked and (while no problem has been found) written inside one writing unit of work; the
transaction is committed only when the whole file was read without a single problem, and never for a dry run or
a cancelled import. So a rejected, previewed or cancelled file leaves the database exactly as it was, and the
report lists every problem with its line and column (the first MAX_PROBLEMS in detail).

A row whose uuid is stored updates that record when its updated_at is newer than the stored one; otherwise the
stored record is kept and the row is reported as a conflict. Other rows are inserted, keeping the file's uuid,
created_at and updated_at. Records keep the timestamps of the file they came from, so importing the same file
twice changes nothing. Facilities are matched by uuid, then by name; missing ones are created on request.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import IO, Any

from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError

from desktop.domain.enums import AuditAction
from desktop.domain.errors import RecordNotFoundError, StaleRecordError
from desktop.domain.records import Facility, Incident, PlanItem
from desktop.domain.validation import ValidationError, facility_errors, incident_errors, plan_item_errors
from desktop.domain.values import StatusChange
from desktop.persistence.mapping import changed_fields
from desktop.persistence.models import FacilityRow, IncidentRow, PlanItemRow
from desktop.persistence.unit_of_work import Database, UnitOfWork
from desktop.services.csv_detect import FileLayout, FileProblem, Problem, RecordReader, auto_mapping, inspect, open_text
from desktop.services.csv_format import Entity
from desktop.services.csv_rows import Cells, RowParser, header_problems

MAX_PROBLEMS = 1_000
PROGRESS_ROWS = 500
Progress = Callable[[int, int], object]
"""progress(bytes read, bytes in all) is called every few hundred rows; returning False cancels the import."""
Source = str | os.PathLike[str] | IO[bytes]
_DEFAULTS: dict[Entity, Any] = {
    Entity.INCIDENTS: Incident(facility_uuid="", title=""),
    Entity.FACILITIES: Facility(name=""),
    Entity.PLAN_ITEMS: PlanItem(facility_uuid="", description=""),
}
_VALIDATORS: dict[Entity, Callable[[Any], list[Any]]] = {
    Entity.INCIDENTS: incident_errors, Entity.FACILITIES: facility_errors, Entity.PLAN_ITEMS: plan_item_errors,
}  # fmt: skip
_ROWS: dict[Entity, Any] = {Entity.INCIDENTS: IncidentRow, Entity.FACILITIES: FacilityRow,
                            Entity.PLAN_ITEMS: PlanItemRow}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ImportOptions:
    entity: Entity = Entity.INCIDENTS
    mapping: tuple[str | None, ...] | None = None  # per file column the column key it is read as; None: automatic
    encoding: str | None = None  # None: detected
    delimiter: str | None = None  # None: detected
    create_facilities: bool = False  # create facilities that rows name but the database lacks
    dry_run: bool = False  # check everything, write nothing


@dataclass(frozen=True, slots=True)
class Conflict:
    line: int
    uuid: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.uuid}: {self.reason}"


@dataclass
class ImportReport:
    entity: Entity
    source: str
    encoding: str = ""
    delimiter: str = ""
    header: tuple[str, ...] = ()
    mapping: tuple[str | None, ...] = ()
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    facilities_created: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    dry_run: bool = False
    cancelled: bool = False
    committed: bool = False

    @property
    def accepted(self) -> bool:
        """No problem found and not cancelled (for a dry run: the import would be committed)."""
        return self.problem_count == 0 and not self.cancelled

    def add_problem(self, problem: Problem) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)

    def summary(self) -> str:
        if self.cancelled:
            return "Import cancelled; nothing was written."
        counts = (f"{self.rows} rows: {self.inserted} new, {self.updated} updated, {self.unchanged} unchanged, "
                  f"{len(self.conflicts)} conflicts")  # fmt: skip
        if self.facilities_created:
            counts += f", {len(self.facilities_created)} facilities created"
        if not self.accepted:
            return f"Rejected: {self.problem_count} problem(s); nothing was written. ({counts})"
        return f"Dry run, nothing written: {counts}" if self.dry_run else f"Imported {counts}"

    def lines(self) -> list[str]:
        """The report as text: summary, every problem, every conflict."""
        out = [self.summary()]
        out += [f"  {problem}" for problem in self.problems]
        if self.problem_count > len(self.problems):
            out.append(f"  ... and {self.problem_count - len(self.problems)} more problem(s)")
        out += [f"  conflict, {conflict}" for conflict in self.conflicts]
        return out


class ImportCancelled(Exception):
    pass


def read_layout(source: Source, entity: Entity | None = None) -> FileLayout:
    """Encoding, delimiter, header and sample rows of a file (for the mapping dialog); raises FileProblem."""
    with ExitStack() as stack:
        stream = _open(source, stack)
        return inspect(stream, entity)


def _open(source: Source, stack: ExitStack) -> IO[bytes]:
    if isinstance(source, str | os.PathLike):
        return stack.enter_context(open(source, "rb"))
    return source


def import_csv(database: Database, source: Source, options: ImportOptions,
               progress: Progress | None = None) -> ImportReport:  # fmt: skip
    """Check and import a CSV file; see the module docstring. Never raises for bad file contents."""
    name = str(source) if isinstance(source, str | os.PathLike) else str(getattr(source, "name", "(stream)"))
    report = ImportReport(options.entity, name, dry_run=options.dry_run)
    with ExitStack() as stack:
        try:
            stream = _open(source, stack)
            layout = inspect(stream, options.entity)
        except FileProblem as error:
            report.add_problem(error.problem)
            return report
        except OSError as error:
            report.add_problem(Problem(1, 1, f"cannot read the file: {error.strerror or error}"))
            return report
        report.encoding = options.encoding or layout.encoding
        report.delimiter = options.delimiter or layout.delimiter
        if report.delimiter != layout.delimiter or report.encoding != layout.encoding:
            layout = _reread_header(stream, report)
        report.header = layout.header
        report.mapping = options.mapping if options.mapping is not None else tuple(
            auto_mapping(options.entity, layout.header))  # fmt: skip
        for problem in header_problems(options.entity, report.header, report.mapping):
            report.add_problem(problem)
        if report.problem_count:
            return report
        _run(database, stream, layout.size, options, report, progress)
    return report


def _reread_header(stream: IO[bytes], report: ImportReport) -> FileLayout:
    text = open_text(stream, report.encoding)
    try:
        header: tuple[str, ...] = ()
        for _, fields in RecordReader(text, report.delimiter):
            header = tuple(fields) if isinstance(fields, list) else ()
            break
    except UnicodeDecodeError:
        header = ()
    finally:
        text.detach()
        stream.seek(0, os.SEEK_END)
        size = stream.tell()
        stream.seek(0)
    return FileLayout(report.encoding, report.delimiter, header, (), size)


def _run(database: Database, stream: IO[bytes], size: int, options: ImportOptions, report: ImportReport,
         progress: Progress | None) -> None:  # fmt: skip
    text = open_text(stream, report.encoding)
    reader = RecordReader(text, report.delimiter)
    try:
        with database.unit_of_work() as uow:
            rows = _Importer(database, uow, options, report)
            records = iter(reader)
            next(records, None)  # the header
            try:
                for count, (line, fields) in enumerate(records, start=1):
                    rows.row(line, fields)
                    if progress is not None and count % PROGRESS_ROWS == 0 and progress(
                            min(reader.characters_read, size), size) is False:  # fmt: skip
                        raise ImportCancelled
            except UnicodeDecodeError as error:
                report.add_problem(Problem(reader.lines.line + 1, 1, f"not {report.encoding} text: {error.reason}"))
            if progress is not None and progress(size, size) is False:
                raise ImportCancelled
            if report.accepted and not options.dry_run:
                uow.audit.record(AuditAction.IMPORT, options.entity.audit_name, "", rows.audit_changes())
                uow.commit()
                report.committed = True
    except ImportCancelled:
        report.cancelled = True
    finally:
        text.detach()


class _Importer:
    """Checks and writes rows inside one unit of work; stops writing at the first problem but keeps checking."""

    def __init__(self, database: Database, uow: UnitOfWork, options: ImportOptions, report: ImportReport) -> None:
        self.database = database
        self.uow = uow
        self.options = options
        self.entity = options.entity
        self.report = report
        self.parser = RowParser(options.entity, report.header, report.mapping)
        self.repository: Any = {Entity.INCIDENTS: uow.incidents, Entity.FACILITIES: uow.facilities,
                                Entity.PLAN_ITEMS: uow.plan_items}[options.entity]  # fmt: skip
        self.broken = False  # the database refused something: only check from here on
        self.seen_uuids: dict[str, int] = {}
        self.case_numbers: dict[str, int] = {}
        self.facility_uuids: set[str] = set()
        self.facility_names: dict[str, list[str]] = {}
        if options.entity is not Entity.FACILITIES:
            for uuid, name in uow.facilities.names():
                self._know_facility(uuid, name)

    @property
    def writing(self) -> bool:
        return self.report.problem_count == 0 and not self.broken

    def _know_facility(self, uuid: str, name: str) -> None:
        self.facility_uuids.add(uuid)
        self.facility_names.setdefault(name.strip().casefold(), []).append(uuid)

    def audit_changes(self) -> dict[str, list[object]]:
        report = self.report
        return {"file": [None, report.source], "rows": [None, report.rows], "inserted": [None, report.inserted],
                "updated": [None, report.updated], "unchanged": [None, report.unchanged],
                "conflicts": [None, len(report.conflicts)],
                "facilities_created": [None, len(report.facilities_created)]}  # fmt: skip

    def row(self, line: int, fields: list[str] | Problem) -> None:
        self.report.rows += 1
        if isinstance(fields, Problem):
            self.report.add_problem(fields)
            return
        cells = self.parser.parse(line, fields)
        if not cells.problems:
            self._check(cells)
        for problem in cells.problems:
            self.report.add_problem(problem)

    def _problem(self, cells: Cells, name: str, reason: str) -> None:
        cells.problems.append(cells.problem(name, reason, self.parser.header))

    def _check(self, cells: Cells) -> None:
        uuid = cells.values.pop("uuid", "")
        if uuid:
            if uuid in self.seen_uuids:
                self._problem(cells, "uuid", f"{uuid} is also on line {self.seen_uuids[uuid]}")
                return
            self.seen_uuids[uuid] = cells.line
        existing = self._existing(uuid) if uuid else None
        record = self._record(cells, existing, uuid)
        if record is None or cells.problems:
            return
        for error in _VALIDATORS[self.entity](record):
            cells.problems.append(cells.field_error(error, self.parser.header))
        if self.entity is Entity.INCIDENTS and record.case_number:
            number = record.case_number.strip()
            if number in self.case_numbers:
                self._problem(cells, "case_number", f"{number!r} is also on line {self.case_numbers[number]}")
            self.case_numbers.setdefault(number, cells.line)
        if cells.problems:
            return
        self._save(cells, record, existing)

    def _existing(self, uuid: str) -> Any:
        try:
            return self.repository.get(uuid)
        except RecordNotFoundError:
            return None

    def _record(self, cells: Cells, existing: Any, uuid: str) -> Any:
        values = dict(cells.values)
        for bookkeeping in ("created_at", "updated_at"):
            values.pop(bookkeeping, None)
        base = existing if existing is not None else replace(_DEFAULTS[self.entity], uuid=uuid)
        if self.entity is not Entity.FACILITIES:
            facility = self._facility(cells, existing)
            if facility is None:
                return None
            values["facility_uuid"] = facility
            values.pop("facility_name", None)
        if self.entity is Entity.PLAN_ITEMS and values.get("incident_uuid") == "":
            values["incident_uuid"] = None
        if self.entity is Entity.PLAN_ITEMS and values.get("incident_uuid") and not self._incident_exists(
                values["incident_uuid"]):  # fmt: skip
            self._problem(cells, "incident_uuid", f"incident {values['incident_uuid']} does not exist")
            return None
        if self.entity is Entity.INCIDENTS:
            values = self._history(values, base)
        return replace(base, **values)

    def _history(self, values: dict[str, Any], base: Incident) -> dict[str, Any]:
        history: tuple[StatusChange, ...] | None = values.pop("status_history", None)
        if not history:
            return values
        status = values.setdefault("status", history[-1].status)
        if status is not history[-1].status:
            history = (*history, StatusChange(status, self.database.clock().date()))
        values["status_history"] = history
        return values

    def _incident_exists(self, uuid: str) -> bool:
        assert self.uow.session is not None
        return self.uow.session.scalar(select(IncidentRow.id).where(IncidentRow.uuid == uuid)) is not None

    def _facility(self, cells: Cells, existing: Any) -> str | None:
        """The facility uuid the row refers to ("" for a nationwide plan item), or None after a problem."""
        uuid: str = cells.values.get("facility_uuid", "")
        name: str = cells.values.get("facility_name", "").strip()
        if uuid in self.facility_uuids:
            return uuid
        if name:
            matches = self.facility_names.get(name.casefold(), [])
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                self._problem(cells, "facility_name", f"{len(matches)} facilities are named {name!r}; give "
                                                      "facility_uuid to say which")  # fmt: skip
                return None
            if self.options.create_facilities:
                return self._create_facility(cells, uuid, name)
            self._problem(cells, "facility_name", f"no facility is named {name!r}; import the facilities first "
                                                  "or choose to create missing facilities")  # fmt: skip
            return None
        if uuid:
            self._problem(cells, "facility_uuid", f"facility {uuid} does not exist; give facility_name to match or "
                                                  "create it by name")  # fmt: skip
            return None
        if not cells.given("facility_uuid") and not cells.given("facility_name") and existing is not None:
            return str(existing.facility_uuid)
        if self.entity is Entity.PLAN_ITEMS:
            return ""  # nationwide
        self._problem(cells, "facility", "is required: give facility_uuid or facility_name")
        return None

    def _create_facility(self, cells: Cells, uuid: str, name: str) -> str | None:
        facility = Facility(name=name, uuid=uuid)
        errors = facility_errors(facility)
        if errors:
            self._problem(cells, "facility_name", f"cannot create the facility: {errors[0]}")
            return None
        if self.writing:
            try:
                uuid = self.uow.facilities.add(facility).uuid
            except SQLAlchemyError as error:
                self._refused(cells, error)
                return None
        uuid = uuid or f"(new facility {name})"
        self._know_facility(uuid, name)
        self.report.facilities_created.append(name)
        return uuid

    def _refused(self, cells: Cells, error: Exception) -> None:
        self.broken = True
        reason = str(getattr(error, "orig", None) or error).splitlines()[0]
        self._problem(cells, "uuid", f"the database refused the row: {reason}")

    def _save(self, cells: Cells, record: Any, existing: Any) -> None:
        file_updated: datetime | None = cells.values.get("updated_at")
        if existing is not None:
            same = not changed_fields(existing, record) and (
                self.entity is not Entity.INCIDENTS or not record.status_history
                or _history_key(record.status_history) == _history_key(existing.status_history))  # fmt: skip
            if same:
                self.report.unchanged += 1
                return
            conflict = _conflict(file_updated, existing.updated_at)
            if conflict:
                self.report.conflicts.append(Conflict(cells.line, record.uuid, conflict))
                return
        if not self.writing:
            self._count(existing)
            return
        try:
            if existing is None:
                saved = self.repository.add(record)
            elif self.entity is Entity.INCIDENTS:
                history = record.status_history if "status_history" in cells.values else ()
                saved = self.repository.update(replace(record, version=existing.version), history=history)
            else:
                saved = self.repository.update(replace(record, version=existing.version))
            self._stamp(saved.uuid, cells.values.get("created_at") if existing is None else None, file_updated)
        except ValidationError as error:
            for field_error in error.errors:
                cells.problems.append(cells.field_error(field_error, self.parser.header))
            return
        except (RecordNotFoundError, StaleRecordError) as error:
            self._problem(cells, "uuid", str(error))
            return
        except SQLAlchemyError as error:
            self._refused(cells, error)
            return
        self._count(existing)

    def _count(self, existing: Any) -> None:
        if existing is None:
            self.report.inserted += 1
        else:
            self.report.updated += 1

    def _stamp(self, uuid: str, created_at: datetime | None, updated_at: datetime | None) -> None:
        """Keep the file's timestamps (the repository stamped the record with the import time)."""
        stamps = {name: value for name, value in (("created_at", created_at), ("updated_at", updated_at)) if value}
        if not stamps:
            return
        assert self.uow.session is not None
        model = _ROWS[self.entity]
        statement = update(model).where(model.uuid == uuid).values(**stamps)
        self.uow.session.execute(statement.execution_options(synchronize_session=False))


def _history_key(history: Sequence[StatusChange]) -> list[tuple[object, ...]]:
    return [(c.status, c.changed_on, c.note) for c in history]


def _conflict(file_updated: datetime | None, stored_updated: datetime | None) -> str:
    """Why the stored record is kept, or "" when the file's row is newer."""
    stored = stored_updated.isoformat(sep=" ") if stored_updated else "unknown"
    if file_updated is None:
        return f"the row has no updated_at, so it cannot be newer than the stored record (updated {stored}); kept"
    if stored_updated is not None and file_updated < stored_updated:
        return f"the stored record is newer (updated {stored}, the row {file_updated.isoformat(sep=' ')}); kept"
    if stored_updated is not None and file_updated == stored_updated:
        return f"the row differs from the stored record but has the same updated_at ({stored}); kept"
    return ""
