"""Replaying the audit trail: each record's state as its entries tell it, merged with the stored rows (by uuid)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.changes import SENSITIVE_TOKEN, stored_fields
from desktop.domain.enums import AuditAction
from desktop.domain.evidence import EvidenceKind
from desktop.domain.kinds import RecordKind
from desktop.persistence.audit_log import IMPORTED_FIELD, SENSITIVE_FIELDS, keyed_fingerprint, state_digest
from desktop.persistence.chain_keys import ChainKey
from desktop.persistence.models import AuditRow, ImportedRecordRow
from desktop.persistence.repositories import bytewise

BASELINE_FIELD = "(baseline)"  # in a CREATE entry that records a record as found, not as made
AuditedKind = RecordKind | EvidenceKind  # every kind of record the trail replays
RECORD_ACTIONS = (AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE)
_DELETED = "deleted"


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A stored record that differs from what its audit entries say (or has none, or is gone while they say it
    exists). `how`: "edited" (with the fields), "inserted" or "deleted"."""

    kind: AuditedKind
    uuid: str
    how: str
    fields: tuple[str, ...] = ()
    record: object | None = None  # the stored record (None when deleted)
    unverifiable: tuple[str, ...] = ()  # sensitive fields fingerprinted by a key that is not on this computer


@dataclass
class _Told:
    """A record's state as its entries tell it: {field: (value, key id of the entry that set it)}; for a record an
    import made, that import's digest of it and the import entry's key, and the digest its first change wrote."""

    values: dict[str, tuple[object, str | None]]
    deleted: bool = False
    imported: tuple[str, str | None] | None = None  # (digest, key id) from imported_records
    restated: tuple[str, str | None] | None = None  # (digest, key id) of the entry written before its first change


def _entry_states(session: Session, kind: AuditedKind) -> Iterator[tuple[str, _Told]]:
    """(uuid, state) for every record the entries mention, in bytewise uuid order, folding its entries in order."""
    query = (select(AuditRow.entity_uuid, AuditRow.action, AuditRow.changes, AuditRow.key_id)
             .where(AuditRow.entity == kind.value, AuditRow.action.in_(RECORD_ACTIONS))
             .order_by(bytewise(session, AuditRow.entity_uuid), AuditRow.id)
             .execution_options(yield_per=2000))  # fmt: skip
    uuid: str | None = None
    told = _Told({})
    for entity_uuid, action, changes, key_id in session.execute(query):
        if entity_uuid != uuid:
            if uuid is not None:
                yield uuid, told
            uuid, told = entity_uuid, _Told({})
        if action is AuditAction.DELETE:
            told = _Told({}, deleted=True, restated=told.restated)
            continue
        if action is AuditAction.CREATE:
            restated = changes.get(IMPORTED_FIELD)
            told = _Told({}, restated=(str(restated[1]), key_id) if restated else None)
        told.deleted = False
        for name, pair in changes.items():
            if not name.startswith("("):
                told.values[name] = (pair[1], key_id)
    if uuid is not None:
        yield uuid, told


def _imported_states(session: Session, kind: AuditedKind) -> Iterator[tuple[str, tuple[str, str | None]]]:
    """(uuid, (digest, key id of its import's entry)) of the records imports made, in bytewise uuid order."""
    keys = dict(session.execute(select(AuditRow.entity_uuid, AuditRow.key_id).where(
        AuditRow.action == AuditAction.IMPORT)).tuples().all())  # fmt: skip
    query = (select(ImportedRecordRow.uuid, ImportedRecordRow.state_digest, ImportedRecordRow.import_uuid)
             .where(ImportedRecordRow.entity == kind.value)
             .order_by(bytewise(session, ImportedRecordRow.uuid)).execution_options(yield_per=5000))  # fmt: skip
    for uuid, digest, import_uuid in session.execute(query):
        yield uuid, (digest, keys.get(import_uuid))


def _told_states(session: Session, kind: AuditedKind) -> Iterator[tuple[str, _Told]]:
    """The entries' states merged with the imports' digests (both in bytewise uuid order)."""
    entries = _entry_states(session, kind)
    imported = _imported_states(session, kind)
    entry, made = next(entries, None), next(imported, None)
    while entry is not None or made is not None:
        if made is None or (entry is not None and entry[0] < made[0]):
            assert entry is not None
            yield entry
            entry = next(entries, None)
        elif entry is None or made[0] < entry[0]:
            yield made[0], _Told({}, imported=made[1])
            made = next(imported, None)
        else:
            entry[1].imported = made[1]
            yield entry
            entry, made = next(entries, None), next(imported, None)


IMPORTED_STATE = "(its state as imported)"  # what differs when an imported record's digest does not match
BEFORE_FIRST_CHANGE = "(its state before its first change)"


def _secret(keys: Mapping[str, ChainKey], key_id: str | None, salt: str) -> bytes | None:
    """The secret an entry signed by `key_id` used (the salt for none); None when that key is not here."""
    if not key_id:
        return salt.encode("utf-8")
    key = keys.get(key_id)
    return key.secret if key is not None else None


def _differences(kind: AuditedKind, told: _Told, record: object, keys: Mapping[str, ChainKey],
                 salt: str) -> tuple[list[str], list[str]]:  # fmt: skip
    """The fields whose stored value is not what the trail says, and those that cannot be compared here."""
    stored = stored_fields(record)
    sensitive = SENSITIVE_FIELDS.get(kind.value, frozenset())
    differing: list[str] = []
    unverifiable: list[str] = []
    if told.imported is not None:
        digest, import_key = told.imported
        secret = _secret(keys, import_key, salt)
        if secret is None:
            unverifiable.append(IMPORTED_STATE)
            if not told.values:
                return differing, unverifiable
        elif told.restated is None and not told.values:  # never changed since its import: its digest says all
            if state_digest(secret, stored) != digest:
                differing.append(IMPORTED_STATE)
            return differing, unverifiable
        elif told.restated is not None and told.restated[1] == import_key and told.restated[0] != digest:
            differing.append(BEFORE_FIRST_CHANGE)
    for name in sorted(set(stored) | {n for n, (v, _) in told.values.items() if v is not None}):
        value, key_id = told.values.get(name, (None, None))
        actual = stored.get(name)
        if name in sensitive and isinstance(value, str) and value.startswith(SENSITIVE_TOKEN):
            secret = _secret(keys, key_id, salt)
            if secret is None:
                unverifiable.append(name)
                continue
            if actual is None or value != keyed_fingerprint(secret, name, actual):
                differing.append(name)
        elif value != actual:
            differing.append(name)
    return differing, unverifiable


def mismatches(session: Session, kind: AuditedKind, records: Iterator[Any], keys: Mapping[str, ChainKey],
               salt: str) -> Iterator[Mismatch]:  # fmt: skip
    """Merge the trail's states with `records` (the stored ones of `kind`, in bytewise uuid order)."""
    told_states = _told_states(session, kind)
    told_item = next(told_states, None)
    record = next(records, None)
    while told_item is not None or record is not None:
        told_uuid = told_item[0] if told_item is not None else None
        record_uuid = record.uuid if record is not None else None
        if record_uuid is None or (told_uuid is not None and told_uuid < record_uuid):
            assert told_item is not None
            if not told_item[1].deleted:
                yield Mismatch(kind, told_item[0], "deleted")
            told_item = next(told_states, None)
        elif told_uuid is None or record_uuid < told_uuid:
            yield Mismatch(kind, record_uuid, "inserted", record=record)
            record = next(records, None)
        else:
            assert told_item is not None
            told = told_item[1]
            if told.deleted:
                yield Mismatch(kind, record_uuid, "inserted", record=record)
            else:
                differing, unverifiable = _differences(kind, told, record, keys, salt)
                if differing or unverifiable:
                    how = "edited" if differing else "unverifiable"
                    yield Mismatch(kind, record_uuid, how, tuple(differing), record, tuple(unverifiable))
            told_item = next(told_states, None)
            record = next(records, None)
