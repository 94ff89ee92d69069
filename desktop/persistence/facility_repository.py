"""FacilityRepository: the facilities, their search and sorts, whether one is in use, the reassessments due."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from desktop.domain.enums import SecurityLevel
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import FacilityFilter, Page
from desktop.domain.records import Facility, latest_assessment_due_by
from desktop.domain.search import parse_search
from desktop.persistence import mapping
from desktop.persistence.models import (
    DirectiveRow,
    FacilityRow,
    IncidentRow,
    PlanItemRow,
)
from desktop.persistence.repositories import _Repository
from desktop.persistence.search_sql import (
    facility_search,
)


class FacilityRepository(_Repository[FacilityRow, Facility]):
    kind = RecordKind.FACILITY
    model = FacilityRow

    def _record(self, row: FacilityRow) -> Facility:
        return mapping.facility_record(row)

    def _apply(self, row: FacilityRow, record: Facility) -> None:
        mapping.apply_facility(row, record)

    def find_by_name(self, name: str) -> Facility | None:
        row = self.session.scalar(
            select(FacilityRow).where(func.lower(FacilityRow.name) == name.strip().lower()).limit(1)
        )
        return mapping.facility_record(row) if row else None

    def add(self, record: Facility) -> Facility:
        return self._insert(record)

    def update(self, record: Facility) -> Facility:
        return self._save(record)

    def _in_use(self, row: FacilityRow) -> str | None:
        incidents = self.session.scalar(select(func.count()).where(IncidentRow.facility_id == row.id)) or 0
        plans = self.session.scalar(select(func.count()).where(PlanItemRow.facility_id == row.id)) or 0
        directives = self.session.scalar(select(func.count()).where(DirectiveRow.scope_facility_id == row.id)) or 0
        if not (incidents or plans or directives):
            return None
        scoped = f" and is the scope of {directives} directive(s)" if directives else ""
        return (
            f"facility {row.name!r} still has {incidents} incident(s) and {plans} plan item(s){scoped}; "
            "delete or move them first"
        )

    def _filtered(self, query: Select[Any], where: FacilityFilter) -> Select[Any]:
        if where.agencies:
            query = query.where(FacilityRow.agency.in_(where.agencies))
        if where.states:
            query = query.where(FacilityRow.state.in_(where.states))
        if where.reassessment_due_by is not None:
            query = query.where(self.reassessment_due_condition(where.reassessment_due_by))
        if (text := facility_search(parse_search(where.text, self.kind))) is not None:
            query = query.where(text)
        return query

    @staticmethod
    def reassessment_due_condition(by: date) -> ColumnElement[bool]:
        """ISC reassessment due on or before `by` (Facility.reassessment_due in SQL); a facility
        with a security level that was never assessed is due."""
        cycle_years = {level: years for level in SecurityLevel if (years := level.reassessment_years) is not None}
        cycles = [
            and_(FacilityRow.security_level.in_([level for level, n in cycle_years.items() if n == years]),
                 FacilityRow.last_assessment <= latest_assessment_due_by(by, years))
            for years in sorted(set(cycle_years.values()))
        ]  # fmt: skip
        never = and_(FacilityRow.security_level.is_not(None), FacilityRow.last_assessment.is_(None))
        return or_(never, *cycles)

    def count(self, where: FacilityFilter | None = None) -> int:
        query = self._filtered(select(func.count()).select_from(FacilityRow), where or FacilityFilter())
        return self.session.scalar(query) or 0

    def page(self, where: FacilityFilter | None = None, page: Page | None = None) -> list[Facility]:
        page = page or Page(sort="name")
        keys: dict[str, Any] = {
            "name": FacilityRow.name, "agency": FacilityRow.agency, "facility_type": FacilityRow.facility_type,
            "city": FacilityRow.city, "state": FacilityRow.state, "security_level": FacilityRow.security_level,
            "last_assessment": FacilityRow.last_assessment,
        }  # fmt: skip
        query = self._window(self._filtered(select(FacilityRow), where or FacilityFilter()), page, keys, FacilityRow.id)
        return [mapping.facility_record(row) for row in self.session.scalars(query)]

    def names_of(self, uuids: Iterable[str]) -> dict[str, str]:
        """Name by uuid of the facilities among `uuids` that exist."""
        query = select(FacilityRow.uuid, FacilityRow.name).where(FacilityRow.uuid.in_(list(uuids)))
        return {uuid: name for uuid, name in self.session.execute(query)}

    def names(self) -> list[tuple[str, str]]:
        """(uuid, name) of every facility, by name: facility pickers and completion."""
        query = select(FacilityRow.uuid, FacilityRow.name).order_by(FacilityRow.name, FacilityRow.id)
        return [(u, n) for u, n in self.session.execute(query)]
