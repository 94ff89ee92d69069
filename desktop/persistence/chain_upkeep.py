"""Keeping the records under the keyed audit chain: the signer of a database's entries, and at the first opening
after the upgrade (or of a new database) its id, its key, the old entries signed, and the records as found."""

from __future__ import annotations

import uuid as uuids
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from desktop.domain.changes import made_fields
from desktop.domain.enums import AuditAction
from desktop.domain.evidence import EvidenceKind
from desktop.domain.kinds import RecordKind
from desktop.persistence.audit_log import GENESIS, Signer, entry_hash
from desktop.persistence.audit_queries import AuditTrail
from desktop.persistence.chain_keys import ChainKey, KeyStore
from desktop.persistence.chain_replay import BASELINE_FIELD, AuditedKind, mismatches
from desktop.persistence.models import AuditHeadRow, AuditRow

if TYPE_CHECKING:
    from desktop.persistence.unit_of_work import Database, UnitOfWork

REPLAYED_KINDS: tuple[AuditedKind, ...] = (RecordKind.FACILITY, RecordKind.DIRECTIVE, RecordKind.INCIDENT,
                                           RecordKind.PLAN_ITEM, EvidenceKind.ATTACHMENT, EvidenceKind.CUSTODY,
                                           EvidenceKind.TIMELINE_EVENT)  # fmt: skip


def stored_in_uuid_order(uow: UnitOfWork, kind: AuditedKind) -> Iterator[Any]:
    """The stored records of an audited kind, in the bytewise uuid order the replay merges them in."""
    if kind is EvidenceKind.ATTACHMENT:
        return uow.attachments.in_uuid_order()
    if kind is EvidenceKind.CUSTODY:
        return uow.attachments.custody_in_uuid_order()
    if kind is EvidenceKind.TIMELINE_EVENT:
        return uow.timeline.in_uuid_order()
    records: Iterator[Any] = uow.repository(kind).in_uuid_order()
    return records


BASELINE_NOTE = "recorded as found when the audit trail began to cover the records"


def newest_key(keys: Mapping[str, ChainKey]) -> ChainKey | None:
    return max(keys.values(), key=lambda key: key.created_at, default=None)


def load_signer(session: Session, store: KeyStore) -> Signer:
    """The signer of new entries: this computer's newest key of the database (a new one, stored outside the
    database, when it has none), unsigned while the database has no id yet."""
    head = session.get(AuditHeadRow, 1)
    if head is None or head.database_id is None:
        return Signer(keep_sensitive=bool(head and head.keep_sensitive))
    key = newest_key(store.keys(head.database_id))
    if key is None:
        try:
            key = store.create(head.database_id)
        except OSError:  # the key cannot be kept: entries stay unsigned and `audit verify` says so
            key = None
    if key is None:
        return Signer(keep_sensitive=head.keep_sensitive, salt=head.database_id)
    return Signer(key.id, key.secret, head.keep_sensitive, head.database_id)


def secure_chain(database: Database) -> int:
    """Once per database (it has no id yet: new, or just upgraded): give it an id and a key kept outside it, sign
    the existing entries with the key (sensitive values fingerprinted) when they verify, and write a baseline
    entry for each record whose state the entries do not tell. Returns the number of baseline entries."""
    with database.unit_of_work(write=False) as reading:
        assert reading.session is not None
        head = reading.session.get(AuditHeadRow, 1)
        if head is None or head.database_id is not None:
            return 0  # the usual case: nothing to do, and no write lock taken (another program may be writing)
    with database.unit_of_work() as uow:
        session = uow.session
        assert session is not None
        head = session.get(AuditHeadRow, 1)
        if head is None or head.database_id is not None:
            return 0
        if session.scalar(select(AuditRow.id).where(AuditRow.key_id.is_not(None)).limit(1)) is not None:
            return 0  # signed entries but no id: the head was edited; `audit verify` reports it
        database_id = str(uuids.uuid4())
        try:
            key = database.keys.create(database_id)
        except OSError:
            return 0  # no place for the key: stays unsigned, and `audit verify` says so
        signer = Signer(key.id, key.secret, head.keep_sensitive, database_id)
        last = _sign_old_entries(session, signer) if _old_chain_intact(session, head) else None
        head.database_id = database_id
        if last is not None:
            head.last_hash = last
        session.flush()
        uow.audit.signer = signer
        written = 0
        for kind in REPLAYED_KINDS:
            written += _write_baseline(uow, kind, {key.id: key}, database_id)
        uow.commit()
    database.forget_signer()
    return written


def record_as_found(database: Database) -> int:
    """Write a baseline entry for every record whose state the trail does not tell (rows written outside the
    program, such as the benchmark's generated millions): from now on they are proven, as they are now. Not a
    command: it would bless tampering; tools that write rows themselves call it. Returns the entries written."""
    with database.unit_of_work() as uow:
        session = uow.session
        assert session is not None
        head = session.get(AuditHeadRow, 1)
        database_id = head.database_id if head is not None and head.database_id else ""
        keys = database.keys.keys(database_id) if database_id else {}
        written = sum(_write_baseline(uow, kind, keys, database_id) for kind in REPLAYED_KINDS)
        uow.commit()
    return written


def _write_baseline(uow: UnitOfWork, kind: AuditedKind, keys: Mapping[str, ChainKey], salt: str) -> int:
    """A baseline entry for each record of `kind` whose state the entries do not tell: found in one pass (uuids
    only), written in a second that streams the records again, in batches (constant memory at a million rows)."""
    session = uow.session
    assert session is not None
    differing: dict[str, bool] = {}  # uuid -> still stored
    for found in mismatches(session, kind, stored_in_uuid_order(uow, kind), keys, salt):
        differing[found.uuid] = found.record is not None
    if not differing:
        return 0
    note: dict[str, list[object]] = {BASELINE_FIELD: [None, BASELINE_NOTE]}
    for uuid in [uuid for uuid, stored in differing.items() if not stored]:
        uow.audit.record(AuditAction.DELETE, kind, uuid, dict(note))
    for record in stored_in_uuid_order(uow, kind):
        if differing.get(record.uuid):
            uow.audit.record(AuditAction.CREATE, kind, record.uuid,
                             {**note, **made_fields(record)})  # fmt: skip
            if len(uow.audit.pending) >= 2000:
                uow.write_audit()  # audit_entries is not the table being read
    return len(differing)


def _old_chain_intact(session: Session, head: AuditHeadRow) -> bool:
    """Whether the entries, none signed yet, verify as an unkeyed chain with the head (the links verify reads)."""
    prev, count = GENESIS, 0
    for link in AuditTrail(session).links({}):
        if link.prev_hash != prev or link.content_hash != link.entry_hash:
            return False
        prev, count = link.entry_hash, count + 1
    return head.entries == count and head.last_hash == prev


def _sign_old_entries(session: Session, signer: Signer) -> str:
    """Sign every entry with the new key, in chain order, sensitive values fingerprinted; the new last hash."""
    prev = GENESIS
    changed: list[dict[str, object]] = []
    query = select(AuditRow.id, AuditRow.at, AuditRow.action, AuditRow.entity, AuditRow.entity_uuid,
                   AuditRow.changes, AuditRow.actor, AuditRow.origin).order_by(AuditRow.id)  # fmt: skip
    statement = update(AuditRow).where(AuditRow.id == bindparam("row_id")).values(
        changes=bindparam("new_changes"), prev_hash=bindparam("new_prev"), entry_hash=bindparam("new_hash"),
        key_id=bindparam("new_key"))  # fmt: skip
    last_id = 0
    while batch := session.execute(query.where(AuditRow.id > last_id).limit(2000)).all():  # by id ranges
        for row_id, at, action, entity, entity_uuid, changes, actor, origin in batch:
            guarded = signer.guarded(entity, changes)
            digest = entry_hash(prev, at, action.value, entity, entity_uuid, guarded, signer.secret, actor=actor,
                                origin=origin)  # fmt: skip
            changed.append({"row_id": row_id, "new_changes": guarded, "new_prev": prev, "new_hash": digest,
                            "new_key": signer.key_id})  # fmt: skip
            prev, last_id = digest, row_id
        session.connection().execute(statement, changed)
        changed.clear()
    session.expire_all()
    return prev
