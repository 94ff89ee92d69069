"""Change: one committed change of a record announced by the database server (another window's save, a CLI import)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.kinds import RecordKind

OPERATIONS = frozenset({"insert", "update", "delete", "many"})


@dataclass(frozen=True, slots=True)
class Change:
    """`uuid` and `version` are None when one statement changed many records of the kind ("many": an import);
    `version` is the record's version after the change (its parent's, for a child row such as a weapon or an
    attachment). `user` is the server login that made it."""

    kind: RecordKind
    uuid: str | None
    version: int | None
    operation: str
    user: str

    def is_newer_than(self, version: int | None) -> bool:
        """True when this change leaves the record at a version after `version` (a form's base version)."""
        return self.version is not None and version is not None and self.version > version
