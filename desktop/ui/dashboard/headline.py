"""The row of headline figures above the charts: incidents, open cases, casualties, damage, deadlines."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.services.case_facts import POSSIBLY_MEANS
from desktop.services.dashboard import DashboardData
from desktop.ui.dashboard.chart_common import count_text, usd_text

TILES = (
    ("incidents", "Incidents"),
    ("open", "Open cases"),
    ("killed", "Killed"),
    ("injured", "Injured"),
    ("damage", "Property damage"),
    ("overdue", "Plan items overdue"),
    ("due_this_week", "Due this week"),
    ("reassessments", "Reassessments due"),
)
ALERT_STYLE = "color: #b2182b;"


class HeadlineStrip(QWidget):
    """One tile per figure; `value_text(key)` reads a tile back (tests, accessibility)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = self._row = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._values: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        for key, caption in TILES:
            tile = QFrame(self)
            tile.setFrameShape(QFrame.Shape.StyledPanel)
            tile.setObjectName(f"tile_{key}")
            inner = QVBoxLayout(tile)
            inner.setContentsMargins(10, 6, 10, 6)
            value = QLabel("–", tile)
            value.setObjectName(f"value_{key}")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            value.setFont(font)
            caption_label = QLabel(caption, tile)
            caption_label.setBuddy(value)
            inner.addWidget(value)
            inner.addWidget(caption_label)
            layout.addWidget(tile)
            self._values[key] = value
            self._captions[key] = caption_label

    def add_tile(self, tile: QWidget) -> None:
        """Another tile at the end of the row (the dashboard's pending-referral button)."""
        self._row.addWidget(tile)

    def value_text(self, key: str) -> str:
        return self._values[key].text()

    def caption_text(self, key: str) -> str:
        return self._captions[key].text()

    def show_data(self, data: DashboardData) -> None:
        figures, deadlines = data.casualties, data.deadlines
        overdue_reassessments = sum(1 for r in data.reassessments if r.is_overdue(data.today))
        texts = {
            "incidents": count_text(figures.incidents),
            "open": count_text(data.cases.open),
            "killed": count_text(figures.killed),
            "injured": count_text(figures.injured),
            "damage": usd_text(figures.damage_usd),
            "overdue": count_text(deadlines.overdue),
            "due_this_week": count_text(deadlines.due_this_week),
            "reassessments": count_text(overdue_reassessments),
        }
        tips = {
            "killed": f"victims {figures.victims_killed:,}, perpetrators {figures.perpetrators_killed:,}; "
            f"unknown in {figures.casualties_unknown:,} incidents",
            "injured": f"victims {figures.victims_injured:,}, perpetrators {figures.perpetrators_injured:,}",
            "damage": f"{figures.damaged:,} incidents with property damage",
            "reassessments": f"{len(data.reassessments) - overdue_reassessments} more due within 90 days",
        }
        for key, label in self._values.items():
            label.setText(texts[key])
            label.setToolTip(tips.get(key, ""))
        alerts = {"overdue": deadlines.overdue > 0, "reassessments": overdue_reassessments > 0}
        for key, alert in alerts.items():
            self._values[key].setStyleSheet(ALERT_STYLE if alert else "")
        self._show_period(data)

    def _show_period(self, data: DashboardData) -> None:
        """With a period: how many incidents only possibly lie in it, under the count."""
        period = data.facts.period
        caption = dict(TILES)["incidents"]
        if period is not None and period.possibly:
            caption = f"{caption}, {period.text()}"
            self._values["incidents"].setToolTip(POSSIBLY_MEANS)
        self._captions["incidents"].setText(caption)
