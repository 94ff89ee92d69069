"""Plan items: their repository (filters, paging, links to incidents and a directive) and the query that reads them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import contains_eager, lazyload, selectinload

from desktop.domain.enums import PlanStatus
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import Page, PlanItemFilter
from desktop.domain.records import PlanItem
from desktop.domain.search import parse_search
from desktop.domain.validation import FieldError, ValidationError
from desktop.persistence import mapping
from desktop.persistence.models import DirectiveRow, FacilityRow, IncidentRow, PlanItemIncidentRow, PlanItemRow
from desktop.persistence.repositories import IncidentRepository, _Repository, bytewise, in_order
from desktop.persistence.search_sql import plan_item_search


def plan_item_query() -> Select[tuple[PlanItemRow]]:
    """Plan items with their facility (outer join), directive and the uuids of their incidents (one query
    for the page's links, not one per row)."""
    return (
        select(PlanItemRow)
        .outerjoin(PlanItemRow.facility)
        .options(
            contains_eager(PlanItemRow.facility),
            selectinload(PlanItemRow.incident_links)
            .joinedload(PlanItemIncidentRow.incident)
            .load_only(IncidentRow.uuid)
            .options(lazyload(IncidentRow.facility), lazyload(IncidentRow.weapons)),
        )
    )


class PlanItemRepository(_Repository[PlanItemRow, PlanItem]):
    kind = RecordKind.PLAN_ITEM
    model = PlanItemRow

    def _record(self, row: PlanItemRow) -> PlanItem:
        return mapping.plan_item_record(row)

    def _apply(self, row: PlanItemRow, record: PlanItem) -> None:
        facility = None
        if record.facility_uuid:
            facility = self.session.scalar(select(FacilityRow).where(FacilityRow.uuid == record.facility_uuid))
        if facility is None and record.facility_uuid:
            raise ValidationError([FieldError("facility", f"{record.facility_uuid} does not exist")])
        directive = None
        if record.directive_uuid:
            directive = self.session.scalar(select(DirectiveRow).where(DirectiveRow.uuid == record.directive_uuid))
            if directive is None:
                raise ValidationError([FieldError("directive", f"{record.directive_uuid} does not exist")])
        incidents = IncidentRepository(self.session, self.audit, self.clock).rows_of(record.incident_uuids,
                                                                                     field="incident")  # fmt: skip
        mapping.apply_plan_item(row, record, facility, incidents, directive)

    def in_uuid_order(self, size: int = 1000) -> Iterator[PlanItem]:
        """Every plan item in uuid order (bytewise), with facility, directive and incident links loaded per chunk."""
        query = plan_item_query().order_by(bytewise(self.session, PlanItemRow.uuid))
        for row in self.session.scalars(query.execution_options(yield_per=size)):
            yield self._record(row)

    def add(self, record: PlanItem) -> PlanItem:
        return self._insert(record)

    def update(self, record: PlanItem) -> PlanItem:
        return self._save(record)

    def _filtered(self, query: Select[Any], where: PlanItemFilter) -> Select[Any]:
        if where.facility_uuids:
            query = query.where(PlanItemRow.facility_id.in_(
                select(FacilityRow.id).where(FacilityRow.uuid.in_(where.facility_uuids))))  # fmt: skip
        if where.incident_uuid:
            answering = select(PlanItemIncidentRow.plan_item_id).join(PlanItemIncidentRow.incident)
            query = query.where(PlanItemRow.id.in_(answering.where(IncidentRow.uuid == where.incident_uuid)))
        if where.directive_uuid:
            query = query.where(PlanItemRow.directive_id.in_(
                select(DirectiveRow.id).where(DirectiveRow.uuid == where.directive_uuid)))  # fmt: skip
        if where.statuses:
            query = query.where(PlanItemRow.status.in_(where.statuses))
        if where.open_only:
            query = query.where(PlanItemRow.status.not_in([s for s in PlanStatus if s.is_done]))
        if where.due_before is not None:
            query = query.where(PlanItemRow.due_date < where.due_before)
        text = plan_item_search(parse_search(where.text, self.kind))
        return query.where(text) if text is not None else query

    def count(self, where: PlanItemFilter | None = None) -> int:
        query = self._filtered(select(func.count()).select_from(PlanItemRow), where or PlanItemFilter())
        return self.session.scalar(query) or 0

    def page(self, where: PlanItemFilter | None = None, page: Page | None = None) -> list[PlanItem]:
        page = page or Page(sort="due_date")
        keys: dict[str, Any] = {
            "due_date": PlanItemRow.due_date, "facility": FacilityRow.name, "description": PlanItemRow.description,
            "owner": PlanItemRow.owner, "status": in_order(PlanItemRow.status, PlanStatus),
        }  # fmt: skip
        query = self._window(self._filtered(plan_item_query(), where or PlanItemFilter()), page, keys, PlanItemRow.id)
        return [mapping.plan_item_record(row) for row in self.session.scalars(query)]
