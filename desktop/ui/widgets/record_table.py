"""RecordTable: the table view of a paged record model (row selection, header sorting in SQL, Enter to edit)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.ui.table_models.paged import PagedTableModel

ROW_PADDING = 10


class RecordTable(QTableView):
    """Whole-row single selection; a header click sorts through the model (columns without a sort key
    keep the current order); Enter/Return or a double click emits `edit_requested`."""

    edit_requested = Signal()

    def __init__(self, model: PagedTableModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{model.kind.key}_table")
        self.setModel(model)
        self.paged_model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setShowGrid(False)
        self.setCornerButtonEnabled(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setTabKeyNavigation(False)
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row size hints over a million rows
        vertical.setDefaultSectionSize(self.fontMetrics().height() + ROW_PADDING)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        self.set_default_widths()
        self._show_model_sort()
        header.sortIndicatorChanged.connect(self._sort_requested)
        self.doubleClicked.connect(lambda _index: self.edit_requested.emit())
        model.modelReset.connect(self._show_model_sort)

    def set_default_widths(self) -> None:
        """First widths from the columns' descriptions; a stretching column takes the remaining width."""
        advance = self.fontMetrics().horizontalAdvance("x")
        header = self.horizontalHeader()
        bold = header.fontMetrics()
        stretches = any(column.stretch for column in self.paged_model.columns)
        header.setStretchLastSection(not stretches)
        for number, column in enumerate(self.paged_model.columns):
            title = bold.horizontalAdvance(column.title) + 3 * ROW_PADDING  # room for the sort arrow
            self.setColumnWidth(number, max(column.width_chars * advance + ROW_PADDING, title))
            mode = QHeaderView.ResizeMode.Stretch if column.stretch else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(number, mode)

    # ---- sorting ----------------------------------------------------------------------------------------
    def _show_model_sort(self) -> None:
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.paged_model.sort_column(), self.paged_model.sort_order())
        header.blockSignals(False)

    def _sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        if 0 <= column < len(self.paged_model.columns) and self.paged_model.columns[column].sort_key:
            uuid = self.current_uuid()
            self.paged_model.sort(column, order)
            self.scrollToTop()
            if uuid:
                self.select_uuid(uuid, scroll=False)
        self._show_model_sort()  # a column without a sort key leaves the indicator where the order comes from

    # ---- header state -----------------------------------------------------------------------------------
    def save_header(self) -> QByteArray:
        return self.horizontalHeader().saveState()

    def restore_header(self, state: QByteArray | None) -> bool:
        """Column widths, order and the sort (which is applied to the model)."""
        header = self.horizontalHeader()
        if state is None:
            return False
        header.blockSignals(True)
        restored = header.restoreState(state)
        header.blockSignals(False)
        if restored and header.count() == len(self.paged_model.columns):
            self.paged_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        else:
            self.set_default_widths()
        self._show_model_sort()
        return restored

    # ---- selection --------------------------------------------------------------------------------------
    def current_row(self) -> int | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if rows:
            return rows[0].row()
        index = self.currentIndex()
        return index.row() if index.isValid() else None

    def current_uuid(self) -> str | None:
        row = self.current_row()
        if row is None:
            return None
        record = self.paged_model.record_at(row)
        return getattr(record, "uuid", None) if record is not None else None

    def select_row(self, row: int, *, scroll: bool = True) -> None:
        if not 0 <= row < self.paged_model.rowCount():
            return
        index = self.paged_model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().setCurrentIndex(index, flags)
        if scroll:
            self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def select_uuid(self, uuid: str, *, scroll: bool = True) -> bool:
        row = self.paged_model.row_of(uuid)
        if row is None:
            return False
        self.select_row(row, scroll=scroll)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            if self.current_row() is not None:
                self.edit_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def index_of_row(self, row: int) -> QModelIndex:
        return self.paged_model.index(row, 0)
