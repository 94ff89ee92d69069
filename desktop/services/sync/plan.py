"""The three-way comparison: each record's content here and on the server against the merge base, field by field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from desktop.domain.sync import FieldDifference, KindCounts, RecordConflict, Resolution, Side, SyncedKind
from desktop.services.sync.snapshot import Content, Key, Snap, content_of


class SyncConflictsError(Exception):
    """A conflict has no resolution: nothing was written on either side."""

    def __init__(self, conflicts: Sequence[RecordConflict]) -> None:
        self.conflicts = tuple(conflicts)
        super().__init__(f"{len(self.conflicts)} record(s) changed on both sides need a choice; nothing was written")


@dataclass
class Outcome:
    """What one record becomes on both sides: `record` (None: deleted everywhere), the conflict it needed."""

    kind: SyncedKind
    uuid: str
    mine: Snap | None
    theirs: Snap | None
    record: Any | None
    conflict: RecordConflict | None = None
    _content: tuple[object, Content | None] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        for side in (self.mine, self.theirs):  # one side's record as it is: its content already worked out, shared
            if side is not None and self.record is side.record:
                self._content = (side.record, side.content)
                break

    @property
    def content(self) -> Content | None:
        """The record's content (worked out once per record given)."""
        if self._content is None or self._content[0] is not self.record:
            self._content = (self.record, content_of(self.record) if self.record is not None else None)
        return self._content[1]

    def custody_to_send(self) -> list[Any]:
        if self.record is None or self.mine is None:
            return []
        held = self.theirs.custody if self.theirs is not None else {}
        return [entry for uuid, entry in self.mine.custody.items() if uuid not in held]

    def custody_to_receive(self) -> list[Any]:
        if self.record is None or self.theirs is None:
            return []
        held = self.mine.custody if self.mine is not None else {}
        return [entry for uuid, entry in self.theirs.custody.items() if uuid not in held]


@dataclass
class Plan:
    outcomes: list[Outcome] = field(default_factory=list)
    unresolved: list[RecordConflict] = field(default_factory=list)

    @property
    def conflicts(self) -> list[RecordConflict]:
        return [outcome.conflict for outcome in self.outcomes if outcome.conflict is not None] + self.unresolved

    def counts(self) -> dict[SyncedKind, KindCounts]:
        tally: dict[SyncedKind, dict[str, int]] = {kind: {} for kind in SyncedKind}
        for outcome in self.outcomes:
            for name in _moves(outcome):
                tally[outcome.kind][name] = tally[outcome.kind].get(name, 0) + 1
        for conflict in self.conflicts:
            tally[conflict.kind]["conflicts"] = tally[conflict.kind].get("conflicts", 0) + 1
        return {kind: KindCounts(**numbers) for kind, numbers in tally.items()}


def _move(before: Content | None, after: Content | None, custody: bool) -> str | None:
    if before is None:
        return "new" if after is not None else None
    if after is None:
        return "deleted"
    return "changed" if before != after or custody else None


def _moves(outcome: Outcome) -> list[str]:
    after = outcome.content
    theirs = outcome.theirs.content if outcome.theirs is not None else None
    mine = outcome.mine.content if outcome.mine is not None else None
    sent = _move(theirs, after, bool(outcome.custody_to_send()))
    received = _move(mine, after, bool(outcome.custody_to_receive()))
    return ([f"send_{sent}"] if sent else []) + ([f"receive_{received}"] if received else [])


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _label(name: str) -> str:
    return name.replace("_", " ")


@dataclass(frozen=True, slots=True)
class Base:
    """What each side had when both last agreed: the same content, except after a round whose local half was lost
    (killed after the server's commit): then the server's receipt (what it has since) and what this side had when
    it sent (its changes since are those made after)."""

    mine: Content | None
    theirs: Content | None


NO_BASE = Base(None, None)


def _merged(kind: SyncedKind, uuid: str, mine: Snap, theirs: Snap, base: Base,
            resolution: Resolution | None) -> tuple[Any | None, RecordConflict | None, bool]:  # fmt: skip
    """Both have it and it differs: each field from the side that changed it; a field both changed differently is a
    conflict. Returns (merged record, the conflict, whether it is resolved)."""
    taken: dict[str, Any] = {}
    differences: list[FieldDifference] = []
    chosen: dict[str, Side] = resolution.sides if resolution is not None else {}
    base_mine, base_theirs = base.mine or {}, base.theirs or {}
    for name in sorted(set(mine.content) | set(theirs.content) | set(base_mine) | set(base_theirs)):
        ours, others = mine.content.get(name), theirs.content.get(name)
        if ours == others:
            continue
        if ours == base_mine.get(name):  # not changed here: the server's value
            taken[name] = getattr(theirs.record, name)
            continue
        if others == base_theirs.get(name):  # changed here only
            continue
        agreed = base_theirs.get(name)
        differences.append(FieldDifference(name, _label(name), _text(agreed), _text(ours), _text(others)))
        if chosen.get(name) == "theirs":
            taken[name] = getattr(theirs.record, name)
    conflict = RecordConflict(kind, uuid, mine.title, tuple(differences)) if differences else None
    resolved = all(difference.key in chosen for difference in differences)
    return replace(mine.record, **taken), conflict, resolved


def _one_side(kind: SyncedKind, uuid: str, here: Snap | None, there: Snap | None, base: Base,
              answer: Resolution | None) -> tuple[Outcome | None, RecordConflict | None]:  # fmt: skip
    """A record only one side has: new there, or deleted on the other (a conflict when it was edited since)."""
    if here is None:
        assert there is not None
        if base.mine is None:  # never here: new on the server
            return Outcome(kind, uuid, here, there, there.record), None
        if there.content == base.theirs:  # deleted here, unchanged there
            return Outcome(kind, uuid, here, there, None), None
        edited, deleted_by = there, "mine"
    else:
        if base.mine is None and base.theirs is None:  # new here
            return Outcome(kind, uuid, here, there, here.record), None
        if here.content == base.mine:  # deleted on the server, unchanged here
            return Outcome(kind, uuid, here, there, None), None
        edited, deleted_by = here, "theirs"
    conflict = RecordConflict(kind, uuid, edited.title, deleted_by=deleted_by)  # type: ignore[arg-type]
    if answer is None or answer.keep_deleted is None:
        return None, conflict
    return Outcome(kind, uuid, here, there, None if answer.keep_deleted else edited.record, conflict), None


def make_plan(mine: Mapping[Key, Snap], theirs: Mapping[Key, Snap], bases: Mapping[tuple[str, str], Base],
              resolutions: Sequence[Resolution] = ()) -> Plan:  # fmt: skip
    """Every record either side has or had at the last synchronization, and what it becomes."""
    answers = {resolution.uuid: resolution for resolution in resolutions}
    plan = Plan()
    keys = set(mine) | set(theirs) | {(SyncedKind(kind), uuid) for kind, uuid in bases}
    for kind, uuid in sorted(keys):
        here, there = mine.get((kind, uuid)), theirs.get((kind, uuid))
        base = bases.get((kind.value, uuid), NO_BASE)
        if (here.content if here is not None else None) == (there.content if there is not None else None):
            plan.outcomes.append(Outcome(kind, uuid, here, there, here.record if here is not None else None))
        elif here is None or there is None:
            outcome, unresolved = _one_side(kind, uuid, here, there, base, answers.get(uuid))
            if outcome is not None:
                plan.outcomes.append(outcome)
            if unresolved is not None:
                plan.unresolved.append(unresolved)
        else:
            record, conflict, resolved = _merged(kind, uuid, here, there, base, answers.get(uuid))
            if conflict is not None and not resolved:
                plan.unresolved.append(conflict)
                continue
            plan.outcomes.append(Outcome(kind, uuid, here, there, record, conflict))
    _guard_deletions(plan, answers)
    return plan


REFERENCES = ("facility_uuid", "directive_uuid", "scope_facility_uuid", "incident_uuid", "owner_uuid")
"""What a record names and cannot be stored without (a list of links, as related_uuids, is dropped instead)."""


def _written_to(outcome: Outcome, side: Side) -> bool:
    """Whether the outcome stores something on `side` (a record there new or changed)."""
    held = outcome.mine if side == "mine" else outcome.theirs
    return outcome.record is not None and (held is None or held.content != outcome.content)


def _guard_deletions(plan: Plan, answers: Mapping[str, Resolution]) -> None:
    """A record deleted on one side while the other added or changed one that names it (a timeline event, an
    attachment, an incident at a deleted facility) is a deletion against an edit: a conflict on the deleted record.
    Kept deleted, the records naming it go too; brought back, it is stored again where it was deleted."""
    changed = True
    while changed:
        changed = False
        alive = {o.uuid: o for o in plan.outcomes if o.record is not None}
        for outcome in plan.outcomes:
            if outcome.record is not None or (outcome.mine is None) == (outcome.theirs is None):
                continue  # not a deletion on one side
            deleted_by: Side = "mine" if outcome.mine is None else "theirs"
            dependents = [o for o in alive.values()
                          if outcome.uuid in {getattr(o.record, name, None) for name in REFERENCES}]  # fmt: skip
            if not any(_written_to(o, deleted_by) for o in dependents):
                continue
            survivor = outcome.theirs if deleted_by == "mine" else outcome.mine
            assert survivor is not None
            conflict = RecordConflict(outcome.kind, outcome.uuid, survivor.title, deleted_by=deleted_by)
            answer = answers.get(outcome.uuid)
            if answer is None or answer.keep_deleted is None:
                plan.outcomes.remove(outcome)
                plan.unresolved.append(conflict)
                for dependent in dependents:  # waits for the answer too
                    plan.outcomes.remove(dependent)
            elif answer.keep_deleted:
                outcome.conflict = conflict
                for dependent in dependents:
                    dependent.record = None
            else:
                outcome.conflict, outcome.record = conflict, survivor.record
            changed = True
            break
