"""Incidents by facility or by state: horizontal bars, most first; clicking a bar narrows to it."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QChart, QHorizontalBarSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from desktop.services.dashboard import FacilityCount, StateCount
from desktop.ui.dashboard.chart_common import (
    BAR_COLOUR,
    LABEL_POINTS,
    Pick,
    bar_set,
    count_text,
    new_chart,
    on_bar_click,
    short,
    show_tooltips,
    unique_labels,
    value_axis,
    wrapped,
)

TOP = 10  # bars shown; the title tells how many incidents the others have
Ranked = list[tuple[str, int, dict[str, object]]]  # label, count, keywords for narrowed()


def facility_chart(facilities: tuple[FacilityCount, ...], pick: Pick | None = None, wrap: int | None = None) -> QChart:
    """`wrap`: the names whole, on lines of at most this many characters (None: shortened to one line)."""

    def label(name: str) -> str:
        return wrapped(name, wrap) if wrap else short(name, 24)

    ranked: Ranked = [(label(f.name), f.count, {"facility_uuid": f.facility_uuid}) for f in facilities]
    return ranking_chart("Incidents by facility", ranked, pick)


def state_chart(states: tuple[StateCount, ...], pick: Pick | None = None) -> QChart:
    ranked: Ranked = [(s.state or "(no state)", s.count, {"state": s.state}) for s in states]
    return ranking_chart("Incidents by state", ranked, pick)


def ranking_chart(title: str, ranked: Ranked, pick: Pick | None) -> QChart:
    if len(ranked) > TOP:
        title += f", top {TOP} of {len(ranked)}"
    chart = new_chart(title if ranked else f"{title}: no incidents")
    if not ranked:
        return chart
    # horizontal categories are drawn bottom-up: reverse, so that the largest is on top
    labels = unique_labels([label for label, _, _ in ranked[:TOP]])[::-1]
    counts = [n for _, n, _ in ranked[:TOP]][::-1]
    keys = [key for _, _, key in ranked[:TOP]][::-1]
    bars = bar_set("Incidents", counts, BAR_COLOUR, label_colour="#333333")
    series = QHorizontalBarSeries()
    series.setBarWidth(0.7)
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value")
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append(labels)
    categories.setGridLineVisible(False)
    categories.setTruncateLabels(False)  # the names are shortened here, and drawn a little smaller
    font = QFont(categories.labelsFont())
    font.setPointSizeF(LABEL_POINTS)
    categories.setLabelsFont(font)
    counts_axis = value_axis(max(counts) * 1.15, ticks=4)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(counts_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(counts_axis)
    on_bar_click(bars, pick, lambda index: keys[index])
    show_tooltips(bars, lambda index: f"{labels[index]}: {count_text(counts[index])} incidents")
    if len(ranked) > TOP:
        rest = sum(n for _, n, _ in ranked[TOP:])
        chart.setToolTip(f"the other {len(ranked) - TOP}: {count_text(rest)} incidents")
    return chart
