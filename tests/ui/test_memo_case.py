"""The memo's three 2019 incidents, its directive and the plan items under it, entered through the forms by
keyboard and mouse exactly as the memo states them; the database then holds those facts, and a period from
2019-08-15 includes Lake Worth ("late August") only as "possibly" in the period."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import forms_fixtures as ff
import picker_keys as keys
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support.clock import FakeClock
from test_forms_legal_history import add_entry

from desktop.domain.enums import (
    Agency,
    AttackType,
    CaseStatus,
    DatePrecision,
    DirectiveScope,
    FacilityType,
    PerpetratorOutcome,
    TargetType,
    TimeOfDay,
)  # fmt: skip
from desktop.domain.queries import IncidentFilter, PlanItemFilter
from desktop.domain.records import Facility
from desktop.domain.values import PartialDate
from desktop.services.incident_choices import IncidentChoices
from desktop.services.records import DirectiveService, FacilityService, IncidentService, PlanItemService
from desktop.services.session.service import DatabaseSessions
from desktop.ui.forms.directive_form import DirectiveForm
from desktop.ui.forms.incident_form import IncidentForm
from desktop.ui.forms.plan_item_form import PlanItemForm
from desktop.ui.undo_commands import CreateRecord

DOJ = "U.S. Department of Justice"


@pytest.fixture
def empty(tmp_path: Path, sessions: DatabaseSessions, clock: FakeClock) -> Iterator[ff.Services]:
    """A new database with the memo's three facilities (their forms are tested elsewhere) and nothing else."""
    clock.set(datetime.combine(date.today(), time(12)))
    database = sessions.open(f"sqlite+pysqlite:///{tmp_path / 'memo.sqlite3'}", lock=False)
    facilities = FacilityService(database)
    facilities.create(Facility("Northwest ICE Processing Center", Agency.ICE_ERO, FacilityType.DETENTION_CENTER,
                               city="Tacoma", state="WA"))  # fmt: skip
    facilities.create(Facility("San Antonio ICE Field Office", Agency.ICE_ERO, FacilityType.FIELD_OFFICE,
                               city="San Antonio", state="TX"))  # fmt: skip
    facilities.create(Facility("Lake Worth USCIS Field Office", Agency.USCIS, FacilityType.BENEFITS_OFFICE,
                               city="Lake Worth", state="FL"))  # fmt: skip
    try:
        yield ff.Services(database, facilities, IncidentService(database), PlanItemService(database))
    finally:
        sessions.close(database)


def new_incident(qtbot: QtBot, services: ff.Services, title: str, facility: str, occurred: str) -> IncidentForm:
    form = ff.shown(qtbot, IncidentForm(None, services.facilities.names()))
    assert isinstance(form, IncidentForm)
    ff.type_into(qtbot, form.title, title)
    ff.pick_facility(qtbot, form.facility, facility)
    ff.type_into(qtbot, form.occurred.edit, occurred)
    return form


def save(qtbot: QtBot, services: ff.Services, form: IncidentForm) -> str:
    ff.press_save(qtbot, form)
    assert ff.accepted(form), form.findChildren(object)
    return CreateRecord.perform(services.incidents, form.edited_record(), lambda kind: None).record.uuid


def test_the_memo_entered_through_the_forms(qtbot: QtBot, empty: ff.Services) -> None:
    services = empty
    # Tacoma, 13 July 2019, early morning: an armed assault and an arson attempt; the attacker was shot dead.
    form = new_incident(qtbot, services, "Armed attack and attempted arson at the detention center", "Northwest",
                        "2019-07-13 early morning")  # fmt: skip
    ff.choose(qtbot, form.attacks.primary, "Armed assault")
    ff.choose(qtbot, form.attacks.second, "Facility/infrastructure attack")
    ff.choose(qtbot, form.targets.primary, "Building")
    ff.choose(qtbot, form.targets.second, "Vehicles")
    ff.choose(qtbot, form.response.outcome, "Killed")
    ff.choose(qtbot, form.property_damage, "Yes")
    ff.type_into(qtbot, form.legal_history.date.edit, "2019-07-13")
    tacoma = save(qtbot, services, form)

    # San Antonio, 13 August 2019, overnight: shots fired at the office.
    form = new_incident(qtbot, services, "Shots fired at the ICE office", "San Antonio", "2019-08-13 night")
    ff.choose(qtbot, form.attacks.primary, "Facility/infrastructure attack")
    ff.type_into(qtbot, form.legal_history.date.edit, "2019-08-13")
    san_antonio = save(qtbot, services, form)

    # Lake Worth, late August 2019: a Molotov cocktail; a suspect arrested, referred for prosecution in September.
    form = new_incident(qtbot, services, "Molotov cocktail thrown at the USCIS office", "Lake Worth",
                        "late August 2019")  # fmt: skip
    assert form.occurred.preview.text().startswith("about 21 to 31 August 2019")
    ff.choose(qtbot, form.attacks.primary, "Facility/infrastructure attack")
    ff.choose(qtbot, form.response.outcome, "Arrested")
    ff.type_into(qtbot, form.counts["arrests_count"], "1")
    history = form.legal_history
    ff.type_into(qtbot, history.date.edit, "2019-08")
    add_entry(qtbot, history, "2019-08", "Arrest made")
    add_entry(qtbot, history, "2019-09", "Referred for prosecution")
    ff.type_into(qtbot, history.agency, DOJ)
    lake_worth = save(qtbot, services, form)

    # The directive: 12 September 2019, FPS to present a plan to secure all ICE facilities within two weeks.
    directives = DirectiveService(services.database)
    form_d = ff.shown(qtbot, DirectiveForm(None, services.facilities.names()))
    assert isinstance(form_d, DirectiveForm)
    qtbot.keyClicks(form_d.title, "FPS: plan to secure all ICE facilities")
    ff.type_into(qtbot, form_d.issuing_office, "DHS Acting Deputy Secretary")
    ff.type_into(qtbot, form_d.issued_on.edit, "12 September 2019")
    qtbot.mouseClick(form_d.quick_buttons[0], Qt.MouseButton.LeftButton)  # +14 days
    ff.type_into(qtbot, form_d.source_reference, "DHS memorandum of 12 September 2019")
    ff.choose(qtbot, form_d.scope, DirectiveScope.AGENCY.label)
    for agency in (Agency.ICE_ERO, Agency.ICE_HSI):
        qtbot.mouseClick(form_d.scope_agencies.checks[agency], Qt.MouseButton.LeftButton)
    ff.press_save(qtbot, form_d)
    assert ff.accepted(form_d)
    directive = CreateRecord.perform(directives, form_d.edited_record(), lambda kind: None).record

    # Its plan items: the nationwide plan answering all three incidents, and a countermeasure at Tacoma.
    for description, facility, incidents in (
        ("Present a detailed plan for securing all ICE facilities", None,
         ("Armed attack", "Shots fired", "Molotov")),
        ("Perimeter lighting and vehicle barriers", "Northwest", ("Armed attack",)),
    ):  # fmt: skip
        form_p = ff.shown(qtbot, PlanItemForm(None, services.facilities.names(),
                                              directives=[(directive.uuid, directive.title)]))  # fmt: skip
        assert isinstance(form_p, PlanItemForm)
        form_p.incidents.attach(IncidentChoices(services.incidents))
        if facility:
            ff.pick_facility(qtbot, form_p.facility, facility)
        ff.type_into(qtbot, form_p.description, description)
        ff.choose(qtbot, form_p.directive, directive.title)
        for title in incidents:
            keys.pick(qtbot, form_p.incidents, title)
        ff.press_save(qtbot, form_p)
        assert ff.accepted(form_p)
        CreateRecord.perform(services.plan_items, form_p.edited_record(), lambda kind: None)

    # What the database holds.
    stored = {uuid: services.incidents.get(uuid) for uuid in (tacoma, san_antonio, lake_worth)}
    t, s, lw = stored[tacoma], stored[san_antonio], stored[lake_worth]
    assert t.occurred == PartialDate(DatePrecision.DAY, date(2019, 7, 13), time_of_day=TimeOfDay.EARLY_MORNING)
    assert t.attack_types == (AttackType.ARMED_ASSAULT, AttackType.FACILITY_INFRASTRUCTURE_ATTACK)
    assert t.target_types == (TargetType.BUILDING, TargetType.VEHICLES)
    assert t.perpetrator_outcome is PerpetratorOutcome.KILLED
    assert s.occurred == PartialDate(DatePrecision.DAY, date(2019, 8, 13), time_of_day=TimeOfDay.NIGHT)
    assert lw.occurred == PartialDate(DatePrecision.RANGE, date(2019, 8, 21), until=date(2019, 8, 31),
                                      approximate=True)  # fmt: skip
    assert lw.status is CaseStatus.REFERRED_FOR_PROSECUTION
    assert [(c.status, c.changed.iso(), c.agency) for c in lw.status_history] == [
        (CaseStatus.REPORTED, "2019-08", ""),
        (CaseStatus.ARREST_MADE, "2019-08", ""),
        (CaseStatus.REFERRED_FOR_PROSECUTION, "2019-09", DOJ),
    ]
    memo = directives.get(directive.uuid)
    assert (memo.issued_on, memo.deadline, memo.scope) == (date(2019, 9, 12), date(2019, 9, 26), DirectiveScope.AGENCY)
    assert memo.scope_agencies == (Agency.ICE_ERO, Agency.ICE_HSI)
    under = services.plan_items.page(PlanItemFilter(directive_uuid=directive.uuid))
    assert {p.description: len(p.incident_uuids) for p in under} == {
        "Present a detailed plan for securing all ICE facilities": 3,
        "Perimeter lighting and vehicle barriers": 1,
    }

    # A period from 2019-08-15: Lake Worth (late August: about the 21st to the 31st) is in, but only possibly.
    period = IncidentFilter(occurred_from=date(2019, 8, 15))
    found = services.incidents.page(period)
    assert [i.uuid for i in found] == [lake_worth]
    assert not found[0].occurred.wholly_within(period.occurred_from, period.occurred_to)  # "possibly"
