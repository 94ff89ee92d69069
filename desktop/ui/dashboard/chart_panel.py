"""A dashboard chart with its text alternative: the drawn chart or, at the press of a button, its table."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from desktop.ui.dashboard.chart_data import ChartData, Pick
from desktop.ui.dashboard.chart_table import ChartTable
from desktop.ui.dashboard.chart_widget import BarChart


class ChartPanel(QWidget):
    """A header row (`header`: other controls go before the button), then the chart (`view`) or its table
    (`table`); the checkable `table_button` switches between them. `focus_chain` is their keyboard order."""

    def __init__(self, name: str, minimum_height: int = 260, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(2)
        self.header = QHBoxLayout()
        self.header.addStretch(1)
        self.table_button = QPushButton(QCoreApplication.translate("ChartPanel", "Show as table"), self)
        self.table_button.setObjectName(f"{name}_table_button")
        self.table_button.setCheckable(True)
        self.table_button.toggled.connect(self.show_table)
        self.header.addWidget(self.table_button)
        self.layout_.addLayout(self.header)
        self.view = BarChart(f"{name}_view", minimum_height, self)
        self.table = ChartTable(f"{name}_table", self)
        self.table.setMinimumHeight(minimum_height)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.table)
        self.layout_.addWidget(self.stack, 1)
        self.table.set_data(self.view.data)
        self._label_button()

    def set_chart(self, data: ChartData, pick: Pick | None = None) -> None:
        self.view.set_data(data, pick)
        self.table.set_data(data, pick)
        self._label_button()

    @property
    def chart(self) -> ChartData:
        """The figures on display."""
        return self.view.data

    @property
    def showing_table(self) -> bool:
        return self.stack.currentWidget() is self.table

    def show_table(self, table: bool) -> None:
        """The table in place of the chart (True), or the chart again."""
        self.stack.setCurrentWidget(self.table if table else self.view)
        if self.table_button.isChecked() != table:
            self.table_button.setChecked(table)
        self._label_button()

    def focus_chain(self) -> list[QWidget]:
        """The header's widgets left to right, then the chart and the table (only the one shown takes focus)."""
        items = (self.header.itemAt(i) for i in range(self.header.count()))
        widgets = [widget for item in items if item is not None and (widget := item.widget()) is not None]
        return [*widgets, self.view, self.table]

    def _label_button(self) -> None:
        title = self.view.data.caption or QCoreApplication.translate("ChartPanel", "the chart")
        if self.showing_table:
            self.table_button.setText(QCoreApplication.translate("ChartPanel", "Show as chart"))
            name = QCoreApplication.translate("ChartPanel", "Show {title} as a chart")
        else:
            self.table_button.setText(QCoreApplication.translate("ChartPanel", "Show as table"))
            name = QCoreApplication.translate("ChartPanel", "Show {title} as a table")
        self.table_button.setAccessibleName(name.format(title=title))
