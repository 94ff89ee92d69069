"""Sensitive text copied to the clipboard is cleared 30 s later (if the clipboard still holds it) and on quitting."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QMimeData, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QClipboard, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QPlainTextEdit, QTableView, QWidget

from desktop.ui.settings import WindowSettings
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate
from desktop.ui.window_actions import WindowAction

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

CLEAR_AFTER_MS = 30_000  # how long copied sensitive text stays on the clipboard (tests shorten it)
SENSITIVE_PROPERTY = "sensitive"  # a dynamic property: a widget whose text is sensitive (and what it holds)
SENSITIVE_ROLE = int(Qt.ItemDataRole.UserRole) + 0x5E5  # an item view's cell whose text is sensitive
TOGGLE_TEXT = QT_TRANSLATE_NOOP("ClipboardGuard", "Clear copied sensitive fields after 30 s")
TOGGLE_TIP = QT_TRANSLATE_NOOP(
    "ClipboardGuard",
    (
        "Suspect names, personal details and sensitive attachments' names copied to the clipboard are cleared 30 s "
        "later "
        "(unless you copied something else meanwhile), and when the program quits"
    ),
)
CLEARED = QT_TRANSLATE_NOOP("ClipboardGuard", "Cleared the copied sensitive text from the clipboard.")
StatusMessage = Callable[[str, int], None]


# Clipboard managers keep no history of text marked so (KDE's Klipper and others; Windows' clipboard history and
# cloud clipboard); Klipper would otherwise put a cleared text back from its history.
SECRET_HINTS = (
    {"ExcludeClipboardContentFromMonitorProcessing": b"1", "CanIncludeInClipboardHistory": b"\0\0\0\0",
     "CanUploadToCloudClipboard": b"\0\0\0\0"}
    if sys.platform == "win32"
    else {"x-kde-passwordManagerHint": b"secret"}
)  # fmt: skip


def secret_mime(text: str) -> QMimeData:
    """`text` for the clipboard, marked as a secret for clipboard managers."""
    mime = QMimeData()
    mime.setText(text)
    for name, value in SECRET_HINTS.items():
        mime.setData(name, QByteArray(value))
    return mime


def copied_message() -> str:
    """What the status bar says when sensitive text was copied."""
    return translate("ClipboardGuard", "Copied; the clipboard is cleared in {round} s (sensitive)").format(
        round=round(CLEAR_AFTER_MS / 1000)
    )


def mark_sensitive(*widgets: QWidget) -> None:
    """Mark editors (or containers of them) whose text is sensitive: what is copied from them is cleared later."""
    for widget in widgets:
        widget.setProperty(SENSITIVE_PROPERTY, True)


def copied_from_sensitive(widget: QWidget | None) -> bool:
    """Whether a copy made while `widget` has the focus took sensitive text: it or a parent of it is marked, or it is
    an item view whose current cell is marked with SENSITIVE_ROLE (Ctrl+C in an item view copies that cell)."""
    if isinstance(widget, QAbstractItemView):
        index = widget.currentIndex()
        if index.isValid() and index.data(SENSITIVE_ROLE):
            return True
    while widget is not None:
        if widget.property(SENSITIVE_PROPERTY):
            return True
        widget = widget.parentWidget()
    return False


def _cell(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def selected_cells(view: QAbstractItemView) -> tuple[str, bool]:
    """The selected cells (the current one when none is selected) as tab-separated lines, rows top to bottom and
    columns in the order shown (hidden ones left out), and whether any of them is sensitive."""
    model = view.model()
    selection = view.selectionModel()
    indexes = selection.selectedIndexes() if selection is not None else []
    if not indexes and view.currentIndex().isValid():
        indexes = [view.currentIndex()]
    if model is None or not indexes:
        return "", False
    columns = sorted({i.column() for i in indexes})
    if isinstance(view, QTableView):
        header = view.horizontalHeader()
        columns = sorted((c for c in columns if not header.isSectionHidden(c)), key=header.visualIndex)
    chosen = {(i.row(), i.column()) for i in indexes}
    lines, sensitive = [], False
    for row in sorted({i.row() for i in indexes}):
        cells = []
        for column in columns:
            index = model.index(row, column)
            picked = (row, column) in chosen
            cells.append(_cell(index.data()) if picked else "")
            sensitive = sensitive or (picked and bool(index.data(SENSITIVE_ROLE)))
        lines.append("\t".join(cells))
    return "\n".join(lines), sensitive


class ClipboardGuard(QObject):
    """Watches the clipboard: text copied from a sensitive editor or cell (`copied_from_sensitive` of the widget with
    the focus), or put there by `copy(text, sensitive=True)`, is cleared CLEAR_AFTER_MS later if the clipboard still
    holds it, and when the window closes; anything copied afterwards is never touched. `toggle_action` (checked: on)
    turns the clearing off and on, remembered in the settings."""

    def __init__(self, settings: WindowSettings, tell: StatusMessage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.tell = tell
        self.clipboard = QGuiApplication.clipboard()
        self.held: str | None = None  # the sensitive text put on the clipboard, while it is to be cleared
        self.watching = True  # False once the window closed (and until it is shown again)
        self._copying = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.expire)
        self.toggle_action = QAction(translate("ClipboardGuard", TOGGLE_TEXT), self)
        self.toggle_action.setCheckable(True)
        self.toggle_action.setChecked(settings.clear_sensitive_copies())
        self.toggle_action.setStatusTip(translate("ClipboardGuard", TOGGLE_TIP))
        self.toggle_action.setToolTip(translate("ClipboardGuard", TOGGLE_TIP))
        self.toggle_action.toggled.connect(self._toggled)
        self.clipboard.dataChanged.connect(self._changed)
        self.selection = SelectionGuard(self)  # X11's select-to-paste, where the system has it
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.release)

    @property
    def enabled(self) -> bool:
        return self.toggle_action.isChecked()

    def _toggled(self, clear: bool) -> None:
        self.settings.save_clear_sensitive_copies(clear)
        if not clear:
            self._forget()

    def copy(self, text: str, *, sensitive: bool) -> None:
        """Put `text` on the clipboard (Edit › Copy); sensitive text is cleared later (unless turned off)."""
        secret = sensitive and self.enabled
        self._put(secret_mime(text) if secret else text)
        if secret:
            self._hold(text)
        else:
            self._forget()

    def _put(self, content: str | QMimeData | None) -> None:
        """Change the clipboard without taking the change for a copy of the user's."""
        self._copying = True
        try:
            if content is None:
                self.clipboard.clear()
            elif isinstance(content, QMimeData):
                self.clipboard.setMimeData(content)
            else:
                self.clipboard.setText(content)
        finally:
            self._copying = False

    def _changed(self) -> None:
        """The clipboard changed (a copy here or in another program): hold it when it came from a sensitive field."""
        if self._copying or not self.watching:
            return
        text = self.clipboard.text()
        if text and self.enabled and copied_from_sensitive(QApplication.focusWidget()):
            self._hold(text)
        else:
            self._forget()

    def _hold(self, text: str) -> None:
        mime = self.clipboard.mimeData()
        if mime is None or not all(mime.hasFormat(name) for name in SECRET_HINTS):
            self._put(secret_mime(text))  # the same text, marked for clipboard managers (before they read it)
        self.held = text
        self.timer.start(CLEAR_AFTER_MS)
        self.tell(copied_message(), max(CLEAR_AFTER_MS, 5000))

    def _forget(self) -> None:
        self.held = None
        self.timer.stop()

    def _clear_if_ours(self) -> bool:
        """Clear the clipboard when it still holds the sensitive text copied; True when it did."""
        held, self.held = self.held, None
        self.timer.stop()
        if held is None or self.clipboard.text() != held:
            return False
        self._put(None)
        return True

    def expire(self) -> None:
        if self._clear_if_ours():
            self.tell(translate("ClipboardGuard", CLEARED), 5000)

    def release(self) -> None:
        """Quitting: the sensitive text copied leaves the clipboard now (other programs could paste it later)."""
        self._clear_if_ours()
        self.selection.release()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Installed on the window: closing it (quitting) releases the clipboard and stops watching it."""
        if event.type() == QEvent.Type.Close:
            self.release()
            self.watching = False
        elif event.type() == QEvent.Type.Show:
            self.watching = True
        return False


class SelectionGuard(QObject):
    """X11's primary selection: text merely selected in a sensitive field can be pasted elsewhere with a middle
    click. Held like a copy: cleared CLEAR_AFTER_MS after the selection stopped changing, if it still holds that
    text, and on quitting. Nothing where the system has no selection clipboard (Windows, macOS, Wayland without it)."""

    def __init__(self, guard: ClipboardGuard) -> None:
        super().__init__(guard)
        self.guard = guard
        self.held: str | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.release)
        if guard.clipboard.supportsSelection():
            guard.clipboard.selectionChanged.connect(self._changed)

    def _changed(self) -> None:
        guard = self.guard
        text = guard.clipboard.text(QClipboard.Mode.Selection)
        if text and guard.watching and guard.enabled and copied_from_sensitive(QApplication.focusWidget()):
            self.held = text
            self.timer.start(CLEAR_AFTER_MS)  # again at each change: from the moment the selection is made
        elif text != self.held:
            self.held = None
            self.timer.stop()

    def release(self) -> None:
        """Clear the selection clipboard when it still holds the sensitive text selected."""
        held, self.held = self.held, None
        self.timer.stop()
        clipboard = self.guard.clipboard
        if held is not None and clipboard.text(QClipboard.Mode.Selection) == held:
            clipboard.clear(QClipboard.Mode.Selection)


def _has_selection(field: QLineEdit | QPlainTextEdit) -> bool:
    return field.hasSelectedText() if isinstance(field, QLineEdit) else field.textCursor().hasSelection()


def install_clipboard_guard(window: MainWindow) -> ClipboardGuard:
    """The window's guard: Edit › Copy (Ctrl+C in a table: the selected cells) and the toggle, registered; the
    clipboard cleared of sensitive text when the window closes."""
    guard = ClipboardGuard(window.settings, window.statusBar().showMessage, window)
    window.installEventFilter(guard)
    copy = QAction(translate("ClipboardGuard", "&Copy"), window)
    copy.setShortcut(QKeySequence.StandardKey.Copy)
    copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # in a text field Ctrl+C stays the field's own
    tip = translate("ClipboardGuard", "Copy the selected cells as tab-separated text (Ctrl+C in a table)")
    copy.setStatusTip(tip)
    copy.setToolTip(tip)

    def copy_cells() -> None:
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit | QPlainTextEdit) and _has_selection(focus):  # the menu's Copy, in a field
            focus.copy()
            return
        tab = window.current_record_tab()
        text, sensitive = selected_cells(tab.table) if tab is not None else ("", False)
        if not text:
            window.statusBar().showMessage(
                translate("ClipboardGuard", "Select a record in a table to copy first."), 5000
            )
            return
        guard.copy(text, sensitive=sensitive)
        if not sensitive or not guard.enabled:
            window.statusBar().showMessage(translate("ClipboardGuard", "Copied."), 3000)

    copy.triggered.connect(lambda _checked=False: copy_cells())
    for tab in window.record_tabs.values():
        tab.table.addAction(copy)
    window.registry.register(WindowAction.COPY, copy)
    window.registry.register(WindowAction.CLEAR_SENSITIVE_COPIES, guard.toggle_action)
    return guard
