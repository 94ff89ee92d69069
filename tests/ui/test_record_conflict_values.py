"""The comparison dialog says an empty value in words ("(empty)", greyed), in every column and in the choices'
accessible names, never as a blank cell that reads like a value not loaded."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.ui.dialogs.record_conflict_dialog import FieldConflict, RecordConflictDialog


def test_empty_values_are_said_not_left_blank(qtbot: QtBot) -> None:
    fields = [FieldConflict("city", "City", "", "Tacoma", ""), FieldConflict("notes", "Notes", "Fence", "", "Gate")]
    dialog = RecordConflictDialog("A facility changed on both sides", fields, base_title="At the last synchronization")
    qtbot.addWidget(dialog)
    labels = [label for label in dialog.findChildren(QLabel) if label.text() == "(empty)"]
    assert len(labels) == 3  # the city's base and theirs, the notes' mine
    assert all(not label.isEnabled() for label in labels)  # greyed: a word about the value, not the value
    assert not [label for label in dialog.findChildren(QLabel) if label.text() == ""]
    assert dialog.theirs_buttons["city"].accessibleName() == "City: take theirs, (empty)"
    assert dialog.mine_buttons["notes"].accessibleName() == "Notes: keep mine, (empty)"
    assert dialog.mine_buttons["city"].accessibleName() == "City: keep mine, Tacoma"
