"""What the briefing holds: its incidents (redacted on request), plan items and scope, without Qt."""

from __future__ import annotations

import getpass
from dataclasses import replace
from datetime import date, datetime

import pytest
from support.lookup import facility_named

from desktop.domain.enums import CaseStatus, PlanStatus, SecurityLevel
from desktop.domain.legal_history import legal_milestones
from desktop.domain.records import SENSITIVE_INCIDENT_FIELDS, Facility, PlanItem
from desktop.persistence.unit_of_work import Database
from desktop.services.briefing import BriefingOptions, briefing_content, computer_user, redact, suggested_file_name
from desktop.services.records import FacilityService, IncidentService, PlanItemService

NOW = datetime(2019, 10, 1, 9, 30)


def test_redact_blanks_every_sensitive_field(demo_database: Database) -> None:
    incident = IncidentService(demo_database).page()[0]
    marked = replace(incident, suspect_names="A. Suspect", personal_details="born 1970")
    blank = redact(marked)
    assert all(getattr(blank, name) == "" for name in SENSITIVE_INCIDENT_FIELDS)
    assert replace(blank, suspect_names=marked.suspect_names, personal_details=marked.personal_details) == marked


@pytest.mark.parametrize("redacted", [True, False])
def test_incidents_follow_the_redaction_option(demo_database: Database, redacted: bool) -> None:
    service = IncidentService(demo_database)
    molotov = next(i for i in service.page() if "Molotov" in i.title)
    service.update(replace(molotov, suspect_names="A. Suspect", personal_details="born 1970"))

    content = briefing_content(demo_database, BriefingOptions(redact=redacted), now=NOW)

    names = {i.suspect_names for i in content.incidents}
    assert names == ({""} if redacted else {"", "A. Suspect"})
    assert content.incidents_total == len(content.incidents) == 3
    assert content.as_of == NOW.date() and content.redacted is redacted


def test_plan_items_open_or_due_in_the_period_for_the_facilities(demo_database: Database) -> None:
    facilities = FacilityService(demo_database)
    tacoma = facility_named(demo_database, "Northwest Detention Center, Tacoma")
    other = facilities.create(Facility("Elsewhere", state="OR", security_level=SecurityLevel.II))
    assert tacoma is not None
    plans = PlanItemService(demo_database)
    for item in [
        PlanItem(tacoma.uuid, "Tacoma fence, done in the period", due_date=date(2019, 8, 1),
                 status=PlanStatus.IMPLEMENTED),
        PlanItem(tacoma.uuid, "Tacoma cameras, done before", due_date=date(2018, 8, 1), status=PlanStatus.IMPLEMENTED),
        PlanItem(tacoma.uuid, "Tacoma lighting, open, no date"),
        PlanItem(other.uuid, "Elsewhere guard, open", due_date=date(2019, 8, 1)),
    ]:  # fmt: skip
        plans.create(item)
    options = BriefingOptions(occurred_from=date(2019, 7, 1), occurred_to=date(2019, 12, 31),
                              facility_uuids=(tacoma.uuid,), max_rows=2)  # fmt: skip

    content = briefing_content(demo_database, options, now=NOW)

    assert content.plan_items_total == 4  # with the nationwide demo item and the demo's Tacoma barriers
    assert [i.description for i in content.plan_items] == [
        "Tacoma fence, done in the period",
        "Present a detailed plan for securing all ICE facilities",
    ]  # earliest due first, at most max_rows
    assert content.facility_names == ("Northwest Detention Center, Tacoma",)
    assert content.scope == "occurred 2019-07-01 to 2019-12-31; Northwest Detention Center, Tacoma"
    assert [i.title[:5] for i in content.incidents] == ["Armed"]


def test_unusable_options_are_refused_with_reasons(demo_database: Database) -> None:
    with pytest.raises(ValueError, match="the period starts"):
        briefing_content(demo_database, BriefingOptions(occurred_from=date(2020, 1, 1), occurred_to=date(2019, 1, 1)))
    with pytest.raises(ValueError, match="no such facility: nowhere"):
        briefing_content(demo_database, BriefingOptions(facility_uuids=("nowhere",)))
    assert BriefingOptions(max_rows=-1, title=" ").problems() == [
        "the number of table rows cannot be negative",
        "the title is empty",
    ]


def test_marking_and_author_must_fit_the_page() -> None:
    assert BriefingOptions(marking="CUI", prepared_by="J. Analyst").problems() == []
    assert BriefingOptions(marking="CUI\nSECRET", prepared_by="x" * 101).problems() == [
        "the handling marking must be one line",
        "the name under Prepared by has 101 characters, at most 100 fit on the page",
    ]
    assert BriefingOptions(marking="A" * 61).problems() == [
        "the handling marking has 61 characters, at most 60 fit on the page"
    ]


def test_the_file_name_carries_the_marking() -> None:
    day = date(2019, 9, 12)
    assert suggested_file_name(day) == suggested_file_name(day, "  ") == "briefing-2019-09-12.pdf"
    assert suggested_file_name(day, "CUI") == "briefing-2019-09-12-CUI.pdf"
    assert suggested_file_name(day, "LAW ENFORCEMENT SENSITIVE") == "briefing-2019-09-12-LAW-ENFORCEMENT-SENSITIVE.pdf"
    assert suggested_file_name(day, "CUI//SP-PRVCY") == "briefing-2019-09-12-CUI-SP-PRVCY.pdf"


def test_prepared_by_the_name_given_or_the_computer_user(demo_database: Database) -> None:
    named = briefing_content(demo_database, BriefingOptions(prepared_by=" J. Analyst ", marking=" CUI "), now=NOW)
    assert named.prepared_by == "J. Analyst" and named.marking == "CUI"
    unnamed = briefing_content(demo_database, BriefingOptions(), now=NOW)
    assert unnamed.prepared_by == computer_user() != "" and unnamed.marking == ""
    pwd = pytest.importorskip("pwd")  # the account's full name (not on Windows)
    login = getpass.getuser()
    full_name = pwd.getpwnam(login).pw_gecos.split(",")[0].strip()
    assert computer_user() == (full_name or login)


def test_incidents_come_with_their_legal_history(demo_database: Database) -> None:
    content = briefing_content(demo_database, BriefingOptions(), now=NOW)

    molotov = next(i for i in content.incidents if "Molotov" in i.title)
    milestones = [(c.status, c.changed.label(), c.agency) for c in legal_milestones(molotov.status_history)]
    assert milestones == [
        (CaseStatus.ARREST_MADE, "2019-08", ""),
        (CaseStatus.REFERRED_FOR_PROSECUTION, "2019-09", "U.S. Department of Justice"),
    ]
