"""Run under a real X server (QT_QPA_PLATFORM=xcb): a sensitive and a plain field, text selected in each by the
keyboard, and what X11's selection clipboard holds before and after the guard's (shortened) delay, printed as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QClipboard
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from desktop.ui import clipboard_guard
from desktop.ui.settings import WindowSettings


def select_all_in(field: QLineEdit, text: str) -> None:
    field.setFocus()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()


def main(settings_file: str) -> None:
    app = QApplication(sys.argv)
    clipboard_guard.CLEAR_AFTER_MS = 400
    window = QWidget()
    sensitive, plain = QLineEdit(), QLineEdit()
    clipboard_guard.mark_sensitive(sensitive)
    layout = QVBoxLayout(window)
    layout.addWidget(sensitive)
    layout.addWidget(plain)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    seen_active = QTest.qWaitForWindowActive(window)  # a person clicks into the window first
    settings = WindowSettings(QSettings(settings_file, QSettings.Format.IniFormat))
    guard = clipboard_guard.ClipboardGuard(settings, lambda _text, _ms: None)
    clipboard = app.clipboard()
    seen: dict[str, object] = {"supports": clipboard.supportsSelection(), "active": seen_active}
    select_all_in(sensitive, "J. Doe, born 1990")
    seen["sensitive_selected"] = clipboard.text(QClipboard.Mode.Selection)
    seen["focus_is_sensitive"] = QApplication.focusWidget() is sensitive
    QTest.qWait(900)
    seen["sensitive_after"] = clipboard.text(QClipboard.Mode.Selection)
    select_all_in(plain, "Window broken")
    seen["plain_selected"] = clipboard.text(QClipboard.Mode.Selection)
    QTest.qWait(900)
    seen["plain_after"] = clipboard.text(QClipboard.Mode.Selection)
    sensitive.clear()
    select_all_in(sensitive, "Second suspect")
    guard.release()  # quitting
    seen["after_quitting"] = clipboard.text(QClipboard.Mode.Selection)
    print(json.dumps(seen))


if __name__ == "__main__":
    main(str(Path(sys.argv[1])))
