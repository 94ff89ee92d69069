"""The fast search strategies (a broad search's list probed from the filter's index, a one-letter search probed
in the FTS index row by row, the period index) give exactly what a plain query gives, count and pages."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from support.synthetic_incidents import Generated, populate

from desktop.domain.enums import CaseStatus, Severity
from desktop.domain.queries import IncidentFilter, Page
from desktop.domain.search import parse_search
from desktop.persistence import incident_paging
from desktop.persistence.models import FacilityRow, IncidentRow
from desktop.persistence.search_sql import fts_seekable
from desktop.persistence.unit_of_work import Database, UnitOfWork

ROWS = 2500
SORTS = {"occurred": IncidentRow.occurred_on, "title": IncidentRow.title, "facility": FacilityRow.name}
WINDOWS = [(0, 50), (0, 200), (30, 100), (900, 100)]


@pytest.fixture
def generated(database: Database, monkeypatch: pytest.MonkeyPatch) -> Generated:
    monkeypatch.setattr(incident_paging, "BROAD_SEARCH", 200)  # the broad strategies on a few thousand rows
    monkeypatch.setattr(incident_paging, "SCAN_ROWS", 400)
    return populate(database, ROWS, facilities=8, plan_items=0)


def wheres(generated: Generated) -> list[IncidentFilter]:
    period = {"occurred_from": date(2019, 1, 1), "occurred_to": date(2020, 6, 30)}
    texts = ["t", "s", "v", "synthetic", "vandalism", "t OR v", '"synthetic incident"', "t -vandalism"]
    found = [IncidentFilter(text=text) for text in texts]
    for text in ("t", "vandalism", "synthetic"):
        found += [
            IncidentFilter(severities=(Severity.HIGH,), text=text),
            IncidentFilter(
                statuses=(CaseStatus.UNDER_INVESTIGATION, CaseStatus.CLOSED),
                facility_uuids=generated.facility_uuids[:2],
                text=text,
            ),
            IncidentFilter(**period, text=text),  # type: ignore[arg-type]
        ]
    found += [IncidentFilter(**period), IncidentFilter(occurred_from=date(2021, 3, 1)),  # type: ignore[arg-type]
              IncidentFilter(occurred_to=date(2018, 5, 31))]  # fmt: skip
    return found


def reference_count(uow: UnitOfWork, where: IncidentFilter) -> int:
    """count(*) with the plain conditions: the text as `id IN (the matches)`, nothing probed."""
    assert uow.session is not None
    return int(uow.session.scalar(uow.incidents.filtered(select(func.count()).select_from(IncidentRow), where)) or 0)


def reference_ids(uow: UnitOfWork, where: IncidentFilter, page: Page) -> list[int]:
    """ORDER BY the sort column, id LIMIT/OFFSET over the plain conditions."""
    assert uow.session is not None
    column = SORTS[page.sort]
    order = [column.desc(), IncidentRow.id.desc()] if page.descending else [column.asc(), IncidentRow.id.asc()]
    query = uow.incidents.filtered(select(IncidentRow.id).join(IncidentRow.facility), where)
    return list(uow.session.scalars(query.order_by(*order).offset(page.offset).limit(page.limit)))


def test_counts_equal_the_plain_count(database: Database, generated: Generated) -> None:
    with database.unit_of_work(write=False) as uow:
        counts = {where: uow.incidents.count(where) for where in wheres(generated)}
        for where, count in counts.items():
            assert count == reference_count(uow, where), where
    assert counts[IncidentFilter(text="t")] > 200  # broad: the strategies were used
    assert all(counts[IncidentFilter(text=text)] for text in ("t", "vandalism", "synthetic"))


@pytest.mark.parametrize("sort", list(SORTS))
def test_pages_equal_the_plain_order_by(database: Database, generated: Generated, sort: str) -> None:
    with database.unit_of_work(write=False) as uow:
        for where in wheres(generated):
            for descending in (False, True):
                for offset, limit in WINDOWS:
                    page = Page(offset=offset, limit=limit, sort=sort, descending=descending)
                    assert uow.incidents.page_ids(where, page) == reference_ids(uow, where, page), (where, page)


def test_a_one_letter_search_is_probed_row_by_row(database: Database, generated: Generated) -> None:
    """The first page of 't' is found by probing the FTS index for the first rows in sort order (no list of
    every match), and equals the plain query's."""
    statements: list[str] = []
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        connection = uow.session.connection()
        from sqlalchemy import event

        def record(_c: object, _cu: object, statement: str, *_: object) -> None:
            statements.append(statement)

        event.listen(connection, "before_cursor_execute", record)
        page = Page(limit=100, sort="occurred", descending=True)
        found = uow.incidents.page_ids(IncidentFilter(text="t"), page)
        event.remove(connection, "before_cursor_execute", record)
        assert found == reference_ids(uow, IncidentFilter(text="t"), page)
    assert any("incidents_fts.rowid = incidents.id" in s for s in statements), statements


@pytest.mark.parametrize(("text", "seekable"), [("t", True), ("t OR v", True), ('"synthetic incident"', True),
                                                ("mo", False), ("vandalism", False), ("t -v", False),
                                                ("state:wa t", False)])  # fmt: skip
def test_seekable_searches(text: str, seekable: bool) -> None:
    from desktop.domain.kinds import RecordKind

    assert fts_seekable(parse_search(text, RecordKind.INCIDENT)) is seekable


def test_the_period_filter_reads_the_overlap_index_alone(database: Database, generated: Generated) -> None:
    where = IncidentFilter(occurred_from=date(2019, 1, 1), occurred_to=date(2019, 12, 31))
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        query = uow.incidents.filtered(select(func.count()).select_from(IncidentRow), where)
        sql = str(query.compile(compile_kwargs={"literal_binds": True}))
        plan = " ".join(row[3] for row in uow.session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    assert "COVERING INDEX ix_incidents_occurred_end" in plan, plan
