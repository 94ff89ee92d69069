"""Read-only lists on the dashboard: plan items overdue or due this week, reassessments due, directive progress."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Generic, TypeVar

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop.domain.figures import DirectiveProgress
from desktop.domain.records import PlanItem
from desktop.services.plans import Deadline, ReassessmentDue, deadline_of
from desktop.ui.palette import colour
from desktop.ui.theme import on_theme_change
from desktop.ui.translated import QT_TRANSLATE_NOOP, choice_label, show_date, translate

Item = TypeVar("Item")


class _ReadOnlyTable(QTableWidget, Generic[Item]):
    """A table of `headers` with one coloured row per item (`row_of` names its background in desktop.ui.palette),
    or `empty_text` when there is none; coloured again after a change of theme."""

    headers: tuple[str, ...] = ()
    empty_text = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.headers), parent)
        self.setHorizontalHeaderLabels([translate("DeadlineTables", h) for h in self.headers])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it): no keyboard trap
        self._shown: tuple[Sequence[Item], date] | None = None
        on_theme_change(self, self._show_again, now=False)

    def _show_again(self) -> None:
        if self._shown is not None:
            self.show_items(*self._shown)

    def row_of(self, item: Item, today: date) -> tuple[list[str], str]:
        raise NotImplementedError

    def show_items(self, items: Sequence[Item], today: date) -> None:
        self._shown = (items, today)
        rows = [self.row_of(item, today) for item in items]
        self.setRowCount(0)
        if not rows:
            self.setRowCount(1)
            self.setItem(0, 0, QTableWidgetItem(translate("DeadlineTables", self.empty_text)))
            self.setSpan(0, 0, 1, self.columnCount())
            return
        self.clearSpans()
        self.setRowCount(len(rows))
        for row, (cells, background) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if background:
                    item.setBackground(QBrush(colour(background)))
                    item.setForeground(QBrush(colour("row_text")))
                self.setItem(row, column, item)


class DeadlineTable(_ReadOnlyTable[PlanItem]):
    """Open plan items overdue (red) or due this week (yellow), earliest first."""

    headers = (
        QT_TRANSLATE_NOOP("DeadlineTables", "Due"),
        QT_TRANSLATE_NOOP("DeadlineTables", "Plan item"),
        QT_TRANSLATE_NOOP("DeadlineTables", "Facility"),
        QT_TRANSLATE_NOOP("DeadlineTables", "Owner"),
        QT_TRANSLATE_NOOP("DeadlineTables", "Status"),
    )
    empty_text = QT_TRANSLATE_NOOP("DeadlineTables", "No plan item is overdue or due this week.")

    def row_of(self, item: PlanItem, today: date) -> tuple[list[str], str]:
        state = deadline_of(item, today)
        due = show_date(item.due_date)
        if state is Deadline.OVERDUE and item.due_date:
            due += self.tr(" ({days} d late)").format(days=(today - item.due_date).days)
        cells = [
            due,
            item.description,
            item.facility_name or self.tr("All facilities"),
            item.owner,
            choice_label(item.status),
        ]
        return cells, "overdue_background" if state is Deadline.OVERDUE else "due_soon_background"


class ReassessmentTable(_ReadOnlyTable[ReassessmentDue]):
    """Facilities whose ISC reassessment is overdue (red) or falls due soon (yellow)."""

    headers = (
        QT_TRANSLATE_NOOP("DeadlineTables", "Due"),
        QT_TRANSLATE_NOOP("DeadlineTables", "Facility"),
        QT_TRANSLATE_NOOP("DeadlineTables", "State"),
        "FSL",
        QT_TRANSLATE_NOOP("DeadlineTables", "Last assessment"),
    )
    empty_text = QT_TRANSLATE_NOOP("DeadlineTables", "No security reassessment is due.")

    def row_of(self, item: ReassessmentDue, today: date) -> tuple[list[str], str]:
        due = show_date(item.due_on) if item.due_on else self.tr("now (never assessed)")
        last = show_date(item.last_assessment) if item.last_assessment else self.tr("never")
        cells = [due, item.name, item.state, choice_label(item.security_level), last]
        return cells, "overdue_background" if item.is_overdue(today) else "due_soon_background"


class DirectiveTable(_ReadOnlyTable[DirectiveProgress]):
    """Every directive with its deadline and the progress of its plan items; overdue ones red."""

    headers = (
        QT_TRANSLATE_NOOP("DeadlineTables", "Deadline"),
        QT_TRANSLATE_NOOP("DeadlineTables", "Directive"),
        QT_TRANSLATE_NOOP("DeadlineTables", "Progress"),
    )
    empty_text = QT_TRANSLATE_NOOP("DeadlineTables", "No directive is recorded.")

    def row_of(self, item: DirectiveProgress, today: date) -> tuple[list[str], str]:
        deadline = show_date(item.deadline) if item.deadline else self.tr("none")
        overdue = item.is_overdue(today)
        if overdue and item.deadline:
            deadline += self.tr(" ({days} d late)").format(days=(today - item.deadline).days)
        return [deadline, item.title, item.text], "overdue_background" if overdue else ""
