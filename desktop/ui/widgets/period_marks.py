"""Marks "possibly" in the incidents table's Occurred column while a period filter is set: a delegate, so that the
table model stays as it is."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem, QToolTip, QWidget

from desktop.domain.queries import IncidentFilter
from desktop.domain.records import Incident
from desktop.services.case_facts import POSSIBLY, POSSIBLY_MEANS, possibly_in_filter
from desktop.ui.table_models.paged import PagedTableModel

Index = QModelIndex | QPersistentModelIndex
OCCURRED_KEY = "occurred"


class PeriodMarkDelegate(QStyledItemDelegate):
    """Draws the Occurred cell of an incident the period filter selects only possibly (its date is approximate
    or reaches outside the period) as "2019-08 · possibly", in italics, and says why in its tooltip."""

    def __init__(self, model: PagedTableModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def _record(self, index: Index) -> Incident | None:
        if index.data(Qt.ItemDataRole.DisplayRole) is None:  # its page is not read yet: nothing to mark
            return None
        record = self.model.record_at(index.row())  # cached: the display text came from it
        return record if isinstance(record, Incident) else None

    def is_possibly(self, index: Index) -> bool:
        where = self.model.where
        record = self._record(index)
        return isinstance(where, IncidentFilter) and record is not None and possibly_in_filter(record, where)

    def display_text(self, index: Index) -> str:
        """What the cell shows: the date, with " · possibly" when it only possibly lies in the period."""
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        return f"{text} · {POSSIBLY}" if self.is_possibly(index) else text

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if self.is_possibly(index):
            option.text = self.display_text(index)
            option.font.setItalic(True)

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: Index) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.is_possibly(index):
            tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
            QToolTip.showText(event.globalPos(), f"{tip}\n{POSSIBLY_MEANS}".strip(), view)
            return True
        return super().helpEvent(event, view, option, index)


def occurred_column(model: QAbstractItemModel) -> int:
    """The column of the incidents' occurred date (-1 without one)."""
    columns = getattr(model, "columns", ())
    return next((n for n, column in enumerate(columns) if column.sort_key == OCCURRED_KEY), -1)


def mark_possible_dates(view: QAbstractItemView, model: PagedTableModel[Any]) -> PeriodMarkDelegate | None:
    """Give the Occurred column of `view` (over the incidents `model`) the "possibly" marks."""
    column = occurred_column(model)
    if column < 0:
        return None
    delegate = PeriodMarkDelegate(model, view)
    view.setItemDelegateForColumn(column, delegate)
    return delegate
