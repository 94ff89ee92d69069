"""Small breakdown charts: by severity, open vs closed cases by status, casualties and damage, plan items."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.enums import PlanStatus, Severity
from desktop.services.dashboard import CaseCounts, Casualties
from desktop.services.plans import DeadlineSummary
from desktop.ui.dashboard import figure_words
from desktop.ui.dashboard.chart_colors import case_key, plan_key, severity_key
from desktop.ui.dashboard.chart_data import ChartData, Legend, Series, number, one_per_bar
from desktop.ui.translated import choice_label


def severity_chart(severities: tuple[tuple[Severity, int], ...]) -> ChartData:
    """One bar per severity, low to critical, each in its own colour; clicking one narrows to it."""
    members = [severity for severity, _ in severities]
    counts = [n for _, n in severities]
    labels = [choice_label(severity) for severity in members]
    title = QCoreApplication.translate("BreakdownCharts", "Incidents by severity ({total})")
    incidents = QCoreApplication.translate("BreakdownCharts", "Incidents")
    return ChartData(
        title=title.format(total=number(sum(counts))),
        categories=tuple(labels),
        series=(one_per_bar(incidents, counts, [severity_key(m) for m in members]),),
        category_title=QCoreApplication.translate("BreakdownCharts", "Severity"),
        value_title=incidents,
        bar_width=0.6,
        headroom=1.12,
        tip_format=QCoreApplication.translate("BreakdownCharts", "{category}: {value} incidents"),
        keywords=(tuple({"severity": m} for m in members),),
    )


def case_chart(cases: CaseCounts) -> ChartData:
    """One bar per status, coloured open or closed; the title carries the open and closed totals."""
    members = [status for status, _ in cases.by_status]
    counts = [n for _, n in cases.by_status]
    labels = [choice_label(status) for status in members]
    title = QCoreApplication.translate("BreakdownCharts", "Cases: {open} open, {closed} closed")
    incidents = QCoreApplication.translate("BreakdownCharts", "Incidents")
    return ChartData(
        title=title.format(open=number(cases.open), closed=number(cases.closed)),
        categories=tuple(labels),
        series=(one_per_bar(incidents, counts, [case_key(m) for m in members]),),
        category_title=QCoreApplication.translate("BreakdownCharts", "Case status"),
        value_title=incidents,
        horizontal=True,
        bar_width=0.65,
        headroom=1.15,
        tip_format=QCoreApplication.translate("BreakdownCharts", "{category}: {value} incidents"),
        keywords=(tuple({"status": m} for m in members),),
    )


def casualty_chart(figures: Casualties) -> ChartData:
    """Killed and injured, victims stacked on perpetrators; damage and unknowns under the title (figure_words:
    the domain's figure_text in the UI's language), each figure's sentence and unknowns on hovering its bars."""
    notes = tuple(
        note for note in (figure_words.damage(figures).full, figure_words.casualties_unknown(figures)) if note
    )
    title = QCoreApplication.translate("BreakdownCharts", "Casualties in {incidents}")
    people = (figure_words.killed(figures).full, figure_words.injured(figures).full)
    killed = QCoreApplication.translate("BreakdownCharts", "Killed")
    injured = QCoreApplication.translate("BreakdownCharts", "Injured")
    victims = Series(
        QCoreApplication.translate("BreakdownCharts", "Victims"),
        (figures.victims_killed, figures.victims_injured),
        "people.victims",
    )
    perpetrators = Series(
        QCoreApplication.translate("BreakdownCharts", "Perpetrators"),
        (figures.perpetrators_killed, figures.perpetrators_injured),
        "people.perpetrators",
    )
    return ChartData(
        title=title.format(incidents=figure_words.incidents(figures.incidents)),
        categories=(killed, injured),
        series=(victims, perpetrators),
        category_title=QCoreApplication.translate("BreakdownCharts", "Casualties"),
        value_title=QCoreApplication.translate("BreakdownCharts", "People"),
        series_title=QCoreApplication.translate("BreakdownCharts", "Victims or perpetrators"),
        notes=notes,
        legend=Legend.BOTTOM,
        bar_width=0.55,
        headroom=1.12,
        tips=(people, people),
    )


def plan_chart(plan_items: tuple[tuple[PlanStatus, int], ...], deadlines: DeadlineSummary) -> ChartData:
    members = [status for status, _ in plan_items]
    counts = [n for _, n in plan_items]
    labels = [choice_label(status) for status in members]
    title = QCoreApplication.translate("BreakdownCharts", "Plan items: {overdue} overdue, {soon} due this week")
    items = QCoreApplication.translate("BreakdownCharts", "Plan items")
    return ChartData(
        title=title.format(overdue=number(deadlines.overdue), soon=number(deadlines.due_this_week)),
        categories=tuple(labels),
        series=(one_per_bar(items, counts, [plan_key(m) for m in members]),),
        category_title=QCoreApplication.translate("BreakdownCharts", "Plan status"),
        value_title=items,
        horizontal=True,
        bar_width=0.6,
        headroom=1.15,
        tip_format=QCoreApplication.translate("BreakdownCharts", "{category}: {value} plan items"),
    )
