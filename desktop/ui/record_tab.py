"""RecordTab: one tab of the main window: a filter bar over a paged table of one record kind."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.domain.kinds import RecordKind
from desktop.ui.table_models.paged import PagedTableModel
from desktop.ui.widgets.empty_state import Choice, EmptyState
from desktop.ui.widgets.filter_bar import FilterBar
from desktop.ui.widgets.record_table import RecordTable
from desktop.ui.window_texts import empty_text


class RecordTab(QWidget):
    """The filter bar drives the model's filter; the table shows the model; `counts_changed` passes on
    (filtered, total) for the status bar. Without rows the table gives way to `empty_state`: what to do
    when there are no records (`set_empty_choices`), or Clear filters when the filters hide them all."""

    counts_changed = Signal(int, int)

    def __init__(self, key: str, title: str, model: PagedTableModel[Any], filter_bar: FilterBar,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName(f"{key}_tab")
        self.key = key
        self.title = title
        self.model = model
        self.filter_bar = filter_bar
        model.setParent(self)
        filter_bar.setParent(self)
        self.table = RecordTable(model, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(filter_bar)
        layout.addWidget(self.table, 1)
        self.empty_state = EmptyState(self)
        self.empty_state.hide()
        layout.addWidget(self.empty_state, 1)
        self._empty_text = empty_text(model.kind)
        self._empty_choices: list[Choice] = []
        self._stale = False
        self._pending_select: str | None = None
        filter_bar.changed.connect(self.apply_filter)
        model.counts_changed.connect(self.counts_changed)
        model.counts_changed.connect(self._show_empty_state)
        self._after_refresh: tuple[str | None, int | None, str | None, int] | None = None
        model.refreshed.connect(self._refreshed)

    def set_empty_choices(self, text: str, choices: Sequence[Choice]) -> None:
        """What the tab offers when the database has no records of its kind."""
        self._empty_text, self._empty_choices = text, list(choices)
        self._show_empty_state(self.model.filtered_count, self.model.total_count)

    def _show_empty_state(self, filtered: int, total: int) -> None:
        if filtered > 0:
            self.empty_state.hide()
            self.table.show()
            return
        if total > 0:
            choices: list[Choice] = [(self.tr("Clear filters"), self.clear_filters)]
            self.empty_state.show_choices(self.tr("No records match the filters."), choices)
        else:
            self.empty_state.show_choices(self._empty_text, self._empty_choices)
        focused = self.table.hasFocus()
        self.table.hide()
        self.empty_state.show()
        if focused and self.empty_state.buttons:
            self.empty_state.buttons[0].setFocus()

    def clear_filters(self) -> None:
        """No filter: the widgets' and any set from elsewhere (an incident's plan items)."""
        self.filter_bar.clear()  # applies the change, if the widgets showed a filter
        if self.model.where != self.filter_bar.empty():  # one the widgets do not show
            self.apply_filter(self.filter_bar.empty())

    @property
    def kind(self) -> RecordKind:
        return self.model.kind

    def apply_filter(self, where: Any) -> None:
        if not self.isVisible():
            self.model.where = where  # read when shown
            self._stale = True
            return
        uuid = self.table.current_uuid()
        self.model.set_filter(where)
        self.table.scrollToTop()
        if uuid is not None:
            self.table.select_uuid(uuid, scroll=False)

    def refresh(self, *, select: str | None = None, force: bool = False) -> None:
        """Read the records again, keeping the scroll position and the selected record where possible
        (or selecting `select`, a uuid, when it is among the rows read). A hidden tab only notes that it
        is out of date and reads when it is shown (unless `force`)."""
        if not force and not self.isVisible():
            self._stale = True
            self._pending_select = select or self._pending_select
            return
        self._stale, select, self._pending_select = False, select or self._pending_select, None
        wanted = select or self.table.current_uuid()
        row = self.table.current_row()
        scroll = self.table.verticalScrollBar().value()
        self.model.refresh()
        if self.model.loading:  # a server answers in the background: select when the rows are in
            self._after_refresh = (wanted, row, select, scroll)
            return
        self._reselect(wanted, row, select, scroll)

    def _refreshed(self) -> None:
        if self._after_refresh is not None:
            after, self._after_refresh = self._after_refresh, None
            self._reselect(*after)

    def _reselect(self, wanted: str | None, row: int | None, select: str | None, scroll: int) -> None:
        self.table.verticalScrollBar().setValue(scroll)
        near = wanted and row is not None and select is None and self.model.row_of(wanted) is None
        if near and row is not None and not self.model.in_background():  # a server's page: never waited for
            self.model.record_at(row)  # read the page where the record was, it is probably still there
        if wanted and self.table.select_uuid(wanted, scroll=select is not None):
            return
        if row is not None and select is None and self.model.rowCount() > 0:
            self.table.select_row(min(row, self.model.rowCount() - 1), scroll=False)

    def refresh_in_place(self) -> None:
        """Another analyst changed records: read the rows in view again without a reset (the scroll position,
        the selected record and the current row stay; the selection follows its record when it moved among the
        rows read). A hidden tab reads when it is shown."""
        if not self.isVisible():
            self._stale = True
            return
        if self.table.isHidden():  # the empty state: the first rows may have arrived
            self.refresh()
            return
        uuid = self.table.current_uuid()
        viewport = self.table.viewport().height()
        first = max(0, self.table.rowAt(0))
        last = self.table.rowAt(viewport - 1)

        def follow() -> None:  # the selected record may have moved among the rows read
            if uuid is not None and self.table.current_uuid() != uuid:
                self.table.select_uuid(uuid, scroll=False)

        self.model.reread(
            first, last if last >= 0 else first + viewport // max(1, self.table.rowHeight(0) or 20), follow
        )

    @property
    def is_stale(self) -> bool:
        return self._stale

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def reset(self) -> None:
        """Another database: no filter, forget the rows now, read them (when shown)."""
        self.model.clear()
        self.filter_bar.reset_silently()
        self.model.where = self.model.empty_filter()
        self.table.scrollToTop()
        self.refresh()

    def selected_record(self) -> Any:
        row = self.table.current_row()
        return self.model.record_at(row) if row is not None else None
