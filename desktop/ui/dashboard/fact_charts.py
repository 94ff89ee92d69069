"""GTD breakdowns of the case facts: incidents by primary target type, property damage by GTD extent band."""

from __future__ import annotations

from PySide6.QtCharts import QChart

from desktop.domain.enums import TargetType
from desktop.services.case_facts import DamageBand
from desktop.ui.dashboard.chart_common import count_text
from desktop.ui.dashboard.ranking_chart import Ranked, ranking_chart

TARGET_TIP = "Each incident counted once, by its primary (first) target type, as the GTD counts them."
SHORT_BANDS = {
    DamageBand.CATASTROPHIC: "Catastrophic, $1B+",
    DamageBand.MAJOR: "Major, $1M+",
    DamageBand.MINOR: "Minor, under $1M",
    DamageBand.EXTENT_UNKNOWN: "Damage, extent unknown",
    DamageBand.NO_DAMAGE: "No damage",
    DamageBand.DAMAGE_UNKNOWN: "Not known if damaged",
}  # the axis gives labels little room (and reads them as rich text: no “<”)
DAMAGE_TIP = (
    "GTD property extent: catastrophic ≥ $1 billion, major ≥ $1 million, minor < $1 million. "
    "“Damage, extent unknown” had damage of unknown size; “Unknown whether damaged” is not “No damage”."
)


def target_chart(target_types: tuple[tuple[TargetType, int], ...]) -> QChart:
    """One bar per target type (in TargetType order, unknown last)."""
    total = sum(n for _, n in target_types)
    ranked: Ranked = [(target.label, n, {}) for target, n in target_types]
    chart = ranking_chart(f"Incidents by primary target type ({count_text(total)})", ranked, None)
    chart.setToolTip(TARGET_TIP)
    return chart


def damage_chart(bands: tuple[tuple[DamageBand, int], ...]) -> QChart:
    """One bar per damage band: the three GTD extents, damage of unknown extent, no damage, not known."""
    damaged = sum(n for band, n in bands if band not in (DamageBand.NO_DAMAGE, DamageBand.DAMAGE_UNKNOWN))
    unknown = dict(bands).get(DamageBand.DAMAGE_UNKNOWN, 0)
    ranked: Ranked = [(SHORT_BANDS[band], n, {}) for band, n in bands]
    title = (f"Property damage by GTD extent<br><small>{count_text(damaged)} damaged, "
             f"{count_text(unknown)} not known if damaged</small>")  # fmt: skip
    chart = ranking_chart(title, ranked, None)
    chart.setToolTip(DAMAGE_TIP)
    return chart
