"""The search grammar on SQLite (FTS5) and PostgreSQL (regular expressions, ILIKE): what each query finds."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from support.clock import FakeClock

from desktop.domain.enums import Agency, AttackType, CaseStatus, PlanStatus, Severity
from desktop.domain.queries import INCIDENT_SORT_KEYS, FacilityFilter, IncidentFilter, Page, PlanItemFilter
from desktop.domain.records import Facility, Incident, PlanItem
from desktop.domain.search import SearchSyntaxError
from desktop.domain.values import PartialDate
from desktop.persistence import incident_paging
from desktop.persistence.unit_of_work import Database

ALL = {"tacoma", "san_antonio", "florida", "graffiti", "threat"}


@pytest.fixture
def facilities(any_database: Database) -> dict[str, Facility]:
    specs = {
        "wa": Facility(name="Northwest Detention Center, Tacoma", state="WA", agency=Agency.ICE_ERO, city="Tacoma"),
        "tx": Facility(name="ICE office, San Antonio", state="TX", agency=Agency.ICE_ERO, address="100% concrete"),
        "fl": Facility(name="USCIS office, Florida", state="FL", agency=Agency.USCIS, notes="Near the harbour"),
    }
    with any_database.unit_of_work() as uow:
        added = {key: uow.facilities.add(facility) for key, facility in specs.items()}
        uow.commit()
    return added


@pytest.fixture
def incidents(any_database: Database, facilities: dict[str, Facility], clock: FakeClock) -> dict[str, Incident]:
    wa, tx, fl = (facilities[key].uuid for key in ("wa", "tx", "fl"))
    specs = {
        "tacoma": Incident(facility_uuid=wa, title="Armed attack with rifle", case_number="TPD-2019-0713",
                           occurred=PartialDate.parse("2019-07-13"), attack_type=AttackType.ARMED_ASSAULT,
                           severity=Severity.CRITICAL, status=CaseStatus.CLOSED,
                           investigating_agencies="Tacoma Police Department",
                           description="Incendiary devices; he tried to ignite a propane tank"),
        "san_antonio": Incident(facility_uuid=tx, title="Shots fired at the windows", case_number="SAPD-19-555",
                                occurred=PartialDate.parse("2019-08-13"),
                                attack_type=AttackType.FACILITY_INFRASTRUCTURE_ATTACK, severity=Severity.HIGH,
                                status=CaseStatus.UNDER_INVESTIGATION, investigating_agencies="FBI"),
        "florida": Incident(facility_uuid=fl, title="Molotov cocktail, the fuse failed",
                            occurred=PartialDate.parse("2019-08"),
                            attack_type=AttackType.FACILITY_INFRASTRUCTURE_ATTACK, severity=Severity.HIGH,
                            status=CaseStatus.ARREST_MADE, sources="DHS memo"),
        "graffiti": Incident(facility_uuid=wa, title="Graffiti on the gate", occurred=PartialDate.parse("2020"),
                             attack_type=AttackType.VANDALISM, severity=Severity.LOW, status=CaseStatus.REPORTED,
                             description="An empty paint tank was left"),
        "threat": Incident(facility_uuid=tx, title="Telephoned bomb threat", case_number="SAPD-20-001",
                           attack_type=AttackType.THREAT, severity=Severity.MEDIUM, status=CaseStatus.UNFOUNDED,
                           description="The caller said shots would be fired"),
    }  # fmt: skip
    with any_database.unit_of_work() as uow:
        added = {key: uow.incidents.add(incident) for key, incident in specs.items()}
        uow.commit()
    return added


def keys_of(found: list[Any], records: dict[str, Any]) -> set[str]:
    by_uuid = {record.uuid: key for key, record in records.items()}
    return {by_uuid[record.uuid] for record in found}


INCIDENT_SEARCHES: list[tuple[IncidentFilter, set[str]]] = [
    (IncidentFilter(text="Molotov OR Tacoma"), {"florida", "tacoma"}),  # Tacoma: the investigating agency
    (IncidentFilter(text="molotov or tacoma"), set()),  # lower-case "or" is a word like any other
    (IncidentFilter(text="molo OR bomb OR graff"), {"florida", "threat", "graffiti"}),  # word starts
    (IncidentFilter(text="shots fired"), {"san_antonio", "threat"}),  # both words, anywhere
    (IncidentFilter(text='"shots fired"'), {"san_antonio"}),  # next to each other, in this order
    (IncidentFilter(text='"fired shots"'), set()),
    (IncidentFilter(text='"molo"'), set()),  # a phrase is whole words
    (IncidentFilter(text='"MOLOTOV cocktail" OR "propane tank"'), {"florida", "tacoma"}),
    (IncidentFilter(text='"cocktail the fuse"'), {"florida"}),  # punctuation between the words
    (IncidentFilter(text="-graffiti"), ALL - {"graffiti"}),  # only an exclusion
    (IncidentFilter(text="-shots -molotov"), {"tacoma", "graffiti"}),
    (IncidentFilter(text="tank -propane"), {"graffiti"}),
    (IncidentFilter(text='shots -"bomb threat"'), {"san_antonio"}),
    (IncidentFilter(text="fired -SAPD-20"), {"san_antonio"}),  # the words of an excluded term all hold
    (IncidentFilter(text="facility:tacoma"), {"tacoma", "graffiti"}),
    (IncidentFilter(text='facility:"san antonio"'), {"san_antonio", "threat"}),
    (IncidentFilter(text="facility:%"), set()),  # % and _ are not wildcards
    (IncidentFilter(text="state:tx"), {"san_antonio", "threat"}),
    (IncidentFilter(text="-state:TX"), {"tacoma", "florida", "graffiti"}),
    (IncidentFilter(text="status:arrest_made"), {"florida"}),
    (IncidentFilter(text='status:"Under investigation"'), {"san_antonio"}),  # a label
    (IncidentFilter(text="status:closed OR status:unfounded"), {"tacoma", "threat"}),
    (IncidentFilter(text="type:vandalism OR type:threat"), {"graffiti", "threat"}),
    (IncidentFilter(text="severity:high"), {"san_antonio", "florida"}),
    (IncidentFilter(text="severity:high -molotov"), {"san_antonio"}),
    (IncidentFilter(text="case:sapd"), {"san_antonio", "threat"}),
    (IncidentFilter(text="case:SAPD-19"), {"san_antonio"}),
    (IncidentFilter(text="case:555"), {"san_antonio"}),  # any part of the case number
    (IncidentFilter(text="case:apd"), set()),  # parts from their start
    (IncidentFilter(text="case:TPD OR molotov"), {"tacoma", "florida"}),
    (IncidentFilter(text="case:sapd -case:sapd-20"), {"san_antonio"}),
    (IncidentFilter(text="-case:sapd"), {"tacoma", "florida", "graffiti"}),  # without a case number too
    (IncidentFilter(text="molotov OR state:tx"), {"florida", "san_antonio", "threat"}),  # text OR field
    (IncidentFilter(text="-molotov OR state:fl"), ALL),
    (IncidentFilter(text="fired OR -state:tx"), ALL),
    (IncidentFilter(text="tank OR -type:vandalism graffiti"), {"graffiti"}),
    (IncidentFilter(text="Molotov OR Tacoma", severities=(Severity.HIGH,)), {"florida"}),  # with other filters
    (IncidentFilter(text="-graffiti", states=("WA",)), {"tacoma"}),
    (IncidentFilter(text="state:tx", open_only=True), {"san_antonio"}),
    (IncidentFilter(text='"shots fired" OR molotov', statuses=(CaseStatus.ARREST_MADE,)), {"florida"}),
    (IncidentFilter(text="fire OR tank", occurred_from=date(2019, 8, 1)), {"san_antonio", "graffiti"}),
]


@pytest.mark.parametrize(("where", "expected"), INCIDENT_SEARCHES, ids=[w.text for w, _ in INCIDENT_SEARCHES])
def test_incident_searches(
    any_database: Database, incidents: dict[str, Incident], where: IncidentFilter, expected: set[str]
) -> None:
    with any_database.unit_of_work(write=False) as uow:
        assert keys_of(uow.incidents.page(where, Page(limit=100)), incidents) == expected
        assert uow.incidents.count(where) == len(expected)
        for sort in ("title", "severity"):  # the id pages and the ranked ranges of the pager
            found = uow.incidents.page(where, Page(limit=100, sort=sort, descending=True))
            assert keys_of(found, incidents) == expected


@pytest.mark.parametrize("sort", INCIDENT_SORT_KEYS)
def test_broad_searches_walking_the_sort_index_keep_the_order(
    any_database: Database, incidents: dict[str, Incident], monkeypatch: pytest.MonkeyPatch, sort: str
) -> None:
    monkeypatch.setattr(incident_paging, "BROAD_SEARCH", 1)  # every search the index answers walks the sort index
    with any_database.unit_of_work(write=False) as uow:
        for text in ("Molotov OR Tacoma OR graffiti", '"shots fired" OR tank -propane', "-graffiti", "state:wa"):
            where = IncidentFilter(text=text)
            walked = [i.uuid for i in uow.incidents.page(where, Page(limit=100, sort=sort))]
            every = [i.uuid for i in uow.incidents.page(IncidentFilter(), Page(limit=100, sort=sort))]
            found = {i.uuid for i in uow.incidents.page(where, Page(limit=100))}
            assert walked == [uuid for uuid in every if uuid in found], text


def test_a_search_that_cannot_be_read_is_refused(any_database: Database, incidents: dict[str, Incident]) -> None:
    with any_database.unit_of_work(write=False) as uow:
        with pytest.raises(SearchSyntaxError, match="unclosed quote at character 1"):
            uow.incidents.count(IncidentFilter(text='"unclosed'))
        with pytest.raises(SearchSyntaxError, match="OR at character 1"):
            uow.incidents.page(IncidentFilter(text="OR molotov"))
        with pytest.raises(SearchSyntaxError, match="does not apply to facilities"):
            uow.facilities.count(FacilityFilter(text="severity:high"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("office", {"tx", "fl"}),
        ("tacoma OR florida", {"wa", "fl"}),
        ('"ice office"', {"tx"}),
        ('"office ice"', set()),
        ("office -florida", {"tx"}),
        ("-office", {"wa"}),
        ("harbour", {"fl"}),  # notes
        ('"100% concrete"', {"tx"}),  # address; the phrase as typed
        ('"0% c"', {"tx"}),
        ('"1%c"', set()),  # "%" is no wildcard
        ("state:wa OR state:fl", {"wa", "fl"}),
        ("facility:office -state:fl", {"tx"}),
    ],
)
def test_facility_searches(any_database: Database, facilities: dict[str, Facility], text: str,
                           expected: set[str]) -> None:  # fmt: skip
    with any_database.unit_of_work(write=False) as uow:
        assert keys_of(uow.facilities.page(FacilityFilter(text=text)), facilities) == expected
        assert uow.facilities.count(FacilityFilter(text=text)) == len(expected)
        agency = FacilityFilter(text=text, agencies=(Agency.ICE_ERO,))
        assert keys_of(uow.facilities.page(agency), facilities) == expected - {"fl"}


def test_plan_item_searches(any_database: Database, facilities: dict[str, Facility]) -> None:
    specs = {
        "national": PlanItem(facility_uuid="", description="A plan for securing all ICE facilities", owner="ICE"),
        "fence": PlanItem(facility_uuid=facilities["wa"].uuid, description="Raise the fence", owner="FPS",
                          status=PlanStatus.IN_PROGRESS, due_date=date(2019, 12, 1)),
        "cameras": PlanItem(facility_uuid=facilities["tx"].uuid, description="Cameras at the gate", owner="GSA",
                            status=PlanStatus.IMPLEMENTED, notes="fence_cameras_2019"),
    }  # fmt: skip
    with any_database.unit_of_work() as uow:
        items = {key: uow.plan_items.add(item) for key, item in specs.items()}
        uow.commit()
    cases = {
        "fence OR cameras": {"fence", "cameras"},
        '"raise the fence"': {"fence"},
        "-fence": {"national"},  # the cameras' notes name the fence
        "status:in_progress OR status:implemented": {"fence", "cameras"},
        'status:"In progress"': {"fence"},
        "facility:tacoma": {"fence"},
        "-facility:tacoma": {"national", "cameras"},  # a nationwide item has no facility
        "state:tx": {"cameras"},
        "-state:tx -state:wa": {"national"},
        '"fence_cameras"': {"cameras"},  # "_" is itself
        '"fence cameras"': set(),
        '"the_fence"': set(),  # nor is "_"
    }
    with any_database.unit_of_work(write=False) as uow:
        for text, expected in cases.items():
            assert keys_of(uow.plan_items.page(PlanItemFilter(text=text)), items) == expected, text
            assert uow.plan_items.count(PlanItemFilter(text=text)) == len(expected), text
        with pytest.raises(SearchSyntaxError, match=r"closed.* is no plan item status"):
            uow.plan_items.count(PlanItemFilter(text="status:closed"))
