"""Series colours of the dashboard charts, light and dark, chosen by the palette, with their WCAG contrast ratios."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from PySide6.QtGui import QColor, QPalette

from desktop.domain.enums import AttackType, CaseStatus, PlanStatus, Severity

NON_TEXT_CONTRAST = 3.0  # WCAG 2.1 SC 1.4.11: bars against the chart background
TEXT_CONTRAST = 4.5  # WCAG 2.1 SC 1.4.3: a number written on a bar

# Light: relative luminance at most 0.24 (≥ 3.6:1 on white, ≥ 3.38:1 on #f5f5f5); dark: at least 0.25 (≥ 3.58:1 on
# #353535). Stacked segments are parted by a line of the background colour: each segment's edge meets the background.
LIGHT: dict[str, str] = {
    f"attack.{AttackType.ARMED_ASSAULT.name}": "#b2182b",
    f"attack.{AttackType.BOMBING_EXPLOSION.name}": "#67001f",
    f"attack.{AttackType.FACILITY_INFRASTRUCTURE_ATTACK.name}": "#d6604d",
    f"attack.{AttackType.UNARMED_ASSAULT.name}": "#c51b7d",
    f"attack.{AttackType.HOSTAGE_TAKING.name}": "#762a83",
    f"attack.{AttackType.ASSASSINATION.name}": "#40004b",
    f"attack.{AttackType.THREAT.name}": "#b35806",
    f"attack.{AttackType.BREACH_OF_SECURITY.name}": "#a6761d",
    f"attack.{AttackType.VANDALISM.name}": "#2f7fb5",
    f"attack.{AttackType.PROTEST_PEACEFUL.name}": "#138a6a",
    f"attack.{AttackType.PROTEST_UNLAWFUL.name}": "#253494",
    f"attack.{AttackType.OTHER.name}": "#5a5a5a",
    f"attack.{AttackType.UNKNOWN.name}": "#858585",
    f"severity.{Severity.LOW.name}": "#4575b4",
    f"severity.{Severity.MEDIUM.name}": "#a07000",
    f"severity.{Severity.HIGH.name}": "#d6604d",
    f"severity.{Severity.CRITICAL.name}": "#a50026",
    "case.open": "#b35806",
    "case.closed": "#4d7c50",
    f"plan.{PlanStatus.PROPOSED.name}": "#6b6b6b",
    f"plan.{PlanStatus.APPROVED.name}": "#4f7cb0",
    f"plan.{PlanStatus.IN_PROGRESS.name}": "#253494",
    f"plan.{PlanStatus.IMPLEMENTED.name}": "#4d7c50",
    f"plan.{PlanStatus.RISK_ACCEPTED.name}": "#8e6bb0",
    "people.victims": "#c0392b",
    "people.perpetrators": "#6b6b6b",
    "bar": "#2f7fb5",
}
DARK: dict[str, str] = {
    f"attack.{AttackType.ARMED_ASSAULT.name}": "#f4736b",
    f"attack.{AttackType.BOMBING_EXPLOSION.name}": "#e0607e",
    f"attack.{AttackType.FACILITY_INFRASTRUCTURE_ATTACK.name}": "#f59b7a",
    f"attack.{AttackType.UNARMED_ASSAULT.name}": "#f7b6a5",
    f"attack.{AttackType.HOSTAGE_TAKING.name}": "#c9a0dc",
    f"attack.{AttackType.ASSASSINATION.name}": "#e28fe8",
    f"attack.{AttackType.THREAT.name}": "#f5a142",
    f"attack.{AttackType.BREACH_OF_SECURITY.name}": "#e8c15a",
    f"attack.{AttackType.VANDALISM.name}": "#6cb6e8",
    f"attack.{AttackType.PROTEST_PEACEFUL.name}": "#5cd1a8",
    f"attack.{AttackType.PROTEST_UNLAWFUL.name}": "#8fa9ff",
    f"attack.{AttackType.OTHER.name}": "#bdbdbd",
    f"attack.{AttackType.UNKNOWN.name}": "#8f8f8f",
    f"severity.{Severity.LOW.name}": "#8fb8e8",
    f"severity.{Severity.MEDIUM.name}": "#e8c15a",
    f"severity.{Severity.HIGH.name}": "#f59b7a",
    f"severity.{Severity.CRITICAL.name}": "#ff6b6b",
    "case.open": "#f5a142",
    "case.closed": "#7fc77f",
    f"plan.{PlanStatus.PROPOSED.name}": "#a0a0a0",
    f"plan.{PlanStatus.APPROVED.name}": "#9cc0f0",
    f"plan.{PlanStatus.IN_PROGRESS.name}": "#6cb6e8",
    f"plan.{PlanStatus.IMPLEMENTED.name}": "#7fc77f",
    f"plan.{PlanStatus.RISK_ACCEPTED.name}": "#c9a0dc",
    "people.victims": "#f4736b",
    "people.perpetrators": "#a8a8a8",
    "bar": "#6cb6e8",
}
# the chart backgrounds each set is checked against (tests/ui/test_chart_colors.py): plain and styled bases
LIGHT_BACKGROUNDS = ("#ffffff", "#fafafa", "#f5f5f5")
DARK_BACKGROUNDS = ("#1e1e1e", "#2b2b2b", "#353535")


def key(family: str, member: Enum | str) -> str:
    """The colour key of an enum member (`key("attack", AttackType.THREAT)`) or a named colour."""
    return f"{family}.{member.name if isinstance(member, Enum) else member}"


def attack_key(attack: AttackType) -> str:
    return key("attack", attack)


def severity_key(severity: Severity) -> str:
    return key("severity", severity)


def plan_key(status: PlanStatus) -> str:
    return key("plan", status)


def case_key(status: CaseStatus) -> str:
    return "case.open" if status.is_open else "case.closed"


def is_dark(palette: QPalette) -> bool:
    """A dark palette: its window colour is darker than mid-grey."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def series_colours(dark: bool) -> Mapping[str, str]:
    return DARK if dark else LIGHT


def series_colour(colour_key: str, dark: bool) -> QColor:
    """The colour of `colour_key` in the light or the dark set (grey for an unknown key)."""
    return QColor(series_colours(dark).get(colour_key, "#858585" if not dark else "#a8a8a8"))


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2.1 contrast ratio, 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on `fill` (at least 4.58:1 on any colour)."""
    black, white = QColor("#000000"), QColor("#ffffff")
    return black if contrast_ratio(fill, black) >= contrast_ratio(fill, white) else white
