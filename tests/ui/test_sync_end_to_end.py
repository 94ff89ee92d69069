"""File › Synchronize… with the real engine and a throw-away PostgreSQL server: the first synchronization sends the
laptop's records (the preview's counts, then the status bar), and a title changed on both sides comes back as a
conflict whose field is chosen in the comparison dialog: the laptop then holds the server's title, nothing else."""

from __future__ import annotations

from dataclasses import replace

import pytest
from modal_answerer import focused
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from support.pg_server import PostgresServer
from test_sync_window import cell, click, pick, run, type_address

from desktop.domain.records import Incident
from desktop.services.records import IncidentService
from desktop.services.session.service import DatabaseSessions
from desktop.ui.dialogs.record_conflict_dialog import RecordConflictDialog
from desktop.ui.dialogs.sync_preview_dialog import SyncPreviewDialog
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.postgres


def test_first_synchronization_then_a_conflict_chosen_field_by_field(
    qtbot: QtBot, window: MainWindow, server_url: str, sessions: DatabaseSessions, postgres_server: PostgresServer
) -> None:
    local = window.session.database
    label = window.findChild(QWidget, "sync_label")
    assert label.text() == "Never synchronized"
    shown = server_url.split("@")[-1].split("?")[0]  # host:port/database

    def first(dialog: SyncPreviewDialog) -> None:
        rows = {cell(dialog.counts, r, 0): cell(dialog.counts, r, 1) for r in range(dialog.counts.rowCount())}
        assert rows["Facilities"] == "3" and rows["Incidents"] == "3"  # the demo's, all new to the server
        assert dialog.conflicts.isHidden() and dialog.sync_button.isEnabled()
        assert dialog.resolve_button.isHidden()  # nothing to resolve: no button for it
        assert dialog.summary.height() <= 3 * dialog.summary.fontMetrics().lineSpacing()  # not a blank band
        QTest.keyClick(focused(dialog), Qt.Key.Key_Return)  # Synchronize is the default

    def done(box: QMessageBox) -> None:
        assert box.text() == f"Synchronized with {shown}."
        box.accept()

    typed = server_url.removeprefix("postgresql+psycopg://")  # as a person types it: user@host:port/database
    run(qtbot, window, [type_address(typed), first, done])
    assert label.text().startswith("Last synchronized ") and label.text().endswith(f"{shown} · no changes to send")

    server = sessions.open(server_url, lock=False)
    try:
        incidents = IncidentService(local)
        mine = incidents.page()[0]
        theirs = IncidentService(server).get(mine.uuid)
        IncidentService(server).update(replace(theirs, title="Title from the team"))
        incidents.update(replace(mine, title="Title from the laptop"))
        window.session.changed()
        assert label.text().endswith("· 1 change to send")

        def conflict(dialog: SyncPreviewDialog) -> None:
            assert dialog.conflicts.rowCount() == 1
            assert (
                cell(dialog.conflicts, 0, 0) == "Incident" and cell(dialog.conflicts, 0, 1) == "Title from the laptop"
            )
            assert cell(dialog.conflicts, 0, 2) == "Title"
            assert not dialog.sync_button.isEnabled()
            click(dialog.resolve_button)
            click(dialog.sync_button)

        def take_theirs(dialog: RecordConflictDialog) -> None:
            assert [(f.base, f.mine, f.theirs) for f in dialog.fields] == [
                (mine.title, "Title from the laptop", "Title from the team")]  # fmt: skip
            pick(dialog.theirs_buttons[dialog.fields[0].key])
            click(dialog.apply_button)

        run(qtbot, window, [type_address(server_url), conflict, take_theirs, lambda box: box.accept()])
        stored: Incident = incidents.get(mine.uuid)
        assert stored.title == "Title from the team"
        assert IncidentService(server).get(mine.uuid).title == "Title from the team"
        assert label.text().endswith("· no changes to send")
    finally:
        sessions.close(server)
