"""Audit trail queries: a record's history, verification of the keyed chain and of every record, receipts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from desktop.domain.errors import RecordNotFoundError
from desktop.domain.kinds import RecordKind, short_label
from desktop.domain.records import AuditEntry
from desktop.persistence.audit_log import GENESIS
from desktop.persistence.audit_queries import AuditHead, ChainLink
from desktop.persistence.chain_keys import ChainKey
from desktop.persistence.chain_replay import Mismatch
from desktop.persistence.chain_upkeep import REPLAYED_KINDS, stored_in_uuid_order
from desktop.persistence.team_roles import grant_again
from desktop.persistence.unit_of_work import Database, UnitOfWork

SHOWN_PER_KIND = 20  # record findings listed one by one per kind and way; the rest are counted


@dataclass(frozen=True, slots=True)
class Receipt:
    """The chain head written down elsewhere: how many entries there were and the last one's hash."""

    entries: int
    last_hash: str

    def __str__(self) -> str:
        return f"{self.entries}:{self.last_hash}"

    @staticmethod
    def parse(text: str) -> Receipt:
        """ "N:HASH" (as `audit receipt` prints it); ValueError naming what is wrong."""
        found = re.fullmatch(r"\s*(\d{1,12})\s*:\s*([0-9a-fA-F]{64})\s*", text)
        if found is None:
            raise ValueError(f"{text.strip()!r} is not a receipt: give it as `audit receipt` prints it, "
                             "the number of entries, a colon and the 64-character hash")  # fmt: skip
        return Receipt(int(found.group(1)), found.group(2).lower())


@dataclass(frozen=True, slots=True)
class ChainReport:
    entries: int
    problems: tuple[str, ...]
    records: int = 0  # stored records compared with the trail's replay
    signed: bool = False  # every entry is signed with a key found on this computer
    records_skipped: str = ""  # why the records were not compared (a team reader cannot read what entries prove)

    @property
    def ok(self) -> bool:
        return not self.problems


def history(database: Database, entity_uuid: str) -> list[AuditEntry]:
    """Every audit entry of one record, oldest first."""
    with database.unit_of_work(write=False) as uow:
        return uow.audit_trail.history(entity_uuid)


def record_label(database: Database, kind: RecordKind, uuid: str) -> str:
    """What a person knows a stored record by (its title, name…), "" when it is gone or has none."""
    with database.unit_of_work(write=False) as uow:
        try:
            return short_label(uow.repository(kind).get(uuid), 80)
        except RecordNotFoundError:
            return ""


def receipt(database: Database) -> Receipt:
    """The chain head as it stands (count and last hash), to be kept outside the computer."""
    with database.unit_of_work(write=False) as uow:
        head = uow.audit_trail.head()
        if head is None:
            raise ValueError("the audit trail has no chain head: run `audit verify`")
        return Receipt(head.entries, head.last_hash)


def keep_sensitive_values(database: Database, keep: bool) -> None:
    """Whether new entries keep sensitive values as they are (an opt-in) or as keyed fingerprints."""
    with database.unit_of_work() as uow:
        uow.audit_trail.keep_sensitive(keep)
        uow.commit()
    database.forget_signer()
    grant_again(database.engine)  # a server's team readers: the entries' changes withheld while values are kept


def verify_chain(database: Database, *, against: Receipt | None = None, records: bool = True) -> ChainReport:
    """Recompute every entry's keyed hash (an edited, inserted or deleted entry breaks the chain where it was; an
    entry re-hashed without the key no longer matches), compare with a receipt, and replay the entries against
    every stored record (`records`): a row edited, inserted or deleted outside the program is named. A login that
    may not read the sensitive fields (a team reader) checks the chain only: the entries prove those fields too."""
    skipped = ""
    if records and database.capabilities.withheld_fields:
        records = False
        skipped = (f"the records were not compared with their entries: {database.capabilities.role_name} cannot read "
                   "suspect names and personal details, which the entries prove too; verify as an analyst or the "
                   "owner")  # fmt: skip
    with database.unit_of_work(write=False) as uow:
        head = uow.audit_trail.head()
        database_id = head.database_id if head is not None and head.database_id else ""
        keys = database.keys.keys(database_id) if database_id else {}
        links = _LinkCheck(against)
        for link in uow.audit_trail.links(keys):
            links.add(link)
        problems = links.finish(head)
        problems.extend(uow.audit_trail.import_problems())
        checked = 0
        if records:
            findings, checked = _record_problems(uow, keys, database_id)
            problems.extend(findings)
    signed = links.count > 0 and not links.unsigned_or_foreign
    return ChainReport(links.count, tuple(problems), checked, signed, skipped)


class _LinkCheck:
    """Walks the entries in order: links, keyed hashes, the keys that signed them, the receipt's entry."""

    def __init__(self, against: Receipt | None) -> None:
        self.against = against
        self.problems: list[str] = []
        self.prev, self.count, self.last_id = GENESIS, 0, 0
        self.unsigned: list[int] = []
        self.foreign: dict[str, list[int]] = {}
        self.receipt_hash: str | None = None

    @property
    def unsigned_or_foreign(self) -> bool:
        return bool(self.unsigned or self.foreign)

    def add(self, link: ChainLink) -> None:
        self.count += 1
        if link.prev_hash != self.prev:
            after = f"after entry {self.last_id}" if self.last_id else "at the start"
            self.problems.append(f"entry {link.id}: the entry before it ({after}) is missing or was replaced")
        if link.key_id is None:
            self.unsigned.append(link.id)
        elif link.content_hash is None:
            self.foreign.setdefault(link.key_id, []).append(link.id)
        if link.content_hash is not None and link.content_hash != link.entry_hash:
            what = f"{link.action.value} {link.entity} {link.entity_uuid}".rstrip()
            self.problems.append(f"entry {link.id} ({what}) was edited, or re-hashed without the key")
        if self.against is not None and self.count == self.against.entries:
            self.receipt_hash = link.entry_hash
        self.prev, self.last_id = link.entry_hash, link.id

    def finish(self, head: AuditHead | None) -> list[str]:
        problems = list(self.problems)
        if self.unsigned:
            problems.append(f"{len(self.unsigned)} entr{'y is' if len(self.unsigned) == 1 else 'ies are'} not "
                            f"signed with the chain key ({_ranges(self.unsigned)}): written before the key existed "
                            "and not provable, or re-hashed outside the program")  # fmt: skip
        for key_id, ids in self.foreign.items():
            problems.append(f"entries {_ranges(ids)} are signed with key {key_id}, which is not on this computer "
                            "(OS keyring or key folder); they cannot be verified here")  # fmt: skip
        problems.extend(_head_problems(head, self.count, self.prev, self.last_id if not problems else 0))
        if self.against is not None:
            problems.extend(self._receipt_problems())
        return problems

    def _receipt_problems(self) -> list[str]:
        assert self.against is not None
        if self.against.entries > self.count:
            return [f"the receipt names entry {self.against.entries:,} but the trail has {self.count:,} entries: "
                    "entries written before the receipt are gone"]  # fmt: skip
        if self.against.entries == 0:
            return [] if self.against.last_hash == GENESIS else ["the receipt's hash is not that of an empty trail"]
        if self.receipt_hash != self.against.last_hash:
            return [f"the trail's first {self.against.entries:,} entries are not those the receipt was taken of: "
                    "they were rewritten"]  # fmt: skip
        return []


def _record_problems(uow: UnitOfWork, keys: dict[str, ChainKey], salt: str) -> tuple[list[str], int]:
    problems: list[str] = []
    checked = 0
    for kind in REPLAYED_KINDS:
        counted: dict[str, int] = {}
        seen = [0]
        for found in uow.audit_trail.mismatches(kind, _counted(stored_in_uuid_order(uow, kind), seen), keys,
                                                salt):  # fmt: skip
            counted[found.how] = counted.get(found.how, 0) + 1
            if counted[found.how] <= SHOWN_PER_KIND:
                problems.append(_finding(found))
        for how, count in counted.items():
            if count > SHOWN_PER_KIND:
                problems.append(f"… and {count - SHOWN_PER_KIND:,} more {kind.value.replace('_', ' ')} records {how}")
        checked += seen[0]
    return problems, checked


def _counted(records: Iterator[Any], seen: list[int]) -> Iterator[Any]:
    for record in records:
        seen[0] += 1
        yield record


def _finding(found: Mismatch) -> str:
    label = short_label(found.record)
    what = f"{found.kind.value.replace('_', ' ')} {found.uuid}{f' ({label})' if label else ''}"
    fields = ", ".join(name.replace("_", " ") for name in found.fields)
    return {
        "edited": f"{what} was edited outside the program: {fields} "
        f"differ{'s' if len(found.fields) == 1 else ''} from the audit trail",
        "inserted": f"{what} was inserted outside the program: the audit trail has no entry that made it",
        "deleted": f"{what} was deleted outside the program: the audit trail says it exists",
        "unverifiable": f"{what}: {', '.join(found.unverifiable)} cannot be compared here (their key is not on "
        "this computer)",
    }[found.how]


def _ranges(ids: list[int]) -> str:
    """ "1–5, 9" for [1, 2, 3, 4, 5, 9] (the first few runs)."""
    runs: list[list[int]] = []
    for number in ids:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    shown = [f"{a}" if a == b else f"{a}–{b}" for a, b in runs[:5]]
    return ", ".join(shown) + (f" and {len(runs) - 5} more runs" if len(runs) > 5 else "")


def _head_problems(head: AuditHead | None, count: int, last_hash: str, newest_id: int) -> list[str]:
    """The chain head (count and last hash, kept with every write) exposes deleted newest entries.
    `newest_id` is the last entry of an otherwise intact chain (0 when the chain is broken or empty)."""
    if head is None:
        return ["the chain head (count and last hash of the entries) is missing"]
    where = f" after entry {newest_id}" if newest_id else ""
    if head.entries > count:
        return [f"{head.entries - count} entries{where} are missing: {head.entries} were written, {count} remain"]
    if head.entries < count:
        return [f"{count - head.entries} entries were added outside the program, or the chain head was edited"]
    if head.last_hash != last_hash:
        return ["the newest entry does not match the chain head: it was replaced, or the head was edited"]
    return []
