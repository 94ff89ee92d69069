"""Frozen records of facilities, incidents, plan items and audit entries, as services return them."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.domain.enums import (
    Agency,
    AttackType,
    AuditAction,
    CaseStatus,
    DamageStatus,
    DirectiveScope,
    FacilityType,
    OperatorKind,
    PerpetratorOutcome,
    PlanStatus,
    PropertyExtent,
    SecurityLevel,
    Severity,
    TargetType,
    YesNoUnknown,
)
from desktop.domain.values import PartialDate, StatusChange, Weapon


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later (28 February for 29 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def latest_assessment_due_by(by: date, years: int) -> date:
    """The last assessment day whose reassessment `years` later (add_years) falls on or before `by`."""
    target = by.year - years
    if (by.month, by.day) == (2, 28) and not calendar.isleap(by.year) and calendar.isleap(target):
        return date(target, 2, 29)  # reassessed on 28 February in a common year
    return add_years(by, -years)


@dataclass(frozen=True, slots=True)
class Facility:
    name: str
    agency: Agency = Agency.OTHER
    facility_type: FacilityType = FacilityType.OTHER
    address: str = ""
    city: str = ""
    state: str = ""
    zip_code: str = ""
    latitude: float | None = None
    longitude: float | None = None
    security_level: SecurityLevel | None = None  # None: not assessed; SecurityLevel.UNKNOWN: level not known
    last_assessment: date | None = None
    notes: str = ""
    operator: OperatorKind = OperatorKind.UNKNOWN
    operator_name: str = ""  # the contractor (or the government office) that runs it
    uuid: str = ""
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None
    created_by: str | None = None  # set by the database: the user (None: not known)
    updated_by: str | None = None

    @property
    def reassessment_due(self) -> date | None:
        """ISC cycle: last assessment + 3 years (FSL III-V) or + 5 years (FSL I-II)."""
        if self.last_assessment is None or self.security_level is None:
            return None
        years = self.security_level.reassessment_years
        return None if years is None else add_years(self.last_assessment, years)


SENSITIVE_INCIDENT_FIELDS = ("suspect_names", "personal_details")


@dataclass(frozen=True, slots=True)
class Incident:
    facility_uuid: str
    title: str
    occurred: PartialDate = field(default_factory=PartialDate)
    case_number: str | None = None
    discovered_at: datetime | None = None
    reported_at: datetime | None = None
    attack_type: AttackType = AttackType.UNKNOWN
    weapons: tuple[Weapon, ...] = ()
    completed: bool = True
    severity: Severity = Severity.MEDIUM
    victims_killed: int | None = None
    victims_injured: int | None = None
    perpetrators_killed: int | None = None
    perpetrators_injured: int | None = None
    property_damage: DamageStatus = DamageStatus.UNKNOWN
    damage_estimate_usd: int | None = None
    suspects_count: int | None = None
    arrests_count: int | None = None
    investigating_agencies: str = ""
    status: CaseStatus = CaseStatus.REPORTED
    description: str = ""
    sources: str = ""
    suspect_names: str = ""
    personal_details: str = ""
    status_history: tuple[StatusChange, ...] = ()
    attack_type_2: AttackType | None = None  # GTD attacktype2-3: further attack types of the same incident
    attack_type_3: AttackType | None = None
    target_type: TargetType = TargetType.UNKNOWN  # GTD targtype1-3
    target_type_2: TargetType | None = None
    target_type_3: TargetType | None = None
    property_extent: PropertyExtent | None = None  # GTD propextent, with property damage only
    hostages: YesNoUnknown = YesNoUnknown.UNKNOWN  # hostages taken or people kidnapped
    perpetrator_outcome: PerpetratorOutcome = PerpetratorOutcome.UNKNOWN  # the response: killed, arrested…
    related_uuids: tuple[str, ...] = ()  # incidents this one is linked to (same attacker, a series)
    facility_name: str = ""
    withheld: frozenset[str] = frozenset()  # fields this login may not read (their values "": not known, not empty)
    uuid: str = ""
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None
    created_by: str | None = None  # set by the database: the user (None: not known)
    updated_by: str | None = None

    @property
    def attack_types(self) -> tuple[AttackType, ...]:
        """The attack types in GTD order (the first is the primary one)."""
        return tuple(t for t in (self.attack_type, self.attack_type_2, self.attack_type_3) if t is not None)

    @property
    def target_types(self) -> tuple[TargetType, ...]:
        return tuple(t for t in (self.target_type, self.target_type_2, self.target_type_3) if t is not None)


@dataclass(frozen=True, slots=True)
class PlanItem:
    """A countermeasure or action; an empty facility_uuid means it covers all facilities. It may carry out a
    directive (`directive_uuid`) and answer incidents (`incident_uuids`)."""

    facility_uuid: str
    description: str
    owner: str = ""
    due_date: date | None = None
    status: PlanStatus = PlanStatus.PROPOSED
    risk_rationale: str = ""
    notes: str = ""
    incident_uuids: tuple[str, ...] = ()
    directive_uuid: str | None = None
    facility_name: str = ""
    directive_title: str = ""
    uuid: str = ""
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None
    created_by: str | None = None  # set by the database: the user (None: not known)
    updated_by: str | None = None

    def is_overdue(self, today: date) -> bool:
        return self.due_date is not None and self.due_date < today and not self.status.is_done

    def is_due_within(self, today: date, days: int) -> bool:
        if self.due_date is None or self.status.is_done:
            return False
        return 0 <= (self.due_date - today).days <= days


@dataclass(frozen=True, slots=True)
class Directive:
    """An order that secures facilities (the memo's "FPS: plan to secure all ICE facilities within two
    weeks"): who issued it when, by when, from which document, and which facilities it reaches."""

    title: str
    issuing_office: str = ""
    issued_on: date | None = None
    deadline: date | None = None
    source_reference: str = ""
    scope: DirectiveScope = DirectiveScope.ALL
    scope_facility_uuid: str | None = None  # scope FACILITY
    scope_agencies: tuple[Agency, ...] = ()  # scope AGENCY
    scope_facility_types: tuple[FacilityType, ...] = ()  # scope FACILITY_TYPE
    notes: str = ""
    scope_facility_name: str = ""
    uuid: str = ""
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None
    created_by: str | None = None  # set by the database: the user (None: not known)
    updated_by: str | None = None

    def reaches(self, facility: Facility) -> bool:
        """Whether the directive applies to `facility`."""
        if self.scope is DirectiveScope.FACILITY:
            return facility.uuid == self.scope_facility_uuid
        if self.scope is DirectiveScope.AGENCY:
            return facility.agency in self.scope_agencies
        if self.scope is DirectiveScope.FACILITY_TYPE:
            return facility.facility_type in self.scope_facility_types
        return True

    def is_overdue(self, today: date, implemented: int, total: int) -> bool:
        """Past the deadline with plan items not all done (or none at all)."""
        return self.deadline is not None and self.deadline < today and (total == 0 or implemented < total)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: datetime
    action: AuditAction
    entity: str
    entity_uuid: str
    changes: dict[str, tuple[object, object]]
    id: int = 0
    entry_hash: str = ""
    prev_hash: str = ""
    actor: str | None = None  # the user who made it; None: not known (entries from before users were recorded)
