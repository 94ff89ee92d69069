"""Paging plan items costs two queries (the page, then all its incident links) however many of them link incidents."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from desktop.domain.queries import IncidentFilter, Page
from desktop.domain.records import PlanItem
from desktop.persistence.unit_of_work import Database
from desktop.services.records import IncidentService, PlanItemService


def test_a_page_of_linked_plan_items_is_two_queries(demo_database: Database) -> None:
    plans = PlanItemService(demo_database)
    incidents = IncidentService(demo_database).page(IncidentFilter(), Page(limit=10))
    for number in range(30):
        incident = incidents[number % len(incidents)]
        plans.create(PlanItem(incident.facility_uuid, f"Countermeasure {number}", incident_uuids=(incident.uuid,)))
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(demo_database.engine, "before_cursor_execute", count)
    try:
        page = plans.page(page=Page(limit=100, sort="due_date"))
    finally:
        event.remove(demo_database.engine, "before_cursor_execute", count)
    linked = [item for item in page if item.incident_uuids]
    assert len(linked) == 30
    assert {uuid for item in linked for uuid in item.incident_uuids} == {i.uuid for i in incidents}
    assert len(statements) == 2, statements  # not one per plan item
    assert "plan_item_incidents" in statements[1]
