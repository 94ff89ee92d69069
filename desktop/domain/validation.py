"""Validation rules with field-level messages ("injured: must be 0 or more")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from desktop.domain.enums import CaseStatus, DamageStatus, DirectiveScope, PlanStatus
from desktop.domain.legal_history import current_status, entry_problems
from desktop.domain.records import Directive, Facility, Incident, PlanItem
from desktop.domain.states import state_problem
from desktop.domain.values import StatusChange

MAX_TEXT = 20_000
MAX_NAME = 300
MAX_CITY = 120  # the column sizes of the schema (PostgreSQL enforces them)
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_ZIP = re.compile(r"^\d{5}(-\d{4})?$")
COUNT_MESSAGE = "must be a whole number of 0 or more"
FUTURE_MESSAGE = "must not be in the future"
FUTURE_WARNING = "is in the future: check the date (it can still be saved)"


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(ValueError):
    """Raised by services when a record breaks a rule; nothing has been written."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))


class BatchValidationError(ValidationError):
    """Raised when records of a batch break a rule: `refused` pairs each error with its record's position in the
    batch; nothing of the batch has been written."""

    def __init__(self, refused: list[tuple[int, FieldError]]) -> None:
        self.refused = refused
        super().__init__([error for _, error in refused])


def _text(errors: list[FieldError], name: str, value: str, *, required: bool = False, limit: int = MAX_TEXT) -> None:
    if required and not value.strip():
        errors.append(FieldError(name, "is required"))
    if len(value) > limit:
        errors.append(FieldError(name, f"must be at most {limit} characters"))
    if "\x00" in value:
        errors.append(FieldError(name, "must not contain NUL characters"))


def _count(errors: list[FieldError], name: str, value: int | None) -> None:
    if value is not None and value < 0:
        errors.append(FieldError(name, "must be 0 or more"))
    if value is not None and value > 1_000_000_000:
        errors.append(FieldError(name, "is implausibly large"))


def parse_count(text: str) -> int | None:
    """A count as a person types it: empty is unknown; anything but digits raises ValueError(COUNT_MESSAGE)."""
    text = text.strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        raise ValueError(COUNT_MESSAGE)
    return int(text)


def _uuid(errors: list[FieldError], value: str) -> None:
    """A record that keeps a given uuid (imports, undo) must carry a real one."""
    if value and not _UUID.match(value):
        errors.append(FieldError("uuid", "must be a UUID such as 6f0c6a55-5f1e-4a0e-9d7c-0f3f4b0a1c2d"))


def facility_errors(facility: Facility) -> list[FieldError]:
    errors: list[FieldError] = []
    _uuid(errors, facility.uuid)
    _text(errors, "name", facility.name, required=True, limit=MAX_NAME)
    _text(errors, "city", facility.city, limit=MAX_CITY)
    for name in ("address", "notes"):
        _text(errors, name, getattr(facility, name))
    if problem := state_problem(facility.state):
        errors.append(FieldError("state", problem))
    _text(errors, "operator_name", facility.operator_name, limit=MAX_NAME)
    if facility.zip_code and not _ZIP.match(facility.zip_code):
        errors.append(FieldError("zip_code", "must be 5 digits or ZIP+4 (12345-6789)"))
    if facility.latitude is not None and not -90 <= facility.latitude <= 90:
        errors.append(FieldError("latitude", "must be between -90 and 90"))
    if facility.longitude is not None and not -180 <= facility.longitude <= 180:
        errors.append(FieldError("longitude", "must be between -180 and 180"))
    return errors


def calendar_today(now_utc: datetime) -> date:
    """The calendar day a person may call today at the moment `now_utc` (naive UTC, as the database clock
    gives it): the local day, or the UTC day when that is later, so a change dated today is never "future"."""
    local = now_utc.replace(tzinfo=UTC).astimezone().date()
    return max(local, now_utc.date())


def status_change_errors(
    history: Sequence[StatusChange], change: StatusChange, today: date, *, field: str = "status_changed_on"
) -> list[FieldError]:
    """One entry of the legal history: a known date, not in the future, its texts within the limits. An entry
    dated before earlier ones is fine (history_warnings says so); `history` is what it joins."""
    del history  # out of order is a warning, not an error (legal_history.history_warnings)
    errors = [FieldError(field, problem) for problem in entry_problems(change, today)]
    _text(errors, "status_note", change.note)
    for name in ("agency", "reference"):
        _text(errors, f"status_{name}", getattr(change, name), limit=MAX_NAME)
    _text(errors, "status_charges", change.charges)
    return errors


def status_history_errors(incident: Incident, today: date) -> list[FieldError]:
    """A whole legal history (forms, imports, undo): every entry keeps the entry rules, and the incident's
    status is that of the latest entry by date."""
    errors: list[FieldError] = []
    history = incident.status_history
    for number, change in enumerate(history):
        step = f"entry {number + 1} ({change.status.label.lower()} on {change.changed.label()})"
        for problem in status_change_errors(history[:number], change, today, field="date"):
            part = problem.field.removeprefix("status_")  # "date must not be …", "note must be at most …"
            errors.append(FieldError("status_history", f"{step}: {part} {problem.message}"))
    latest = current_status(history)
    if latest is not None and latest is not incident.status:
        message = f"the latest entry ({latest.label.lower()}) must be the incident's status"
        errors.append(FieldError("status_history", f"{message} ({incident.status.label.lower()})"))
    return errors


def incident_errors(incident: Incident, today: date | None = None) -> list[FieldError]:
    """Every rule an incident must keep; with `today`, its status history is checked against the calendar too."""
    errors: list[FieldError] = []
    _uuid(errors, incident.uuid)
    if not incident.facility_uuid:
        errors.append(FieldError("facility", "is required"))
    _text(errors, "title", incident.title, required=True, limit=MAX_NAME)
    if incident.case_number:  # optional; blank means none
        _text(errors, "case_number", incident.case_number.strip(), limit=64)
    for name in ("investigating_agencies", "description", "sources", "suspect_names", "personal_details"):
        _text(errors, name, getattr(incident, name))
    errors.extend(FieldError("occurred", problem) for problem in incident.occurred.problems())
    for name in (
        "victims_killed",
        "victims_injured",
        "perpetrators_killed",
        "perpetrators_injured",
        "damage_estimate_usd",
        "suspects_count",
        "arrests_count",
    ):
        _count(errors, name, getattr(incident, name))
    if incident.damage_estimate_usd and incident.property_damage is DamageStatus.NO:
        errors.append(FieldError("damage_estimate_usd", "must be empty when property damage is no"))
    if incident.discovered_at and incident.reported_at and incident.reported_at < incident.discovered_at:
        errors.append(FieldError("reported_at", "must not be before discovered_at"))
    if incident.occurred.on and incident.discovered_at and incident.discovered_at.date() < incident.occurred.on:
        errors.append(FieldError("discovered_at", "must not be before the incident occurred"))
    if (
        incident.suspects_count is not None
        and incident.arrests_count is not None
        and incident.arrests_count > incident.suspects_count
    ):
        errors.append(FieldError("arrests_count", "must not exceed suspects_count"))
    if incident.status is CaseStatus.ARREST_MADE and incident.arrests_count == 0:
        errors.append(FieldError("arrests_count", "must not be 0 when status is arrest made"))
    for weapon in incident.weapons:
        _text(errors, "weapons", weapon.subtype, limit=MAX_NAME)
    errors.extend(_gtd_errors(incident))
    if today is not None:
        errors.extend(incident_date_errors(incident, today))
        errors.extend(status_history_errors(incident, today))
    return errors


def _gtd_errors(incident: Incident) -> list[FieldError]:
    """Up to three attack and target types, none twice, the third only after a second; an extent only with damage."""
    errors: list[FieldError] = []
    for name, values in (
        ("attack_type", (incident.attack_type, incident.attack_type_2, incident.attack_type_3)),
        ("target_type", (incident.target_type, incident.target_type_2, incident.target_type_3)),
    ):
        if values[2] is not None and values[1] is None:
            errors.append(FieldError(f"{name}_3", f"needs a second {name.replace('_', ' ')} first"))
        chosen = [value for value in values if value is not None]
        if len(set(chosen)) != len(chosen):
            errors.append(FieldError(f"{name}_2", "must not repeat a type already chosen"))
    if incident.property_extent is not None and incident.property_damage is not DamageStatus.YES:
        errors.append(FieldError("property_extent", "is given only when there was property damage"))
    return errors


def directive_errors(directive: Directive) -> list[FieldError]:
    errors: list[FieldError] = []
    _uuid(errors, directive.uuid)
    _text(errors, "title", directive.title, required=True, limit=MAX_NAME)
    _text(errors, "issuing_office", directive.issuing_office, limit=MAX_NAME)
    for name in ("source_reference", "notes"):
        _text(errors, name, getattr(directive, name))
    if directive.issued_on and directive.deadline and directive.deadline < directive.issued_on:
        errors.append(FieldError("deadline", "must not be before the day it was issued"))
    needs = {
        DirectiveScope.FACILITY: ("scope_facility", directive.scope_facility_uuid, "must be chosen"),
        DirectiveScope.AGENCY: ("scope_agencies", directive.scope_agencies, "must include at least one agency"),
        DirectiveScope.FACILITY_TYPE: ("scope_facility_types", directive.scope_facility_types,
                                       "must include at least one facility type"),
    }  # fmt: skip
    if directive.scope in needs and not needs[directive.scope][1]:
        name, _value, what = needs[directive.scope]
        errors.append(FieldError(name, f"{what} when the scope is “{directive.scope.label}”"))
    return errors


def incident_date_errors(incident: Incident, today: date) -> list[FieldError]:
    """Occurred must not be after `today` (discovered and reported in the future are warnings:
    `incident_date_warnings`)."""
    errors: list[FieldError] = []
    if incident.occurred.on is not None and incident.occurred.on > today:  # a range or month may end later
        errors.append(FieldError("occurred", FUTURE_MESSAGE))
    return errors


def incident_date_warnings(incident: Incident, today: date) -> list[FieldError]:
    """Discovered or reported after `today`: kept, but said (a time zone or a typo may explain it)."""
    return [
        FieldError(name, FUTURE_WARNING)
        for name in ("discovered_at", "reported_at")
        if (moment := getattr(incident, name)) is not None and moment.date() > today
    ]


def plan_item_errors(item: PlanItem) -> list[FieldError]:
    errors: list[FieldError] = []  # no facility: a nationwide item
    _uuid(errors, item.uuid)
    _text(errors, "description", item.description, required=True)
    _text(errors, "owner", item.owner, limit=MAX_NAME)
    _text(errors, "notes", item.notes)
    _text(errors, "risk_rationale", item.risk_rationale)
    if item.status is PlanStatus.RISK_ACCEPTED and not item.risk_rationale.strip():
        errors.append(FieldError("risk_rationale", "is required when the risk is accepted"))
    return errors


def require_valid(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)
