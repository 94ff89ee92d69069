"""Links on SQLite and PostgreSQL: incidents related to incidents and plan items answering incidents (add, reorder,
remove; a self-link and a missing incident refused; deleting an incident removes the links to it), the other end
of a link (related_from), and the choices the link pickers offer (IncidentChoices)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.domain.errors import RecordNotFoundError
from desktop.domain.records import Incident, PlanItem
from desktop.domain.search import SearchSyntaxError
from desktop.domain.validation import BatchValidationError, ValidationError
from desktop.domain.values import PartialDate
from desktop.persistence.unit_of_work import Database
from desktop.services.incident_choices import IncidentChoices, choice_label, missing_label
from desktop.services.records import RecordServices

TACOMA = "Armed attack with rifle and incendiary devices on the detention center"
SHOTS = "Shots fired overnight at the windows of the ICE office"
MOLOTOV = "Molotov cocktail thrown at the USCIS office; the fuse failed"


@pytest.fixture
def services(any_demo_database: Database) -> RecordServices:
    return RecordServices.of(any_demo_database)


def uuid_of(services: RecordServices, title: str) -> str:
    return next(incident.uuid for incident in services.incidents.page() if incident.title == title)


def relate(services: RecordServices, title: str, *related: str) -> Incident:
    incident = services.incidents.get(uuid_of(services, title))
    return services.incidents.update(replace(incident, related_uuids=related))


# -- incidents related to incidents ----------------------------------------------------------------------------
def test_related_incidents_are_added_reordered_and_removed(services: RecordServices) -> None:
    tacoma, molotov = uuid_of(services, TACOMA), uuid_of(services, MOLOTOV)
    shots = uuid_of(services, SHOTS)
    assert relate(services, SHOTS, tacoma, molotov).related_uuids == (tacoma, molotov)
    assert services.incidents.get(shots).related_uuids == (tacoma, molotov)
    version = services.incidents.get(shots).version
    assert relate(services, SHOTS, molotov, tacoma).related_uuids == (molotov, tacoma)  # the order is kept
    assert services.incidents.get(shots).related_uuids == (molotov, tacoma)
    assert services.incidents.get(shots).version == version + 1  # a change of links alone is a new version
    assert relate(services, SHOTS, tacoma).related_uuids == (tacoma,)
    assert relate(services, SHOTS).related_uuids == ()
    assert services.incidents.get(shots).related_uuids == ()


def test_a_new_incident_is_created_with_its_related_incidents(services: RecordServices) -> None:
    tacoma, shots = uuid_of(services, TACOMA), uuid_of(services, SHOTS)
    facility = services.incidents.get(tacoma).facility_uuid
    created = services.incidents.create(Incident(facility_uuid=facility, title="Second attempt",
                                                 related_uuids=(shots, tacoma, shots)))  # fmt: skip
    assert created.related_uuids == (shots, tacoma)  # once each
    assert services.incidents.get(created.uuid).related_uuids == (shots, tacoma)


def test_a_self_link_is_refused(services: RecordServices) -> None:
    shots = services.incidents.get(uuid_of(services, SHOTS))
    with pytest.raises(ValidationError) as refused:
        services.incidents.update(replace(shots, related_uuids=(shots.uuid,)))
    assert str(refused.value) == "related: cannot include the incident itself"
    assert services.incidents.get(shots.uuid).related_uuids == ()
    own = "0b7f5a1e-0000-4000-8000-000000000001"
    with pytest.raises(BatchValidationError, match="cannot include the incident itself"):
        services.incidents.create(Incident(facility_uuid=shots.facility_uuid, title="Loop", uuid=own,
                                           related_uuids=(own,)))  # fmt: skip
    with pytest.raises(RecordNotFoundError):
        services.incidents.get(own)  # nothing was written


def test_a_link_to_a_missing_incident_is_refused(services: RecordServices) -> None:
    shots = services.incidents.get(uuid_of(services, SHOTS))
    tacoma = uuid_of(services, TACOMA)
    with pytest.raises(ValidationError) as refused:
        services.incidents.update(replace(shots, related_uuids=(tacoma, "no-such-incident")))
    assert str(refused.value) == "related: no-such-incident does not exist"
    assert services.incidents.get(shots.uuid).related_uuids == ()
    with pytest.raises(BatchValidationError, match="does not exist"):
        services.incidents.create(Incident(facility_uuid=shots.facility_uuid, title="New", related_uuids=("gone",)))
    assert [i.title for i in services.incidents.page() if i.title == "New"] == []


def test_links_are_read_from_the_other_end(services: RecordServices) -> None:
    tacoma, molotov = uuid_of(services, TACOMA), uuid_of(services, MOLOTOV)
    relate(services, SHOTS, tacoma)
    relate(services, MOLOTOV, tacoma)
    assert [i.title for i in services.incidents.related_from(tacoma)] == [MOLOTOV, SHOTS]  # latest first (21 August)
    assert services.incidents.get(tacoma).related_uuids == ()  # stored one way
    assert services.incidents.related_from(molotov) == []
    assert services.incidents.related_from("no-such-incident") == []


def test_deleting_an_incident_removes_the_links_to_it(services: RecordServices) -> None:
    tacoma, molotov = uuid_of(services, TACOMA), uuid_of(services, MOLOTOV)
    shots = relate(services, SHOTS, tacoma, molotov)
    plan = services.plan_items.create(PlanItem(facility_uuid="", description="Film", incident_uuids=(tacoma, molotov)))
    services.incidents.delete(tacoma)
    assert services.incidents.get(shots.uuid).related_uuids == (molotov,)
    assert services.plan_items.get(plan.uuid).incident_uuids == (molotov,)
    assert services.incidents.related_from(tacoma) == []


def test_find_returns_stored_incidents_in_the_order_asked(services: RecordServices) -> None:
    tacoma, molotov = uuid_of(services, TACOMA), uuid_of(services, MOLOTOV)
    found = services.incidents.find([molotov, "gone", tacoma, molotov])
    assert [incident.title for incident in found] == [MOLOTOV, TACOMA]


# -- plan items answering incidents ----------------------------------------------------------------------------
def test_plan_item_incidents_are_added_reordered_and_removed(services: RecordServices) -> None:
    tacoma, molotov, shots = uuid_of(services, TACOMA), uuid_of(services, MOLOTOV), uuid_of(services, SHOTS)
    plan = services.plan_items.create(PlanItem(facility_uuid="", description="Film", incident_uuids=(tacoma, molotov)))
    assert services.plan_items.get(plan.uuid).incident_uuids == (tacoma, molotov)
    plan = services.plan_items.update(replace(plan, incident_uuids=(molotov, shots, tacoma)))
    assert services.plan_items.get(plan.uuid).incident_uuids == (molotov, shots, tacoma)
    plan = services.plan_items.update(replace(plan, incident_uuids=(shots,)))
    assert services.plan_items.get(plan.uuid).incident_uuids == (shots,)
    services.plan_items.update(replace(plan, incident_uuids=()))
    assert services.plan_items.get(plan.uuid).incident_uuids == ()


def test_a_plan_item_linked_to_a_missing_incident_is_refused(services: RecordServices) -> None:
    with pytest.raises(ValidationError) as refused:
        services.plan_items.create(PlanItem(facility_uuid="", description="Film", incident_uuids=("never",)))
    assert str(refused.value) == "incident: never does not exist"
    plan = services.plan_items.page()[0]
    with pytest.raises(ValidationError, match="incident: never does not exist"):
        services.plan_items.update(replace(plan, incident_uuids=(uuid_of(services, SHOTS), "never")))
    assert services.plan_items.get(plan.uuid).incident_uuids == ()


# -- what the pickers offer ------------------------------------------------------------------------------------
def test_choices_are_found_by_title_case_number_and_facility(services: RecordServices) -> None:
    tacoma = services.incidents.get(uuid_of(services, TACOMA))
    attempt = services.incidents.create(Incident(
        facility_uuid=tacoma.facility_uuid, title="Armed attack and arson attempt", case_number="NWDC-2019-001",
        occurred=PartialDate.parse("2019-07-13 04:00"),
    ))  # fmt: skip
    choices = IncidentChoices(services.incidents)
    assert [c.label for c in choices.search("NWDC-2019")] == [
        "Armed attack and arson attempt — NWDC-2019-001 — Northwest Detention Center, Tacoma — 2019-07-13 04:00"
    ]
    assert [c.uuid for c in choices.search("arson")] == [attempt.uuid]
    assert {c.uuid for c in choices.search("Northwest Detention")} == {attempt.uuid, tacoma.uuid}  # the facility
    assert [c.uuid for c in choices.search("Northwest Detention", exclude={attempt.uuid})] == [tacoma.uuid]
    assert [c.uuid for c in choices.search("attack", limit=1)] == [attempt.uuid]
    assert choices.search("   ") == [] and choices.search("zebra") == []
    with pytest.raises(SearchSyntaxError):
        choices.search("state:zz")


def test_choices_label_the_linked_incidents(services: RecordServices) -> None:
    tacoma = services.incidents.get(uuid_of(services, TACOMA))
    choices = IncidentChoices(services.incidents)
    assert [(c.uuid, c.label) for c in choices.labelled([tacoma.uuid, "gone"])] == [
        (tacoma.uuid, f"{TACOMA} — Northwest Detention Center, Tacoma — 2019-07-13, early morning"),
        ("gone", missing_label("gone")),
    ]
    assert choice_label(replace(tacoma, occurred=PartialDate(), case_number="X-1")) == (
        f"{TACOMA} — X-1 — Northwest Detention Center, Tacoma"
    )
    relate(services, SHOTS, tacoma.uuid)
    assert [c.label.split(" — ")[0] for c in choices.linked_from(tacoma.uuid)] == [SHOTS]
    assert choices.linked_from("") == []
