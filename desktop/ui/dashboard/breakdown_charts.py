"""Small breakdown charts: by severity, open vs closed cases by status, casualties and damage, plan items."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QHorizontalStackedBarSeries, QStackedBarSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from desktop.domain import figure_text
from desktop.domain.enums import CaseStatus, PlanStatus, Severity
from desktop.services.dashboard import CaseCounts, Casualties
from desktop.services.plans import DeadlineSummary
from desktop.ui.dashboard.chart_common import (
    CLOSED_COLOUR,
    LABEL_POINTS,
    OPEN_COLOUR,
    PERPETRATOR_COLOUR,
    PLAN_COLOURS,
    SEVERITY_COLOURS,
    VICTIM_COLOUR,
    Pick,
    attach,
    bar_set,
    count_text,
    new_chart,
    on_bar_click,
    show_tooltips,
    value_axis,
)


def _one_colour_per_bar(
    series: QStackedBarSeries | QHorizontalStackedBarSeries,
    members: Sequence[Enum],
    counts: Sequence[int],
    colours: Mapping[Any, str],
    labels: Sequence[str],
) -> list[QBarSet]:
    """A stacked series where set i only has bar i: each bar gets its own colour and legend entry."""
    sets = []
    for index, member in enumerate(members):
        values = [counts[index] if position == index else 0 for position in range(len(members))]
        bars = bar_set(labels[index], values, colours[member])
        series.append(bars)
        sets.append(bars)
    return sets


def _always(keywords: dict[str, object]) -> Callable[[int], dict[str, object]]:
    """The same narrowing whichever bar of the set is clicked (each set has one bar)."""
    return lambda _index: keywords


def _text(text: str) -> Callable[[int], str]:
    return lambda _index: text


def _categories(labels: Sequence[str], points: float = 0) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(list(labels))
    axis.setGridLineVisible(False)
    axis.setTruncateLabels(False)
    if points:
        font = QFont(axis.labelsFont())
        font.setPointSizeF(points)
        axis.setLabelsFont(font)
    return axis


def severity_chart(severities: tuple[tuple[Severity, int], ...], pick: Pick | None = None) -> QChart:
    members = [severity for severity, _ in severities]
    counts = [n for _, n in severities]
    labels = [severity.label for severity in members]
    chart = new_chart(f"Incidents by severity ({count_text(sum(counts))})")
    series = QStackedBarSeries()
    series.setBarWidth(0.6)
    for index, bars in enumerate(_one_colour_per_bar(series, members, counts, SEVERITY_COLOURS, labels)):
        bars.setLabelColor(QColor("#ffffff" if members[index] is Severity.CRITICAL else "#222222"))
        on_bar_click(bars, pick, _always({"severity": members[index]}))
        show_tooltips(bars, _text(f"{labels[index]}: {count_text(counts[index])} incidents"))
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    attach(chart, series, _categories(labels), value_axis(max(counts, default=0)))
    return chart


def case_chart(cases: CaseCounts, pick: Pick | None = None) -> QChart:
    """One bar per status, coloured open or closed; the title carries the open and closed totals."""
    members = [status for status, _ in cases.by_status]
    counts = [n for _, n in cases.by_status]
    labels = [status.label for status in members]
    chart = new_chart(f"Cases: {count_text(cases.open)} open, {count_text(cases.closed)} closed")
    series = QHorizontalStackedBarSeries()
    series.setBarWidth(0.65)
    colours = {status: OPEN_COLOUR if status.is_open else CLOSED_COLOUR for status in CaseStatus}
    for index, bars in enumerate(_one_colour_per_bar(series, members, counts, colours, labels)):
        on_bar_click(bars, pick, _always({"status": members[index]}))
        show_tooltips(bars, _text(f"{labels[index]}: {count_text(counts[index])} incidents"))
    _top_down(series)
    _attach_horizontal(chart, series, labels, max(counts, default=0))
    return chart


def casualty_chart(figures: Casualties) -> QChart:
    """Killed and injured, victims stacked on perpetrators; damage and unknowns in the title (desktop.domain.
    figure_text's words), each figure's sentence and unknowns on hovering its bars."""
    notes = [figure_text.damage(figures).full, figure_text.casualties_unknown(figures)]
    small = "<br>".join(note for note in notes if note)
    chart = new_chart(f"Casualties in {figure_text.incidents(figures.incidents)}<br><small>{small}</small>")
    series = QStackedBarSeries()
    series.setBarWidth(0.55)
    victims = bar_set("Victims", [figures.victims_killed, figures.victims_injured], VICTIM_COLOUR)
    perpetrators = bar_set("Perpetrators", [figures.perpetrators_killed, figures.perpetrators_injured],
                           PERPETRATOR_COLOUR)  # fmt: skip
    people = (figure_text.killed(figures).full, figure_text.injured(figures).full)
    for bars in (victims, perpetrators):
        show_tooltips(bars, lambda index: people[index])
    series.append(victims)
    series.append(perpetrators)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    attach(chart, series, _categories(["Killed", "Injured"]), value_axis(max(figures.killed, figures.injured)))
    chart.legend().setVisible(True)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def plan_chart(plan_items: tuple[tuple[PlanStatus, int], ...], deadlines: DeadlineSummary) -> QChart:
    members = [status for status, _ in plan_items]
    counts = [n for _, n in plan_items]
    labels = [status.label for status in members]
    chart = new_chart(
        f"Plan items: {count_text(deadlines.overdue)} overdue, {count_text(deadlines.due_this_week)} due this week"
    )
    series = QHorizontalStackedBarSeries()
    series.setBarWidth(0.6)
    for index, bars in enumerate(_one_colour_per_bar(series, members, counts, PLAN_COLOURS, labels)):
        show_tooltips(bars, _text(f"{labels[index]}: {count_text(counts[index])} plan items"))
    _top_down(series)
    _attach_horizontal(chart, series, labels, max(counts, default=0))
    return chart


def _top_down(series: QHorizontalStackedBarSeries) -> None:
    """Horizontal categories are drawn bottom-up; mirror the values so the first member is on top."""
    for bars in series.barSets():
        values = [bars.at(i) for i in range(bars.count())][::-1]
        for position, value in enumerate(values):
            bars.replace(position, value)


def _attach_horizontal(chart: QChart, series: QHorizontalStackedBarSeries, labels: Sequence[str], top: int) -> None:
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPosition(QHorizontalStackedBarSeries.LabelsPosition.LabelsOutsideEnd)
    for bars in series.barSets():
        bars.setLabelColor(QColor("#333333"))
    chart.addSeries(series)
    categories = _categories(labels[::-1], LABEL_POINTS)
    counts_axis = value_axis(top * 1.15, ticks=4)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(counts_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(counts_axis)
