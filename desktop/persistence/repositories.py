"""Repositories: get, add, update (optimistic version check), delete, count and SQL-side paging."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from sqlalchemy import ColumnElement, Select, case, func, literal_column, or_, select, update
from sqlalchemy.orm import Session, contains_eager, selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.sql.elements import ColumnClause

from desktop.domain.enums import CaseStatus, LabelledEnum, Severity
from desktop.domain.errors import RecordInUseError, RecordNotFoundError, StaleRecordError
from desktop.domain.evidence import EvidenceKind
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import DirectiveFilter, FacilityFilter, IncidentFilter, Page, PlanItemFilter
from desktop.domain.records import Directive, Facility, Incident, PlanItem
from desktop.domain.search import parse_search
from desktop.domain.validation import FieldError, ValidationError
from desktop.domain.values import StatusChange
from desktop.persistence import mapping
from desktop.persistence.audit_log import AuditLog
from desktop.persistence.case_conditions import (
    pending_listed_count,
    pending_referral_condition,
    pending_referral_listed,
)
from desktop.persistence.evidence_mapping import event_record
from desktop.persistence.import_writes import ImportedRecords, one_of
from desktop.persistence.incident_inserts import insert_incidents
from desktop.persistence.incident_paging import BROAD_SEARCH, IncidentPager
from desktop.persistence.incident_stream import incident_columns_query, stream_records
from desktop.persistence.models import (
    AttachmentRow,
    DirectiveRow,
    FacilityRow,
    IncidentLinkRow,
    IncidentRow,
    PlanItemIncidentRow,
    PlanItemRow,
    TimelineEventRow,
    WeaponRow,
)
from desktop.persistence.search_sql import (
    fts_count,
    fts_expression,
    fts_matches,
    fts_seekable,
    incident_search,
    ts_count,
)

Clock = Callable[[], datetime]
RecordT = TypeVar("RecordT", Facility, Incident, PlanItem, Directive)
FilterT = TypeVar("FilterT", FacilityFilter, IncidentFilter, PlanItemFilter, DirectiveFilter, contravariant=True)
FACILITY_NAME: ColumnClause[Any] = literal_column("incidents.facility_name")  # PostgreSQL: migration 0010
RANKED = {"severity": (IncidentRow.severity, Severity), "status": (IncidentRow.status, CaseStatus)}  # enum order


def bytewise(session: Session, column: Any) -> Any:
    """`column` to sort bytewise: SQLite compares text so; PostgreSQL needs the "C" collation for it."""
    return column.collate("C") if session.get_bind().dialect.name == "postgresql" else column


def in_order(column: Any, enum: type[LabelledEnum]) -> Any:
    """Sort key of a coded column by the enum's own order (low < medium < high), not by its codes."""
    return case({member: rank for rank, member in enumerate(enum)}, value=column, else_=len(enum))


def _nullable(column: Any, table: Any) -> bool:
    """Whether `column` may be NULL in rows of `table` (a column of an outer-joined table may)."""
    expression = getattr(column, "expression", column)
    return getattr(expression, "table", None) is not table or bool(getattr(expression, "nullable", True))


class RecordRepository(Protocol[RecordT, FilterT]):
    """What every record repository offers; `UnitOfWork.repository(kind)` returns one."""

    kind: ClassVar[RecordKind]

    def get(self, uuid: str) -> RecordT: ...

    def add(self, record: RecordT) -> RecordT: ...

    def update(self, record: RecordT) -> RecordT: ...

    def delete(self, uuid: str, version: int | None = None) -> RecordT: ...

    def delete_problem(self, uuid: str) -> str | None: ...

    def count(self, where: FilterT | None = None) -> int: ...

    def page(self, where: FilterT | None = None, page: Page | None = None) -> list[RecordT]: ...


RowT = TypeVar("RowT", FacilityRow, IncidentRow, PlanItemRow, DirectiveRow)
StoredT = TypeVar("StoredT", Facility, Incident, PlanItem, Directive)


class _Repository(Generic[RowT, StoredT]):
    """What the repositories share: find a row, read, insert, save and delete a record with its audit entry;
    a subclass says how a row becomes a record (`_record`) and a record a row (`_apply`)."""

    kind: ClassVar[RecordKind]
    model: type[RowT]

    def __init__(self, session: Session, audit: AuditLog, clock: Clock) -> None:
        self.session = session
        self.audit = audit
        self.clock = clock

    @property
    def is_sqlite(self) -> bool:
        return self.session.get_bind().dialect.name == "sqlite"

    @property
    def is_postgresql(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    def existing_uuids(self, uuids: Collection[str]) -> set[str]:
        """Which of `uuids` are stored, in one query (the CSV import asks for a chunk of rows at a time)."""
        if not uuids:
            return set()
        query = select(self.model.uuid).where(one_of(self.session, self.model.uuid, list(uuids)))
        return set(self.session.scalars(query))

    def restamp(self, uuid: str, created_at: datetime | None, updated_at: datetime | None) -> None:
        """Give a stored record the created_at and updated_at it had elsewhere (None: keep the stored one)."""
        stamps = {name: value for name, value in (("created_at", created_at), ("updated_at", updated_at)) if value}
        if stamps:
            self.session.execute(update(self.model).where(self.model.uuid == uuid).values(**stamps))

    def in_uuid_order(self, size: int = 1000) -> Iterator[StoredT]:
        """Every record in uuid order (bytewise, as the audit replay merges them with its entries), `size` rows
        at a time."""
        query = select(self.model).order_by(bytewise(self.session, self.model.uuid))
        for row in self.session.scalars(query.execution_options(yield_per=size)):
            yield self._record(row)

    def _record(self, row: RowT) -> StoredT:
        raise NotImplementedError

    def _apply(self, row: RowT, record: StoredT) -> None:
        raise NotImplementedError

    def _in_use(self, row: RowT) -> str | None:
        """Why deleting `row` would orphan other records (None when nothing depends on it)."""
        return None

    def delete_problem(self, uuid: str) -> str | None:
        """Why the record cannot be deleted, or None; reads only (asked before the person confirms)."""
        row = self.row(uuid)
        return self._in_use(row) or self._has_evidence(row)

    def _has_evidence(self, row: RowT) -> str | None:
        """Evidence is never deleted as a side effect: a record with attachments keeps them until they are removed."""
        count = self.session.scalar(select(func.count()).select_from(AttachmentRow).where(
            AttachmentRow.owner_kind == self.kind, AttachmentRow.owner_uuid == row.uuid)) or 0  # fmt: skip
        if not count:
            return None
        files = f"{count} attachment{'s' if count != 1 else ''}"
        return f"This {self.kind.label} has {files} (evidence); remove {'it' if count == 1 else 'them'} first."

    def row(self, uuid: str) -> RowT:
        row = self.session.scalar(select(self.model).where(self.model.uuid == uuid))
        if row is None:
            raise RecordNotFoundError(self.kind, uuid)
        return row

    def get(self, uuid: str) -> StoredT:
        return self._record(self.row(uuid))

    def _insert(self, record: StoredT) -> StoredT:
        now = self.clock()
        user = self.audit.actor
        row = self.model(uuid=record.uuid or mapping.new_uuid(), created_at=now, updated_at=now, created_by=user,
                         updated_by=user)  # fmt: skip
        self._apply(row, record)
        self.session.add(row)
        self.session.flush()
        created = self._record(row)
        self.audit.created(self.kind, created)
        return created

    def _save(self, record: StoredT) -> StoredT:
        row = self.row(record.uuid)
        self._check_version(record.uuid, record.version, row.version)
        before = self._record(row)
        self._apply(row, record)
        self._touch(row, self.clock())
        after = self._record(row)
        self.audit.updated(self.kind, before, after)
        return after

    def delete(self, uuid: str, version: int | None = None) -> StoredT:
        row = self.row(uuid)
        if version is not None:
            self._check_version(uuid, version, row.version)
        problem = self._in_use(row) or self._has_evidence(row)
        if problem is not None:
            raise RecordInUseError(problem)
        before = self._record(row)
        self.session.delete(row)
        self.session.flush()
        self.audit.deleted(self.kind, before)
        return before

    def _check_version(self, uuid: str, expected: int, actual: int) -> None:
        if expected != actual:
            raise StaleRecordError(self.kind, uuid, expected, actual)

    def _touch(self, row: Any, now: datetime) -> None:
        """Stamp and flush a changed row; the UPDATE (and so the version bump) happens even when
        only child rows (weapons, status changes) changed within the same second."""
        if self.session.is_modified(row):
            row.updated_at, row.updated_by = now, self.audit.actor
            flag_modified(row, "updated_at")
            self.session.flush()

    def _order(self, page: Page, keys: dict[str, Any], tiebreak: Any) -> tuple[Any, list[Any]]:
        """The page's sort column and ORDER BY: the sort key (unknown values first ascending, last
        descending, on every database), then by id so that windows never overlap."""
        if page.sort and page.sort not in keys:
            raise ValueError(f"cannot sort {self.kind} by {page.sort!r}; choose one of: {', '.join(keys)}")
        column = keys[page.sort] if page.sort else next(iter(keys.values()))
        key = column.desc() if page.descending else column.asc()
        if not self.is_sqlite and _nullable(column, tiebreak.expression.table):  # PostgreSQL: NULL is largest
            key = key.nulls_last() if page.descending else key.nulls_first()
        return column, [key, tiebreak.desc() if page.descending else tiebreak.asc()]

    def _window(self, query: Select[Any], page: Page, keys: dict[str, Any], tiebreak: Any) -> Any:
        """Order as `_order` says, then cut the window."""
        _column, order = self._order(page, keys, tiebreak)
        return query.order_by(*order).offset(max(page.offset, 0)).limit(max(page.limit, 0))


class IncidentRepository(_Repository[IncidentRow, Incident]):
    kind = RecordKind.INCIDENT
    model = IncidentRow

    def _record(self, row: IncidentRow) -> Incident:
        return mapping.incident_record(row, with_history=True)

    def rows_of(self, uuids: Sequence[str], *, own_id: int | None = None, field: str = "related") -> list[IncidentRow]:
        """The incidents of `uuids` in that order; a missing one (or the incident itself) is refused, naming `field`."""
        if not uuids:
            return []
        found = {row.uuid: row for row in self.session.scalars(select(IncidentRow).where(IncidentRow.uuid.in_(uuids)))}
        missing = [uuid for uuid in uuids if uuid not in found]
        if missing:
            raise ValidationError([FieldError(field, f"{missing[0]} does not exist")])
        if own_id is not None and any(found[uuid].id == own_id for uuid in uuids):
            raise ValidationError([FieldError(field, mapping.SELF_LINK)])
        return [found[uuid] for uuid in dict.fromkeys(uuids)]

    def _facility(self, uuid: str) -> FacilityRow:
        row = self.session.scalar(select(FacilityRow).where(FacilityRow.uuid == uuid))
        if row is None:
            raise ValidationError([FieldError("facility", f"{uuid} does not exist")])
        return row

    def uuid_of_case(self, case_number: str) -> str | None:
        """The uuid of the incident with this case number (None: no such incident)."""
        return self.session.scalar(select(IncidentRow.uuid).where(IncidentRow.case_number == case_number.strip()))

    def _check_case_number(self, record: Incident, own_id: int) -> None:
        """An edited incident's case number is no other incident's (insert_incidents checks new ones)."""
        number = mapping.case_number(record)
        if number is None:
            return
        query = select(IncidentRow.uuid).where(IncidentRow.case_number == number, IncidentRow.id != own_id)
        if (other := self.session.scalar(query)) is not None:
            raise ValidationError([FieldError("case_number", f"{number!r} is already used by {other}")])

    def add(self, record: Incident, status_on: StatusChange | None = None) -> Incident:
        """Insert a new incident (see add_many); a record without status history starts with `status_on`
        (default: its status today)."""
        [created] = self.add_many([record], status_on=status_on)
        return created

    def add_many(
        self, records: Sequence[Incident], *, status_on: StatusChange | None = None, keep_stamps: bool = False,
        imported: ImportedRecords | None = None,
    ) -> list[Incident]:  # fmt: skip
        """Insert new incidents with their weapons, status history and CREATE audit entries (for an import: their
        digests in `imported`), with a few statements for all of them; `keep_stamps` keeps the records' created_at
        and updated_at where set. Raises BatchValidationError (a ValidationError) for taken case numbers or unknown
        facilities, and then writes none of them."""
        return insert_incidents(self.session, self.audit, self.clock(), records, status_on=status_on,
                                keep_stamps=keep_stamps, imported=imported)  # fmt: skip

    def update(self, record: Incident, status_on: StatusChange | None = None) -> Incident:
        """Save. A legal history given with the record (the form's list, undo/redo, an import) is stored as
        given when it differs from the stored one; otherwise a changed status appends an entry (`status_on`,
        else today). Related incidents are stored as listed."""
        row = self.row(record.uuid)
        self._check_version(record.uuid, record.version, row.version)
        self._check_case_number(record, row.id)
        before = mapping.incident_record(row, with_history=True)
        mapping.apply_incident(row, record, self._facility(record.facility_uuid))
        mapping.apply_links(row, self.rows_of(record.related_uuids, own_id=row.id))
        now = self.clock()
        history = record.status_history
        if history and [c.fact for c in history] != [c.fact for c in before.status_history]:
            row.status_changes = [mapping.status_change_row(c, c.recorded_at or now) for c in history]
        elif record.status is not before.status:
            change = status_on if status_on and status_on.status is record.status else None
            row.status_changes.append(
                mapping.status_change_row(change or StatusChange.on_day(record.status, now.date()), now)
            )
        self._touch(row, now)
        after = mapping.incident_record(row, with_history=True)
        self.audit.updated(self.kind, before, after)
        return after

    def in_uuid_order(self, size: int = 1000) -> Iterator[Incident]:
        """Every incident in uuid order (bytewise), read as plain rows `size` at a time (incident_stream.py)."""
        columns = incident_columns_query(mapping.withheld_of_session(self.session))
        query = columns.order_by(None).order_by(bytewise(self.session, IncidentRow.uuid))
        for chunk in stream_records(self.session, query, size):
            yield from chunk

    def delete(self, uuid: str, version: int | None = None) -> Incident:
        """Delete the incident, and audit what that changes in the records that named it: incidents linked to it
        and plan items answering it lose the link (the database removes those link rows with it)."""
        row = self.row(uuid)
        linking = list(self.session.scalars(select(IncidentRow).join(
            IncidentLinkRow, IncidentLinkRow.incident_id == IncidentRow.id).where(
            IncidentLinkRow.related_id == row.id, IncidentRow.id != row.id)))  # fmt: skip
        answering = list(self.session.scalars(select(PlanItemRow).join(
            PlanItemIncidentRow, PlanItemIncidentRow.plan_item_id == PlanItemRow.id).where(
            PlanItemIncidentRow.incident_id == row.id)))  # fmt: skip
        linked_before = [self._record(other) for other in linking]
        answering_before = [mapping.plan_item_record(item) for item in answering]
        events = [event_record(event, uuid) for event in self.session.scalars(
            select(TimelineEventRow).where(TimelineEventRow.incident_id == row.id))]  # fmt: skip
        deleted = super().delete(uuid, version)
        for event in events:  # the database removes them with it
            self.audit.deleted(EvidenceKind.TIMELINE_EVENT, event)
        for other, old in zip(linking, linked_before, strict=True):
            self.session.expire(other)
            self.audit.updated(self.kind, old, self._record(other))
        for item, old_item in zip(answering, answering_before, strict=True):
            self.session.expire(item)
            self.audit.updated(RecordKind.PLAN_ITEM, old_item, mapping.plan_item_record(item))
        return deleted

    def stream(self, where: IncidentFilter, size: int) -> Iterator[list[Incident]]:
        """Every incident `where` selects, with its status history, in id order, `size` at a time (constant memory;
        read as plain rows: incident_stream.py)."""
        columns = incident_columns_query(mapping.withheld_of_session(self.session))
        yield from stream_records(self.session, self.filtered(columns, where), size)

    def text_condition(
        self, text: str, *, walk_sort_index: bool = False, probe: bool = False
    ) -> ColumnElement[bool] | None:
        """The incidents the search `text` finds (domain/search.py; SearchSyntaxError when it cannot be read);
        `walk_sort_index` (SQLite): only a probe of each row against the list of matches, so the query reads the
        sort index or the other conditions' index; `probe`: each row looked up in the FTS index by rowid."""
        query = parse_search(text, self.kind)
        return incident_search(query, sqlite=self.is_sqlite, walk_sort_index=walk_sort_index, probe=probe)

    def fts_expression(self, text: str) -> str | None:
        """The search `text` as one FTS5 expression the index alone answers (SQLite), or None."""
        return fts_expression(parse_search(text, self.kind)) if self.is_sqlite else None

    def fts_seekable(self, text: str) -> bool:
        return self.is_sqlite and fts_seekable(parse_search(text, self.kind))

    def matches_at_least(self, text: str, count: int) -> bool:
        """Whether a search the index alone answers finds `count` incidents or more (reads at most `count`)."""
        if (expression := self.fts_expression(text)) is None:
            return False
        found = fts_matches(expression).limit(count).subquery()
        return (self.session.scalar(select(func.count()).select_from(found)) or 0) >= count

    def filtered(
        self, query: Select[Any], where: IncidentFilter, *, walk_sort_index: bool = False, probe: bool = False
    ) -> Select[Any]:
        """Apply `where` (see text_condition for `walk_sort_index` and `probe`)."""
        conditions: list[ColumnElement[bool]] = []
        if where.facility_uuids:
            ids = select(FacilityRow.id).where(FacilityRow.uuid.in_(where.facility_uuids))
            conditions.append(IncidentRow.facility_id.in_(ids))
        if where.states:
            ids = select(FacilityRow.id).where(FacilityRow.state.in_(where.states))
            conditions.append(IncidentRow.facility_id.in_(ids))
        if where.attack_types:
            conditions.append(or_(IncidentRow.attack_type.in_(where.attack_types),
                                  IncidentRow.attack_type_2.in_(where.attack_types),
                                  IncidentRow.attack_type_3.in_(where.attack_types)))  # fmt: skip
        if where.severities:
            conditions.append(IncidentRow.severity.in_(where.severities))
        if where.statuses:
            conditions.append(IncidentRow.status.in_(where.statuses))
        if where.open_only:
            conditions.append(IncidentRow.status.in_([s for s in CaseStatus if s.is_open]))  # IN: index ranges
        if where.weapon_types:
            armed = select(WeaponRow.incident_id).where(WeaponRow.weapon_type.in_(where.weapon_types))
            conditions.append(IncidentRow.id.in_(armed))  # not EXISTS: that probes once per incident
        if where.occurred_from is not None:  # overlap: the date may lie in the period (see PartialDate.overlaps)
            conditions.append(IncidentRow.occurred_end >= where.occurred_from)
        if where.occurred_to is not None:
            conditions.append(IncidentRow.occurred_on <= where.occurred_to)
        if where.pending_referral:
            if self.is_postgresql:  # the list the triggers keep (migration 0012): the same incidents
                conditions.append(pending_referral_listed())
            else:
                withheld = "suspect_names" in mapping.withheld_of_session(self.session)
                conditions.append(pending_referral_condition(withheld=withheld))
        if (text := self.text_condition(where.text, walk_sort_index=walk_sort_index, probe=probe)) is not None:
            conditions.append(text)
        return query.where(*conditions) if conditions else query

    def count(self, where: IncidentFilter | None = None) -> int:
        where = where or IncidentFilter()
        period_alone = replace(where, occurred_from=None, occurred_to=None, pending_referral=False).is_empty
        if where.pending_referral and period_alone and self.is_postgresql:  # the list alone knows (0012)
            return self.session.scalar(pending_listed_count(where.occurred_from, where.occurred_to)) or 0
        if replace(where, text="").is_empty:  # a search alone: the index alone knows (or nothing to search)
            query = parse_search(where.text, self.kind)
            if (counted := fts_count(query) if self.is_sqlite else ts_count(query)) is not None:
                return self.session.scalar(counted) or 0
        broad = self.is_sqlite and bool(where.text) and self.matches_at_least(where.text, BROAD_SEARCH)
        counted = self.filtered(select(func.count()).select_from(IncidentRow), where, walk_sort_index=broad)
        return self.session.scalar(counted) or 0  # broad: the other conditions' index read, each id probed

    def page(
        self, where: IncidentFilter | None = None, page: Page | None = None, *, with_history: bool = False
    ) -> list[Incident]:
        """The page's incidents: their ids first (incident_paging), then just those rows; `with_history`: with
        their legal history and related incidents (the briefing's milestones), read in a few more queries."""
        ids = self.page_ids(where or IncidentFilter(), page or Page(sort="occurred", descending=True))
        query = select(IncidentRow).join(IncidentRow.facility).options(contains_eager(IncidentRow.facility))
        if with_history:
            query = query.options(selectinload(IncidentRow.status_changes), selectinload(IncidentRow.links))
        rows: dict[int, IncidentRow] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows.update((row.id, row) for row in self.session.scalars(query.where(IncidentRow.id.in_(chunk))))
        return [mapping.incident_record(rows[i], with_history=with_history) for i in ids]

    def page_ids(self, where: IncidentFilter, page: Page) -> list[int]:
        """The ids of `page` in order, chosen without reading the rows they skip (incident_paging)."""
        keys: dict[str, Any] = {
            "occurred": IncidentRow.occurred_on, "case_number": IncidentRow.case_number,
            "title": IncidentRow.title, "facility": FacilityRow.name if self.is_sqlite else FACILITY_NAME,
            "attack_type": IncidentRow.attack_type,
            "severity": in_order(IncidentRow.severity, Severity), "status": in_order(IncidentRow.status, CaseStatus),
            "updated_at": IncidentRow.updated_at,
        }  # fmt: skip
        column, order = self._order(page, keys, IncidentRow.id)
        pager = IncidentPager(self.session, self, sqlite=self.is_sqlite)
        if page.sort in ("severity", "status"):
            return pager.ranked_ids(where, page, *RANKED[page.sort])
        base = select(IncidentRow.id)
        if page.sort == "facility" and self.is_sqlite:  # PostgreSQL: the incident's own copy of the name
            base = base.join(IncidentRow.facility)
        return pager.sorted_ids(where, page, base, column, order)
