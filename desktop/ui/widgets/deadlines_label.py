"""The status bar's plan-item deadlines ("2 overdue, 0 due this week"), read in the background, bold red while any
is overdue."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QMainWindow

from desktop.persistence.unit_of_work import Database
from desktop.services.plans import DeadlineSummary, deadline_summary
from desktop.ui.background_reads import read_soon
from desktop.ui.error_dialogs import EXPECTED
from desktop.ui.theme import themed_style

log = logging.getLogger(__name__)


class DeadlinesLabel(QLabel):
    """Added to `window`'s status bar; `show_for` reads the figures (a server's in a worker) and shows them."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("deadlines_label")
        self.setContentsMargins(8, 0, 8, 0)
        window.statusBar().addPermanentWidget(self)

    def show_for(self, database: Database, today: date) -> None:
        read_soon(self, "deadlines", lambda: deadline_summary(database, today, limit=0), self._read, self._failed,
                  now=database.is_sqlite, expected=EXPECTED)  # fmt: skip

    def _failed(self, error: Exception) -> None:
        self.setText("")
        log.warning("deadlines: %s", error)

    def _read(self, summary: DeadlineSummary) -> None:
        number = QLocale().toString
        self.setText(self.tr("{overdue} overdue, {due_this_week} due this week").format(
            overdue=number(summary.overdue), due_this_week=number(summary.due_this_week)))  # fmt: skip
        self.setToolTip(self.tr("Open plan items past their due date, and due within the next 7 days"))
        themed_style(self, "color: $overdue; font-weight: bold;" if summary.overdue > 0 else "")
