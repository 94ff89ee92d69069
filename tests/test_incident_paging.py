"""Incident pages chosen by ids (scan first, ranked enum ranges, plain) equal ORDER BY ... LIMIT/OFFSET."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select
from support.synthetic_incidents import Generated, populate

from desktop.domain.enums import AttackType, CaseStatus, Severity, WeaponType
from desktop.domain.queries import INCIDENT_SORT_KEYS, IncidentFilter, Page
from desktop.persistence import incident_paging
from desktop.persistence.incident_paging import IncidentPager
from desktop.persistence.models import FacilityRow, IncidentRow
from desktop.persistence.repositories import in_order
from desktop.persistence.unit_of_work import Database, UnitOfWork

ROWS = 600
# The plain ORDER BY of every sort key: what the faster strategies must reproduce exactly.
REFERENCE_KEYS: dict[str, Any] = {
    "occurred": IncidentRow.occurred_on, "case_number": IncidentRow.case_number, "title": IncidentRow.title,
    "facility": FacilityRow.name, "attack_type": IncidentRow.attack_type,
    "severity": in_order(IncidentRow.severity, Severity), "status": in_order(IncidentRow.status, CaseStatus),
    "updated_at": IncidentRow.updated_at,
}  # fmt: skip
WINDOWS = [(0, 20), (0, 200), (37, 25), (150, 100), (450, 100), (590, 50), (ROWS + 5, 10)]


@pytest.fixture
def generated(any_database: Database, monkeypatch: pytest.MonkeyPatch) -> Generated:
    monkeypatch.setattr(incident_paging, "SCAN_ROWS", 120)  # small, so that the scan both succeeds and gives up
    monkeypatch.setattr(incident_paging, "BROAD_SEARCH", 50)  # searches for common words walk the sort index
    return populate(any_database, ROWS, facilities=12, plan_items=0)


def filters(generated: Generated) -> list[IncidentFilter]:
    return [
        IncidentFilter(),
        IncidentFilter(text="vandalism"),
        IncidentFilter(text="synthetic incident"),
        IncidentFilter(severities=(Severity.HIGH, Severity.CRITICAL)),
        IncidentFilter(statuses=(CaseStatus.CLOSED,), attack_types=(AttackType.THREAT,)),
        IncidentFilter(facility_uuids=generated.facility_uuids[:1]),
        IncidentFilter(states=("WA", "TX")),
        IncidentFilter(weapon_types=(WeaponType.FIREARMS, WeaponType.INCENDIARY)),
        IncidentFilter(occurred_from=date(2018, 1, 1), occurred_to=date(2019, 6, 30), open_only=True),
        IncidentFilter(text="vandalism", severities=(Severity.LOW,), occurred_from=date(2020, 1, 1)),
        IncidentFilter(text="vandalism OR threat"),  # one FTS5 expression: may walk the sort index
        IncidentFilter(text='"breach of security" OR "synthetic threat" -1'),
        IncidentFilter(text="-vandalism"),  # only an exclusion: NOT IN the matches
        IncidentFilter(text="case:syn-000001 OR vandalism"),  # case: in the case_number column of the index
        IncidentFilter(text="state:wa OR type:threat severity:high", open_only=True),
    ]


def reference_ids(uow: UnitOfWork, where: IncidentFilter, page: Page) -> list[int]:
    query = select(IncidentRow.id).join(IncidentRow.facility)
    query = uow.incidents._window(uow.incidents.filtered(query, where), page, REFERENCE_KEYS, IncidentRow.id)
    assert uow.session is not None
    return list(uow.session.scalars(query))


@pytest.mark.parametrize("sort", INCIDENT_SORT_KEYS)
def test_page_ids_equal_the_plain_order_by(
    any_database: Database, generated: Generated, sort: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    outcomes: list[bool] = []
    scan_first = IncidentPager._scan_first

    def spy(self: IncidentPager, *args: Any, **options: bool) -> list[int] | None:
        found = scan_first(self, *args, **options)
        outcomes.append(found is not None)
        return found

    monkeypatch.setattr(IncidentPager, "_scan_first", spy)
    with any_database.unit_of_work(write=False) as uow:
        for where in filters(generated):
            for descending in (False, True):
                for offset, limit in WINDOWS:
                    page = Page(offset=offset, limit=limit, sort=sort, descending=descending)
                    assert uow.incidents.page_ids(where, page) == reference_ids(uow, where, page), (where, page)
    if any_database.is_sqlite:  # both outcomes of the scan-first strategy were checked
        assert True in outcomes and False in outcomes


def test_page_returns_the_records_of_the_ids_in_order(any_database: Database, generated: Generated) -> None:
    where, page = IncidentFilter(states=("WA",)), Page(offset=3, limit=40, sort="facility", descending=True)
    with any_database.unit_of_work(write=False) as uow:
        records = uow.incidents.page(where, page)
        assert uow.session is not None
        uuids = {i: u for i, u in uow.session.execute(select(IncidentRow.id, IncidentRow.uuid))}
        assert [r.uuid for r in records] == [uuids[i] for i in reference_ids(uow, where, page)]
        assert len(records) == 40 and all(r.facility_name for r in records)


SEARCHES = [
    "vandalism",
    "synthetic",
    "incident 12",
    "v",
    "nothingmatches",
    "!!",
    "vandalism OR threat",
    '"synthetic threat"',
    "synthetic -threat",
    "-threat",
    "case:syn-000002",
]


@pytest.mark.parametrize("text", SEARCHES)
def test_count_of_a_search_alone_equals_the_filtered_count(any_database: Database, generated: Generated,
                                                           text: str) -> None:  # fmt: skip
    where = IncidentFilter(text=text)
    with any_database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        expected = uow.session.scalar(uow.incidents.filtered(select(func.count()).select_from(IncidentRow), where))
        assert uow.incidents.count(where) == expected
    assert expected is not None and (expected > 0) == (text not in ("nothingmatches",))
