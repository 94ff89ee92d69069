"""Directives on SQLite and PostgreSQL: the repository and service (scope, filters, paging, in use), the progress
of their plan items, the demo's directive, and what the dashboard and briefing read of them."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest
from support.clock import FakeClock

from desktop.domain.enums import Agency, DirectiveScope, FacilityType, PlanStatus
from desktop.domain.errors import RecordInUseError, StaleRecordError
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import DIRECTIVE_SORT_KEYS, DirectiveFilter, IncidentFilter, Page, PlanItemFilter
from desktop.domain.records import Directive, Facility, PlanItem
from desktop.domain.validation import ValidationError
from desktop.persistence.unit_of_work import Database
from desktop.services.briefing import BriefingOptions, briefing_content
from desktop.services.dashboard import dashboard_data
from desktop.services.demo import MEMO_DIRECTIVE
from desktop.services.records import RecordServices

DAY = date(2019, 10, 1)


def services_of(database: Database) -> RecordServices:
    return RecordServices.of(database)


def facility(database: Database, name: str, **fields: Any) -> Facility:
    return services_of(database).facilities.create(Facility(name=name, **fields))


def directive(database: Database, title: str, **fields: Any) -> Directive:
    return services_of(database).directives.create(Directive(title=title, **fields))


def plan_item(database: Database, directive_uuid: str | None, status: PlanStatus, **fields: Any) -> PlanItem:
    item = PlanItem(facility_uuid="", description=f"item {status}", status=status, directive_uuid=directive_uuid,
                    risk_rationale="too costly" if status is PlanStatus.RISK_ACCEPTED else "")  # fmt: skip
    return services_of(database).plan_items.create(replace(item, **fields))


@pytest.fixture
def scoped(any_database: Database) -> dict[str, Any]:
    """Three facilities and a directive of every scope."""
    ero = facility(any_database, "ERO detention", agency=Agency.ICE_ERO, facility_type=FacilityType.DETENTION_CENTER,
                   state="WA")  # fmt: skip
    hsi = facility(any_database, "HSI field office", agency=Agency.ICE_HSI, facility_type=FacilityType.FIELD_OFFICE,
                   state="TX")  # fmt: skip
    uscis = facility(any_database, "USCIS office", agency=Agency.USCIS, facility_type=FacilityType.BENEFITS_OFFICE,
                     state="FL")  # fmt: skip
    return {
        "ero": ero, "hsi": hsi, "uscis": uscis,
        "all": directive(any_database, "Everyone", scope=DirectiveScope.ALL, deadline=date(2019, 9, 1)),
        "ice": directive(any_database, "ICE only", scope=DirectiveScope.AGENCY,
                         scope_agencies=(Agency.ICE_ERO, Agency.ICE_HSI), deadline=date(2019, 9, 26)),
        "offices": directive(any_database, "Field offices", scope=DirectiveScope.FACILITY_TYPE,
                             scope_facility_types=(FacilityType.FIELD_OFFICE,), deadline=date(2019, 12, 1)),
        "one": directive(any_database, "Just USCIS", scope=DirectiveScope.FACILITY, scope_facility_uuid=uscis.uuid),
    }  # fmt: skip


def titles(directives: list[Directive]) -> list[str]:
    return [d.title for d in directives]


def test_a_directive_round_trips_with_its_scope(any_database: Database, clock: FakeClock) -> None:
    tacoma = facility(any_database, "Tacoma")
    service = services_of(any_database).directives
    created = service.create(Directive(
        title="Plan", issuing_office="DHS", issued_on=date(2019, 9, 12), deadline=date(2019, 9, 26),
        source_reference="memo", scope=DirectiveScope.FACILITY, scope_facility_uuid=tacoma.uuid, notes="n",
    ))  # fmt: skip
    stored = service.get(created.uuid)
    assert stored == created and stored.version == 1 and stored.created_at == clock.now
    assert stored.scope_facility_name == "Tacoma" and stored.reaches(tacoma)
    agencies = service.update(replace(stored, scope=DirectiveScope.AGENCY, scope_facility_uuid=None,
                                      scope_agencies=(Agency.ICE_HSI, Agency.CBP)))  # fmt: skip
    assert service.get(created.uuid).scope_agencies == (Agency.ICE_HSI, Agency.CBP)
    assert agencies.version == 2 and agencies.scope_facility_uuid is None
    with pytest.raises(StaleRecordError):
        service.update(replace(stored, title="stale"))
    with pytest.raises(ValidationError, match="scope_agencies: must include at least one agency"):
        service.update(replace(agencies, scope_agencies=()))
    with pytest.raises(ValidationError, match="deadline: must not be before"):
        service.update(replace(agencies, deadline=date(2019, 9, 1)))
    with pytest.raises(ValidationError, match=r"scope_facility: .* does not exist"):
        service.create(Directive(title="x", scope=DirectiveScope.FACILITY,
                                 scope_facility_uuid="6f0c6a55-5f1e-4a0e-9d7c-0f3f4b0a1c2d"))  # fmt: skip
    assert service.delete(created.uuid).title == "Plan"
    assert service.count() == 0


def test_the_filters_find_the_directives_that_reach_a_facility(any_database: Database, scoped: dict[str, Any]) -> None:
    service = services_of(any_database).directives
    for name in ("ero", "hsi", "uscis"):
        found = service.page(DirectiveFilter(facility_uuid=scoped[name].uuid), Page(sort="title"))
        expected = [d for d in service.page(None, Page(sort="title")) if d.reaches(scoped[name])]
        assert titles(found) == titles(expected), name  # the SQL says what Directive.reaches says
        by_deadline = sorted(expected, key=lambda d: (d.deadline is not None, d.deadline or date.min))
        assert service.reaching(scoped[name]) == by_deadline  # none first, as the table sorts
    assert titles(service.page(DirectiveFilter(facility_uuid=scoped["hsi"].uuid), Page(sort="title"))) == [
        "Everyone", "Field offices", "ICE only"]  # fmt: skip
    assert titles(service.page(DirectiveFilter(text="ice"), Page(sort="title"))) == ["Field offices", "ICE only"]
    assert titles(service.page(DirectiveFilter(text='"just usc"'))) == ["Just USCIS"]
    assert service.count(DirectiveFilter(text="-everyone")) == 3


def test_a_facility_of_a_code_with_an_underscore_is_reached_only_by_that_code(any_database: Database) -> None:
    other = facility(any_database, "Other", agency=Agency.OTHER)
    ero = facility(any_database, "ERO", agency=Agency.ICE_ERO)
    reaching_ero = directive(any_database, "ERO", scope=DirectiveScope.AGENCY, scope_agencies=(Agency.ICE_ERO,))
    service = services_of(any_database).directives
    assert service.page(DirectiveFilter(facility_uuid=ero.uuid)) == [reaching_ero]
    assert service.page(DirectiveFilter(facility_uuid=other.uuid)) == []


def test_sorting_and_paging(any_database: Database, scoped: dict[str, Any]) -> None:
    service = services_of(any_database).directives
    by_deadline = titles(service.page(None, Page(sort="deadline")))
    assert by_deadline == ["Just USCIS", "Everyone", "ICE only", "Field offices"]  # no deadline first
    assert titles(service.page(None, Page(sort="deadline", descending=True)))[0] == "Field offices"
    assert titles(service.page(None, Page(offset=1, limit=2, sort="title"))) == ["Field offices", "ICE only"]
    for key in DIRECTIVE_SORT_KEYS:
        assert len(service.page(None, Page(sort=key))) == 4
    with pytest.raises(ValueError, match="cannot sort directive by 'nope'"):
        service.page(None, Page(sort="nope"))


def test_progress_counts_done_items_and_overdue(any_database: Database, scoped: dict[str, Any]) -> None:
    ice, everyone = scoped["ice"], scoped["all"]
    for status in (PlanStatus.IMPLEMENTED, PlanStatus.RISK_ACCEPTED, PlanStatus.IN_PROGRESS):
        plan_item(any_database, ice.uuid, status)
    for status in (PlanStatus.IMPLEMENTED, PlanStatus.IMPLEMENTED):
        plan_item(any_database, everyone.uuid, status)
    plan_item(any_database, None, PlanStatus.PROPOSED)
    service = services_of(any_database).directives
    progress = {p.title: p for p in service.progress()}
    assert [p.title for p in service.progress()] == ["Everyone", "ICE only", "Field offices", "Just USCIS"]
    assert (progress["ICE only"].implemented, progress["ICE only"].total) == (2, 3)
    assert progress["ICE only"].text == "2 / 3 implemented"
    assert (progress["Everyone"].implemented, progress["Everyone"].total) == (2, 2)
    assert progress["Field offices"].text == "no plan items"
    overdue = {title for title, p in progress.items() if p.is_overdue(DAY)}
    assert overdue == {"ICE only"}  # Everyone is done; Field offices is not due yet; Just USCIS has no deadline
    assert titles(service.page(DirectiveFilter(overdue_on=DAY))) == ["ICE only"]
    assert service.count(DirectiveFilter(overdue_on=date(2020, 1, 1))) == 2  # Field offices: none at all
    assert [p.title for p in service.progress([ice.uuid])] == ["ICE only"]
    for d in service.page():
        shown = progress[d.title]
        assert d.is_overdue(DAY, shown.implemented, shown.total) == shown.is_overdue(DAY)
    items = services_of(any_database).plan_items
    under_ice = items.page(PlanItemFilter(directive_uuid=ice.uuid))
    assert len(under_ice) == 3 and {i.directive_title for i in under_ice} == {"ICE only"}


def test_a_directive_with_plan_items_is_not_deleted(any_database: Database, scoped: dict[str, Any]) -> None:
    ice = scoped["ice"]
    item = plan_item(any_database, ice.uuid, PlanStatus.PROPOSED)
    plan_item(any_database, ice.uuid, PlanStatus.APPROVED)
    service = services_of(any_database).directives
    reason = "directive 'ICE only' still has 2 plan item(s) carrying it out"
    assert (service.delete_problem(ice.uuid) or "").startswith(reason)
    with pytest.raises(RecordInUseError, match=re.escape(reason)):
        service.delete(ice.uuid)
    assert service.get(ice.uuid) == ice
    assert service.delete_problem(scoped["all"].uuid) is None
    items = services_of(any_database).plan_items
    for stored in items.page(PlanItemFilter(directive_uuid=ice.uuid)):
        items.update(replace(stored, directive_uuid=None))
    assert items.get(item.uuid).directive_title == ""
    assert service.delete(ice.uuid).uuid == ice.uuid


def test_a_facility_that_is_a_directives_scope_is_not_deleted(any_database: Database, scoped: dict[str, Any]) -> None:
    facilities = services_of(any_database).facilities
    assert "is the scope of 1 directive(s)" in (facilities.delete_problem(scoped["uscis"].uuid) or "")
    with pytest.raises(RecordInUseError):
        facilities.delete(scoped["uscis"].uuid)
    assert facilities.delete_problem(scoped["ero"].uuid) is None


def test_the_dashboard_and_briefing_show_directive_progress(any_demo_database: Database) -> None:
    data = dashboard_data(any_demo_database, None, DAY)
    [memo] = data.directives
    assert (memo.title, memo.deadline, memo.implemented, memo.total) == (MEMO_DIRECTIVE.title, date(2019, 9, 26), 1, 3)
    assert memo.is_overdue(DAY) and data.directives_overdue() == 1
    assert not memo.is_overdue(date(2019, 9, 20))
    florida = next(uuid for uuid, name in services_of(any_demo_database).facilities.names() if "Florida" in name)
    assert dashboard_data(any_demo_database, IncidentFilter(facility_uuids=(florida,)), DAY).directives == ()
    assert dashboard_data(any_demo_database, IncidentFilter(states=("WA",)), DAY).directives == (memo,)
    content = briefing_content(any_demo_database, BriefingOptions(as_of=DAY), now=datetime(2019, 10, 1, 9))
    assert content.directives == (memo,)
    only_florida = briefing_content(any_demo_database, BriefingOptions(as_of=DAY, facility_uuids=(florida,)))
    assert only_florida.directives == ()


def test_the_demo_holds_the_memos_directive(any_demo_database: Database) -> None:
    service = services_of(any_demo_database).directives
    [memo] = service.page()
    assert memo.issued_on == date(2019, 9, 12) and memo.deadline == date(2019, 9, 26)
    assert memo.scope is DirectiveScope.AGENCY and memo.scope_agencies == (Agency.ICE_ERO, Agency.ICE_HSI)
    assert memo.source_reference == "DHS memo of 12 September 2019"
    items = services_of(any_demo_database).plan_items.page(PlanItemFilter(directive_uuid=memo.uuid))
    assert {i.facility_name or "nationwide" for i in items} == {
        "nationwide", "Northwest Detention Center, Tacoma", "ICE office, San Antonio"}  # fmt: skip
    assert services_of(any_demo_database).plan_items.count() == 3
    assert RecordKind.parse("directives") is RecordKind.DIRECTIVE and RecordKind.of(memo) is RecordKind.DIRECTIVE
