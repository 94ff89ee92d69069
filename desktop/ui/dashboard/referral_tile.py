"""The dashboard's "Pending referral" tile: a button that asks the incidents tab for the cases awaiting referral."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from desktop.services.case_facts import PENDING_REFERRAL_MEANS
from desktop.ui.dashboard.chart_data import number
from desktop.ui.theme import themed_style
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate

CAPTION = QT_TRANSLATE_NOOP("ReferralTile", "Pending referral")
ALERT_STYLE = "QPushButton { color: $alert; font-weight: bold; }"  # desktop.ui.palette's colours


class PendingReferralTile(QPushButton):
    """Shows "Pending referral: N"; a click, Space or Enter emits `clicked` (the dashboard turns it into the
    pending-referral filter of the incidents tab)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(f"{translate('ReferralTile', CAPTION)}: –", parent)
        self.setObjectName("tile_pending_referral")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Expanding)
        self.setToolTip(
            self.tr("{PENDING_REFERRAL_MEANS}\nClick or press Enter to list them on the Incidents tab.").format(
                PENDING_REFERRAL_MEANS=PENDING_REFERRAL_MEANS
            )
        )
        self.count = 0

    def show_count(self, count: int) -> None:
        self.count = count
        self.setText(f"{translate('ReferralTile', CAPTION)}: {number(count)}")
        themed_style(self, ALERT_STYLE if count else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            event.accept()
            self.click()
            return
        super().keyPressEvent(event)
