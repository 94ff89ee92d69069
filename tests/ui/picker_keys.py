"""Driving a RecordPicker as a person does: keys go to the focused widget (the search field keeps the focus
while the matches are open), Down walks the matches, Enter chooses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.widgets.record_picker import RecordPicker


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_keys(qtbot: QtBot, text: str) -> None:
    """Type `text` key by key into the focused widget."""
    for character in text:
        qtbot.keyClicks(focused(), character)


def matches(picker: RecordPicker) -> list[str]:
    """The labels of the matches shown under the field ([] when closed)."""
    if not picker.popup.isVisible():
        return []
    return [picker.popup.item(row).text() for row in range(picker.popup.count())]


def chosen(picker: RecordPicker) -> list[str]:
    return [picker.list.item(row).text() for row in range(picker.list.count())]


def pick(qtbot: QtBot, picker: RecordPicker, text: str, downs: int = 1) -> None:
    """Focus the field, type `text`, press Down `downs` times and Enter."""
    picker.edit.setFocus()
    qtbot.mouseClick(picker.edit, Qt.MouseButton.LeftButton)
    assert focused() is picker.edit
    type_keys(qtbot, text)
    for _ in range(downs):
        press(qtbot, Qt.Key.Key_Down)
    assert matches(picker), f"nothing matches {text!r}: {picker.hint.text()!r}"
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is picker.edit and picker.edit.text() == ""
