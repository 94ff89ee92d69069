"""Repository/service level: first page with count, every sort, full-text search, filters, deep pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import func, select

from bench.generate import COMMON_WORD, RARE_WORD, BenchDatabase
from bench.postgres import reference_seconds
from bench.timing import Figure, recorded_sql, timed
from desktop.domain.enums import CaseStatus, Severity, WeaponType
from desktop.domain.queries import INCIDENT_SORT_KEYS, IncidentFilter, Page
from desktop.persistence.models import FacilityRow, IncidentRow
from desktop.persistence.opening import open_database
from desktop.persistence.unit_of_work import Database
from desktop.services.records import IncidentService

AREA = "queries"
FIRST_PAGE_TARGET = 0.5  # the window shows its first page
INTERACTION_TARGET = 0.2  # sorting, searching, filtering
DEFAULT_SORT = Page(sort="occurred", descending=True)


def _facilities(database: Database) -> tuple[str, str]:
    """The uuids of the facility with the most incidents and of the one with the fewest."""
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        counted = (
            select(FacilityRow.uuid, func.count(IncidentRow.id).label("n"))
            .join(IncidentRow, IncidentRow.facility_id == FacilityRow.id)
            .group_by(FacilityRow.id)
        )
        rows = uow.session.execute(counted.order_by("n")).all()
    return rows[-1][0], rows[0][0]


def _figure(
    bench: BenchDatabase, database: Database, operation: str, action: Callable[[], object], target: float | None
) -> Figure:
    with recorded_sql(database.engine) as statements:
        action()
    timing = timed(action)
    shell = reference_seconds(bench, statements)
    return Figure(AREA, operation, timing.median, target, shell, cpu_seconds=timing.cpu)


def measure(bench: BenchDatabase) -> list[Figure]:
    database = open_database(bench.url)
    try:
        return _measure(bench, database)
    finally:
        database.close()


def _measure(bench: BenchDatabase, database: Database) -> list[Figure]:
    incidents = IncidentService(database)
    figures: list[Figure] = []

    def count_and_page(where: IncidentFilter, page: Page = DEFAULT_SORT) -> Callable[[], object]:
        return lambda: (incidents.count(where), incidents.page(where, page))

    def as_the_window(operation: str, where: IncidentFilter) -> list[Figure]:
        """What the window waits for: the page and the count; on a server a search's page alone, its exact count
        timed apart (the window shows "counting…" until it comes: IncidentFilter.count_follows)."""
        if database.is_sqlite or not where.count_follows:
            return [_figure(bench, database, f"{operation} + count", count_and_page(where), INTERACTION_TARGET)]
        page = _figure(bench, database, f"{operation}: page", lambda: incidents.page(where, DEFAULT_SORT),
                       INTERACTION_TARGET)  # fmt: skip
        return [page, _figure(bench, database, f"{operation}: exact count, after the page",
                              lambda: incidents.count(where), None)]  # fmt: skip

    everything = IncidentFilter()
    figures.append(_figure(bench, database, "first page (occurred desc) + count", count_and_page(everything),
                           FIRST_PAGE_TARGET))  # fmt: skip
    figures.append(_figure(bench, database, "count, no filter", lambda: incidents.count(), INTERACTION_TARGET))
    for key in INCIDENT_SORT_KEYS:
        for descending in (False, True):
            page = Page(sort=key, descending=descending)
            figures.append(_figure(bench, database, f"sort {key} {'desc' if descending else 'asc'} (page)",
                                   lambda page=page: incidents.page(everything, page), INTERACTION_TARGET))  # fmt: skip
    searches = {
        f"search common word '{COMMON_WORD}'": COMMON_WORD,
        f"search rare word '{RARE_WORD}'": RARE_WORD,
        "search first letter 't' (as typed)": "t",
        "search two letters 'mo' (as typed)": "mo",
        "search prefix 'molo' (as typed)": "molo",
        "search two words 'arson gate'": "arson gate",
        "search absent word 'zeppelin'": "zeppelin",
    }
    for operation, text in searches.items():
        figures += as_the_window(operation, IncidentFilter(text=text))
    where = IncidentFilter(text=COMMON_WORD)
    figures.append(_figure(bench, database, f"search '{COMMON_WORD}' sorted by title (page)",
                           lambda: incidents.page(where, Page(sort="title")), INTERACTION_TARGET))  # fmt: skip
    busiest, quietest = _facilities(database)
    filters = {
        "filter busiest facility": IncidentFilter(facility_uuids=(busiest,)),
        "filter quietest facility": IncidentFilter(facility_uuids=(quietest,)),
        "filter severity critical": IncidentFilter(severities=(Severity.CRITICAL,)),
        "filter status closed": IncidentFilter(statuses=(CaseStatus.CLOSED,)),
        "filter open cases": IncidentFilter(open_only=True),
        "filter state TX": IncidentFilter(states=("TX",)),
        "filter weapon incendiary": IncidentFilter(weapon_types=(WeaponType.INCENDIARY,)),
        "filter date range 2019": IncidentFilter(occurred_from=date(2019, 1, 1), occurred_to=date(2019, 12, 31)),
        "filter facility+severity+status+2019": IncidentFilter(
            facility_uuids=(busiest,), severities=(Severity.HIGH, Severity.CRITICAL),
            statuses=(CaseStatus.UNDER_INVESTIGATION,), occurred_from=date(2019, 1, 1),
            occurred_to=date(2019, 12, 31)),
        f"filter severity high + search '{COMMON_WORD}'": IncidentFilter(severities=(Severity.HIGH,),
                                                                         text=COMMON_WORD),
        "filter severity high + search 't'": IncidentFilter(severities=(Severity.HIGH,), text="t"),
        f"filter status + busiest facility + search '{COMMON_WORD}'": IncidentFilter(
            statuses=(CaseStatus.UNDER_INVESTIGATION,), facility_uuids=(busiest,), text=COMMON_WORD),
        f"filter date range 2019 + search '{COMMON_WORD}'": IncidentFilter(
            occurred_from=date(2019, 1, 1), occurred_to=date(2019, 12, 31), text=COMMON_WORD),
        "filter date range 2019 + search 't'": IncidentFilter(
            occurred_from=date(2019, 1, 1), occurred_to=date(2019, 12, 31), text="t"),
    }  # fmt: skip
    for operation, where in filters.items():
        figures += as_the_window(operation, where)
    middle = bench.rows // 2
    for key, descending in (("occurred", True), ("title", False), ("facility", False), ("severity", False)):
        page = Page(offset=middle, sort=key, descending=descending)
        figures.append(_figure(bench, database, f"deep page offset {middle:,} by {key} (page)",
                               lambda page=page: incidents.page(everything, page), FIRST_PAGE_TARGET))  # fmt: skip
    return figures
