"""The history of a record says who made each change: a person selects an incident, presses Ctrl+H and reads the
user in the By column (the computer's user on a SQLite file; 'unknown' for entries from before users were kept)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.records import IncidentService
from desktop.ui.dialogs.history_dialog import HistoryDialog, HistoryModel
from desktop.ui.main_window import MainWindow

TACOMA = "Armed attack with rifle and incendiary devices on the detention center"
USER = "dana.analyst"


@pytest.fixture(autouse=True)
def _logged_in_as_dana(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The computer's user, before the demo database is opened and written (getpass reads LOGNAME first)."""
    monkeypatch.setenv("LOGNAME", USER)
    yield


def open_history(qtbot: QtBot, window: MainWindow, title: str) -> HistoryDialog:
    tab = window.record_tabs["incidents"]
    row = [tab.model.record_at(r).title for r in range(tab.model.rowCount())].index(title)
    rect = tab.table.visualRect(tab.model.index(row, 3))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(tab.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    found: list[HistoryDialog] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, HistoryDialog) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown)
    return found[0]


def column(dialog: HistoryDialog, number: int) -> list[str]:
    model = dialog.model
    return [model.data(model.index(r, number)) for r in range(model.rowCount())]


def test_the_history_dialog_shows_who_made_each_change(window: MainWindow, qtbot: QtBot) -> None:
    service = IncidentService(window.session.database)
    incident = next(i for i in service.page() if i.title == TACOMA)
    service.update(replace(incident, description="Checked on site"))
    dialog = open_history(qtbot, window, TACOMA)
    header = dialog.model.headerData(HistoryModel.COL_USER, Qt.Orientation.Horizontal)
    assert header == "By"
    users = column(dialog, HistoryModel.COL_USER)
    assert users and set(users) == {USER}
    updated = [r for r in range(dialog.model.rowCount())
               if column(dialog, HistoryModel.COL_FIELD)[r] == "Description"][-1]  # fmt: skip
    assert column(dialog, HistoryModel.COL_NEW)[updated] == "Checked on site"
    assert dialog.table.isColumnHidden(HistoryModel.COL_USER) is False
    assert dialog.table.columnWidth(HistoryModel.COL_USER) > 0
    dialog.close()
