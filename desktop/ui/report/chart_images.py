"""Charts rendered to images for the briefing: the dashboard's own chart builders, drawn off screen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QChart
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from desktop.services.dashboard import DashboardData
from desktop.ui.dashboard.breakdown_charts import case_chart, casualty_chart, plan_chart, severity_chart
from desktop.ui.dashboard.chart_common import wrapped
from desktop.ui.dashboard.fact_charts import damage_chart, target_chart
from desktop.ui.dashboard.month_chart import month_chart
from desktop.ui.dashboard.ranking_chart import TOP, facility_chart, state_chart

FULL_WIDTH, HALF_WIDTH, CHART_HEIGHT = 700, 345, 220  # layout pixels (1/96 inch)
PRINT_SCALE = 3  # image pixels per layout pixel: about 290 dpi on paper
NAME_WIDTH = 25  # characters of a facility name on one line of the ranking chart's axis (half width, 7.5 pt)
LINE_HEIGHT, BAR_ROOM, CHART_FRAME = 12, 4, 70  # layout pixels: a label line, room around a bar, title and axis


def ranking_height(names: Sequence[str]) -> int:
    """The height of the ranking charts' row that leaves each wrapped facility name room beside its bar
    (QtCharts hides labels that would overlap)."""
    shown = names[:TOP]
    lines = max((len(wrapped(name, NAME_WIDTH).split("<br>")) for name in shown), default=1)
    return max(CHART_HEIGHT, CHART_FRAME + len(shown) * (lines * LINE_HEIGHT + BAR_ROOM))


def render_chart(chart: QChart, width: int, height: int, scale: int = PRINT_SCALE) -> QImage:
    """Draw `chart` (which is consumed: deleted with its scene) into a white image of width x height layout pixels."""
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.resize(QSizeF(width, height))
    chart.layout().activate()  # lay out axes and legend now, without running the event loop (no re-entrancy)
    image = QImage(width * scale, height * scale, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, width, height), QRectF(0, 0, width, height))
    painter.end()
    scene.clear()
    return image


def briefing_charts(data: DashboardData) -> dict[str, QImage]:
    """Every chart of the briefing by resource name, in reading order; the facility names whole."""
    ranking = ranking_height([facility.name for facility in data.facilities])
    images = {
        "by_facility": render_chart(facility_chart(data.facilities, wrap=NAME_WIDTH), HALF_WIDTH, ranking),
        "by_state": render_chart(state_chart(data.states), HALF_WIDTH, ranking),
    }
    half = {
        "by_severity": severity_chart(data.severities),
        "cases": case_chart(data.cases),
        "casualties": casualty_chart(data.casualties),
        "plan_items": plan_chart(data.plan_items, data.deadlines),
        "targets": target_chart(data.facts.target_types),
        "damage": damage_chart(data.facts.damage),
    }
    months = month_chart(data.months, legend_points=7.5)
    images = {"months": render_chart(months, FULL_WIDTH, CHART_HEIGHT + 60), **images}
    images.update((name, render_chart(chart, HALF_WIDTH, CHART_HEIGHT)) for name, chart in half.items())
    return images
