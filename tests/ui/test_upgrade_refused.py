"""At start-up on a shared PostgreSQL server whose schema is older: while a client of the older schema is connected,
the box names it and the database stays as it was; Try again after it has closed upgrades (a pg_dump first)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from support.pg_older import OLDER, fingerprint, make_older_database, require_client_programs
from support.pg_server import PostgresServer

from desktop.app import open_first_database
from desktop.persistence.revisions import head_revision
from desktop.services.session.service import DatabaseSessions

pytestmark = pytest.mark.postgres


@pytest.fixture
def older(postgres_server: PostgresServer) -> Iterator[tuple[str, str]]:
    require_client_programs()
    with postgres_server.fresh_database() as name:
        make_older_database(postgres_server.url(name))
        yield name, postgres_server.url(name)


Step = tuple[str, str, Callable[[], object]]  # the box's name, the button to click, what happens first


def answer_boxes(qtbot: QtBot, steps: list[Step], seen: list[str]) -> QTimer:
    """Answer each modal box as a person would: read it, do what happens meanwhile, click the labelled button. A box
    beyond the steps is rejected (so a failing test never hangs) and recorded."""
    timer = QTimer()

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        seen.append(f"{box.objectName()}: {box.text()}")
        if not steps or steps[0][0] != box.objectName():
            box.reject()
            return
        _, label, meanwhile = steps.pop(0)
        meanwhile()
        button = next(b for b in box.buttons() if b.text().replace("&", "") == label)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    timer.timeout.connect(look)
    timer.start(50)
    return timer


def test_the_box_names_the_older_client_and_try_again_upgrades_once_it_has_gone(
    qtbot: QtBot, postgres_server: PostgresServer, older: tuple[str, str], tmp_path: Path
) -> None:
    name, url = older
    before = fingerprint(url)
    backups = tmp_path / "backups"
    sessions = DatabaseSessions(backups)
    seen: list[str] = []
    other = psycopg.connect(postgres_server.conninfo(name), application_name=f"incident-logger 0.0.9 schema {OLDER}")
    pid = other.info.backend_pid
    steps: list[Step] = [("upgrade_refused", "Quit", lambda: None)]
    timer = answer_boxes(qtbot, steps, seen)
    try:
        assert open_first_database(sessions, url) is None
        assert steps == [] and len(seen) == 1
        assert seen[0].startswith("upgrade_refused: Cannot open postgresql://postgres@127.0.0.1:")
        assert "postgres from 127.0.0.1 since " in seen[0] and f"schema {OLDER}, pid {pid})" in seen[0]
        assert fingerprint(url) == before and not backups.exists()

        steps.append(("upgrade_refused", "Try again", lambda: None))  # still connected: asked again
        steps.append(("upgrade_refused", "Try again", other.close))  # the older client closes; then it goes ahead
        database = open_first_database(sessions, url)
        assert database is not None
        sessions.close(database)
    finally:
        timer.stop()
        other.close()
    assert steps == [] and len(seen) == 3
    assert fingerprint(url)["(revision)"] == head_revision()
    assert [path.name.endswith("-before-migration.dump") for path in backups.iterdir()] == [True]
