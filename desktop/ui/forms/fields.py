"""Editors the record forms share: coded combos, counts where empty means unknown, an optional time, the
facility picker and the weapons list (typed dates: desktop/ui/widgets/date_input.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.domain.enums import LabelledEnum, WeaponType
from desktop.domain.validation import parse_count
from desktop.domain.values import Weapon
from desktop.ui.theme import themed_style
from desktop.ui.translated import QT_TRANSLATE_NOOP, choice_label, translate, weapons_text

UNKNOWN = QT_TRANSLATE_NOOP("Fields", "unknown")
ERROR_STYLE = "color: $error;"  # desktop.ui.palette's colours, for the scheme shown (desktop.ui.theme)
WARNING_STYLE = "color: $warning;"
_NONE_CODE = ""  # item data of a combo's "none" entry


class EnumCombo(QComboBox):
    """Labels for people, stable codes as item data; optionally a first "none" entry."""

    def __init__(self, enum: type[LabelledEnum], *, none_label: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.enum = enum
        if none_label is not None:
            self.addItem(none_label, _NONE_CODE)
        for member in enum:
            self.addItem(choice_label(member), member.value)

    def value(self) -> Any:
        """The chosen member, or None for the "none" entry."""
        code = self.currentData()
        return None if code in (None, _NONE_CODE) else self.enum(code)

    def set_value(self, member: LabelledEnum | None) -> None:
        index = self.findData(_NONE_CODE if member is None else member.value)
        self.setCurrentIndex(max(index, 0))


class CountEdit(QLineEdit):
    """A whole number of people or dollars; empty means unknown, which is not the same as 0."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(
            translate("Fields", UNKNOWN)
        )  # no validator: what is typed stays, and a wrong count is said inline
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000000000000"))

    def value(self) -> int | None:
        """The count, None when empty; ValueError (the domain's words) for anything but digits ("-3", "3a")."""
        return parse_count(self.text())

    def set_value(self, value: int | None) -> None:
        self.setText("" if value is None else str(value))


class CoordinateEdit(QLineEdit):
    """A decimal degree; empty means unknown. `value()` raises ValueError for text that is not a number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(40)  # no validator: what is typed stays, and a wrong number is said inline
        self.setPlaceholderText(translate("Fields", UNKNOWN))

    def value(self) -> float | None:
        text = self.text().strip()
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            raise ValueError("must be a number such as 47.2496") from None

    def set_value(self, value: float | None) -> None:
        self.setText("" if value is None else f"{value:.6f}".rstrip("0").rstrip("."))


class FacilityPicker(QComboBox):
    """Choose a facility by typing part of its name (case-insensitive, anywhere in the name)."""

    def __init__(
        self, facilities: list[tuple[str, str]], *, nationwide_label: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.nationwide_label = nationwide_label
        if nationwide_label is not None:
            self.addItem(nationwide_label, "")
        for uuid, name in facilities:
            self.addItem(name, uuid)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None  # editable
        line.setPlaceholderText(self.tr("type part of the facility's name"))
        self.setMinimumContentsLength(28)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def value(self) -> str | None:
        """The chosen facility's uuid ("" for none or nationwide); None when the text names no facility."""
        text = self.currentText().strip()
        if not text:
            return ""
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        return str(self.itemData(index)) if index >= 0 else None

    def set_value(self, uuid: str, name: str = "") -> None:
        index = self.findData(uuid)
        if index < 0 and uuid:
            self.addItem(name or uuid, uuid)
            index = self.count() - 1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")


class WeaponListEditor(QWidget):
    """The weapons of an incident: pick a type, type a subtype, Add; select and Remove (or Delete)."""

    changed = Signal()
    _DATA = Qt.ItemDataRole.UserRole

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = EnumCombo(WeaponType)
        self.subtype = QLineEdit()
        self.subtype.setPlaceholderText(self.tr("subtype, e.g. rifle, handgun, Molotov cocktail"))
        self.subtype.setMaxLength(300)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add this weapon to the list (Enter in the subtype field)"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Weapons"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setMinimumHeight(self.fontMetrics().height() * 4)
        self.list.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected weapons (Delete)"))
        self.remove_button.setEnabled(False)
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)  # Enter in the subtype adds; the form moves on after other fields
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind, 0, 0)
        layout.addWidget(self.subtype, 0, 1)
        layout.addWidget(self.add_button, 0, 2)
        layout.addWidget(self.list, 1, 0, 1, 2)
        layout.addWidget(self.remove_button, 1, 2, Qt.AlignmentFlag.AlignTop)
        layout.setColumnStretch(1, 1)
        self.setFocusProxy(self.kind)
        self.add_button.clicked.connect(self.add_typed)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.subtype.textChanged.connect(self.changed)
        self.subtype.installEventFilter(self)
        self.list.installEventFilter(self)

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
            if watched is self.subtype and plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.add_typed()
                return True  # the form would move the focus on
            if watched is self.list and event.key() == Qt.Key.Key_Delete:
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    def _append(self, weapon: Weapon) -> None:
        item = QListWidgetItem(weapons_text((weapon,)))
        item.setData(self._DATA, (weapon.type.value, weapon.subtype))
        self.list.addItem(item)

    def add_typed(self) -> None:
        self._append(Weapon(self.kind.value(), self.subtype.text().strip()))
        self.subtype.clear()
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted((self.list.row(item) for item in self.list.selectedItems()), reverse=True)
        for row in rows:
            self.list.takeItem(row)
        if rows:
            self.changed.emit()

    def pending(self) -> str:
        """A subtype typed but not yet added (Save must not drop it silently)."""
        return self.subtype.text().strip()

    def value(self) -> tuple[Weapon, ...]:
        weapons = []
        for row in range(self.list.count()):
            code, subtype = self.list.item(row).data(self._DATA)
            weapons.append(Weapon(WeaponType(code), subtype))
        return tuple(weapons)

    def set_value(self, weapons: tuple[Weapon, ...]) -> None:
        self.list.clear()
        for weapon in weapons:
            self._append(weapon)

    def state(self) -> object:
        return self.value(), self.pending()

    def focus_chain(self) -> list[QWidget]:
        return [self.kind, self.subtype, self.add_button, self.list, self.remove_button]


class TextBox(QPlainTextEdit):
    """A multi-line text field as tall as `lines` lines by default, which Tab leaves."""

    def __init__(self, lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = lines
        self.setTabChangesFocus(True)
        self.setMinimumHeight(self._height(min(lines, 2)))

    def _height(self, lines: int) -> int:
        margins = self.contentsMargins()
        return (
            self.fontMetrics().lineSpacing() * lines
            + 2 * int(self.document().documentMargin())
            + margins.top()
            + margins.bottom()
            + 2
        )

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height(self.lines))


class FieldMessage(QLabel):
    """The red message under a field (brown with ⚠ for a warning that does not stop saving); hidden while there
    is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        themed_style(self, ERROR_STYLE)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str, *, warning: bool = False) -> None:
        self.setProperty("warning", warning)
        themed_style(self, WARNING_STYLE if warning else ERROR_STYLE)
        self.setText(f"⚠ {text}" if warning and text else text)
        self.setVisible(bool(text))
