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
