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

    @property
    def reassessment_years(self) -> int:
        """ISC: reassess every 3 years at FSL III-V, every 5 years at FSL I-II."""
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
}


CODED_FIELDS: dict[str, tuple[type[LabelledEnum], ...]] = {
    "agency": (Agency,),
    "facility_type": (FacilityType,),
    "security_level": (SecurityLevel,),
    "attack_type": (AttackType,),
    "severity": (Severity,),
    "property_damage": (DamageStatus,),
    "status": (CaseStatus, PlanStatus),
}
"""The enumerations whose codes a record field stores (what an audit value's code is a code of)."""
