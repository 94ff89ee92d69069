"""A chart's figures as a table: the text alternative a screen reader reads and a keyboard walks cell by cell."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from desktop.ui.dashboard.chart_data import ChartData, Pick, number, summary

Index = QModelIndex | QPersistentModelIndex
VALUE_ROLE = Qt.ItemDataRole.UserRole  # a number cell's value as an int


class ChartTableModel(QAbstractTableModel):
    """One row per bar: its name, then each series' value and, for stacked bars, their total."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = ChartData("", (), ())

    def set_data(self, data: ChartData) -> None:
        self.beginResetModel()
        self._data = data
        self.endResetModel()

    @property
    def stacked(self) -> bool:
        return len(self._data.series) > 1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self._data.is_empty else len(self._data.categories)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self._data.is_empty:
            return 0
        return 1 + len(self._data.series) + (1 if self.stacked else 0)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        data = self._data
        if section == 0:
            return data.category_title
        if section <= len(data.series):
            return data.series[section - 1].name if self.stacked else (data.value_title or data.series[0].name)
        return QCoreApplication.translate("ChartTable", "Total")

    def value(self, row: int, column: int) -> int | None:
        """The number in a cell (None in the name column)."""
        if column == 0:
            return None
        if column <= len(self._data.series):
            return self._data.series[column - 1].values[row]
        return self._data.totals()[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        value = self.value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._data.categories[row].replace("\n", " ") if value is None else number(value)
        if role == VALUE_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and value is not None:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and value is not None and column <= len(self._data.series):
            return self._data.tip(column - 1, row)
        return None

    def keywords(self, row: int, column: int) -> Any:
        """What a cell narrows to: its series' bar (the first series' for the name, none for the total)."""
        series = max(column - 1, 0)
        return self._data.keywords_of(series, row) if series < len(self._data.series) else None


class ChartTable(QTableView):
    """The table of one chart. Arrows move from cell to cell, Tab leaves; Enter on a cell narrows like a click on its
    bar. Its accessible name is the chart's title with "(table)", its description the chart's summary."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.chart_model = ChartTableModel(self)
        self.setModel(self.chart_model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setStretchLastSection(True)  # sized to the contents when shown, not on every reset
        self._pick: Pick | None = None
        self.activated.connect(self._activated)

    def set_data(self, data: ChartData, pick: Pick | None = None) -> None:
        self._pick = pick
        self.chart_model.set_data(data)
        table = QCoreApplication.translate("ChartTable", "{title} (table)")
        self.setAccessibleName(table.format(title=data.caption or QCoreApplication.translate("ChartTable", "Chart")))
        self.setAccessibleDescription(summary(data))
        if self.isVisible():
            self.resizeColumnsToContents()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.resizeColumnsToContents()

    def _activated(self, index: QModelIndex) -> None:
        keywords = self.chart_model.keywords(index.row(), index.column())
        if self._pick is not None and keywords is not None:
            self._pick(**keywords)
