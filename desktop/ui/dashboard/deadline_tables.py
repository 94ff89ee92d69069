"""Read-only lists on the dashboard: plan items overdue or due this week, and reassessments due."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop.domain.records import PlanItem
from desktop.services.plans import Deadline, ReassessmentDue, deadline_of
from desktop.ui.dashboard.chart_common import DUE_SOON_COLOUR, OVERDUE_COLOUR


class _ReadOnlyTable(QTableWidget):
    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setWordWrap(False)

    def _fill(self, rows: Sequence[Sequence[str]], colours: Sequence[str | None], empty: str) -> None:
        self.setRowCount(0)
        if not rows:
            self.setRowCount(1)
            self.setItem(0, 0, QTableWidgetItem(empty))
            self.setSpan(0, 0, 1, self.columnCount())
            return
        self.clearSpans()
        self.setRowCount(len(rows))
        for row, (cells, colour) in enumerate(zip(rows, colours, strict=True)):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if colour:
                    item.setBackground(QBrush(QColor(colour)))
                    item.setForeground(QBrush(QColor("#222222")))
                self.setItem(row, column, item)


class DeadlineTable(_ReadOnlyTable):
    """Open plan items overdue (red) or due this week (yellow), earliest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(["Due", "Plan item", "Facility", "Owner", "Status"], parent)

    def show_items(self, items: tuple[PlanItem, ...], today: date) -> None:
        rows, colours = [], []
        for item in items:
            state = deadline_of(item, today)
            due = item.due_date.isoformat() if item.due_date else ""
            if state is Deadline.OVERDUE and item.due_date:
                due += f" ({(today - item.due_date).days} d late)"
            rows.append([due, item.description, item.facility_name or "All facilities", item.owner, item.status.label])
            colours.append(OVERDUE_COLOUR if state is Deadline.OVERDUE else DUE_SOON_COLOUR)
        self._fill(rows, colours, "No plan item is overdue or due this week.")


class ReassessmentTable(_ReadOnlyTable):
    """Facilities whose ISC reassessment is overdue (red) or falls due soon (yellow)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(["Due", "Facility", "State", "FSL", "Last assessment"], parent)

    def show_items(self, items: tuple[ReassessmentDue, ...], today: date) -> None:
        rows, colours = [], []
        for item in items:
            due = item.due_on.isoformat() if item.due_on else "now (never assessed)"
            last = item.last_assessment.isoformat() if item.last_assessment else "never"
            rows.append([due, item.name, item.state, item.security_level.label, last])
            colours.append(OVERDUE_COLOUR if item.is_overdue(today) else DUE_SOON_COLOUR)
        self._fill(rows, colours, "No security reassessment is due.")
