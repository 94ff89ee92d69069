"""RecordConflictDialog: a record changed by someone else while it was being edited, field by field: what was
loaded, mine, theirs, and per field keep mine / take theirs (generic over the fields: forms and sync share it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

Side = Literal["mine", "theirs"]
SHOWN_CHARACTERS = 400  # a longer value is cut in the cell; its tooltip holds all of it


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """One field whose value differs between mine and theirs, as text for people: `base` what the form loaded,
    `mine` what it holds now, `theirs` what is stored now."""

    key: str
    label: str
    base: str
    mine: str
    theirs: str

    @property
    def preselected(self) -> Side | None:
        """Only they changed it: theirs; only I did: mine; both (differently): no choice until one is made."""
        if self.mine == self.base:
            return "theirs"
        if self.theirs == self.base:
            return "mine"
        return None


def _value_label(text: str, empty: str) -> QLabel:
    """The value as plain text; an empty one said in words (`empty`, greyed), never a blank cell."""
    if not text:
        label = QLabel(empty)
        label.setEnabled(False)
        label.setAccessibleName(empty)
        return label
    shown = text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "…"
    label = QLabel(shown)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setToolTip(text if shown != text else "")
    return label


class RecordConflictDialog(QDialog):
    """Each differing field in a row: its name, the value loaded, and two choices, "Mine: …" and "Theirs: …"
    (radio buttons: Tab to a field's, arrows or Space to choose). A field only they changed starts on theirs, one
    only I changed on mine; a field both changed starts unchosen and Apply waits for it. Keep all mine and Take all
    theirs decide every field and close; Apply closes with the choices (`choices()`); Cancel changes nothing."""

    def __init__(self, heading: str, fields: Sequence[FieldConflict], parent: QWidget | None = None, *,
                 hint: str | None = None, base_title: str | None = None,
                 apply_tip: str | None = None) -> None:  # fmt: skip
        """`hint`, `base_title` (the column of the agreed value) and `apply_tip` replace the form's words (the
        synchronization speaks of this database and the server)."""
        super().__init__(parent)
        self.setObjectName("record_conflict_dialog")
        self.setWindowTitle(self.tr("Compare changes"))
        self.fields = list(fields)
        self.groups: dict[str, QButtonGroup] = {}
        self.mine_buttons: dict[str, QRadioButton] = {}
        self.theirs_buttons: dict[str, QRadioButton] = {}
        intro = QLabel(heading)
        intro.setObjectName("conflict_heading")
        intro.setWordWrap(True)
        hint_label = QLabel(
            hint or self.tr("Choose for each field which value the form keeps. Fields only they changed start on "
                            "theirs, fields only you changed on yours; a field you both changed waits for your choice.")
        )  # fmt: skip
        hint_label.setWordWrap(True)
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        for column, title in enumerate((self.tr("Field"), base_title or self.tr("When you opened it"), self.tr("Mine"),
                                        self.tr("Theirs"))):  # fmt: skip
            header = QLabel(f"<b>{title}</b>")
            grid.addWidget(header, 0, column)
        for row, conflict in enumerate(self.fields, start=1):
            name = QLabel(conflict.label)
            if conflict.preselected is None:  # both changed it: said in bold and in words (the tooltip, the line below)
                font = name.font()
                font.setBold(True)
                name.setFont(font)
                name.setToolTip(self.tr("You both changed this field"))
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            empty = self.tr("(empty)")
            grid.addWidget(_value_label(conflict.base, empty), row, 1, Qt.AlignmentFlag.AlignTop)
            group = QButtonGroup(self)
            group.setExclusive(True)
            for column, side, value in ((2, "mine", conflict.mine), (3, "theirs", conflict.theirs)):
                box = QWidget()
                layout = QVBoxLayout(box)
                layout.setContentsMargins(0, 0, 0, 0)
                button = QRadioButton(self.tr("Keep mine") if side == "mine" else self.tr("Take theirs"))
                button.setObjectName(f"{side}_{conflict.key}")
                button.setAccessibleName(
                    (self.tr("{field}: keep mine, {value}") if side == "mine"
                     else self.tr("{field}: take theirs, {value}")).format(field=conflict.label, value=value or empty)
                )  # fmt: skip
                group.addButton(button)
                layout.addWidget(button)
                layout.addWidget(_value_label(value, empty))
                grid.addWidget(box, row, column, Qt.AlignmentFlag.AlignTop)
                (self.mine_buttons if side == "mine" else self.theirs_buttons)[conflict.key] = button
            self.groups[conflict.key] = group
            preselected = conflict.preselected
            if preselected is not None:
                (self.mine_buttons if preselected == "mine" else self.theirs_buttons)[conflict.key].setChecked(True)
        for group in self.groups.values():
            group.buttonToggled.connect(self._update)
        grid.setRowStretch(len(self.fields) + 1, 1)  # the rows at the top, the room below them
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 2)
        grid.setColumnStretch(3, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_widget)
        self.waiting = QLabel()
        self.waiting.setObjectName("conflict_waiting")
        self.waiting.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.keep_all = QPushButton(self.tr("Keep all &mine"))
        self.take_all = QPushButton(self.tr("Take all &theirs"))
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.apply_button.setToolTip(
            apply_tip or self.tr("Keep the values chosen above in the form; save it to store them")
        )
        self.buttons.addButton(self.keep_all, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.take_all, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.keep_all.clicked.connect(lambda: self._all("mine"))
        self.take_all.clicked.connect(lambda: self._all("theirs"))
        self.buttons.accepted.connect(self._apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(hint_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.waiting)
        layout.addWidget(self.buttons)
        self.resize(900, min(720, 220 + 70 * len(self.fields)))
        self._update()
        first = next(iter(self.mine_buttons.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def choice(self, key: str) -> Side | None:
        if self.mine_buttons[key].isChecked():
            return "mine"
        if self.theirs_buttons[key].isChecked():
            return "theirs"
        return None

    def choices(self) -> dict[str, Side]:
        """{field key: side} of every field (all chosen once the dialog is accepted)."""
        return {key: side for key in self.groups if (side := self.choice(key)) is not None}

    def unchosen(self) -> list[FieldConflict]:
        return [conflict for conflict in self.fields if self.choice(conflict.key) is None]

    def _update(self, *_: object) -> None:
        waiting = self.unchosen()
        self.apply_button.setEnabled(not waiting)
        self.waiting.setText(
            self.tr("You both changed: {fields}. Choose mine or theirs for each.").format(
                fields=", ".join(conflict.label for conflict in waiting)
            )
            if waiting
            else ""
        )

    def _all(self, side: Side) -> None:
        for key in self.groups:
            (self.mine_buttons if side == "mine" else self.theirs_buttons)[key].setChecked(True)
        self.accept()

    def _apply(self) -> None:
        if self.unchosen():
            return
        self.accept()
