"""What the window needs of the synchronization engine (`desktop.services.sync`): preview, synchronize, status."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from desktop.domain.sync import RecordConflict, Resolution, SyncPreview, SyncResult, SyncStatus
from desktop.persistence.unit_of_work import Database


class SyncEngine(Protocol):
    """The engine's three calls; the module `desktop.services.sync` is one (tests pass a double). `synchronize`
    raises an error with `.conflicts` (SyncConflictsError) when a conflict has no resolution."""

    def preview(self, local: Database, server: Database) -> SyncPreview: ...

    def synchronize(self, local: Database, server: Database, resolutions: Sequence[Resolution] = (),
                    progress: Callable[[int, int], bool] | None = None) -> SyncResult: ...  # fmt: skip

    def status(self, local: Database) -> SyncStatus: ...


def installed_engine() -> SyncEngine:
    """The engine of this build (the seam: tests give SyncActions a double through `set_engine`)."""
    from desktop.services import sync  # checked against SyncEngine by mypy

    return sync


def conflicts_of(error: BaseException) -> tuple[RecordConflict, ...] | None:
    """The conflicts a refused synchronization names (SyncConflictsError), else None."""
    conflicts = getattr(error, "conflicts", None)
    if isinstance(conflicts, tuple) and all(isinstance(one, RecordConflict) for one in conflicts):
        return conflicts
    return None
