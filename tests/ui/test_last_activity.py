"""The incidents table's Last activity column: read once per page, newest after an event is added in the form."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import forms_fixtures as ff
from conftest import ScriptedDialogs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from support.clock import FakeClock
from support.synthetic_incidents import populate

from desktop.domain.queries import Page
from desktop.persistence.unit_of_work import Database
from desktop.services.records import IncidentService
from desktop.services.timeline import TimelineService
from desktop.ui.main_window import MainWindow
from desktop.ui.table_models import IncidentTableModel
from desktop.ui.table_models.incidents import local_minute

DISPLAY = Qt.ItemDataRole.DisplayRole
FLORIDA = "Molotov cocktail thrown at the USCIS office; the fuse failed"


def column_of(model: IncidentTableModel, title: str) -> int:
    return [column.title for column in model.columns].index(title)


def test_last_activity_is_read_once_per_page(database: Database) -> None:
    populate(database, 45, facilities=3, plan_items=5)
    timeline = TimelineService(database)
    asked: list[int] = []

    def activity(uuids: Sequence[str]) -> dict[str, datetime]:
        asked.append(len(uuids))
        return timeline.last_activity(uuids)

    model = IncidentTableModel(lambda: IncidentService(database), activity=activity, page_size=20)
    model.refresh()
    column = column_of(model, "Last activity")
    shown = [model.record_at(row) and model.data(model.index(row, column), DISPLAY) for row in range(model.rowCount())]

    assert asked == [20, 20, 5]  # one read a page, none a row
    stored = IncidentService(database).page(None, Page(limit=100, sort="occurred", descending=True))
    times = timeline.last_activity([incident.uuid for incident in stored])
    assert shown == [local_minute(times[incident.uuid]) for incident in stored]
    tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "last recorded" in tip and "not sortable" in tip
    model.sort(column, Qt.SortOrder.DescendingOrder)
    assert model.sort_key == "occurred"  # the column sorts nothing


def test_without_a_source_there_is_no_column(database: Database) -> None:
    model = IncidentTableModel(lambda: IncidentService(database))
    assert "Last activity" not in [column.title for column in model.columns]


def test_the_column_shows_the_event_just_added_in_the_form(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, clock: FakeClock
) -> None:
    tab = window.record_tabs["incidents"]
    model = tab.model
    assert isinstance(model, IncidentTableModel)
    column = column_of(model, "Last activity")
    row = [model.record_at(r).title for r in range(model.rowCount())].index(FLORIDA)  # type: ignore[union-attr]
    before = model.data(model.index(row, column), DISPLAY)
    later = clock.advance(timedelta(minutes=5))
    assert before and before < local_minute(later)

    def add_event(form: QWidget) -> None:
        panel = form.timeline  # type: ignore[attr-defined]
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.event_dialog is not None and panel.event_dialog.isVisible())
        dialog = panel.event_dialog
        ff.reactivate(qtbot, dialog)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.date.edit)
        qtbot.keyClicks(dialog.date.edit, "2019-09")
        qtbot.keyClick(dialog.date.edit, Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), "Hearing set")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: panel.event_dialog is None)
        ff.reactivate(qtbot, form)
        ff.press_escape(qtbot, form)  # nothing else changed: the form closes without asking

    select = tab.table.visualRect(model.index(row, 3)).center()
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=select)
    dialogs.then(add_event)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialogs.check()

    row = [model.record_at(r).title for r in range(model.rowCount())].index(FLORIDA)  # type: ignore[union-attr]
    assert model.data(model.index(row, column), DISPLAY) == local_minute(later)
    assert not window.undo_stack.canUndo()  # the event is stored on its own, not an undo step of the incident
