"""Record services: every path that writes an incident keeps the legal history rules of domain/validation.py
(entries dated, not in the future, the status the latest entry's; out of order is kept) and writes nothing when
it refuses; services reach their repository through the record kind."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select
from support.clock import FakeClock
from support.lookup import change_status

from desktop.domain.enums import CaseStatus
from desktop.domain.errors import StaleRecordError
from desktop.domain.kinds import RecordKind
from desktop.domain.records import Facility, Incident
from desktop.domain.validation import ValidationError
from desktop.domain.values import PartialDate, StatusChange
from desktop.persistence.facility_repository import FacilityRepository
from desktop.persistence.models import AuditRow, IncidentRow, StatusChangeRow
from desktop.persistence.plan_item_repository import PlanItemRepository
from desktop.persistence.repositories import IncidentRepository
from desktop.persistence.unit_of_work import Database
from desktop.services.audit import history
from desktop.services.records import FacilityService, IncidentService, PlanItemService

TODAY = date(2024, 3, 1)  # the fake clock's day
IN_THE_FUTURE = "status_history: entry 3 (charged on 2024-03-02): date must not be in the future"


def rows(database: Database) -> dict[str, int]:
    """Incidents, status changes and audit entries: a fingerprint that must not move on a refusal."""
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        return {
            row.__tablename__: uow.session.scalar(select(func.count()).select_from(row)) or 0
            for row in (IncidentRow, StatusChangeRow, AuditRow)
        }


@pytest.fixture
def investigated(any_database: Database, clock: FakeClock) -> Incident:
    """An incident reported on 2019-08-13 and under investigation since 2019-08-14."""
    assert clock().date() == TODAY
    tacoma = FacilityService(any_database).create(Facility(name="Tacoma", state="WA"))
    steps = (
        StatusChange.on_day(CaseStatus.REPORTED, date(2019, 8, 13)),
        StatusChange.on_day(CaseStatus.UNDER_INVESTIGATION, date(2019, 8, 14), "FBI"),
    )
    incident = Incident(facility_uuid=tacoma.uuid, title="Shots fired", status=CaseStatus.UNDER_INVESTIGATION,
                        status_history=steps)  # fmt: skip
    return IncidentService(any_database).create(incident)


def test_an_entry_in_the_future_is_refused_and_nothing_written(any_database: Database, investigated: Incident) -> None:
    service = IncidentService(any_database)
    before = rows(any_database)
    with pytest.raises(ValidationError) as caught:
        change_status(service, investigated.uuid, CaseStatus.CHARGED, date(2024, 3, 2), "grand jury")
    assert str(caught.value) == IN_THE_FUTURE
    assert [e.field for e in caught.value.errors] == ["status_history"]
    assert rows(any_database) == before
    assert service.get(investigated.uuid) == investigated


def test_an_entry_before_the_last_one_is_kept_as_listed_and_the_status_is_the_latest_by_date(
    any_database: Database, investigated: Incident
) -> None:
    service = IncidentService(any_database)
    arrested = change_status(service, investigated.uuid, CaseStatus.ARREST_MADE, date(2019, 8, 1), "found later")
    assert [c.fact[:3] for c in arrested.status_history] == [
        (CaseStatus.REPORTED, "2019-08-13", ""),
        (CaseStatus.UNDER_INVESTIGATION, "2019-08-14", "FBI"),
        (CaseStatus.ARREST_MADE, "2019-08-01", "found later"),
    ]
    assert arrested.status is CaseStatus.UNDER_INVESTIGATION  # the latest entry by date


def test_entries_from_the_last_ones_day_to_today_are_accepted(any_database: Database, investigated: Incident) -> None:
    service = IncidentService(any_database)
    charged = change_status(service, investigated.uuid, CaseStatus.CHARGED, date(2019, 8, 14), "same day")
    closed = change_status(service, investigated.uuid, CaseStatus.CLOSED, TODAY, "today")
    assert [c.fact[:3] for c in closed.status_history] == [
        (CaseStatus.REPORTED, "2019-08-13", ""),
        (CaseStatus.UNDER_INVESTIGATION, "2019-08-14", "FBI"),
        (CaseStatus.CHARGED, "2019-08-14", "same day"),
        (CaseStatus.CLOSED, TODAY.isoformat(), "today"),
    ]
    assert charged.status is CaseStatus.CHARGED and closed.status is CaseStatus.CLOSED
    assert service.get(investigated.uuid) == closed
    assert [e.changes.get("status") for e in history(any_database, investigated.uuid)][-2:] == [
        ("under_investigation", "charged"),
        ("charged", "closed"),
    ]


def test_update_stores_the_legal_history_as_given(any_database: Database, investigated: Incident) -> None:
    """The memo's bug, "one wrong date blocks every later status": the wrong date is corrected in the list,
    and a later entry with a month, an agency and charges is added in the same save."""
    service = IncidentService(any_database)
    reported, wrong = investigated.status_history
    corrected = replace(wrong, changed=PartialDate.parse("2019-08-13"))
    referred = StatusChange(CaseStatus.REFERRED_FOR_PROSECUTION, PartialDate.parse("2019-09"), "",
                            agency="U.S. Attorney's Office, S.D. Fla.", charges="18 U.S.C. § 844(i)")  # fmt: skip
    history_given = (reported, corrected, referred)
    saved = service.update(replace(investigated, status=CaseStatus.REFERRED_FOR_PROSECUTION,
                                   status_history=history_given))  # fmt: skip
    assert [c.fact for c in saved.status_history] == [c.fact for c in history_given]
    assert saved.status_history[0].recorded_at == reported.recorded_at  # entries kept keep when they were recorded
    assert service.get(investigated.uuid) == saved
    audit = history(any_database, investigated.uuid)[-1]
    assert audit.changes["status_history"] == (
        "2019-08-13 reported; 2019-08-14 under investigation (FBI)",
        "2019-08-13 reported; 2019-08-13 under investigation (FBI); 2019-09 referred for prosecution "
        "(U.S. Attorney's Office, S.D. Fla.; charges: 18 U.S.C. § 844(i))",
    )
    renamed = service.update(replace(saved, title="Shots fired at night"))  # the same history: not stored again
    assert renamed.status_history == saved.status_history
    assert "status_history" not in history(any_database, investigated.uuid)[-1].changes


def test_a_status_other_than_the_latest_entrys_is_refused(any_database: Database, investigated: Incident) -> None:
    service = IncidentService(any_database)
    before = rows(any_database)
    with pytest.raises(ValidationError, match=r"^status_history: the latest entry \(under investigation\) must be"):
        service.update(replace(investigated, status=CaseStatus.CHARGED))
    assert rows(any_database) == before


def test_a_stale_record_is_refused_as_stale(any_database: Database, investigated: Incident) -> None:
    service = IncidentService(any_database)
    service.update(replace(investigated, title="Changed elsewhere"))
    charged = (*investigated.status_history, StatusChange.on_day(CaseStatus.CHARGED, date(2020, 1, 15)))
    with pytest.raises(StaleRecordError):
        service.update(replace(investigated, status=CaseStatus.CHARGED, status_history=charged))


def test_create_and_restore_check_the_whole_status_history(any_database: Database, investigated: Incident) -> None:
    service = IncidentService(any_database)
    before = rows(any_database)
    future = (StatusChange.on_day(CaseStatus.REPORTED, date(2030, 1, 1)),)
    with pytest.raises(ValidationError, match=r"^status_history: entry 1 \(reported on 2030-01-01\): date must not"):
        service.create(replace(investigated, uuid="", case_number=None, status=CaseStatus.REPORTED,
                               status_history=future))  # fmt: skip
    timed = (replace(investigated.status_history[0], changed=PartialDate.parse("2019-08-13 04:00")),)
    with pytest.raises(ValidationError, match="no time of day"):
        service.restore(replace(investigated, status=CaseStatus.REPORTED, status_history=timed))
    assert rows(any_database) == before
    assert service.get(investigated.uuid) == investigated


def test_an_entry_dated_before_earlier_ones_is_kept_and_the_latest_by_date_is_the_status(
    any_database: Database, investigated: Incident
) -> None:
    service = IncidentService(any_database)
    early = StatusChange(CaseStatus.ARREST_MADE, PartialDate.parse("2019-08"), "arrested in August", agency="FBI")
    listed = (*investigated.status_history, early)  # listed last, dated first (August may be before the 13th)
    saved = service.update(replace(investigated, status_history=listed))
    assert [c.fact for c in saved.status_history] == [c.fact for c in listed]
    assert saved.status is CaseStatus.UNDER_INVESTIGATION  # the latest entry by date
    fixed = replace(early, changed=PartialDate.parse("2019-08-20/2019-08-31"))  # the wrong date corrected
    corrected = service.update(replace(saved, status=CaseStatus.ARREST_MADE,
                                       status_history=(*investigated.status_history, fixed)))  # fmt: skip
    assert corrected.status_history[-1].changed.label() == "2019-08-20 to 2019-08-31"
    assert corrected.status is CaseStatus.ARREST_MADE
    changes = history(any_database, investigated.uuid)[-1].changes
    assert set(changes) == {"status", "status_history"}


def test_services_reach_their_repository_through_the_record_kind(any_database: Database) -> None:
    assert [s.kind for s in (FacilityService, IncidentService, PlanItemService)] == [
        RecordKind.FACILITY,
        RecordKind.INCIDENT,
        RecordKind.PLAN_ITEM,
    ]
    with any_database.unit_of_work(write=False) as uow:
        assert isinstance(uow.repository(RecordKind.FACILITY), FacilityRepository)
        assert isinstance(uow.repository(RecordKind.INCIDENT), IncidentRepository)
        assert isinstance(uow.repository(RecordKind.PLAN_ITEM), PlanItemRepository)
        assert all(uow.repository(kind).kind is kind for kind in RecordKind)


def test_audit_entries_name_the_kind_by_its_plain_key(any_database: Database, investigated: Incident) -> None:
    entries = history(any_database, investigated.uuid)
    assert [e.entity for e in entries] == ["incident"]
    assert type(entries[0].entity) is str


def test_delete_problem_says_why_without_writing(any_database: Database, investigated: Incident) -> None:
    facilities, incidents = FacilityService(any_database), IncidentService(any_database)
    empty = facilities.create(Facility(name="Empty office"))
    before = rows(any_database)
    problem = facilities.delete_problem(investigated.facility_uuid)
    assert problem is not None and "1 incident(s) and 0 plan item(s)" in problem
    assert facilities.delete_problem(empty.uuid) is None
    assert incidents.delete_problem(investigated.uuid) is None
    assert rows(any_database) == before
    facilities.delete(empty.uuid)  # what delete_problem allows, delete does
