"""GTD breakdowns of the case facts: incidents by primary target type, property damage by GTD extent band."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.enums import TargetType
from desktop.services.case_facts import DamageBand
from desktop.ui.dashboard.chart_data import ChartData, number
from desktop.ui.dashboard.ranking_chart import Ranked, ranking_chart
from desktop.ui.translated import choice_label


def short_bands() -> dict[DamageBand, str]:
    """The bands' names short enough for the axis."""
    return {
        DamageBand.CATASTROPHIC: QCoreApplication.translate("FactCharts", "Catastrophic, $1B+"),
        DamageBand.MAJOR: QCoreApplication.translate("FactCharts", "Major, $1M+"),
        DamageBand.MINOR: QCoreApplication.translate("FactCharts", "Minor, under $1M"),
        DamageBand.EXTENT_UNKNOWN: QCoreApplication.translate("FactCharts", "Damage, extent unknown"),
        DamageBand.NO_DAMAGE: QCoreApplication.translate("FactCharts", "No damage"),
        DamageBand.DAMAGE_UNKNOWN: QCoreApplication.translate("FactCharts", "Not known if damaged"),
    }


def target_chart(target_types: tuple[tuple[TargetType, int], ...]) -> ChartData:
    """One bar per target type (in TargetType order, unknown last)."""
    total = sum(n for _, n in target_types)
    ranked: Ranked = [(choice_label(target), n, None) for target, n in target_types]
    title = QCoreApplication.translate("FactCharts", "Incidents by primary target type ({total})")
    tip = QCoreApplication.translate(
        "FactCharts", "Each incident counted once, by its primary (first) target type, as the GTD counts them."
    )
    category = QCoreApplication.translate("FactCharts", "Primary target type")
    return ranking_chart(title.format(total=number(total)), ranked, category, tooltip=tip)


def damage_chart(bands: tuple[tuple[DamageBand, int], ...]) -> ChartData:
    """One bar per damage band: the three GTD extents, damage of unknown extent, no damage, not known."""
    damaged = sum(n for band, n in bands if band not in (DamageBand.NO_DAMAGE, DamageBand.DAMAGE_UNKNOWN))
    unknown = dict(bands).get(DamageBand.DAMAGE_UNKNOWN, 0)
    names = short_bands()
    ranked: Ranked = [(names[band], n, None) for band, n in bands]
    note = QCoreApplication.translate("FactCharts", "{damaged} damaged, {unknown} not known if damaged").format(
        damaged=number(damaged), unknown=number(unknown)
    )
    tip = QCoreApplication.translate(
        "FactCharts",
        "GTD property extent: catastrophic ≥ $1 billion, major ≥ $1 million, minor < $1 million. "
        "“Damage, extent unknown” had damage of unknown size; “Not known if damaged” is not “No damage”.",
    )
    title = QCoreApplication.translate("FactCharts", "Property damage by GTD extent")
    category = QCoreApplication.translate("FactCharts", "Damage")
    return ranking_chart(title, ranked, category, tooltip=tip, notes=(note,))
