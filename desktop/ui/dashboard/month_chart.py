"""Incidents per month, stacked by primary attack type; clicking a segment narrows to that month and attack type."""

from __future__ import annotations

from PySide6.QtCharts import QCategoryAxis, QChart, QStackedBarSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from desktop.services.dashboard import MonthlyAttackCounts
from desktop.ui.dashboard.chart_common import (
    ATTACK_COLOURS,
    Pick,
    attach,
    bar_set,
    count_text,
    new_chart,
    on_bar_click,
    show_tooltips,
    value_axis,
)

MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_LABELS_UP_TO = 18  # more months than this are labelled by year
COUNTING = (
    "Each incident is counted once: by its primary (first) attack type, as the GTD counts them, in the month "
    "its date starts (the first day of a month, a year or a range; the period's first month for a date "
    "starting before the period)."
)


def month_label(month: str, separator: str = " ") -> str:
    year, number = month.split("-")
    return f"{MONTH_NAMES[int(number) - 1]}{separator}{year}"


def month_axis(months: tuple[str, ...]) -> QCategoryAxis:
    """Bars sit at 0, 1, 2...; label each month when there are few, otherwise each year under its months."""
    axis = QCategoryAxis()
    axis.setRange(-0.5, max(len(months), 1) - 0.5)
    axis.setStartValue(-0.5)
    axis.setGridLineVisible(False)
    axis.setTruncateLabels(False)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
    if len(months) <= MONTH_LABELS_UP_TO:
        for index, month in enumerate(months):
            axis.append(month_label(month, "<br>"), index + 0.5)  # axis labels are rich text
        return axis
    for index, month in enumerate(months):
        if month.endswith("-12") or index == len(months) - 1:
            axis.append(month[:4], index + 0.5)
    return axis


def month_chart(data: MonthlyAttackCounts, pick: Pick | None = None, legend_points: float = 0) -> QChart:
    """`legend_points`: a smaller legend font (the printed briefing); 0 keeps the default."""
    total = data.dated
    title = f"Incidents per month by primary attack type ({count_text(total)}"
    title += f"; {count_text(data.undated)} with unknown date)" if data.undated else ")"
    chart = new_chart(title)
    chart.setToolTip(COUNTING)
    series = QStackedBarSeries()
    series.setBarWidth(0.85)
    months = data.months
    for attack in data.series:
        bars = bar_set(attack.attack_type.label, attack.counts, ATTACK_COLOURS[attack.attack_type])
        bars.setBorderColor(bars.color())

        def keywords(index: int, kind: object = attack.attack_type) -> dict[str, object]:
            return {"month": months[index], "attack_type": kind}

        def describe(index: int, name: str = attack.attack_type.label, counts: tuple[int, ...] = attack.counts) -> str:
            return (f"{month_label(months[index])}: {count_text(counts[index])} {name.lower()} "
                    "(primary attack type; by the month the date starts)")  # fmt: skip

        on_bar_click(bars, pick, keywords)
        show_tooltips(bars, describe)
        series.append(bars)
    totals = data.month_totals()
    attach(chart, series, month_axis(months), value_axis(max(totals, default=0), "Incidents"))
    legend = chart.legend()
    legend.setVisible(bool(data.series))
    legend.setAlignment(Qt.AlignmentFlag.AlignRight)
    if legend_points:
        font = QFont(legend.font())
        font.setPointSizeF(legend_points)
        legend.setFont(font)
    return chart
