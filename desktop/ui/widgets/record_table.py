"""RecordTable: the table view of a paged record model (row selection, header sorting in SQL, Enter to edit)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.ui.table_models.columns import column_title
from desktop.ui.table_models.paged import PagedTableModel
from desktop.ui.translated import kind_heading_plural

ROW_PADDING = 10


class RecordTable(QTableView):
    """Whole-row single selection; a header click sorts through the model (columns without a sort key
    keep the current order); Enter/Return or a double click emits `edit_requested`; files dropped on a row emit
    `files_dropped(uuid, paths)` (to attach them to its record)."""

    edit_requested = Signal()
    files_dropped = Signal(str, list)  # the record's uuid, the local paths dropped on its row

    def __init__(self, model: PagedTableModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{model.kind.key}_table")
        self.setAccessibleName(kind_heading_plural(model.kind))
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
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
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
            title = bold.horizontalAdvance(column_title(column)) + 3 * ROW_PADDING  # room for the sort arrow
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

    # ---- files dropped on a row -------------------------------------------------------------------------
    def _dropped_on(self, event: QDropEvent) -> tuple[str, list[Path]] | None:
        mime = event.mimeData()
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []
        index = self.indexAt(event.position().toPoint())
        record = self.paged_model.record_at(index.row()) if paths and index.isValid() else None
        uuid = getattr(record, "uuid", "") if record is not None else ""
        return (uuid, paths) if uuid else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() and any(url.isLocalFile() for url in mime.urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._dropped_on(event) is not None:
            self.select_row(self.indexAt(event.position().toPoint()).row(), scroll=False)
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        dropped = self._dropped_on(event)
        if dropped is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.select_row(self.indexAt(event.position().toPoint()).row(), scroll=False)
        uuid, paths = dropped
        QTimer.singleShot(0, lambda: self.files_dropped.emit(uuid, paths))  # after the drag's own loop

    def index_of_row(self, row: int) -> QModelIndex:
        return self.paged_model.index(row, 0)
