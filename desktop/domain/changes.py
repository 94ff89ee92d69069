"""Field-by-field change lists of records, as the audit trail stores them ({field: [old, new]})."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime, time
from enum import Enum

from desktop.domain.values import PartialDate

BOOKKEEPING = frozenset({"uuid", "version", "created_at", "updated_at", "facility_name", "directive_title",
                         "scope_facility_name"})  # fmt: skip


def plain(value: object) -> object:
    """A JSON-safe rendering of a field value for the audit trail."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, tuple):
        return "; ".join(str(v) for v in value)
    return value


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
