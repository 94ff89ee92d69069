"""Paging plan items costs one query however many of them point at incidents."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from desktop.domain.queries import IncidentFilter, Page
from desktop.domain.records import PlanItem
from desktop.persistence.unit_of_work import Database
from desktop.services.records import IncidentService, PlanItemService


def test_a_page_of_linked_plan_items_is_one_query(demo_database: Database) -> None:
    plans = PlanItemService(demo_database)
    incidents = IncidentService(demo_database).page(IncidentFilter(), Page(limit=10))
    for number in range(30):
        incident = incidents[number % len(incidents)]
        plans.create(PlanItem(incident.facility_uuid, f"Countermeasure {number}", incident_uuid=incident.uuid))
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(demo_database.engine, "before_cursor_execute", count)
    try:
        page = plans.page(page=Page(limit=100, sort="due_date"))
    finally:
        event.remove(demo_database.engine, "before_cursor_execute", count)
    linked = [item for item in page if item.incident_uuid]
    assert len(linked) == 30
    assert {item.incident_uuid for item in linked} == {i.uuid for i in incidents}
    assert len(statements) == 1, statements
