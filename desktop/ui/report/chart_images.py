"""Charts rendered to images for the briefing: the dashboard's own chart data and painter, on white, off screen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.services.dashboard import DashboardData
from desktop.ui.dashboard.breakdown_charts import case_chart, casualty_chart, plan_chart, severity_chart
from desktop.ui.dashboard.chart_common import wrapped
from desktop.ui.dashboard.chart_data import ChartData
from desktop.ui.dashboard.chart_painter import ChartColours, ChartFonts, layout_chart, paint_chart
from desktop.ui.dashboard.fact_charts import damage_chart, target_chart
from desktop.ui.dashboard.month_chart import month_chart
from desktop.ui.dashboard.ranking_chart import TOP, facility_chart, state_chart

FULL_WIDTH, HALF_WIDTH, CHART_HEIGHT = 700, 345, 220  # layout pixels (1/96 inch)
PRINT_SCALE = 3  # image pixels per layout pixel: about 290 dpi on paper
NAME_WIDTH = 25  # characters of a facility name on one line of the ranking chart's axis (half width)
LINE_HEIGHT, BAR_ROOM, CHART_FRAME = 12, 4, 70  # layout pixels: a label line, room around a bar, title and axis
TITLE_PIXELS, LABEL_PIXELS, SMALL_PIXELS = 12.0, 10.0, 9.5  # 9, 7.5 and 7 points


def ranking_height(names: Sequence[str]) -> int:
    """The height of the ranking charts' row that leaves each wrapped facility name room beside its bar."""
    shown = names[:TOP]
    lines = max((len(wrapped(name, NAME_WIDTH).split("\n")) for name in shown), default=1)
    return max(CHART_HEIGHT, CHART_FRAME + len(shown) * (lines * LINE_HEIGHT + BAR_ROOM))


def render_chart(chart: ChartData, width: int, height: int, scale: int = PRINT_SCALE) -> QImage:
    """Draw `chart` on white, dark on light, into an image of width x height layout pixels."""
    image = QImage(width * scale, height * scale, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    frame = QRectF(0, 0, width, height)
    fonts = ChartFonts.pixels(TITLE_PIXELS, LABEL_PIXELS, SMALL_PIXELS)
    paint_chart(painter, layout_chart(chart, frame, fonts), chart, ChartColours.paper())
    painter.end()
    return image


def briefing_charts(data: DashboardData) -> dict[str, QImage]:
    """Every chart of the briefing by resource name, in reading order; the facility names whole."""
    ranking = ranking_height([facility.name for facility in data.facilities])
    images = {
        "months": render_chart(month_chart(data.months), FULL_WIDTH, CHART_HEIGHT + 60),
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
    images.update((name, render_chart(chart, HALF_WIDTH, CHART_HEIGHT)) for name, chart in half.items())
    return images
