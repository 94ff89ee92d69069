"""Show the window on a demo database with a stand-in synchronization engine, for docs/sync-preview.png.

Until the engine (desktop.services.sync) is part of the build, File › Synchronize… needs one to open its preview:
this gives the real window a double that previews realistic counts and conflicts, and opens a second local file
where the server would be. Run under a display, use the menu (xdotool), take the picture (import). Usage:
.venv/bin/python scripts/sync_preview_screenshot.py FOLDER
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from desktop import paths
from desktop.app import build_main_window
from desktop.domain.sync import (
    FieldDifference,
    KindCounts,
    RecordConflict,
    Resolution,
    SyncedKind,
    SyncPreview,
    SyncResult,
    SyncStatus,
)
from desktop.persistence.engine import sqlite_url
from desktop.persistence.unit_of_work import Database
from desktop.services.demo import load_demo
from desktop.services.session.service import DatabaseSessions

SERVER = "team-db.example.org:5432/incidents"
COUNTS = {
    SyncedKind.FACILITY: KindCounts(send_new=1, send_changed=2, receive_changed=1, conflicts=1),
    SyncedKind.INCIDENT: KindCounts(
        send_new=3, send_changed=4, send_deleted=1, receive_new=6, receive_changed=2, conflicts=2
    ),
    SyncedKind.DIRECTIVE: KindCounts(receive_new=1),
    SyncedKind.PLAN_ITEM: KindCounts(send_changed=1, receive_deleted=1),
    SyncedKind.ATTACHMENT: KindCounts(send_new=2, receive_new=1),
    SyncedKind.TIMELINE_EVENT: KindCounts(send_new=5, receive_new=3),
}
CONFLICTS = (
    RecordConflict(SyncedKind.FACILITY, "f-1", "Northwest Detention Center, Tacoma", (
        FieldDifference("notes", "Notes", "Fence along the east side.", "Fence along the east side; camera 4 out.",
                        "Fence repaired on 11/30."),
        FieldDifference("security_level", "Facility Security Level", "IV", "V", "III"))),
    RecordConflict(SyncedKind.INCIDENT, "i-1", "Shots fired overnight at the windows of the ICE office", (
        FieldDifference("status", "Case status", "Open", "Referred for prosecution", "Closed"),)),
    RecordConflict(SyncedKind.INCIDENT, "i-2", "Molotov cocktail thrown at the USCIS office; the fuse failed",
                   deleted_by="theirs"),
)  # fmt: skip


class DemoEngine:
    def preview(self, local: Database, server: Database) -> SyncPreview:
        return SyncPreview(COUNTS, CONFLICTS, SERVER)

    def synchronize(self, local: Database, server: Database, resolutions: Sequence[Resolution] = (),
                    progress: Callable[[int, int], bool] | None = None) -> SyncResult:  # fmt: skip
        return SyncResult(COUNTS, len(resolutions), datetime(2026, 12, 4, 10, 32))

    def status(self, local: Database) -> SyncStatus:
        return SyncStatus(SERVER, datetime(2026, 12, 3, 17, 5), 17)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    folder = Path(sys.argv[1])
    app = QApplication(["incident-logger"])
    app.setApplicationDisplayName("Incident Logger")
    app_paths = paths.init(folder / "data")
    sessions = DatabaseSessions(app_paths.backup_dir)
    local = sessions.open(sqlite_url(folder / "laptop.incidents"))
    load_demo(local)
    stand_in = sessions.open(sqlite_url(folder / "stand-in-for-the-server.incidents"), lock=False)
    from desktop.ui.session import Session

    window = build_main_window(Session(local, sessions), app_paths)
    assert window.features is not None and window.features.sync is not None
    sync = window.features.sync
    sync.set_engine(DemoEngine())
    sync.open_server = lambda _url, _ask: stand_in
    sync.close_server = lambda _database: None
    window.resize(1380, 860)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
