"""Reading the audit trail: a record's entries, the hash chain's links in order, and the chain head."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.enums import AuditAction
from desktop.domain.records import AuditEntry
from desktop.persistence.audit_log import IMPORTED_FIELD, entry_hash
from desktop.persistence.chain_keys import ChainKey
from desktop.persistence.chain_replay import AuditedKind, Mismatch, mismatches
from desktop.persistence.import_writes import records_digest
from desktop.persistence.models import AuditHeadRow, AuditRow, ImportedRecordRow


@dataclass(frozen=True, slots=True)
class AuditHead:
    """The count and last hash of the entries, kept with every write (exposes deleted newest entries)."""

    entries: int
    last_hash: str
    database_id: str | None = None  # names the database's keys outside it (None: no key yet)
    keep_sensitive: bool = False


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One stored entry as the hash chain sees it."""

    id: int
    action: AuditAction
    entity: str
    entity_uuid: str
    prev_hash: str
    entry_hash: str
    content_hash: str | None  # the hash of the stored contents now (differs when edited); None: the key is missing
    key_id: str | None = None  # the key that signed it (None: signed by no key)


IMPORT_SHOWN = ("file", "file_sha256", "rows")  # what a record's history says of the import that made it


def _entry(row: AuditRow, changes_shown: dict[str, list[object]] | None = None) -> AuditEntry:
    shown = row.changes if changes_shown is None else changes_shown
    changes = {name: (pair[0], pair[1]) for name, pair in shown.items()}
    return AuditEntry(row.at, row.action, row.entity, row.entity_uuid, changes, row.id, row.entry_hash, row.prev_hash,
                      row.actor)  # fmt: skip


class AuditTrail:
    """Read-only access to the audit entries, inside a unit of work's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def history(self, entity_uuid: str) -> list[AuditEntry]:
        """Every entry of one record, oldest first; for a record an import made, that import's entry first (its
        file, its time) and not the entry that restates its state before its first change."""
        query = select(AuditRow).where(AuditRow.entity_uuid == entity_uuid).order_by(AuditRow.id)
        entries = [_entry(row) for row in self.session.scalars(query) if IMPORTED_FIELD not in row.changes]
        made_by = select(ImportedRecordRow.import_uuid).where(ImportedRecordRow.uuid == entity_uuid)
        import_uuid = self.session.scalar(made_by)
        if import_uuid:
            found = self.session.scalars(select(AuditRow).where(
                AuditRow.entity_uuid == import_uuid, AuditRow.action == AuditAction.IMPORT)).first()  # fmt: skip
            if found is not None:
                shown = {name: pair for name, pair in found.changes.items() if name in IMPORT_SHOWN}
                entries.insert(0, _entry(found, shown))
        return entries

    def links(self, keys: Mapping[str, ChainKey]) -> Iterator[ChainLink]:
        """Every entry in chain order, read a thousand at a time, with the hash of its stored contents (signed with
        its key from `keys`; None when that key is not among them)."""
        query = (
            select(
                AuditRow.id,
                AuditRow.at,
                AuditRow.action,
                AuditRow.entity,
                AuditRow.entity_uuid,
                AuditRow.changes,
                AuditRow.prev_hash,
                AuditRow.entry_hash,
                AuditRow.key_id,
                AuditRow.actor,
                AuditRow.origin,
            )
            .order_by(AuditRow.id)
            .execution_options(yield_per=2000)
        )  # plain rows: no ORM objects to build
        rows = self.session.execute(query)
        for id_, at, action, entity, entity_uuid, changes, prev_hash, stored_hash, key_id, actor, origin in rows:
            key = keys.get(key_id) if key_id else None
            content = (
                None
                if key_id and key is None
                else entry_hash(
                    prev_hash,
                    at,
                    action.value,
                    entity,
                    entity_uuid,
                    changes,
                    key.secret if key is not None else None,
                    actor=actor,
                    origin=origin,
                )
            )
            yield ChainLink(id_, action, entity, entity_uuid, prev_hash, stored_hash, content, key_id)

    def import_problems(self) -> list[str]:
        """Each import whose entry's list of the records it made (their count and digest) is not the one stored."""
        problems = []
        query = select(AuditRow.id, AuditRow.entity_uuid, AuditRow.changes).where(
            AuditRow.action == AuditAction.IMPORT).order_by(AuditRow.id)  # fmt: skip
        for id_, import_uuid, changes in self.session.execute(query):
            if "records_digest" not in changes or not import_uuid:
                continue  # an import from before imports were proven this way: its records have entries of their own
            made, digest = changes["records_made"][1], changes["records_digest"][1]
            count = self.session.scalar(select(func.count()).select_from(ImportedRecordRow).where(
                ImportedRecordRow.import_uuid == import_uuid))  # fmt: skip
            name = changes.get("file", [None, "a file"])[1]
            if count != made:
                problems.append(f"entry {id_} (the import of {name}) made {made:,} records but {count:,} are listed "
                                "as its records: the list was edited outside the program")  # fmt: skip
            elif made and records_digest(self.session, import_uuid) != digest:  # none made: proven by their own entries
                problems.append(f"entry {id_} (the import of {name}): the list of the records it made was edited "
                                "outside the program")  # fmt: skip
        return problems

    def head(self) -> AuditHead | None:
        """The chain head, or None when its row is missing."""
        row = self.session.get(AuditHeadRow, 1)
        if row is None:
            return None
        return AuditHead(row.entries, row.last_hash, row.database_id, row.keep_sensitive)

    def keep_sensitive(self, keep: bool) -> None:
        """Keep sensitive values in new entries as they are (True) or as keyed fingerprints (False, the default)."""
        row = self.session.get(AuditHeadRow, 1)
        if row is not None:
            row.keep_sensitive = keep

    def mismatches(self, kind: AuditedKind, records: Iterator[Any], keys: Mapping[str, ChainKey],
                   salt: str) -> Iterator[Mismatch]:  # fmt: skip
        """The stored records of `kind` (in uuid order) that differ from what their entries say."""
        return mismatches(self.session, kind, records, keys, salt)
