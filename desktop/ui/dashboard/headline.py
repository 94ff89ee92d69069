"""The row of headline figures above the charts: incidents, open cases, casualties, damage, deadlines."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.services.dashboard import DashboardData
from desktop.ui.dashboard import figure_words
from desktop.ui.dashboard.chart_data import number
from desktop.ui.theme import themed_style
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate

TILES = (
    ("incidents", QT_TRANSLATE_NOOP("Headline", "Incidents")),
    ("open", QT_TRANSLATE_NOOP("Headline", "Open cases")),
    ("killed", QT_TRANSLATE_NOOP("Headline", "Killed")),
    ("injured", QT_TRANSLATE_NOOP("Headline", "Injured")),
    ("damage", QT_TRANSLATE_NOOP("Headline", "Property damage")),
    ("overdue", QT_TRANSLATE_NOOP("Headline", "Plan items overdue")),
    ("due_this_week", QT_TRANSLATE_NOOP("Headline", "Due this week")),
    ("reassessments", QT_TRANSLATE_NOOP("Headline", "Reassessments due")),
)
FIGURE_KEYS = ("killed", "injured", "damage")  # the tiles worded by figure_words (the domain's figure_text)
ALERT_STYLE = "color: $alert;"  # desktop.ui.palette's colours, for the scheme shown (desktop.ui.theme)
DETAIL_STYLE = "color: $secondary_text;"


class HeadlineStrip(QWidget):
    """One tile per figure; `value_text(key)` reads a tile back, `detail_text(key)` the small line under the
    casualty and damage figures saying what is not known (tests, accessibility)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = self._row = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._values: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        self._details: dict[str, QLabel] = {}
        for key, caption in ((k, translate("Headline", c)) for k, c in TILES):
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
            caption_label.setWordWrap(True)  # longer captions in Spanish ("Reevaluaciones pendientes") wrap
            caption_label.setBuddy(value)
            inner.addWidget(value)
            inner.addWidget(caption_label)
            if key in FIGURE_KEYS:
                value.setWordWrap(True)
                detail = QLabel("", tile)
                detail.setObjectName(f"detail_{key}")
                detail.setWordWrap(True)
                themed_style(detail, DETAIL_STYLE)
                detail.hide()
                inner.addWidget(detail)
                self._details[key] = detail
            inner.addStretch(1)
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

    def detail_text(self, key: str) -> str:
        """What the killed, injured or damage tile says is not known ("" when everything is known)."""
        return self._details[key].text() if key in self._details else ""

    def tile_text(self, key: str) -> str:
        """Everything a tile shows, value, caption and detail, as one line."""
        return " ".join(part for part in (self.value_text(key), self.caption_text(key), self.detail_text(key)) if part)

    def show_data(self, data: DashboardData) -> None:
        figures, deadlines = data.casualties, data.deadlines
        overdue_reassessments = sum(1 for r in data.reassessments if r.is_overdue(data.today))
        killed, injured, damage = (figure_words.killed(figures), figure_words.injured(figures),
                                   figure_words.damage(figures))  # fmt: skip
        texts = {
            "incidents": number(figures.incidents),
            "open": number(data.cases.open),
            "killed": killed.value,
            "injured": injured.value,
            "damage": damage.value,
            "overdue": number(deadlines.overdue),
            "due_this_week": number(deadlines.due_this_week),
            "reassessments": number(overdue_reassessments),
        }
        tips = {
            "killed": killed.full,
            "injured": injured.full,
            "damage": damage.full,
            "reassessments": self.tr("{value} more due within 90 days").format(
                value=len(data.reassessments) - overdue_reassessments
            ),
        }
        for key, label in self._values.items():
            label.setText(texts[key])
            label.setToolTip(tips.get(key, ""))
        # under the figure: what is not known; for damage the sentence too, as "unknown" or "≥ $X" needs it
        damaged = figures.damaged or figures.damage_usd
        details = {"killed": killed.unknown, "injured": injured.unknown,
                   "damage": damage.full if damaged else damage.unknown}  # fmt: skip
        for key, detail in self._details.items():
            detail.setText(details[key])
            detail.setToolTip(tips[key])
            detail.setVisible(bool(details[key]))
        alerts = {"overdue": deadlines.overdue > 0, "reassessments": overdue_reassessments > 0}
        for key, alert in alerts.items():
            themed_style(self._values[key], ALERT_STYLE if alert else "")
        self._show_period(data)

    def _show_period(self, data: DashboardData) -> None:
        """With a period: how many incidents only possibly lie in it, under the count."""
        period = data.facts.period
        caption = translate("Headline", dict(TILES)["incidents"])
        if period is not None and period.possibly:
            possibly, means = figure_words.possibly_in_period(period)
            caption = f"{caption}, {possibly}"
            self._values["incidents"].setToolTip(means)
        self._captions["incidents"].setText(caption)
