"""FacilityChoice: the facility picker of a form with a "New facility “…”…" button for a name that is not there yet."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop.ui.forms.fields import FacilityPicker

FacilityAdder = Callable[[str], "tuple[str, str] | None"]
"""Creates a facility (its form opened with the typed name) and returns its (uuid, name), None when cancelled."""


class FacilityChoice(QWidget):
    """`picker` (type part of a name) and, while the typed text names no facility and `adder` is set, a button
    that adds the facility and chooses it. The button is in the tab order only while it is shown."""

    changed = Signal()

    def __init__(self, picker: FacilityPicker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = picker
        self.adder: FacilityAdder | None = None
        self.add_button = QPushButton(self.tr("New facility…"))
        self.add_button.setObjectName("add_facility")
        self.add_button.setAutoDefault(False)
        self.add_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(picker, 1)
        layout.addWidget(self.add_button)
        self.setFocusProxy(picker)
        picker.currentIndexChanged.connect(self._picker_changed)
        picker.editTextChanged.connect(self._picker_changed)
        self.add_button.clicked.connect(self.add_typed)

    def typed(self) -> str:
        return " ".join(self.picker.currentText().split())

    def _picker_changed(self, *_: object) -> None:
        missing = self.adder is not None and bool(self.typed()) and self.picker.value() is None
        if missing:
            name = self.typed()
            self.add_button.setText(
                self.tr("New facility “{value}”…").format(value=name if len(name) <= 24 else name[:23] + "…")
            )
            self.add_button.setToolTip(
                self.tr("Add a facility named “{name}” and choose it for this record").format(name=name)
            )
        self.add_button.setVisible(missing)
        self.changed.emit()

    def add_typed(self) -> None:
        """Open the new facility's form with the typed name; once saved, it is in the list and chosen."""
        if self.adder is None:
            return
        added = self.adder(self.typed())
        if added is None:
            self.picker.setFocus()
            return
        uuid, name = added
        self.picker.set_value(uuid, name)
        self.picker.setFocus()

    def state(self) -> object:
        return self.picker.currentIndex(), self.picker.currentText()

    def focus_chain(self) -> list[QWidget]:
        return [self.picker, self.add_button]
