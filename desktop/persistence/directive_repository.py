"""Directives: the repository (scope, filters, paging) and the progress of their plan items."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, String, and_, case, exists, func, literal, not_, or_, select, type_coerce
from sqlalchemy.orm import aliased

from desktop.domain.enums import DirectiveScope, PlanStatus
from desktop.domain.figures import DirectiveProgress
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import DirectiveFilter, Page
from desktop.domain.records import Directive
from desktop.domain.search import parse_search
from desktop.domain.validation import FieldError, ValidationError
from desktop.persistence import mapping
from desktop.persistence.models import DirectiveRow, FacilityRow, PlanItemRow
from desktop.persistence.repositories import _Repository
from desktop.persistence.search_sql import directive_search

DONE_STATUSES = tuple(status for status in PlanStatus if status.is_done)


def _listed(codes: Any, code: Any) -> ColumnElement[bool]:
    """The ";"-separated `codes` column holds `code` (a column or a value); "_" in a code is no wildcard."""
    padded = literal(";") + codes + literal(";")
    pattern = literal("%;") + func.replace(type_coerce(code, String), "_", "\\_") + literal(";%")
    condition: ColumnElement[bool] = padded.like(pattern, escape="\\")
    return condition


def reach_condition(facility: Any) -> ColumnElement[bool]:
    """The directive reaches the facility row `facility` (FacilityRow or an alias; Directive.reaches in SQL)."""
    scope = DirectiveRow.scope
    return or_(
        scope == DirectiveScope.ALL,
        and_(scope == DirectiveScope.FACILITY, DirectiveRow.scope_facility_id == facility.id),
        and_(scope == DirectiveScope.AGENCY, _listed(DirectiveRow.scope_agencies, facility.agency)),
        and_(scope == DirectiveScope.FACILITY_TYPE, _listed(DirectiveRow.scope_facility_types, facility.facility_type)),
    )


def reaching(facilities: Select[Any] | None) -> ColumnElement[bool]:
    """The directive reaches at least one facility of `facilities` (a select of FacilityRow ids; None: any)."""
    reached = aliased(FacilityRow)
    query = select(reached.id).where(reach_condition(reached))
    if facilities is not None:
        query = query.where(reached.id.in_(facilities))
    return exists(query)


def _items_of_directive() -> Select[Any]:
    return select(PlanItemRow.id).where(PlanItemRow.directive_id == DirectiveRow.id)


def overdue_condition(day: date) -> ColumnElement[bool]:
    """Past the deadline on `day` with plan items not all done, or none at all (Directive.is_overdue in SQL)."""
    items = _items_of_directive()
    return and_(
        DirectiveRow.deadline < day,
        or_(not_(exists(items)), exists(items.where(PlanItemRow.status.not_in(DONE_STATUSES)))),
    )


class DirectiveRepository(_Repository[DirectiveRow, Directive]):
    kind = RecordKind.DIRECTIVE
    model = DirectiveRow

    def _record(self, row: DirectiveRow) -> Directive:
        return mapping.directive_record(row)

    def _apply(self, row: DirectiveRow, record: Directive) -> None:
        facility = None
        if record.scope_facility_uuid:
            facility = self.session.scalar(select(FacilityRow).where(FacilityRow.uuid == record.scope_facility_uuid))
            if facility is None:
                raise ValidationError([FieldError("scope_facility", f"{record.scope_facility_uuid} does not exist")])
        mapping.apply_directive(row, record, facility)

    def add(self, record: Directive) -> Directive:
        return self._insert(record)

    def update(self, record: Directive) -> Directive:
        return self._save(record)

    def _in_use(self, row: DirectiveRow) -> str | None:
        items = self.session.scalar(select(func.count()).where(PlanItemRow.directive_id == row.id)) or 0
        if not items:
            return None
        return (
            f"directive {row.title!r} still has {items} plan item(s) carrying it out; "
            "delete them or take them off the directive first"
        )

    def _filtered(self, query: Select[Any], where: DirectiveFilter) -> Select[Any]:
        if where.facility_uuid:
            query = query.where(reaching(select(FacilityRow.id).where(FacilityRow.uuid == where.facility_uuid)))
        if where.overdue_on is not None:
            query = query.where(overdue_condition(where.overdue_on))
        text = directive_search(parse_search(where.text, self.kind))
        return query.where(text) if text is not None else query

    def count(self, where: DirectiveFilter | None = None) -> int:
        query = self._filtered(select(func.count()).select_from(DirectiveRow), where or DirectiveFilter())
        return self.session.scalar(query) or 0

    def page(self, where: DirectiveFilter | None = None, page: Page | None = None) -> list[Directive]:
        page = page or Page(sort="issued_on", descending=True)
        keys: dict[str, Any] = {
            "issued_on": DirectiveRow.issued_on, "title": DirectiveRow.title,
            "issuing_office": DirectiveRow.issuing_office, "deadline": DirectiveRow.deadline,
        }  # fmt: skip
        query = self._filtered(select(DirectiveRow), where or DirectiveFilter())
        return [mapping.directive_record(row) for row in self.session.scalars(
            self._window(query, page, keys, DirectiveRow.id))]  # fmt: skip

    def titles(self) -> list[tuple[str, str]]:
        """(uuid, title) of every directive, by title: the plan item form's choice."""
        query = select(DirectiveRow.uuid, DirectiveRow.title).order_by(DirectiveRow.title, DirectiveRow.id)
        return [(uuid, title) for uuid, title in self.session.execute(query)]

    def progress(
        self, uuids: Collection[str] | None = None, *, facility_uuids: Collection[str] = (),
        states: Collection[str] = (),
    ) -> list[DirectiveProgress]:  # fmt: skip
        """Per directive (every one, or those of `uuids`; with `facility_uuids` or `states`, only those reaching one
        of the facilities they select): its plan items done (PlanStatus.is_done) and in all; by deadline (none
        last), then title."""
        done = func.coalesce(func.sum(case((PlanItemRow.status.in_(DONE_STATUSES), 1), else_=0)), 0)
        columns = (DirectiveRow.id, DirectiveRow.uuid, DirectiveRow.title, DirectiveRow.deadline)
        query = (
            select(*columns, done, func.count(PlanItemRow.id))
            .outerjoin(PlanItemRow, PlanItemRow.directive_id == DirectiveRow.id)
            .group_by(*columns)
            .order_by(DirectiveRow.deadline.is_(None), DirectiveRow.deadline, DirectiveRow.title, DirectiveRow.id)
        )
        if uuids is not None:
            query = query.where(DirectiveRow.uuid.in_(list(uuids)))
        if facility_uuids or states:
            facilities = select(FacilityRow.id)
            if facility_uuids:
                facilities = facilities.where(FacilityRow.uuid.in_(list(facility_uuids)))
            if states:
                facilities = facilities.where(FacilityRow.state.in_(list(states)))
            query = query.where(reaching(facilities))
        return [
            DirectiveProgress(uuid, title, deadline, int(implemented), int(total))
            for _id, uuid, title, deadline, implemented, total in self.session.execute(query)
        ]
