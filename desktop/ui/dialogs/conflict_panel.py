"""The import dialog's conflicts: each record the file changes without being newer, its fields side by side, and
the choice per record (or for all) between the database's version and the file's."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.csv.conflicts import Conflict, Side
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate

CHOICES: tuple[tuple[str, Side], ...] = (
    (QT_TRANSLATE_NOOP("ConflictPanel", "Keep the database's"), "mine"),
    (QT_TRANSLATE_NOOP("ConflictPanel", "Take the file's"), "theirs"),
)
LINE, RECORD, CHOICE = range(3)


class ConflictPanel(QWidget):
    """Hidden until `show_conflicts()` gets some. `decisions()` is {uuid: side} as chosen (default: the database's
    version); selecting a record lists its fields: name, the database's value, the file's value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_panel")
        self.conflicts: list[Conflict] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.records = QTableWidget(0, 3)
        self.records.setObjectName("conflict_records")
        self.records.setAccessibleName(self.tr("Records in conflict"))
        self.records.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Record"), self.tr("Keep which version")])
        self.records.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.records.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.records.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.records.verticalHeader().setVisible(False)
        header = self.records.horizontalHeader()
        header.setSectionResizeMode(RECORD, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LINE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHOICE, QHeaderView.ResizeMode.ResizeToContents)
        self.fields = QTableWidget(0, 3)
        self.fields.setObjectName("conflict_fields")
        self.fields.setAccessibleName(self.tr("Fields of the selected record"))
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("In the database"), self.tr("In the file")])
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.setWordWrap(True)
        self.fields.verticalHeader().setVisible(False)
        self.fields.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fields.horizontalHeader().sectionResized.connect(lambda *_: self.fields.resizeRowsToContents())
        self.keep_all = QPushButton(self.tr("&Keep all the database's"))
        self.keep_all.setObjectName("keep_all")
        self.take_all = QPushButton(self.tr("&Take all the file's"))
        self.take_all.setObjectName("take_all")
        for button in (self.keep_all, self.take_all):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_all)
        buttons.addWidget(self.take_all)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        tables = QHBoxLayout()
        tables.addWidget(self.records, 1)
        tables.addWidget(self.fields, 1)
        layout.addLayout(tables)
        layout.addLayout(buttons)
        self.records.itemSelectionChanged.connect(self._show_fields)
        self.keep_all.clicked.connect(lambda: self.choose_all("mine"))
        self.take_all.clicked.connect(lambda: self.choose_all("theirs"))
        self.hide()

    def show_conflicts(self, conflicts: Sequence[Conflict], *, previous: dict[str, Side] | None = None) -> None:
        """List `conflicts`, each choice as before (`previous`) or as the import decided it."""
        self.conflicts = list(conflicts)
        chosen = previous or {}
        self.records.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            line = QTableWidgetItem(str(conflict.line))
            line.setData(Qt.ItemDataRole.UserRole, conflict.uuid)
            self.records.setItem(row, LINE, line)
            record = QTableWidgetItem(conflict.name or conflict.uuid)
            record.setToolTip(f"{conflict.uuid}\n{conflict.reason}")
            self.records.setItem(row, RECORD, record)
            combo = QComboBox()
            combo.setObjectName(f"choice_{row}")
            for text, side in ((translate("ConflictPanel", t), s) for t, s in CHOICES):
                combo.addItem(text, side)
            combo.setCurrentIndex(combo.findData(chosen.get(conflict.uuid, conflict.taken)))
            combo.setAccessibleName(self.tr("Keep which version of line {line}").format(line=conflict.line))
            self.records.setCellWidget(row, CHOICE, combo)
        many = len(self.conflicts)
        self.intro.setText(
            (
                self.tr("%n record in the file differs from the database without being newer", "", many)
                if many == 1
                else self.tr("%n records in the file differ from the database without being newer", "", many)
            )
            + self.tr(
                " (edited in the file, or changed in the database since the export). Select one to see its fields; "
                "choose which version to keep, then Import."
            )
        )
        self.setVisible(bool(self.conflicts))
        if self.conflicts:
            self.records.selectRow(0)

    def choice(self, row: int) -> QComboBox:
        combo = self.records.cellWidget(row, CHOICE)
        assert isinstance(combo, QComboBox)
        return combo

    def choose_all(self, side: Side) -> None:
        for row in range(self.records.rowCount()):
            combo = self.choice(row)
            combo.setCurrentIndex(combo.findData(side))

    def decisions(self) -> dict[str, Side]:
        chosen: dict[str, Side] = {}
        for row, conflict in enumerate(self.conflicts):
            side = self.choice(row).currentData()
            chosen[conflict.uuid] = "theirs" if side == "theirs" else "mine"
        return chosen

    def clear(self) -> None:
        self.show_conflicts([])

    def _show_fields(self) -> None:
        rows = self.records.selectionModel().selectedRows()
        conflict = self.conflicts[rows[0].row()] if rows else None
        differences = conflict.differences if conflict is not None else ()
        self.fields.setRowCount(len(differences))
        for row, difference in enumerate(differences):
            for column, text in enumerate((difference.title, difference.mine, difference.theirs)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.fields.setItem(row, column, item)
        self.fields.resizeRowsToContents()
        QTimer.singleShot(0, self.fields.resizeRowsToContents)  # again once laid out: long values wrap
