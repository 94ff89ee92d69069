"""What every dashboard chart shares: colours, a fresh chart, bar-set click wiring and number formats."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from PySide6.QtCharts import QAbstractBarSeries, QBarSet, QChart, QValueAxis
from PySide6.QtCore import QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPainter
from PySide6.QtWidgets import QToolTip

from desktop.domain import figure_text
from desktop.domain.enums import AttackType, CaseStatus, PlanStatus, Severity

Pick = Callable[..., None]
"""Called with the keywords of desktop.services.dashboard.narrowed (month=, attack_type=, severity=...)."""

ATTACK_COLOURS: dict[AttackType, str] = {
    AttackType.ARMED_ASSAULT: "#b2182b",
    AttackType.BOMBING_EXPLOSION: "#67001f",
    AttackType.FACILITY_INFRASTRUCTURE_ATTACK: "#d6604d",
    AttackType.UNARMED_ASSAULT: "#f4a582",
    AttackType.HOSTAGE_TAKING: "#762a83",
    AttackType.ASSASSINATION: "#40004b",
    AttackType.THREAT: "#e08214",
    AttackType.BREACH_OF_SECURITY: "#fdb863",
    AttackType.VANDALISM: "#4393c3",
    AttackType.PROTEST_PEACEFUL: "#92c5de",
    AttackType.PROTEST_UNLAWFUL: "#2166ac",
    AttackType.OTHER: "#878787",
    AttackType.UNKNOWN: "#bababa",
}
SEVERITY_COLOURS: dict[Severity, str] = {
    Severity.LOW: "#91bfdb",
    Severity.MEDIUM: "#fee090",
    Severity.HIGH: "#fc8d59",
    Severity.CRITICAL: "#d73027",
}
OPEN_COLOUR, CLOSED_COLOUR = "#e08214", "#5e8c61"
PLAN_COLOURS: dict[PlanStatus, str] = {
    PlanStatus.PROPOSED: "#bababa",
    PlanStatus.APPROVED: "#92c5de",
    PlanStatus.IN_PROGRESS: "#4393c3",
    PlanStatus.IMPLEMENTED: "#5e8c61",
    PlanStatus.RISK_ACCEPTED: "#c2a5cf",
}
VICTIM_COLOUR, PERPETRATOR_COLOUR = "#d6604d", "#878787"
BAR_COLOUR = "#4393c3"
LABEL_POINTS = 7.5  # category labels of horizontal bars: QtCharts gives them at most ~40% of the chart width
OVERDUE_COLOUR, DUE_SOON_COLOUR = "#fbe3e0", "#fff3cd"  # row backgrounds: overdue, due this week


def new_chart(title: str) -> QChart:
    """A chart without animations (instant refresh, identical images) and with a compact layout."""
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    font.setPointSizeF(max(font.pointSizeF(), 9.0))
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(4)
    chart.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    chart.setLocalizeNumbers(True)  # 12,345 on axes and labels
    chart.legend().setVisible(False)
    return chart


def bar_set(label: str, values: Sequence[float], colour: str, label_colour: str = "#ffffff") -> QBarSet:
    bars = QBarSet(label)
    bars.append(list(values))
    bars.setColor(QColor(colour))
    bars.setBorderColor(QColor(colour).darker(115))
    bars.setLabelColor(QColor(label_colour))
    return bars


def count_scale(maximum: float, ticks: int = 5) -> tuple[int, int]:
    """(top, step) of a whole-number axis from 0 showing `maximum` with some headroom, in at most ticks + 1
    intervals of 1, 2, 2.5 or 5 times a power of ten."""
    target = max(maximum * 1.05, 1.0)
    magnitude = 10 ** max(0, math.floor(math.log10(target / max(ticks, 1))))
    for multiple in (1, 2, 2.5, 5, 10, 20, 25, 50):
        step = multiple * magnitude
        if step == int(step) and math.ceil(target / step) <= ticks + 1:
            return int(step) * math.ceil(target / step), int(step)
    return int(100 * magnitude) * math.ceil(target / (100 * magnitude)), int(100 * magnitude)


def value_axis(maximum: float, title: str = "", ticks: int = 5) -> QValueAxis:
    """A count axis from 0 with whole-number ticks."""
    top, step = count_scale(maximum, ticks)
    axis = QValueAxis()
    axis.setRange(0, top)
    axis.setTickCount(top // step + 1)
    axis.setLabelFormat("%.0f")
    axis.setTitleText(title)
    return axis


def on_bar_click(bars: QBarSet, pick: Pick | None, keywords: Callable[[int], dict[str, Any] | None]) -> None:
    """Clicking bar `index` of `bars` calls pick(**keywords(index)) (nothing when keywords returns None)."""
    if pick is None:
        return

    def clicked(index: int) -> None:
        chosen = keywords(index)
        if chosen is not None:
            pick(**chosen)

    bars.clicked.connect(clicked)


def show_tooltips(bars: QBarSet, describe: Callable[[int], str]) -> None:
    """Hovering bar `index` shows describe(index) next to the mouse."""

    def hovered(inside: bool, index: int) -> None:
        if inside:
            QToolTip.showText(QCursor.pos(), describe(index))
        else:
            QToolTip.hideText()

    bars.hovered.connect(hovered)


def attach(chart: QChart, series: QAbstractBarSeries, x_axis: Any, y_axis: Any) -> None:
    chart.addSeries(series)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)


def short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrapped(text: str, width: int) -> str:
    """`text` whole, as axis-label rich text broken between words onto lines of at most `width` characters
    (a longer word keeps a line of its own)."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]
    return "<br>".join(escape(line, quote=False) for line in lines)


def unique_labels(labels: Sequence[str]) -> list[str]:
    """Category axes need distinct labels: repeat names get " (2)", " (3)"."""
    seen: dict[str, int] = {}
    result = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        result.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return result


def count_text(n: int) -> str:
    return f"{n:,}"


def usd_text(amount: int) -> str:
    """A known amount in dollars, worded as everywhere else (desktop.domain.figure_text.usd)."""
    return figure_text.usd(amount)


def status_colour(status: CaseStatus) -> str:
    return OPEN_COLOUR if status.is_open else CLOSED_COLOUR


ANTIALIASED = QPainter.RenderHint.Antialiasing
