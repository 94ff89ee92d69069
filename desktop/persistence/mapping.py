"""Conversion between ORM rows and frozen domain records."""

from __future__ import annotations

import uuid as uuid_module
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session, object_session

from desktop.domain.enums import Agency, DatePrecision, FacilityType, SecurityLevel
from desktop.domain.records import Directive, Facility, Incident, PlanItem
from desktop.domain.values import PartialDate, StatusChange, Weapon
from desktop.persistence.models import (
    WITHHELD,
    DirectiveRow,
    FacilityRow,
    IncidentLinkRow,
    IncidentRow,
    PlanItemIncidentRow,
    PlanItemRow,
    StatusChangeRow,
    WeaponRow,
)

FACILITY_FIELDS = (
    "name", "agency", "facility_type", "address", "city", "state", "zip_code",
    "latitude", "longitude", "last_assessment", "notes", "operator", "operator_name",
)  # fmt: skip
INCIDENT_SCALARS = (
    "case_number", "title", "discovered_at", "reported_at", "attack_type", "completed", "severity",
    "victims_killed", "victims_injured", "perpetrators_killed", "perpetrators_injured",
    "property_damage", "damage_estimate_usd", "suspects_count", "arrests_count",
    "investigating_agencies", "status", "description", "sources", "suspect_names", "personal_details",
    "attack_type_2", "attack_type_3", "target_type", "target_type_2", "target_type_3", "property_extent",
    "hostages", "perpetrator_outcome",
)  # fmt: skip
PLAN_ITEM_FIELDS = ("description", "owner", "due_date", "status", "risk_rationale", "notes")
DIRECTIVE_FIELDS = ("title", "issuing_office", "issued_on", "deadline", "source_reference", "scope", "notes")


def new_uuid() -> str:
    return str(uuid_module.uuid4())


def facility_record(row: FacilityRow) -> Facility:
    values = {name: getattr(row, name) for name in FACILITY_FIELDS}
    level = SecurityLevel.UNKNOWN if row.fsl_unknown else row.security_level
    return Facility(**values, security_level=level, uuid=row.uuid, version=row.version,
                    created_at=row.created_at, updated_at=row.updated_at,
                    created_by=row.created_by, updated_by=row.updated_by)  # fmt: skip


def apply_facility(row: FacilityRow, record: Facility) -> None:
    for name in FACILITY_FIELDS:
        setattr(row, name, getattr(record, name))
    row.fsl_unknown = record.security_level is SecurityLevel.UNKNOWN
    row.security_level = None if row.fsl_unknown else record.security_level


def stored_date(precision: DatePrecision, on: date | None, end: date | None, **parts: Any) -> PartialDate:
    """The PartialDate of stored columns: a "day" whose end is later than its start is a range."""
    if precision is DatePrecision.DAY and on is not None and end is not None and end > on:
        return PartialDate(DatePrecision.RANGE, on, until=end, **parts)
    return PartialDate(precision, on, **parts)


def occurred_columns(occurred: PartialDate) -> dict[str, Any]:
    """The occurred_* columns of a date (a range as precision "day" with a later end; see models)."""
    known = occurred.is_known
    precision = occurred.precision if known else DatePrecision.UNKNOWN
    return {
        "occurred_precision": DatePrecision.DAY if precision is DatePrecision.RANGE else precision,
        "occurred_on": occurred.on if known else None, "occurred_end": occurred.end,
        "occurred_time": occurred.at if known else None,
        "occurred_approximate": occurred.approximate and known, "occurred_time_of_day": occurred.time_of_day,
    }  # fmt: skip


def occurred_of(row: IncidentRow) -> PartialDate:
    return stored_date(row.occurred_precision, row.occurred_on, row.occurred_end, at=row.occurred_time,
                       approximate=row.occurred_approximate, time_of_day=row.occurred_time_of_day)  # fmt: skip


def status_change_record(row: StatusChangeRow) -> StatusChange:
    changed = PartialDate(row.changed_precision, row.changed_on, until=row.changed_until,
                          approximate=row.changed_approximate)  # fmt: skip
    return StatusChange(row.status, changed, row.note, row.recorded_at, row.agency, row.reference, row.charges)


def status_change_columns(change: StatusChange) -> dict[str, Any]:
    return {
        "status": change.status, "changed_on": change.changed_on, "changed_precision": change.changed.precision,
        "changed_until": change.changed.until, "changed_approximate": change.changed.approximate,
        "note": change.note, "agency": change.agency, "reference": change.reference, "charges": change.charges,
    }  # fmt: skip


def withheld_of(row: object) -> frozenset[str]:
    """The fields the login reading `row` may not read (UnitOfWork puts them in its session's info)."""
    session = object_session(row)
    return withheld_of_session(session) if session is not None else frozenset()


def withheld_of_session(session: Session) -> frozenset[str]:
    withheld: frozenset[str] = session.info.get(WITHHELD, frozenset())
    return withheld


def incident_record(row: IncidentRow, *, with_history: bool = False) -> Incident:
    withheld = withheld_of(row)  # never read: the server would refuse the statement that loads them
    values: dict[str, Any] = {name: "" if name in withheld else getattr(row, name) for name in INCIDENT_SCALARS}
    history = tuple(status_change_record(c) for c in row.status_changes) if with_history else ()
    related = tuple(link.related.uuid for link in row.links) if with_history else ()
    return Incident(
        **values,
        facility_uuid=row.facility.uuid,
        facility_name=row.facility.name,
        occurred=occurred_of(row),
        related_uuids=related,
        weapons=tuple(Weapon(w.weapon_type, w.subtype) for w in row.weapons),
        status_history=history,
        uuid=row.uuid,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
        withheld=withheld,
        created_by=row.created_by,
        updated_by=row.updated_by,
    )


def case_number(record: Incident) -> str | None:
    """The case number as stored: surrounding blanks removed, a blank one is no case number (NULL)."""
    return (record.case_number or "").strip() or None


def incident_columns(record: Incident) -> dict[str, Any]:
    """The incident's own column values as stored (not its ids, stamps, facility, weapons or status history); a
    field withheld from the login that read the record is left out (never written back as empty)."""
    values: dict[str, Any] = {name: getattr(record, name) for name in INCIDENT_SCALARS if name not in record.withheld}
    values["case_number"] = case_number(record)
    values.update(occurred_columns(record.occurred))
    return values


def apply_incident(row: IncidentRow, record: Incident, facility: FacilityRow) -> None:
    for name, value in incident_columns(record).items():
        setattr(row, name, value)
    row.facility = facility
    current = [(w.weapon_type, w.subtype) for w in row.weapons]
    wanted = [(w.type, w.subtype) for w in record.weapons]
    if current != wanted:
        row.weapons = [WeaponRow(position=i, weapon_type=t, subtype=s) for i, (t, s) in enumerate(wanted)]


def status_change_row(change: StatusChange, recorded_at: datetime) -> StatusChangeRow:
    return StatusChangeRow(**status_change_columns(change), recorded_at=recorded_at)


SELF_LINK = "cannot include the incident itself"


def apply_links(row: IncidentRow, related: list[IncidentRow]) -> None:
    """Link `row` to `related`, in that order (rows kept where they stay)."""
    if [link.related_id for link in row.links] != [r.id for r in related]:
        row.links = [IncidentLinkRow(related=r, related_id=r.id, position=i) for i, r in enumerate(related)]


def plan_item_record(row: PlanItemRow) -> PlanItem:
    values = {name: getattr(row, name) for name in PLAN_ITEM_FIELDS}
    return PlanItem(
        **values,
        facility_uuid=row.facility.uuid if row.facility is not None else "",
        facility_name=row.facility.name if row.facility is not None else "",
        incident_uuids=tuple(link.incident.uuid for link in row.incident_links),
        directive_uuid=row.directive.uuid if row.directive is not None else None,
        directive_title=row.directive.title if row.directive is not None else "",
        uuid=row.uuid,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
        created_by=row.created_by,
        updated_by=row.updated_by,
    )


def apply_plan_item(
    row: PlanItemRow,
    record: PlanItem,
    facility: FacilityRow | None,
    incidents: list[IncidentRow],
    directive: DirectiveRow | None,
) -> None:
    for name in PLAN_ITEM_FIELDS:
        setattr(row, name, getattr(record, name))
    row.facility = facility
    row.directive = directive
    if [link.incident_id for link in row.incident_links] != [i.id for i in incidents] or any(
        i.id is None for i in incidents
    ):
        row.incident_links = [PlanItemIncidentRow(incident=i, position=n) for n, i in enumerate(incidents)]


def directive_record(row: DirectiveRow) -> Directive:
    values = {name: getattr(row, name) for name in DIRECTIVE_FIELDS}
    facility = row.scope_facility
    return Directive(
        **values,
        scope_facility_uuid=facility.uuid if facility is not None else None,
        scope_facility_name=facility.name if facility is not None else "",
        scope_agencies=tuple(Agency(code) for code in row.scope_agencies.split(";") if code),
        scope_facility_types=tuple(FacilityType(code) for code in row.scope_facility_types.split(";") if code),
        uuid=row.uuid, version=row.version, created_at=row.created_at, updated_at=row.updated_at,
        created_by=row.created_by,
        updated_by=row.updated_by,
    )  # fmt: skip


def apply_directive(row: DirectiveRow, record: Directive, facility: FacilityRow | None) -> None:
    for name in DIRECTIVE_FIELDS:
        setattr(row, name, getattr(record, name))
    row.scope_facility = facility
    row.scope_agencies = ";".join(a.value for a in record.scope_agencies)
    row.scope_facility_types = ";".join(t.value for t in record.scope_facility_types)
