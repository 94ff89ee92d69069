"""What the window needs of the synchronization engine (`desktop.services.sync`): preview, synchronize, status."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from typing import Protocol, cast

from desktop.domain.sync import RecordConflict, Resolution, SyncPreview, SyncResult, SyncStatus
from desktop.persistence.unit_of_work import Database

log = logging.getLogger(__name__)
ENGINE_MODULE = "desktop.services.sync"


class SyncEngine(Protocol):
    """The engine's three calls; the module `desktop.services.sync` is one (tests pass a double). `synchronize`
    raises an error with `.conflicts` (SyncConflictsError) when a conflict has no resolution."""

    def preview(self, local: Database, server: Database) -> SyncPreview: ...

    def synchronize(self, local: Database, server: Database, resolutions: Sequence[Resolution] = (),
                    progress: Callable[[int, int], bool] | None = None) -> SyncResult: ...  # fmt: skip

    def status(self, local: Database) -> SyncStatus: ...


def installed_engine() -> SyncEngine | None:
    """The engine of this build, or None while it is not part of it (the action then says so, disabled)."""
    try:
        return cast(SyncEngine, importlib.import_module(ENGINE_MODULE))
    except ModuleNotFoundError as error:
        if error.name != ENGINE_MODULE and not ENGINE_MODULE.startswith(f"{error.name}."):
            raise  # the engine is there but something it imports is not: not hidden
        log.info("no synchronization engine in this build (%s)", ENGINE_MODULE)
        return None


def conflicts_of(error: BaseException) -> tuple[RecordConflict, ...] | None:
    """The conflicts a refused synchronization names (SyncConflictsError), else None."""
    conflicts = getattr(error, "conflicts", None)
    if isinstance(conflicts, tuple) and all(isinstance(one, RecordConflict) for one in conflicts):
        return conflicts
    return None
