"""Sensitive text copied to the clipboard (suspect names, personal details, a sensitive attachment's name, a
sensitive table column) leaves it after the timeout (shortened here) and on quitting, driven as a person does:
Ctrl+A and Ctrl+C in the form, the context menu's Copy, Ctrl+C in a table. Anything copied afterwards stays; Edit ›
Clear copied sensitive fields after 30 s turns it off, and the choice survives a restart."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import forms_fixtures as ff
import pytest
from conftest import ScriptedDialogs
from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QClipboard, QContextMenuEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.kinds import RecordKind
from desktop.domain.records import Incident
from desktop.persistence.unit_of_work import Database
from desktop.services.attachments import AttachmentService, NewFile
from desktop.services.audit import history
from desktop.services.records import IncidentService
from desktop.ui import clipboard_guard
from desktop.ui.clipboard_guard import SECRET_HINTS, SENSITIVE_ROLE, copied_message
from desktop.ui.dialogs.history_dialog import HistoryModel
from desktop.ui.forms.attachments_panel import panel_of
from desktop.ui.main_window import MainWindow
from desktop.ui.record_tab import RecordTab
from desktop.ui.table_models import IncidentTableModel
from desktop.ui.table_models.columns import Column
from desktop.ui.window_actions import WindowAction

CTRL = Qt.KeyboardModifier.ControlModifier
TACOMA = "Armed attack with rifle and incendiary devices on the detention center"
SUSPECT = "Marker Suspect Jonah Vance"
DETAILS = "Marker details: lives at 12 Elm Street"
TIMEOUT_MS = 600  # the tests' CLEAR_AFTER_MS
Factory = Callable[..., MainWindow]


@pytest.fixture
def clipboard(qapp: QApplication) -> Iterator[QClipboard]:
    board = QApplication.clipboard()
    board.clear()
    yield board
    board.clear()


@pytest.fixture
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(clipboard_guard, "CLEAR_AFTER_MS", TIMEOUT_MS)
    return TIMEOUT_MS


def incidents(window: MainWindow) -> RecordTab:
    return window.record_tabs[RecordKind.INCIDENT.table]


def click_cell(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert view.currentIndex() == index


def select_incident(qtbot: QtBot, window: MainWindow, title: str = TACOMA) -> int:
    tab = incidents(window)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.record_at(r).title == title)
    click_cell(qtbot, tab.table, tab.model.index(row, 3))
    return row


def press_copy(qtbot: QtBot, widget: QWidget, *, select_all: bool = True) -> None:
    """Ctrl+A (select everything in a text field) and Ctrl+C, where a person has the cursor."""
    assert QApplication.focusWidget() is widget
    if select_all:
        qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(widget, Qt.Key.Key_C, CTRL)


def edit_incident(qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, step: Callable[[QWidget], None],
                  title: str = TACOMA) -> None:  # fmt: skip
    """Select the incident, press Enter and work its form with `step`."""
    select_incident(qtbot, window, title)
    dialogs.then(step)
    qtbot.keyClick(incidents(window).table, Qt.Key.Key_Return)
    dialogs.check()


def type_and_copy(qtbot: QtBot, field: QWidget, text: str) -> None:
    ff.type_into(qtbot, field, text)
    press_copy(qtbot, field)


def marked_secret(clipboard: QClipboard) -> bool:
    """Whether the clipboard's text is marked as a secret for clipboard managers (KDE's, Windows' history)."""
    mime = clipboard.mimeData()
    return mime is not None and all(mime.data(name).data() == value for name, value in SECRET_HINTS.items())


def wait_past(timeout_ms: int) -> None:
    """Let the event loop run for twice the timeout (what the guard would clear is cleared by then)."""
    deadline = time.monotonic() + 2 * timeout_ms / 1000
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)


def test_the_real_timeout_is_30_seconds() -> None:
    assert clipboard_guard.CLEAR_AFTER_MS == 30_000
    assert copied_message() == "Copied; the clipboard is cleared in 30 s (sensitive)"


def test_a_suspect_name_copied_in_the_form_leaves_the_clipboard_after_the_timeout(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, clipboard: QClipboard, short_timeout: int
) -> None:
    seen: list[tuple[str, str]] = []
    copied_at: list[float] = []
    hinted: list[bool] = []

    def copy_suspect(form: QWidget) -> None:
        type_and_copy(qtbot, form.suspect_names, SUSPECT)  # type: ignore[attr-defined]
        copied_at.append(time.monotonic())
        seen.append((clipboard.text(), window.statusBar().currentMessage()))
        hinted.append(marked_secret(clipboard))
        type_and_copy(qtbot, form.personal_details, DETAILS)  # type: ignore[attr-defined]
        seen.append((clipboard.text(), window.statusBar().currentMessage()))
        ff.press_save(qtbot, form)  # type: ignore[arg-type]

    edit_incident(qtbot, window, dialogs, copy_suspect)
    said = "Copied; the clipboard is cleared in 1 s (sensitive)"  # 600 ms, rounded
    assert seen == [(SUSPECT, said), (DETAILS, said)]
    assert hinted == [True]  # clipboard managers are told to keep no history of it
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=5000)
    assert time.monotonic() - copied_at[0] >= TIMEOUT_MS / 1000 * 0.9  # not at once: after the timeout
    assert window.statusBar().currentMessage() == clipboard_guard.CLEARED
    saved = IncidentService(window.session.database).get(incidents(window).selected_record().uuid)
    assert (saved.suspect_names, saved.personal_details) == (SUSPECT, DETAILS)  # the copy took nothing away


def test_copy_from_the_context_menu_of_a_sensitive_field_is_cleared_too(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, clipboard: QClipboard, short_timeout: int
) -> None:
    picked: list[str] = []

    def pick_copy() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick_copy)
            return
        action = next(a for a in menu.actions() if a.text().replace("&", "").startswith("Copy"))
        picked.append(action.text())
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    def copy_by_menu(form: QWidget) -> None:
        field = form.personal_details  # type: ignore[attr-defined]
        ff.type_into(qtbot, field, DETAILS)
        qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
        QTimer.singleShot(0, pick_copy)
        centre = field.viewport().rect().center()  # a right click (offscreen Qt makes no menu of a real one)
        QApplication.sendEvent(field.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre,
                                                                   field.viewport().mapToGlobal(centre)))  # fmt: skip
        qtbot.waitUntil(lambda: clipboard.text() == DETAILS, timeout=2000)  # the menu pops up, Copy is clicked
        form.forget_changes()  # type: ignore[attr-defined]
        ff.press_escape(qtbot, form)  # type: ignore[arg-type]

    edit_incident(qtbot, window, dialogs, copy_by_menu)
    assert picked and window.statusBar().currentMessage().startswith("Copied; the clipboard is cleared in")
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=5000)


def test_other_fields_and_whatever_is_copied_afterwards_stay_on_the_clipboard(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, clipboard: QClipboard, short_timeout: int
) -> None:
    seen: list[str] = []

    def copy_title_then_suspect_then_title(form: QWidget) -> None:
        form.title.setFocus()  # type: ignore[attr-defined]
        press_copy(qtbot, form.title)  # type: ignore[attr-defined]
        seen.append(window.statusBar().currentMessage())
        assert not marked_secret(clipboard)
        type_and_copy(qtbot, form.suspect_names, SUSPECT)  # type: ignore[attr-defined]
        form.title.setFocus()  # type: ignore[attr-defined]
        press_copy(qtbot, form.title)  # type: ignore[attr-defined]  # copied afterwards: never cleared
        form.forget_changes()  # type: ignore[attr-defined]
        ff.press_escape(qtbot, form)  # type: ignore[arg-type]

    edit_incident(qtbot, window, dialogs, copy_title_then_suspect_then_title)
    assert seen == [""]  # nothing said for a field that is not sensitive
    wait_past(TIMEOUT_MS)
    assert clipboard.text() == TACOMA

    def copy_suspect(form: QWidget) -> None:
        type_and_copy(qtbot, form.suspect_names, SUSPECT)  # type: ignore[attr-defined]
        form.forget_changes()  # type: ignore[attr-defined]
        ff.press_escape(qtbot, form)  # type: ignore[arg-type]

    edit_incident(qtbot, window, dialogs, copy_suspect)
    assert clipboard.text() == SUSPECT
    clipboard.setText("copied in another program")  # meanwhile, with the table of the window in focus
    wait_past(TIMEOUT_MS)
    assert clipboard.text() == "copied in another program"


def test_opting_out_keeps_copies_and_the_choice_survives_a_restart(
    qtbot: QtBot, make_window: Factory, demo_database: Database, qsettings: QSettings, settings_path: Path,
    dialogs: ScriptedDialogs, clipboard: QClipboard, short_timeout: int,
) -> None:  # fmt: skip
    def copy_suspect(form: QWidget) -> None:
        type_and_copy(qtbot, form.suspect_names, SUSPECT)  # type: ignore[attr-defined]
        form.forget_changes()  # type: ignore[attr-defined]
        ff.press_escape(qtbot, form)  # type: ignore[arg-type]

    first = make_window(demo_database, qsettings)
    toggle = first.registry[WindowAction.CLEAR_SENSITIVE_COPIES]
    assert toggle in first.menus["edit"].actions()
    assert toggle.text() == "Clear copied sensitive fields after 30 s"
    assert toggle.isCheckable() and toggle.isChecked()  # on unless turned off
    toggle.trigger()
    assert not toggle.isChecked()
    edit_incident(qtbot, first, dialogs, copy_suspect)
    assert "sensitive" not in first.statusBar().currentMessage() and not marked_secret(clipboard)
    wait_past(TIMEOUT_MS)
    assert clipboard.text() == SUSPECT
    first.registry[WindowAction.QUIT].trigger()
    assert clipboard.text() == SUSPECT  # turned off: not on quitting either

    second = make_window(demo_database, QSettings(str(settings_path), QSettings.Format.IniFormat))
    toggle = second.registry[WindowAction.CLEAR_SENSITIVE_COPIES]
    assert not toggle.isChecked()
    clipboard.clear()
    edit_incident(qtbot, second, dialogs, copy_suspect)
    wait_past(TIMEOUT_MS)
    assert clipboard.text() == SUSPECT
    toggle.trigger()  # on again
    edit_incident(qtbot, second, dialogs, copy_suspect)
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=5000)
    second.close()
    third = make_window(demo_database, QSettings(str(settings_path), QSettings.Format.IniFormat))
    assert third.registry[WindowAction.CLEAR_SENSITIVE_COPIES].isChecked()


def test_quitting_clears_the_sensitive_copy_but_not_what_was_copied_afterwards(
    qtbot: QtBot, make_window: Factory, demo_database: Database, qsettings: QSettings, dialogs: ScriptedDialogs,
    clipboard: QClipboard,
) -> None:  # fmt: skip
    def copy_suspect(form: QWidget) -> None:
        type_and_copy(qtbot, form.suspect_names, SUSPECT)  # type: ignore[attr-defined]
        form.forget_changes()  # type: ignore[attr-defined]
        ff.press_escape(qtbot, form)  # type: ignore[arg-type]

    window = make_window(demo_database, qsettings)  # the real 30 s: only quitting clears it here
    edit_incident(qtbot, window, dialogs, copy_suspect)
    assert clipboard.text() == SUSPECT
    assert window.statusBar().currentMessage() == "Copied; the clipboard is cleared in 30 s (sensitive)"
    window.registry[WindowAction.QUIT].trigger()
    assert not window.isVisible()
    assert clipboard.text() == ""

    again = make_window(demo_database, qsettings)
    edit_incident(qtbot, again, dialogs, copy_suspect)
    assert clipboard.text() == SUSPECT
    clipboard.setText("a note copied afterwards")
    again.registry[WindowAction.QUIT].trigger()
    assert clipboard.text() == "a note copied afterwards"


def row_text(tab: RecordTab, row: int) -> list[str]:
    header = tab.table.horizontalHeader()
    order = sorted(range(tab.model.columnCount()), key=header.visualIndex)
    return [" ".join(str(tab.model.index(row, column).data() or "").split()) for column in order]


def test_ctrl_c_in_a_table_copies_the_selected_row_as_tab_separated_cells_in_the_order_shown(
    qtbot: QtBot, window: MainWindow, clipboard: QClipboard, short_timeout: int
) -> None:
    tab = incidents(window)
    row = select_incident(qtbot, window)
    press_copy(qtbot, tab.table, select_all=False)
    cells = clipboard.text().split("\t")
    assert cells == row_text(tab, row) and cells[3] == TACOMA and len(cells) == tab.model.columnCount()
    assert window.statusBar().currentMessage() == "Copied." and not marked_secret(clipboard)
    header = tab.table.horizontalHeader()
    header.moveSection(header.visualIndex(3), 0)  # the title first, as a person dragged it
    press_copy(qtbot, tab.table, select_all=False)
    assert clipboard.text().split("\t")[0] == TACOMA
    wait_past(TIMEOUT_MS)
    assert clipboard.text().split("\t") == row_text(tab, row)  # no sensitive column: kept
    search = tab.filter_bar.search
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(search, "rifle")  # Tacoma's title has it: the row stays when the search applies
    press_copy(qtbot, search)  # Ctrl+C in a text field is the field's own
    assert clipboard.text() == "rifle"
    qtbot.keyClick(search, Qt.Key.Key_End)
    window.registry[WindowAction.COPY].trigger()  # Edit › Copy from the menu: without a selection, the table's row
    assert clipboard.text().split("\t")[0] == TACOMA
    qtbot.keyClick(search, Qt.Key.Key_A, CTRL)
    window.registry[WindowAction.COPY].trigger()  # with text selected in the field: that text
    assert clipboard.text() == "rifle"


def test_a_table_copy_with_a_sensitive_column_is_cleared(
    qtbot: QtBot, make_window: Factory, demo_database: Database, qsettings: QSettings, clipboard: QClipboard,
    short_timeout: int, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    suspects: Column[Incident] = Column("Suspects", lambda i: i.suspect_names, sensitive=True)
    monkeypatch.setattr(IncidentTableModel, "columns", (*IncidentTableModel.columns, suspects))
    service = IncidentService(demo_database)
    tacoma = next(i for i in service.page() if i.title == TACOMA)
    service.update(replace(tacoma, suspect_names=SUSPECT))
    window = make_window(demo_database, qsettings)
    tab = incidents(window)
    select_incident(qtbot, window)
    press_copy(qtbot, tab.table, select_all=False)
    assert SUSPECT in clipboard.text().split("\t")
    assert marked_secret(clipboard)
    assert window.statusBar().currentMessage().startswith("Copied; the clipboard is cleared in")
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=5000)


def test_a_sensitive_attachments_name_copied_from_the_lists_is_cleared(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, clipboard: QClipboard, short_timeout: int
) -> None:
    tacoma = next(i for i in IncidentService(window.session.database).page() if i.title == TACOMA)
    AttachmentService(window.session.database).add(RecordKind.INCIDENT, tacoma.uuid, [
        NewFile.of_bytes("informant-marker.txt", b"statement", sensitive=True),
        NewFile.of_bytes("gate-photo.txt", b"gate")])  # fmt: skip
    copied: list[str] = []

    def copy_names(form: QWidget) -> None:
        panel = panel_of(form)
        assert panel is not None
        names = [panel.list.topLevelItem(r).text(0) for r in range(panel.list.topLevelItemCount())]  # type: ignore[union-attr]
        click_cell(qtbot, panel.list, panel.list.model().index(names.index("gate-photo.txt"), 0))
        press_copy(qtbot, panel.list, select_all=False)
        copied.append(clipboard.text())
        assert window.statusBar().currentMessage() == ""
        timeline = form.timeline.table  # type: ignore[attr-defined]
        row = next(r for r in range(timeline.rowCount()) if "informant-marker" in timeline.item(r, 2).text())
        click_cell(qtbot, timeline, timeline.model().index(row, 2))
        press_copy(qtbot, timeline, select_all=False)
        copied.append(clipboard.text())
        click_cell(qtbot, panel.list, panel.list.model().index(names.index("informant-marker.txt"), 0))
        press_copy(qtbot, panel.list, select_all=False)
        copied.append(clipboard.text())
        ff.press_escape(qtbot, form)  # type: ignore[arg-type]

    edit_incident(qtbot, window, dialogs, copy_names)
    assert copied[0] == "gate-photo.txt" and "informant-marker.txt" in copied[1]
    assert copied[2] == "informant-marker.txt"
    assert window.statusBar().currentMessage().startswith("Copied; the clipboard is cleared in")
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=5000)


def test_the_history_marks_the_sensitive_fields_values(window: MainWindow) -> None:
    service = IncidentService(window.session.database)
    tacoma = next(i for i in service.page() if i.title == TACOMA)
    service.update(replace(tacoma, suspect_names=SUSPECT, title=TACOMA + " (edited)"))
    model = HistoryModel(history(window.session.database, tacoma.uuid))
    fields = [model.data(model.index(r, HistoryModel.COL_FIELD)) for r in range(model.rowCount())]
    suspects, title = fields.index("Suspect names"), fields.index("Title")
    assert model.data(model.index(suspects, HistoryModel.COL_NEW), SENSITIVE_ROLE)
    assert not model.data(model.index(title, HistoryModel.COL_NEW), SENSITIVE_ROLE)
    assert not model.data(model.index(suspects, HistoryModel.COL_FIELD), SENSITIVE_ROLE)
