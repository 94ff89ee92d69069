"""Editors that choose from fixed lists: codes of an enumeration (check boxes), a US state by code or name, a
directive."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QGridLayout, QWidget

from desktop.domain.enums import LabelledEnum
from desktop.domain.states import US_STATES, state_code
from desktop.ui.translated import choice_label


class CodeChecks(QWidget):
    """One check box per member of `enum` (`columns` to a row); the value is the ticked members in enum order."""

    changed = Signal()

    def __init__(self, enum: type[LabelledEnum], columns: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enum = enum
        self.checks: dict[LabelledEnum, QCheckBox] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for number, member in enumerate(enum):
            check = QCheckBox(choice_label(member))
            check.setObjectName(f"{enum.__name__.lower()}_{member.value}")
            check.toggled.connect(self.changed)
            layout.addWidget(check, number // columns, number % columns)
            self.checks[member] = check
        first = next(iter(self.checks.values()), None)
        if first is not None:
            self.setFocusProxy(first)

    def value(self) -> tuple[Any, ...]:
        return tuple(member for member, check in self.checks.items() if check.isChecked())

    def set_value(self, members: tuple[LabelledEnum, ...]) -> None:
        for member, check in self.checks.items():
            check.setChecked(member in members)

    def state(self) -> object:
        return self.value()

    def focus_chain(self) -> list[QWidget]:
        return list(self.checks.values())


def state_item(code: str) -> str:
    """The combo's text for a state: "TX – Texas"."""
    return f"{code} – {US_STATES[code]}"


class StateCombo(QComboBox):
    """A US state chosen by its USPS code: the list holds "TX – Texas"; typing "Texas", "tx" or "TX" offers it
    for completion and, when the field is left, selects it (the value is the code). Other text stays as typed:
    `value()` returns it and the form says inline that it is not a state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", "")
        for code in sorted(US_STATES, key=lambda c: US_STATES[c]):
            self.addItem(state_item(code), code)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None  # editable
        line.setMaxLength(60)
        line.setPlaceholderText(self.tr("type the code or the name, e.g. TX or Texas"))
        line.editingFinished.connect(self.select_typed)
        line.installEventFilter(self)
        self.setMinimumContentsLength(24)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Leaving the field chooses what the text names, also while the completion list is open (the line edit
        then reports no editingFinished)."""
        leaving = watched is self.lineEdit() and event.type() == QEvent.Type.FocusOut
        if leaving and isinstance(event, QFocusEvent) and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.select_typed()
        return super().eventFilter(watched, event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.select_typed()

    def _code_of(self, text: str) -> str | None:
        """The code `text` stands for: an item's text, a code in any case, or a state's name; None if none."""
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index > 0:
            return str(self.itemData(index))
        return state_code(text)

    def value(self) -> str:
        """The chosen state's code, "" for none, or the text as typed when it names no state."""
        text = " ".join(self.currentText().split())
        if not text:
            return ""
        return self._code_of(text) or text

    def select_typed(self) -> None:
        """Select the state the typed text stands for ("Texas", "tx" → "TX – Texas"); other text stays."""
        code = self._code_of(" ".join(self.currentText().split()))
        if code is not None:
            index = self.findData(code)
            if index != self.currentIndex() or self.currentText() != self.itemText(index):
                self.setCurrentIndex(index)
                self.setEditText(self.itemText(index))

    def set_value(self, code: str) -> None:
        index = self.findData(code) if code else 0
        if index >= 0:
            self.setCurrentIndex(index)
            self.setEditText(self.itemText(index))
        else:
            self.setEditText(code)  # a stored value that is no code (from before the rule): shown, and said


NO_DIRECTIVE = "None"


class DirectiveCombo(QComboBox):
    """The directive a plan item carries out, by title (first: none)."""

    def __init__(self, directives: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(NO_DIRECTIVE, "")
        for uuid, title in directives:
            self.addItem(title, uuid)
        self.setMinimumContentsLength(28)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def value(self) -> str | None:
        """The chosen directive's uuid, or None."""
        return str(self.currentData()) or None

    def title(self) -> str:
        return self.currentText() if self.currentIndex() > 0 else ""

    def set_value(self, uuid: str | None, title: str = "") -> None:
        index = self.findData(uuid or "")
        if index < 0 and uuid:
            self.addItem(title or uuid, uuid)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))
