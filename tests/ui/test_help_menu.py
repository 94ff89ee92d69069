"""Help: Keyboard shortcuts lists every registered action that has one (read from the registry, so it cannot
drift), and About names the versions, the data folder and the open database."""

from __future__ import annotations

import platform

import PySide6
import pytest
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from desktop import __version__
from desktop.paths import AppPaths
from desktop.persistence.engine import sqlite_file
from desktop.ui.dialogs import about_dialog
from desktop.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.window_actions import WindowAction

NATIVE = QKeySequence.SequenceFormat.NativeText


def open_shortcuts(qtbot: QtBot, window: MainWindow) -> ShortcutsDialog:
    window.registry[WindowAction.SHORTCUTS].trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert isinstance(dialog, ShortcutsDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_the_help_menu_offers_shortcuts_and_about(window: MainWindow) -> None:
    names = [a.objectName() for a in window.menus["help"].actions() if not a.isSeparator()]
    assert names == ["user_guide_action", "shortcuts_action", "about_action", "about_qt_action"]
    assert window.registry[WindowAction.SHORTCUTS].shortcut().toString() == "Ctrl+/"


def test_keyboard_shortcuts_lists_every_registered_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_shortcuts(qtbot, window)
    rows = dict(dialog.rows())
    assert len(rows) == len(dialog.rows())  # one row per action
    expected: dict[str, list[str]] = {}
    for key in window.registry:
        action = window.registry[key]
        keys = [k.toString(NATIVE) for k in action.shortcuts() if not k.isEmpty()]
        if keys:
            expected[action.text().replace("&", "").removesuffix("…")] = keys
    assert set(rows) == set(expected)  # every action with a shortcut, and only those
    for label, keys in expected.items():
        assert all(k in rows[label] for k in keys), (label, rows[label])
    assert not any("&" in label for label in rows)
    listed = {key for keys in rows.values() for key in keys.removesuffix(" (in a table)").split(", ")}
    assert {"Ctrl+N", "Ctrl+Z", "Ctrl+F", "Ctrl+E", "Ctrl+I", "Ctrl+H", "Ctrl+1", "Ctrl+/"} <= listed
    assert rows["Edit"] == "Return, Enter (in a table)"
    assert rows["Delete"] == f"{QKeySequence(QKeySequence.StandardKey.Delete).toString(NATIVE)} (in a table)"
    dialog.close()


def test_about_names_versions_data_folder_and_database(
    window: MainWindow, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(about_dialog.QMessageBox, "about", lambda _p, _title, text: shown.append(text))

    window.registry[WindowAction.ABOUT].trigger()
    assert len(shown) == 1
    text = shown[0]
    database = sqlite_file(window.session.database.url)
    assert f"Incident Logger {__version__}" in text
    assert str(app_paths.data_dir) in text and str(app_paths.backup_dir) in text
    assert database is not None and str(database) in text
    assert f"PySide6 {PySide6.__version__}" in text and f"Python {platform.python_version()}" in text and "Qt " in text
