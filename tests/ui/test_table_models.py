"""The paged table models: Qt's model rules, paging against the services' own order, what cells show."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError
from support.synthetic_incidents import populate

from desktop.domain.enums import AttackType, PerpetratorOutcome, PlanStatus, TargetType, YesNoUnknown
from desktop.domain.queries import INCIDENT_SORT_KEYS, IncidentFilter, Page, PlanItemFilter
from desktop.domain.records import Incident, PlanItem
from desktop.domain.values import PartialDate
from desktop.persistence.unit_of_work import Database
from desktop.services.records import FacilityService, IncidentService, PlanItemService
from desktop.ui.palette import colour
from desktop.ui.table_models import FacilityTableModel, IncidentTableModel, PagedTableModel, PlanItemTableModel
from desktop.ui.table_models.incidents import attack_text, casualties_text, occurred_of, response_text, targets_text
from desktop.ui.table_models.plan_items import duration

DISPLAY = Qt.ItemDataRole.DisplayRole
GENERATED = 3_000


def models(database: Database, today: date = date(2019, 9, 20), **options: int) -> list[PagedTableModel[Any]]:
    return [
        IncidentTableModel(lambda: IncidentService(database), **options),
        FacilityTableModel(lambda: FacilityService(database), today=lambda: today, **options),
        PlanItemTableModel(lambda: PlanItemService(database), today=lambda: today, **options),
    ]


def all_rows(model: PagedTableModel[Any]) -> list[Any]:
    return [model.record_at(row) for row in range(model.rowCount())]


def column_texts(model: PagedTableModel[Any], title: str) -> list[str]:
    column = [c.title for c in model.columns].index(title)
    model.fetch_pending()
    return [model.record_at(row) and model.data(model.index(row, column), DISPLAY) for row in range(model.rowCount())]


@pytest.fixture
def generated(database: Database) -> Database:
    populate(database, GENERATED, facilities=30, plan_items=500, today=date(2024, 3, 1))
    return database


@pytest.mark.qt_log_level_fail("WARNING")
@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "python-tester"])
def test_models_follow_the_qt_rules_on_demo_data(
    qapp: object, qtmodeltester: ModelTester, demo_database: Database, force_py: bool
) -> None:
    for model in models(demo_database):
        model.refresh()
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=force_py)
        model.sort(1, Qt.SortOrder.DescendingOrder)  # resets are checked too
        model.set_filter(replace(model.empty_filter(), text="zzz-nothing"))
        assert model.rowCount() == 0


@pytest.mark.qt_log_level_fail("WARNING")
@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "python-tester"])
def test_models_follow_the_qt_rules_on_thousands_of_rows(
    qtbot: QtBot, qtmodeltester: ModelTester, generated: Database, force_py: bool
) -> None:
    for model in models(generated, page_size=200, max_cached_pages=4):
        model.refresh()
        qtmodeltester.check(model, force_py=force_py)
        model.fetch_pending()  # pages the tester asked for arrive as dataChanged, which is checked as well
        for row in {model.rowCount() - 1, model.rowCount() // 2, min(250, model.rowCount() - 1), 0}:
            assert model.record_at(row) is not None
        assert len(model.cached_pages()) <= 4


def test_row_count_is_the_filtered_count_and_only_pages_are_read(generated: Database) -> None:
    service = IncidentService(generated)
    model = IncidentTableModel(lambda: service, page_size=100, max_cached_pages=3)
    model.refresh()
    assert model.rowCount() == service.count() == GENERATED
    assert model.cached_pages() == [0]  # one page read, not all rows
    where = IncidentFilter(attack_types=(AttackType.VANDALISM,))
    model.set_filter(where)
    assert model.rowCount() == service.count(where) > 100
    assert model.total_count == GENERATED
    for row in range(0, model.rowCount(), 97):
        model.record_at(row)
    assert len(model.cached_pages()) == 3


@pytest.mark.parametrize("sort", ["occurred", "facility", "severity", "title"])
@pytest.mark.parametrize("descending", [False, True])
def test_every_row_is_the_services_row_in_that_order(generated: Database, sort: str, descending: bool) -> None:
    """Pages past the middle are read backwards from the end; the rows must still be exactly the service's."""
    service = IncidentService(generated)
    where = IncidentFilter(attack_types=(AttackType.VANDALISM, AttackType.THREAT))
    expected = [i.uuid for i in service.page(where, Page(limit=GENERATED, sort=sort, descending=descending))]
    model = IncidentTableModel(lambda: service, page_size=64, max_cached_pages=2)
    model.set_filter(where)
    column = [c.sort_key for c in model.columns].index(sort)
    model.sort(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    assert [record.uuid for record in all_rows(model)] == expected


def test_cells_wait_for_their_page_and_then_announce_it(qtbot: QtBot, generated: Database) -> None:
    model = IncidentTableModel(lambda: IncidentService(generated), page_size=100)
    model.refresh()
    deep = model.index(1234, 3)
    assert model.data(deep, DISPLAY) is None  # not read inside data(): the view asked, the page comes later
    with qtbot.waitSignal(model.dataChanged, timeout=2000) as changed:
        pass
    first, last = changed.args[:2]  # (top left, bottom right, roles)
    assert first.row() <= 1234 <= last.row()
    assert model.data(deep, DISPLAY) == model.record_at(1234).title


def test_sorting_by_a_column_without_a_key_keeps_the_order(demo_database: Database) -> None:
    model = IncidentTableModel(lambda: IncidentService(demo_database))
    model.refresh()
    before = [r.uuid for r in all_rows(model)]
    weapons = [c.title for c in model.columns].index("Weapons")
    model.sort(weapons, Qt.SortOrder.AscendingOrder)
    assert (model.sort_key, model.descending) == ("occurred", True)
    assert [r.uuid for r in all_rows(model)] == before


def test_all_incident_sort_keys_are_columns() -> None:
    keys = {c.sort_key for c in IncidentTableModel.columns}
    assert set(INCIDENT_SORT_KEYS) - {"updated_at"} <= keys


def test_incidents_show_labels_and_unknown_values(demo_database: Database) -> None:
    model = IncidentTableModel(lambda: IncidentService(demo_database))
    model.refresh()
    rows = {r.title: row for row, r in enumerate(all_rows(model))}
    tacoma = rows["Armed attack with rifle and incendiary devices on the detention center"]
    cells = {c.title: model.data(model.index(tacoma, n), DISPLAY) for n, c in enumerate(model.columns)}
    assert cells["Attack types"] == "Armed assault; Facility/infrastructure attack"  # primary first
    assert (cells["Targets"], cells["Response"]) == ("Building; Vehicles", "Killed")
    assert cells["Weapons"] == "Firearms: rifle; Incendiary: incendiary devices"
    assert cells["Severity"] == "Critical"
    assert cells["Status"] == "Closed"
    assert cells["Casualties"] == "1 perpetrator killed"
    assert cells["Facility"] == "Northwest Detention Center, Tacoma"
    severity = [c.title for c in model.columns].index("Severity")
    assert isinstance(model.data(model.index(tacoma, severity), Qt.ItemDataRole.DecorationRole), QColor)
    tip = model.data(model.index(tacoma, [c.title for c in model.columns].index("Casualties")),
                     Qt.ItemDataRole.ToolTipRole)  # fmt: skip
    assert "Perpetrators: 1 killed, 0 injured" in tip
    assert model.data(model.index(tacoma, 0), Qt.ItemDataRole.UserRole) == all_rows(model)[tacoma].uuid


def test_unknown_counts_are_not_zero() -> None:
    incident = Incident(facility_uuid="f", title="t")
    assert casualties_text(incident) == "unknown"
    no_victims = replace(incident, victims_killed=0, victims_injured=0)
    assert casualties_text(no_victims) == "none known (perpetrators' casualties not known)"
    assert casualties_text(replace(no_victims, perpetrators_killed=0, perpetrators_injured=0)) == "none"
    assert casualties_text(replace(incident, victims_killed=2)) == (
        "2 victims killed (victims and perpetrators' casualties not known)"
    )
    assert casualties_text(replace(no_victims, perpetrators_killed=1, victims_injured=3, perpetrators_injured=0)) == (
        "3 victims injured, 1 perpetrator killed"
    )
    assert occurred_of(replace(incident, occurred=PartialDate())) == "unknown"
    assert occurred_of(replace(incident, occurred=PartialDate.parse("2019-07"))) == "2019-07"
    assert occurred_of(replace(incident, occurred=PartialDate.parse("2019-07-13T04:00"))) == "2019-07-13 04:00"
    assert occurred_of(replace(incident, occurred=PartialDate.parse("2019-08-20/2019-08-31"))) == (
        "2019-08-20 to 2019-08-31"
    )
    assert occurred_of(replace(incident, occurred=PartialDate.parse("2019-08~"))) == "about 2019-08"
    assert occurred_of(replace(incident, occurred=PartialDate.parse("2019-08-25 night"))) == "2019-08-25, night"


def test_every_attack_and_target_type_is_shown_the_primary_first() -> None:
    tacoma = Incident(facility_uuid="f", title="t", attack_type=AttackType.ARMED_ASSAULT,
                      attack_type_2=AttackType.FACILITY_INFRASTRUCTURE_ATTACK, target_type=TargetType.BUILDING,
                      target_type_2=TargetType.VEHICLES, perpetrator_outcome=PerpetratorOutcome.KILLED)  # fmt: skip
    assert attack_text(tacoma) == "Armed assault; Facility/infrastructure attack"
    assert attack_text(replace(tacoma, completed=False)) == "Armed assault; Facility/infrastructure attack (attempted)"
    assert targets_text(tacoma) == "Building; Vehicles"
    assert response_text(tacoma) == "Killed"
    assert response_text(replace(tacoma, hostages=YesNoUnknown.YES)) == "Killed; hostages/kidnapping"


def test_plan_items_are_highlighted_by_deadline(database: Database) -> None:
    service = PlanItemService(database)
    for description, due, status in [("late", date(2019, 9, 1), PlanStatus.PROPOSED),
                                     ("soon", date(2019, 9, 25), PlanStatus.IN_PROGRESS),
                                     ("later", date(2019, 12, 1), PlanStatus.APPROVED),
                                     ("late but done", date(2019, 9, 1), PlanStatus.IMPLEMENTED)]:  # fmt: skip
        service.create(PlanItem(facility_uuid="", description=description, due_date=due, status=status))
    today = [date(2019, 9, 20)]
    model = PlanItemTableModel(lambda: service, today=lambda: today[0])
    model.refresh()

    def shown() -> dict[str, tuple[Any, str]]:
        return {model.record_at(row).description: (model.data(model.index(row, 2), Qt.ItemDataRole.BackgroundRole),
                                                   model.data(model.index(row, 1), DISPLAY))
                for row in range(model.rowCount())}  # fmt: skip

    assert shown() == {
        "late": (colour("overdue_background"), "overdue by 19 days"),
        "soon": (colour("due_soon_background"), "due in 5 days"),
        "later": (None, "due in 10 weeks"),
        "late but done": (None, ""),
    }
    today[0] = date(2019, 9, 26)  # a week later "soon" is overdue too
    assert shown()["soon"] == (colour("overdue_background"), "overdue by 1 day")
    facility = [c.title for c in model.columns].index("Facility")
    assert model.data(model.index(0, facility), DISPLAY) == "All facilities"


def test_durations_read_naturally() -> None:
    assert [duration(d) for d in (0, 1, 20, 21, 90, 91, 729, 2615)] == [
        "0 days", "1 day", "20 days", "3 weeks", "12 weeks", "3 months", "24 months", "7 years"]  # fmt: skip


def test_plan_filter_for_one_incident(demo_database: Database) -> None:
    model = PlanItemTableModel(lambda: PlanItemService(demo_database))
    model.set_filter(PlanItemFilter(incident_uuid="not-an-incident"))
    assert model.rowCount() == 0


def test_a_failing_read_empties_the_table_and_says_why(qtbot: QtBot, demo_database: Database) -> None:
    service = IncidentService(demo_database)
    model = IncidentTableModel(lambda: service)
    model.refresh()
    assert model.rowCount() == 3

    def broken(*_args: object) -> list[Incident]:
        raise OperationalError("SELECT", {}, Exception("disk I/O error"))

    service.page = broken  # type: ignore[method-assign]
    with qtbot.waitSignal(model.failed) as failed:
        model.refresh()
    assert model.rowCount() == 0
    assert failed.args == ["Could not read the incidents: disk I/O error"]
    assert model.data(model.index(0, 0), DISPLAY) is None
    assert not model.index(0, 0).isValid()
    assert model.rowCount(model.index(0, 0)) == 0 and model.rowCount(QModelIndex()) == 0
