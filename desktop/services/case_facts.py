"""Case-fact figures of the dashboard and the briefing: pending referrals, "possibly" in a period, GTD breakdowns."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from desktop.domain.enums import DamageStatus, DatePrecision, PerpetratorOutcome, PropertyExtent, TargetType
from desktop.domain.queries import IncidentFilter, Page
from desktop.domain.records import Incident
from desktop.domain.values import PartialDate
from desktop.persistence.unit_of_work import UnitOfWork

POSSIBLY = "possibly"
POSSIBLY_MEANS = "possibly: the date is approximate or reaches outside the period, so it may lie outside it"
PENDING_REFERRAL_MEANS = (
    "The memo's directive: violent offenders referred to DOJ. Cases with an arrest or a known perpetrator "
    "and no referral for prosecution yet (not those closed as unfounded)."
)


def has_period(where: IncidentFilter) -> bool:
    return where.occurred_from is not None or where.occurred_to is not None


def possibly_in(occurred: PartialDate, first: date | None, last: date | None) -> bool:
    """Whether an incident a period [first, last] selects (its date overlaps it) is only "possibly" in it: its
    date is approximate or not wholly inside. Never without a period (nothing to be inside of)."""
    if first is None and last is None:
        return False
    return occurred.overlaps(first, last) and not occurred.wholly_within(first, last)


def possibly_in_filter(incident: Incident, where: IncidentFilter) -> bool:
    return possibly_in(incident.occurred, where.occurred_from, where.occurred_to)


@dataclass(frozen=True, slots=True)
class PeriodCounts:
    """The incidents a period selects: all that overlap it, and how many of those only possibly lie in it."""

    incidents: int
    possibly: int

    @property
    def certainly(self) -> int:
        return self.incidents - self.possibly

    def text(self) -> str:
        """ "1 possibly in the period" (empty when none is)."""
        return f"{self.possibly:,} {POSSIBLY} in the period" if self.possibly else ""


class DamageBand(StrEnum):
    """GTD property extent bands, with "no damage" and the two kinds of unknown kept apart."""

    CATASTROPHIC = "catastrophic"
    MAJOR = "major"
    MINOR = "minor"
    EXTENT_UNKNOWN = "extent_unknown"  # damage, of unknown extent
    NO_DAMAGE = "no_damage"
    DAMAGE_UNKNOWN = "damage_unknown"  # whether there was damage is not known

    @property
    def label(self) -> str:
        return _BAND_LABELS[self]

    @classmethod
    def of(cls, damage: DamageStatus, extent: PropertyExtent | None) -> DamageBand:
        if damage is DamageStatus.NO:
            return cls.NO_DAMAGE
        if damage is DamageStatus.UNKNOWN:
            return cls.DAMAGE_UNKNOWN
        if extent is None or extent is PropertyExtent.UNKNOWN:
            return cls.EXTENT_UNKNOWN
        return cls(extent.value)


_BAND_LABELS = {
    DamageBand.CATASTROPHIC: PropertyExtent.CATASTROPHIC.label,
    DamageBand.MAJOR: PropertyExtent.MAJOR.label,
    DamageBand.MINOR: PropertyExtent.MINOR.label,
    DamageBand.EXTENT_UNKNOWN: "Damage, extent unknown",
    DamageBand.NO_DAMAGE: "No damage",
    DamageBand.DAMAGE_UNKNOWN: "Unknown whether damaged",
}


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the dashboard shows beyond its charts of counts: pending referrals (of the filtered incidents),
    the period's "possibly" count (None without a period), incidents by primary target type and by damage band."""

    pending_referral: int
    period: PeriodCounts | None
    target_types: tuple[tuple[TargetType, int], ...]  # every target type, in TargetType order
    damage: tuple[tuple[DamageBand, int], ...]  # every band, in DamageBand order


def case_facts(uow: UnitOfWork, where: IncidentFilter) -> CaseFacts:
    """The case-fact figures of the incidents `where` selects (a GROUP BY and the pending-referral count)."""
    targets: dict[TargetType, int] = {}
    bands: dict[DamageBand, int] = {}
    incidents = possibly = 0
    for (target, damage, extent), (n, maybe) in uow.figures.case_fact_counts(where).items():
        targets[target] = targets.get(target, 0) + n
        band = DamageBand.of(damage, extent)
        bands[band] = bands.get(band, 0) + n
        incidents, possibly = incidents + n, possibly + maybe
    return CaseFacts(
        pending_referral=uow.incidents.count(replace(where, pending_referral=True)),
        period=PeriodCounts(incidents, possibly) if has_period(where) else None,
        target_types=tuple((target, targets.get(target, 0)) for target in TargetType),
        damage=tuple((band, bands.get(band, 0)) for band in DamageBand),
    )


# -- the pending referrals listed in the briefing -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PendingReferral:
    """A case the memo's directive waits on: arrested (`arrested` is the earliest recorded arrest) or its
    perpetrator known, and not referred for prosecution."""

    incident: Incident
    arrested: PartialDate | None  # the date of the earliest "arrest made" entry, None without one

    @property
    def arrest_recorded(self) -> bool:
        """An arrest is known: a dated entry, an arrest count or the perpetrator outcome."""
        incident = self.incident
        return (
            self.arrested is not None
            or (incident.arrests_count or 0) > 0
            or incident.perpetrator_outcome is PerpetratorOutcome.ARRESTED
        )

    def days_since_arrest(self, today: date) -> tuple[int, bool] | None:
        """(days, exact): days from the arrest to `today`; not exact ("at least") when only the month, year or
        a range of the arrest is known (counted from its last possible day). None without a dated arrest."""
        if self.arrested is None or self.arrested.end is None:
            return None
        exact = self.arrested.precision is DatePrecision.DAY and not self.arrested.approximate
        return (today - self.arrested.end).days, exact

    def arrest_text(self) -> str:
        """ "arrest 2019-08-31", "arrest made, date not recorded" or "perpetrator known, no arrest"."""
        if self.arrested is not None:
            return f"arrest {self.arrested.label()}"
        return "arrest made, date not recorded" if self.arrest_recorded else "perpetrator known, no arrest"

    def waiting_text(self, today: date) -> str:
        """ "32 days", "at least 3 days" or "–" (no dated arrest)."""
        since = self.days_since_arrest(today)
        if since is None:
            return "–"
        days, exact = since
        unit = "day" if abs(days) == 1 else "days"
        return f"{days:,} {unit}" if exact else f"at least {days:,} {unit}"


@dataclass(frozen=True, slots=True)
class PendingReferrals:
    cases: tuple[PendingReferral, ...]  # longest waiting first, at most the limit asked for
    total: int


def pending_referrals(uow: UnitOfWork, where: IncidentFilter, today: date, limit: int) -> PendingReferrals:
    """The pending-referral cases `where` selects: the longest waiting (earliest arrest) first, then those
    arrested on an unrecorded day, then those with a known perpetrator and no arrest, each oldest first."""
    pending = replace(where, pending_referral=True)
    total = uow.incidents.count(pending)
    incidents = uow.incidents.page(pending, Page(limit=limit, sort="occurred"))
    arrests = uow.figures.arrest_dates(incident.uuid for incident in incidents)
    cases = [PendingReferral(incident, arrests.get(incident.uuid)) for incident in incidents]
    cases.sort(key=lambda case: _waiting_order(case, today))
    return PendingReferrals(tuple(cases), total)


def _waiting_order(case: PendingReferral, today: date) -> tuple[int, int]:
    since = case.days_since_arrest(today)
    if since is not None:
        return 0, -since[0]
    return (1 if case.arrest_recorded else 2), 0
