"""A chart view that swaps in each refresh's chart and deletes the previous one safely."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.ui.dashboard.chart_common import ANTIALIASED


class ChartPanel(QWidget):
    """Holds one QChartView; `set_chart` hands a new chart to the view and deletes the old one later
    (a bar click may be on the stack while the dashboard refreshes)."""

    def __init__(self, name: str, minimum_height: int = 260, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.view = QChartView(self)
        self.view.setObjectName(f"{name}_view")
        self.view.setRenderHint(ANTIALIASED)
        self.view.setMinimumHeight(minimum_height)
        self.layout_.addWidget(self.view)

    def set_chart(self, chart: QChart) -> None:
        old = self.view.chart()
        self.view.setChart(chart)
        if old is not None:
            old.deleteLater()

    @property
    def chart(self) -> QChart:
        return self.view.chart()

    def view_position(self, value: QPointF, series_index: int = 0) -> QPointF:
        """Where a chart value (x = category index, y = value) is drawn, in view coordinates."""
        chart = self.view.chart()
        scene_point = chart.mapToScene(chart.mapToPosition(value, chart.series()[series_index]))
        return QPointF(self.view.mapFromScene(scene_point))
