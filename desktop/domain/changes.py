"""Field-by-field change lists of records, as the audit trail stores them ({field: [old, new]})."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime, time
from enum import Enum

from desktop.domain.values import PartialDate, StatusChange

BOOKKEEPING = frozenset({"uuid", "version", "created_at", "updated_at", "created_by", "updated_by", "facility_name",
                         "directive_title", "scope_facility_name", "status_history", "withheld"})  # fmt: skip
"""Not compared field by field: stamps, names shown beside uuids, and the legal history (history_changes)."""


_AS_IS = frozenset({str, int, float, bool, type(None)})  # most values: told by their exact type, at once


def plain(value: object) -> object:
    """A JSON-safe rendering of a field value for the audit trail."""
    if type(value) in _AS_IS:
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, tuple):
        return "; ".join(str(v) for v in value)
    return value


SENSITIVE_TOKEN = "sensitive:"  # a sensitive value as the trail keeps it: its keyed fingerprint, never the text
SENSITIVE_SHOWN = "(sensitive: not kept in the trail)"


def is_fingerprint(value: object) -> bool:
    """Whether an audit value is the fingerprint of a sensitive value rather than the value."""
    return isinstance(value, str) and value.startswith(SENSITIVE_TOKEN)


_AUDITED: dict[type, tuple[str, ...]] = {}


def audited_fields(record_class: type) -> tuple[str, ...]:
    """The fields of a record class that the audit trail compares (all but the bookkeeping ones)."""
    names = _AUDITED.get(record_class)
    if names is None:
        names = tuple(spec.name for spec in fields(record_class) if spec.name not in BOOKKEEPING)
        _AUDITED[record_class] = names
    return names


def changed_fields(old: object | None, new: object | None) -> dict[str, list[object]]:
    """{field: [old, new]} for every field that differs; either side may be None (create/delete)."""
    template = new if new is not None else old
    assert template is not None
    if old is None:
        return created_fields(template)
    changes: dict[str, list[object]] = {}
    for name in audited_fields(type(template)):
        before = plain(getattr(old, name))
        after = plain(getattr(new, name)) if new is not None else None
        if before != after:
            changes[name] = [before, after]
    return changes


def created_fields(record: object) -> dict[str, list[object]]:
    """changed_fields(None, record): [None, value] for every field that has a value."""
    names = audited_fields(type(record))
    return {name: [None, value] for name in names if (value := plain(getattr(record, name))) is not None}


def made_fields(record: object) -> dict[str, list[object]]:
    """What the audit trail writes of a record it makes: [None, value] for every field with a value and, for an
    incident, its legal history as one text. Replaying a record's entries gives the same state."""
    return created_fields(record) | history_changes(None, record)


def stored_fields(record: object) -> dict[str, object]:
    """A record's audited fields that have a value, as the trail renders them (the state a replay compares): the
    values of made_fields, without building its [None, value] pairs (once per imported and per verified record)."""
    names = audited_fields(type(record))
    state = {name: value for name in names if (value := plain(getattr(record, name))) is not None}
    state.update((name, pair[1]) for name, pair in history_changes(None, record).items() if pair[1] is not None)
    return state


def entry_text(change: StatusChange) -> str:
    """One legal history entry for the audit trail: "2019-09 referred for prosecution (U.S. Attorney's
    Office, S.D. Fla.; reference 19-cr-80123; charges: arson; note)"."""
    details = [change.agency, f"reference {change.reference}" if change.reference else "",
               f"charges: {change.charges}" if change.charges else "", change.note]  # fmt: skip
    shown = "; ".join(part for part in details if part)
    text = f"{change.changed.label()} {change.status.label.lower()}"
    return f"{text} ({shown})" if shown else text


def history_changes(old: object | None, new: object | None) -> dict[str, list[object]]:
    """{"status_history": [old, new]} when an incident's legal history differs by its facts (entries in the
    order listed, "; " between them); {} for records without one and for the same history."""
    before: tuple[StatusChange, ...] = getattr(old, "status_history", ()) if old is not None else ()
    after: tuple[StatusChange, ...] = getattr(new, "status_history", ()) if new is not None else ()
    if [change.fact for change in before] == [change.fact for change in after]:
        return {}
    old_text = "; ".join(entry_text(change) for change in before) if old is not None else None
    new_text = "; ".join(entry_text(change) for change in after) if new is not None else None
    return {"status_history": [old_text, new_text]}
