"""Audit trail: collects changes during a unit of work and writes hash-chained entries, signed with a key, with it."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from desktop.domain.changes import SENSITIVE_TOKEN, changed_fields, history_changes, made_fields, stored_fields
from desktop.domain.enums import AuditAction
from desktop.domain.records import SENSITIVE_INCIDENT_FIELDS
from desktop.persistence.models import AuditHeadRow, AuditRow, ImportedRecordRow

GENESIS = "0" * 64
IMPORTED_FIELD = "(imported)"  # in the CREATE entry written before an imported record's first change: its digest
SENSITIVE_FIELDS = {"incident": frozenset(SENSITIVE_INCIDENT_FIELDS)}  # by entity (a RecordKind's value)


def entry_hash(prev_hash: str, at: datetime, action: str, entity: str, entity_uuid: str, changes: object,
               secret: bytes | None = None, *, actor: str | None = None, origin: str | None = None) -> str:  # fmt: skip
    """HMAC-SHA-256 with the chain key (plain SHA-256 without one, as entries signed by no key were) over the
    previous hash and a canonical rendering of the entry; the user who made it (`actor`) is part of it, and an
    entry of no known user (every entry from before users were recorded) renders exactly as before; so is the
    replica a synchronized change came from (`origin`, migration 0013), and an entry without one as before."""
    content: list[object] = [prev_hash, at.isoformat(), action, entity, entity_uuid, changes]
    if actor is not None:
        content.append(actor)
    if origin is not None:
        content.append({"origin": origin})  # an object: never read as a second actor
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    if secret is None:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
    return hmac.new(secret, text.encode("utf-8"), hashlib.sha256).hexdigest()


def keyed_fingerprint(key: bytes, field_name: str, value: object) -> str:
    """A sensitive value as the trail stores it: HMAC(key, field, value), never the text."""
    mac = hmac.new(key, f"{field_name}\0{value}".encode(), hashlib.sha256).hexdigest()[:32]
    return f"{SENSITIVE_TOKEN}{mac}"


def state_digest(secret: bytes, state: dict[str, object]) -> str:
    """A record's state ({field: value} as the trail renders it, without empty fields) as one keyed digest: what an
    import keeps of each record it makes (sensitive values are never readable from it)."""
    text = json.dumps(state, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hmac.new(secret, text.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Signer:
    """How a database's entries are written: the key that signs them (None: unsigned) and whether sensitive values
    are kept as they are or as keyed fingerprints; `salt` (the database id) keys fingerprints without a key."""

    key_id: str | None = None
    secret: bytes | None = None
    keep_sensitive: bool = False
    salt: str = ""

    @property
    def digest_secret(self) -> bytes:
        """What keys fingerprints and state digests: the key's secret, else the database id (`salt`)."""
        return self.secret if self.secret is not None else self.salt.encode("utf-8")

    def fingerprint(self, field_name: str, value: object) -> object:
        """A sensitive value as the trail stores it: None and "" as they are, anything else a keyed fingerprint
        (equal values give equal fingerprints, so the replay can compare; the text cannot be read back)."""
        if value is None or value == "" or self.keep_sensitive:
            return value
        return keyed_fingerprint(self.digest_secret, field_name, value)

    def guarded(self, entity: str, changes: dict[str, list[object]]) -> dict[str, list[object]]:
        """`changes` with the entity's sensitive values replaced by their fingerprints (unless they are kept)."""
        sensitive = SENSITIVE_FIELDS.get(entity, frozenset())
        if self.keep_sensitive or not sensitive.intersection(changes):
            return changes
        return {name: [self.fingerprint(name, value) for value in pair] if name in sensitive else pair
                for name, pair in changes.items()}  # fmt: skip


@dataclass
class _Pending:
    action: AuditAction
    entity: str
    entity_uuid: str
    changes: dict[str, list[object]]
    before: object | None = None  # the record before an update or delete (an imported one's state is written first)
    actor: str | None = None  # who made the change (the log's actor when it was recorded)
    origin: str | None = None  # the replica a synchronized change came from (None: made here)


@dataclass
class AuditLog:
    clock: Callable[[], datetime]
    signer: Signer = field(default_factory=Signer)
    pending: list[_Pending] = field(default_factory=list)
    actor: str | None = None  # who writes the entries (identity.session_user); None: not known
    origin: str | None = None  # while synchronizing: the replica the changes being written came from

    def record(self, action: AuditAction, entity: str, entity_uuid: str, changes: dict[str, list[object]],
               before: object | None = None) -> None:  # fmt: skip
        entity = str(entity)  # a RecordKind: its plain value
        guarded = self.signer.guarded(entity, changes)
        self.pending.append(_Pending(action, entity, entity_uuid, guarded, before, self.actor, self.origin))

    def created(self, entity: str, record: object) -> None:
        self.record(AuditAction.CREATE, entity, getattr(record, "uuid"), made_fields(record))  # noqa: B009

    def updated(self, entity: str, before: object, after: object) -> None:
        changes = changed_fields(before, after) | history_changes(before, after)  # an incident's legal history too
        if changes:
            self.record(AuditAction.UPDATE, entity, getattr(after, "uuid"), changes, before)  # noqa: B009

    def deleted(self, entity: str, record: object) -> None:
        uuid = getattr(record, "uuid")  # noqa: B009
        self.record(AuditAction.DELETE, entity, uuid, changed_fields(record, None), record)

    def write(self, session: Session) -> None:
        """Append the pending entries to the chain inside the caller's transaction."""
        if not self.pending:
            return
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(7301)"))  # one chain writer at a time
        self._state_of_imported(session)
        prev = session.scalar(select(AuditRow.entry_hash).order_by(AuditRow.id.desc()).limit(1)) or GENESIS
        rows = []
        secret, key_id = self.signer.secret, self.signer.key_id
        once = self.clock() if getattr(self.clock, "per_batch", False) else None  # the server's: one query
        for item in self.pending:
            at = once or self.clock()
            actor, origin = item.actor, item.origin
            digest = entry_hash(prev, at, item.action.value, item.entity, item.entity_uuid, item.changes, secret,
                                actor=actor, origin=origin)  # fmt: skip
            rows.append({"at": at, "action": item.action, "entity": item.entity, "entity_uuid": item.entity_uuid,
                         "changes": item.changes, "prev_hash": prev, "entry_hash": digest,
                         "key_id": key_id, "actor": actor, "origin": origin})  # fmt: skip
            prev = digest
        session.execute(insert(AuditRow.metadata.tables[AuditRow.__tablename__]), rows)  # one executemany, in order
        written = len(self.pending)
        self.pending.clear()
        head = session.get(AuditHeadRow, 1)
        if head is None:  # the head row was deleted; verify_chain reports the count that no longer matches
            session.add(AuditHeadRow(id=1, entries=written, last_hash=prev))
        else:
            head.entries += written
            head.last_hash = prev

    def _state_of_imported(self, session: Session) -> None:
        """Before the first change of a record an import made (proven until now by the import's entry alone), an
        entry with its state as it was, and the digest of that state (which `audit verify` compares with the
        import's): from here on its entries tell its state as for any other record."""
        befores: dict[str, _Pending] = {}
        for item in self.pending:
            if item.before is not None and item.action in (AuditAction.UPDATE, AuditAction.DELETE):
                befores.setdefault(item.entity_uuid, item)
        if not befores:
            return
        entries = select(AuditRow.id).where(AuditRow.entity_uuid == ImportedRecordRow.uuid).exists()
        query = select(ImportedRecordRow.uuid).where(ImportedRecordRow.uuid.in_(list(befores)), ~entries)
        first = set(session.scalars(query))
        if not first:
            return
        secret = self.signer.digest_secret
        pending: list[_Pending] = []
        for item in self.pending:
            if item.entity_uuid in first and befores[item.entity_uuid] is item:
                state: dict[str, list[object]] = {
                    IMPORTED_FIELD: [None, state_digest(secret, stored_fields(item.before))],
                    **made_fields(item.before),
                }
                guarded = self.signer.guarded(item.entity, state)
                pending.append(_Pending(AuditAction.CREATE, item.entity, item.entity_uuid, guarded, None, item.actor,
                                        item.origin))  # fmt: skip
            pending.append(item)
        self.pending = pending
