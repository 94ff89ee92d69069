"""Case facts of generated incidents: ranges, approximate dates and bands of the day, GTD attack and target types,
damage extents, hostages, perpetrator outcomes, legal history details and related incidents."""

from __future__ import annotations

import random

from desktop.domain.enums import (
    AttackType,
    CaseStatus,
    DamageStatus,
    DatePrecision,
    PerpetratorOutcome,
    PropertyExtent,
    TargetType,
    TimeOfDay,
    YesNoUnknown,
)

FACT_COLUMNS = (
    "occurred_end", "occurred_approximate", "occurred_time_of_day", "attack_type_2", "attack_type_3", "target_type",
    "target_type_2", "property_extent", "hostages", "perpetrator_outcome",
)  # fmt: skip
T = TargetType
TARGETS: dict[AttackType, tuple[TargetType, ...]] = {
    AttackType.VANDALISM: (T.BUILDING, T.VEHICLES, T.PERIMETER, T.UTILITIES_EQUIPMENT),
    AttackType.THREAT: (T.PERSONNEL, T.BUILDING, T.DETAINEES),
    AttackType.PROTEST_PEACEFUL: (T.PERIMETER, T.BUILDING, T.VISITORS_PUBLIC),
    AttackType.PROTEST_UNLAWFUL: (T.PERIMETER, T.BUILDING, T.VEHICLES, T.PERSONNEL),
    AttackType.BREACH_OF_SECURITY: (T.PERIMETER, T.BUILDING),
    AttackType.FACILITY_INFRASTRUCTURE_ATTACK: (T.BUILDING, T.VEHICLES, T.UTILITIES_EQUIPMENT),
    AttackType.UNARMED_ASSAULT: (T.PERSONNEL, T.VISITORS_PUBLIC),
    AttackType.ARMED_ASSAULT: (T.BUILDING, T.PERSONNEL, T.VEHICLES),
    AttackType.BOMBING_EXPLOSION: (T.BUILDING, T.VEHICLES, T.PERIMETER),
    AttackType.HOSTAGE_TAKING: (T.PERSONNEL, T.DETAINEES),
    AttackType.ASSASSINATION: (T.PERSONNEL,),
    AttackType.OTHER: (T.OTHER, T.BUILDING),
    AttackType.UNKNOWN: (T.UNKNOWN,),
}
# further attack types seen together with a first one (an arson attempt after a breach, threats after vandalism)
FURTHER_ATTACKS = (AttackType.THREAT, AttackType.VANDALISM, AttackType.FACILITY_INFRASTRUCTURE_ATTACK,
                   AttackType.BREACH_OF_SECURITY, AttackType.ARMED_ASSAULT)  # fmt: skip
BANDS = tuple(band.value for band in TimeOfDay)
REFERRED = {CaseStatus.REFERRED_FOR_PROSECUTION.value, CaseStatus.CHARGED.value, CaseStatus.ADJUDICATED.value}
PROSECUTORS = ("U.S. Attorney's Office, W.D. Wash.", "U.S. Attorney's Office, W.D. Tex.", "DOJ", "State Attorney",
               "U.S. Attorney's Office, S.D. Fla.", "U.S. Attorney's Office, D. Or.")  # fmt: skip
CHARGES = ("18 U.S.C. § 111 (assaulting a federal officer)", "18 U.S.C. § 1361 (damage to government property)",
           "18 U.S.C. § 844(f) (arson of federal property)", "18 U.S.C. § 875 (interstate threats)",
           "18 U.S.C. § 1361; 18 U.S.C. § 2")  # fmt: skip
RANGE_RATE, LINK_RATE = 0.04, 0.01


def dating(
    rng: random.Random, precision: DatePrecision, days: list[str], day: int
) -> tuple[str | None, int, str | None]:
    """(occurred_end of a range (None: the last day the precision gives, filled in afterwards), approximate,
    band of the day) for an incident on `days[day]`: a range is stored as precision "day" with a later end."""
    roll = rng.random()
    if precision is DatePrecision.RANGE:
        return days[day + 1 + int(rng.random() * 20)], int(roll < 0.2), None
    if precision in (DatePrecision.MONTH, DatePrecision.YEAR):
        return None, int(roll < 0.25), None
    if precision is DatePrecision.DAY:
        band = BANDS[int(rng.random() * len(BANDS))] if roll < 0.12 else None
        return None, int(0.12 <= roll < 0.15), band
    return None, 0, None


def gtd(
    rng: random.Random, attack: AttackType, damage: str, estimate: int | None, arrested: bool
) -> tuple[tuple[object, ...], int | None]:
    """The GTD columns after the dates (attack_type_2 … perpetrator_outcome) and the damage estimate (a rare
    major one raised past a million)."""
    random_ = rng.random
    second = third = None
    if random_() < 0.04:
        second = next(a for a in rng.sample(FURTHER_ATTACKS, 2) if a is not attack)
        if random_() < 0.12:
            third = next(a for a in FURTHER_ATTACKS if a not in (attack, second))
    targets = TARGETS[attack]
    target = targets[int(random_() * len(targets))]
    target_2 = None
    if len(targets) > 1 and random_() < 0.06:
        target_2 = next(t for t in targets if t is not target)
    extent = None
    if damage == DamageStatus.YES.value:
        if estimate is not None and random_() < 0.02:
            estimate, extent = 1_000_000 + int(random_() * 4_000_000), PropertyExtent.MAJOR
        else:
            extent = PropertyExtent.MINOR if estimate is not None else PropertyExtent.UNKNOWN
    hostages = YesNoUnknown.YES if attack is AttackType.HOSTAGE_TAKING else (
        YesNoUnknown.NO if random_() < 0.6 else YesNoUnknown.UNKNOWN)  # fmt: skip
    if arrested:
        outcome = PerpetratorOutcome.ARRESTED
    elif attack is AttackType.ARMED_ASSAULT and random_() < 0.3:
        outcome = PerpetratorOutcome.KILLED
    else:
        outcome = PerpetratorOutcome.FLED if random_() < 0.3 else PerpetratorOutcome.UNKNOWN
    codes = (second, third, target, target_2, extent, hostages, outcome)
    return tuple(code.value if code is not None else None for code in codes), estimate


def legal_details(rng: random.Random, status: str, year: str, incident_id: int) -> tuple[str, str, str]:
    """(agency, reference, charges) of the legal history entry of a case that went to a prosecutor."""
    if status not in REFERRED:
        return "", "", ""
    agency = PROSECUTORS[int(rng.random() * len(PROSECUTORS))]
    charges = CHARGES[int(rng.random() * len(CHARGES))] if status != CaseStatus.REFERRED_FOR_PROSECUTION.value else ""
    return agency, f"{year[2:]}-cr-{incident_id % 100_000:05d}", charges


def related(rng: random.Random, incident_id: int, first_id: int) -> tuple[int, int, int] | None:
    """Now and then a link to an earlier incident of the same batch (a series): (incident, related, position)."""
    if incident_id > first_id and rng.random() < LINK_RATE:
        return incident_id, first_id + int(rng.random() * (incident_id - first_id)), 0
    return None
