"""Synchronization of a local database with the team's server: preview, synchronize, status (issue 19)."""

from desktop.services.sync.engine import SyncCancelledError, preview, status, synchronize
from desktop.services.sync.plan import SyncConflictsError

__all__ = ["SyncCancelledError", "SyncConflictsError", "preview", "status", "synchronize"]
