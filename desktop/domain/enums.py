"""Coded enumerations of the data model; each member has a stable code (its value) and a label."""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class LabelledEnum(StrEnum):
    """A StrEnum whose value is the stable code and whose label is for people."""

    @property
    def label(self) -> str:
        return _LABELS.get(self, self.value.replace("_", " ").capitalize())

    @classmethod
    def parse(cls, text: str) -> Self:
        """Accept a code or a label (case-insensitive); raise ValueError naming the choices."""
        wanted = text.strip().casefold()
        for member in cls:
            if wanted in (member.value.casefold(), member.label.casefold()):
                return member
        choices = ", ".join(m.label for m in cls)
        raise ValueError(f"unknown value {text.strip()!r}; choose one of: {choices}")


class Agency(LabelledEnum):
    ICE_ERO = "ice_ero"
    ICE_HSI = "ice_hsi"
    USCIS = "uscis"
    CBP = "cbp"
    FPS = "fps"
    OTHER = "other"


class FacilityType(LabelledEnum):
    DETENTION_CENTER = "detention_center"
    FIELD_OFFICE = "field_office"
    PROCESSING_CENTER = "processing_center"
    BENEFITS_OFFICE = "benefits_office"
    OTHER = "other"


class SecurityLevel(LabelledEnum):
    """Facility Security Level per the Interagency Security Committee (ISC)."""

    I = "1"  # noqa: E741 - the ISC's own roman numerals
    II = "2"
    III = "3"
    IV = "4"
    V = "5"
    UNKNOWN = "unknown"  # assessed, but the level is not known to the analyst (distinct from not assessed: None)

    @property
    def reassessment_years(self) -> int | None:
        """ISC: reassess every 3 years at FSL III-V, every 5 years at FSL I-II; None for an unknown level."""
        if self is SecurityLevel.UNKNOWN:
            return None
        return 5 if self in (SecurityLevel.I, SecurityLevel.II) else 3


class AttackType(LabelledEnum):
    """GTD attack types plus the non-terrorism categories a facility log needs."""

    ARMED_ASSAULT = "armed_assault"
    BOMBING_EXPLOSION = "bombing_explosion"
    FACILITY_INFRASTRUCTURE_ATTACK = "facility_infrastructure_attack"
    UNARMED_ASSAULT = "unarmed_assault"
    HOSTAGE_TAKING = "hostage_taking"
    ASSASSINATION = "assassination"
    THREAT = "threat"
    BREACH_OF_SECURITY = "breach_of_security"
    VANDALISM = "vandalism"
    PROTEST_PEACEFUL = "protest_peaceful"
    PROTEST_UNLAWFUL = "protest_unlawful"
    OTHER = "other"
    UNKNOWN = "unknown"


class TargetType(LabelledEnum):
    """What was attacked, after the GTD's target types (targtype1-3) narrowed to a facility's parts."""

    BUILDING = "building"
    VEHICLES = "vehicles"
    PERIMETER = "perimeter"
    PERSONNEL = "personnel"
    DETAINEES = "detainees"
    VISITORS_PUBLIC = "visitors_public"
    UTILITIES_EQUIPMENT = "utilities_equipment"
    OTHER = "other"
    UNKNOWN = "unknown"


class PropertyExtent(LabelledEnum):
    """GTD propextent: how much property damage, by value band."""

    CATASTROPHIC = "catastrophic"
    MAJOR = "major"
    MINOR = "minor"
    UNKNOWN = "unknown"

    @classmethod
    def of_estimate(cls, usd: int | None) -> PropertyExtent:
        """The GTD band of a known estimate: ≥ $1 billion, ≥ $1 million, less; unknown without one."""
        if usd is None:
            return cls.UNKNOWN
        if usd >= 1_000_000_000:
            return cls.CATASTROPHIC
        return cls.MAJOR if usd >= 1_000_000 else cls.MINOR


class YesNoUnknown(LabelledEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class PerpetratorOutcome(LabelledEnum):
    """The response's outcome for the perpetrator(s)."""

    KILLED = "killed"
    WOUNDED = "wounded"
    ARRESTED = "arrested"
    FLED = "fled"
    UNKNOWN = "unknown"


class TimeOfDay(LabelledEnum):
    """A band of the day, for when the hour is not known."""

    NIGHT = "night"
    EARLY_MORNING = "early_morning"
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"

    @property
    def hours(self) -> str:
        return _HOURS[self]


class OperatorKind(LabelledEnum):
    """Who runs a facility: the government itself or a contractor (e.g. a contractor-run detention center)."""

    GOVERNMENT = "government"
    CONTRACTOR = "contractor"
    UNKNOWN = "unknown"


class DirectiveScope(LabelledEnum):
    """Which facilities a directive reaches."""

    FACILITY = "facility"
    AGENCY = "agency"
    FACILITY_TYPE = "facility_type"
    ALL = "all"


class WeaponType(LabelledEnum):
    """GTD weapon types."""

    FIREARMS = "firearms"
    EXPLOSIVES = "explosives"
    INCENDIARY = "incendiary"
    MELEE = "melee"
    VEHICLE = "vehicle"
    OTHER = "other"
    UNKNOWN = "unknown"


class Severity(LabelledEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class CaseStatus(LabelledEnum):
    """Legal lifecycle of an incident, in order."""

    REPORTED = "reported"
    UNDER_INVESTIGATION = "under_investigation"
    ARREST_MADE = "arrest_made"
    REFERRED_FOR_PROSECUTION = "referred_for_prosecution"
    CHARGED = "charged"
    ADJUDICATED = "adjudicated"
    CLOSED = "closed"
    UNFOUNDED = "unfounded"

    @property
    def is_open(self) -> bool:
        return self not in (CaseStatus.CLOSED, CaseStatus.UNFOUNDED, CaseStatus.ADJUDICATED)


class DamageStatus(LabelledEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class DatePrecision(LabelledEnum):
    """How much of an occurred date is known."""

    EXACT = "exact"  # date and time
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"  # an explicit range of days
    UNKNOWN = "unknown"


class PlanStatus(LabelledEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    IN_PROGRESS = "in_progress"
    IMPLEMENTED = "implemented"
    RISK_ACCEPTED = "risk_accepted"

    @property
    def is_done(self) -> bool:
        return self in (PlanStatus.IMPLEMENTED, PlanStatus.RISK_ACCEPTED)


class AuditAction(LabelledEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    IMPORT = "import"
    EXPORT = "export"
    RESTORE = "restore"


_LABELS: dict[StrEnum, str] = {
    Agency.ICE_ERO: "ICE ERO",
    Agency.ICE_HSI: "ICE HSI",
    Agency.USCIS: "USCIS",
    Agency.CBP: "CBP",
    Agency.FPS: "FPS",
    SecurityLevel.I: "I",
    SecurityLevel.II: "II",
    SecurityLevel.III: "III",
    SecurityLevel.IV: "IV",
    SecurityLevel.V: "V",
    AttackType.BOMBING_EXPLOSION: "Bombing/explosion",
    AttackType.FACILITY_INFRASTRUCTURE_ATTACK: "Facility/infrastructure attack",
    AttackType.PROTEST_PEACEFUL: "Protest – peaceful",
    AttackType.PROTEST_UNLAWFUL: "Protest – unlawful",
    DatePrecision.EXACT: "Exact time",
    SecurityLevel.UNKNOWN: "Unknown",
    PropertyExtent.CATASTROPHIC: "Catastrophic (≥ $1 billion)",
    PropertyExtent.MAJOR: "Major (≥ $1 million)",
    PropertyExtent.MINOR: "Minor (< $1 million)",
    TargetType.VISITORS_PUBLIC: "Visitors/public",
    TargetType.UTILITIES_EQUIPMENT: "Utilities/equipment",
    DirectiveScope.FACILITY: "One facility",
    DirectiveScope.AGENCY: "An agency's facilities",
    DirectiveScope.FACILITY_TYPE: "A facility type",
    DirectiveScope.ALL: "All facilities",
}

_HOURS = {
    TimeOfDay.NIGHT: "22:00–05:00",
    TimeOfDay.EARLY_MORNING: "05:00–08:00",
    TimeOfDay.MORNING: "08:00–12:00",
    TimeOfDay.AFTERNOON: "12:00–17:00",
    TimeOfDay.EVENING: "17:00–22:00",
}


CODED_FIELDS: dict[str, tuple[type[LabelledEnum], ...]] = {
    "agency": (Agency,),
    "facility_type": (FacilityType,),
    "security_level": (SecurityLevel,),
    "attack_type": (AttackType,),
    "attack_type_2": (AttackType,),
    "attack_type_3": (AttackType,),
    "target_type": (TargetType,),
    "target_type_2": (TargetType,),
    "target_type_3": (TargetType,),
    "property_extent": (PropertyExtent,),
    "hostages": (YesNoUnknown,),
    "perpetrator_outcome": (PerpetratorOutcome,),
    "operator": (OperatorKind,),
    "scope": (DirectiveScope,),
    "severity": (Severity,),
    "property_damage": (DamageStatus,),
    "status": (CaseStatus, PlanStatus),
}
"""The enumerations whose codes a record field stores (what an audit value's code is a code of)."""
