"""An incident's legal history as a list: its order by date, its current status, warnings and the rules of an entry."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date

from desktop.domain.enums import CaseStatus, DatePrecision, PerpetratorOutcome
from desktop.domain.values import StatusChange

REFERRED = (CaseStatus.REFERRED_FOR_PROSECUTION, CaseStatus.CHARGED, CaseStatus.ADJUDICATED)
"""The steps that say a case went to a prosecutor."""
_RANK = {status: rank for rank, status in enumerate(CaseStatus)}
_TERMINAL = (CaseStatus.CLOSED, CaseStatus.UNFOUNDED)


def in_date_order(history: Sequence[StatusChange]) -> list[StatusChange]:
    """The entries by their first possible day, then their last, then as listed (a stable sort)."""
    return sorted(history, key=lambda change: (change.changed_on, change.changed.end or change.changed_on))


def current_status(history: Sequence[StatusChange]) -> CaseStatus | None:
    """The status of the latest entry by date (the last listed among entries of the same dates)."""
    ordered = in_date_order(history)
    return ordered[-1].status if ordered else None


def history_warnings(history: Sequence[StatusChange]) -> list[str]:
    """What looks wrong but may be true, so is saved when the user says so: entries listed out of date order,
    a step of the lifecycle dated before an earlier step (a referral before the arrest)."""
    warnings: list[str] = []
    if list(history) != in_date_order(history):
        warnings.append("the entries are not listed in date order; they are kept and shown by date")
    ordered = in_date_order(history)
    for before, after in itertools.pairwise(ordered):
        if after.status in _TERMINAL or before.status in _TERMINAL:
            continue
        if _RANK[after.status] < _RANK[before.status]:
            warnings.append(
                f"{after.status.label.lower()} ({after.changed.label()}) is dated after "
                f"{before.status.label.lower()} ({before.changed.label()}), which usually comes later"
            )
    return warnings


def entry_problems(change: StatusChange, today: date) -> list[str]:
    """Why an entry cannot be saved: its date unknown, inconsistent or (its first day) in the future."""
    changed = change.changed
    if not changed.is_known or changed.precision is DatePrecision.UNKNOWN:
        return ["needs a date (a year, a month or a range will do)"]
    if problems := changed.problems():
        return problems
    if change.changed_on > today:
        return ["must not be in the future"]
    if changed.precision is DatePrecision.EXACT:
        return ["is a day, a month, a year or a range (no time of day)"]
    return []


def is_pending_referral(
    history: Sequence[StatusChange], arrests_count: int | None, suspect_names: str,
    outcome: PerpetratorOutcome, status: CaseStatus,
) -> bool:  # fmt: skip
    """The memo's directive (violent offenders referred to DOJ): an arrest or a known living perpetrator,
    and no referral for prosecution yet; not for cases closed as unfounded."""
    if status is CaseStatus.UNFOUNDED or any(change.status in REFERRED for change in history):
        return False
    arrested = (arrests_count or 0) > 0 or outcome is PerpetratorOutcome.ARRESTED
    arrested = arrested or any(change.status is CaseStatus.ARREST_MADE for change in history)
    known = bool(suspect_names.strip()) and outcome is not PerpetratorOutcome.KILLED
    return arrested or known


MILESTONES = (CaseStatus.ARREST_MADE, CaseStatus.REFERRED_FOR_PROSECUTION, CaseStatus.CHARGED)
"""The legal milestones a briefing lists for each incident: arrest, referral for prosecution, charges."""
_MILESTONE_NAMES = {CaseStatus.ARREST_MADE: "Arrest", CaseStatus.REFERRED_FOR_PROSECUTION: "Referred",
                    CaseStatus.CHARGED: "Charged"}  # fmt: skip


def legal_milestones(history: Sequence[StatusChange]) -> list[StatusChange]:
    """The arrests, referrals for prosecution and charges of a legal history, in date order, every one
    recorded (a case may be referred to two agencies), with its date as precisely as it is known."""
    return [change for change in in_date_order(history) if change.status in MILESTONES]


def milestone_text(change: StatusChange) -> tuple[str, str]:
    """What a milestone says, as (name and date, details): ("Referred 2019-09", "U.S. Department of Justice"),
    ("Charged 2019-10-02", "USAO S.D. Fla., 2:19-cr-1; 18 U.S.C. 844(i)"); details are the agency, the
    reference and the charges that are recorded (empty when none is)."""
    name = _MILESTONE_NAMES.get(change.status, change.status.label)
    agency = ", ".join(part for part in (change.agency.strip(), change.reference.strip()) if part)
    details = "; ".join(part for part in (agency, change.charges.strip()) if part)
    return f"{name} {change.changed.label()}", details


def arrest_undated(history: Sequence[StatusChange], arrests_count: int | None, outcome: PerpetratorOutcome) -> bool:
    """An arrest is known from the incident (its arrest count or the perpetrator's outcome) but the legal
    history has no "arrest made" entry, so no date."""
    arrested = (arrests_count or 0) > 0 or outcome is PerpetratorOutcome.ARRESTED
    return arrested and not any(change.status is CaseStatus.ARREST_MADE for change in history)
