"""Incidents per month, stacked by primary attack type; clicking a segment narrows to that month and attack type."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.dashboard import MonthlyAttackCounts
from desktop.ui.dashboard.chart_colors import attack_key
from desktop.ui.dashboard.chart_data import ChartData, Legend, Series, YearSpan, month_text, number
from desktop.ui.translated import choice_label

MONTH_LABELS_UP_TO = 18  # more months than this are labelled by year


def counting() -> str:
    return QCoreApplication.translate(
        "MonthChart",
        "Each incident is counted once: by its primary (first) attack type, as the GTD counts them, in the month "
        "its date starts (the first day of a month, a year or a range; the period's first month for a date "
        "starting before the period).",
    )


def year_spans(months: tuple[str, ...]) -> tuple[YearSpan, ...]:
    """Each year under its run of months."""
    spans: list[YearSpan] = []
    for index, month in enumerate(months):
        if spans and spans[-1].label == month[:4]:
            spans[-1] = YearSpan(month[:4], spans[-1].first, index)
        else:
            spans.append(YearSpan(month[:4], index, index))
    return tuple(spans)


def month_chart(data: MonthlyAttackCounts) -> ChartData:
    """One bar per month, its attack types stacked in AttackType order; month names in the default locale."""
    total = number(data.dated)
    if data.undated:
        title = QCoreApplication.translate(
            "MonthChart", "Incidents per month by primary attack type ({total}; {undated} with unknown date)"
        ).format(total=total, undated=number(data.undated))
    else:
        title = QCoreApplication.translate("MonthChart", "Incidents per month by primary attack type ({total})")
        title = title.format(total=total)
    months = data.months
    few = len(months) <= MONTH_LABELS_UP_TO
    return ChartData(
        title=title,
        categories=tuple(month_text(month, long=True) for month in months),
        series=tuple(Series(choice_label(s.attack_type), s.counts, attack_key(s.attack_type)) for s in data.series),
        category_title=QCoreApplication.translate("MonthChart", "Month"),
        value_title=QCoreApplication.translate("MonthChart", "Incidents"),
        series_title=QCoreApplication.translate("MonthChart", "Primary attack type"),
        axis_labels=tuple(month_text(month, "\n") for month in months) if few else (),
        spans=() if few else year_spans(months),
        legend=Legend.RIGHT,
        value_labels=False,
        bar_width=0.85,
        tooltip=counting(),
        tip_format=QCoreApplication.translate(
            "MonthChart", "{category}: {value} {series_lower} (primary attack type; by the month the date starts)"
        ),
        keywords=tuple(tuple({"month": m, "attack_type": s.attack_type} for m in months) for s in data.series),
    )
