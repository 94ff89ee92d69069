"""PagedTableModel: a read-only table over a record service that fetches sorted, filtered pages on demand."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal

from desktop.domain.errors import ServerTimeoutError, ServerUnreachableError
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import Page
from desktop.persistence.opening import describe_error
from desktop.ui.background_reads import BackgroundReads
from desktop.ui.clipboard_guard import SENSITIVE_ROLE
from desktop.ui.table_models.columns import Column, column_title
from desktop.ui.table_models.page_cache import FETCH_ERRORS, OnDemandPages
from desktop.ui.translated import kind_plural, translate

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
MAX_CACHED_PAGES = 40  # 8,000 rows at the default page size
log = logging.getLogger(__name__)


class PagedTableModel(QAbstractTableModel, OnDemandPages[R]):
    """Rows are the records `service.page(where, Page(...))` returns; `rowCount` is `service.count(where)`.
    The service comes from `service_provider()` at every read, so that the model follows the session to
    another database (`clear()`, then `refresh()`).

    The first page is fetched with every refresh; other pages when the view first asks for one of their
    cells (on the next turn of the event loop, so that dragging the scroll bar does not fetch every page
    on the way). Only `max_cached_pages` pages are kept (least recently used go first). Pages in the second
    half are read in reverse sort order from the end, so that the last rows are as quick as the first.
    Subclasses set `kind`, `columns`, `default_sort` and `empty_filter()`."""

    counts_changed = Signal(int, int)  # rows matching the filter, all rows
    failed = Signal(str)  # a read failed (database gone, disk error); the text says why
    read_failed = Signal(object)  # the same failure, the exception itself (the server status follows it)
    refreshed = Signal()  # a refresh's first page and counts are in (at once on SQLite, later on a server)

    kind: ClassVar[RecordKind]
    columns: tuple[Column[Any], ...] = ()
    default_sort: ClassVar[tuple[str, bool]] = ("", False)  # sort key, descending

    def __init__(
        self,
        service_provider: Callable[[], Any],
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        max_cached_pages: int = MAX_CACHED_PAGES,
    ) -> None:
        super().__init__(parent)
        self.service_provider = service_provider
        self.page_size = max(1, page_size)
        self.max_cached_pages = max(2, max_cached_pages)
        self.where: Any = self.empty_filter()
        self.sort_key, self.descending = self.default_sort
        self._count = 0
        self._total: int | None = None
        self._pages: OrderedDict[int, list[R]] = OrderedDict()
        self._wanted: list[int] = []
        self.fetches = 0  # pages read from the service (for tests and the benchmark)
        self._fetch_timer = QTimer(self)
        self._fetch_timer.setSingleShot(True)
        self._fetch_timer.setInterval(0)
        self._fetch_timer.timeout.connect(self._fetch_wanted)
        self._reads: BackgroundReads | None = None  # a server's reads, off the GUI thread
        self._generation = 0  # bumped by every refresh: answers to older requests are dropped
        self._in_flight: set[int] = set()  # pages being read in the background
        self.loading = False  # a background refresh has not answered yet
        self.counting = False  # a server counts the rows the filter selects: rowCount is the first page's until then

    # ---- what subclasses describe ------------------------------------------------------------------------
    def empty_filter(self) -> Any:
        raise NotImplementedError

    def count_follows(self, where: Any) -> bool:
        """Whether on a server the first page of `where` is shown before its rows are counted (`counting`)."""
        return False

    def background(self, record: R) -> Any:
        """A QColor for the whole row, or None."""
        return None

    def foreground(self, record: R, column: int) -> Any:
        """A QColor for one cell's text, or None."""
        return None

    def decoration(self, record: R, column: int) -> Any:
        return None

    # ---- Qt model interface ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self._count else None
        if not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        title = column_title(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.header_tip:
                return translate("Column", column.header_tip)
            if column.sort_key:
                return self.tr("Sort by {title}").format(title=title.lower())
            return self.tr("{title} (not sortable)").format(title=title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if column.numeric else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self.columns):
            return None
        record = self._cached(index.row())
        if record is None:
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(record) if column.tooltip else (column.text(record) or None)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(record)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(record, index.column())
        if role == Qt.ItemDataRole.DecorationRole:
            return self.decoration(record, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return getattr(record, "uuid", None)
        if role == SENSITIVE_ROLE:
            return column.sensitive
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Header clicks: sort in SQL by the column's key (columns without a key keep the current order)."""
        if not 0 <= column < len(self.columns) or self.columns[column].sort_key is None:
            return
        key, descending = self.columns[column].sort_key or "", order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.refresh(recount=False)

    # ---- state the window uses ---------------------------------------------------------------------------
    @property
    def filtered_count(self) -> int:
        return self._count

    @property
    def total_count(self) -> int:
        return self._total if self._total is not None else self._count

    def sort_column(self) -> int:
        """The column showing the current sort key (-1 when none does)."""
        keys = [c.sort_key for c in self.columns]
        return keys.index(self.sort_key) if self.sort_key in keys else -1

    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder

    def set_filter(self, where: Any) -> None:
        if where != self.where:
            self.where = where
            self.refresh(recount=False)

    @property
    def service(self) -> Any:
        """The record service of the database shown now."""
        return self.service_provider()

    def clear(self) -> None:
        """No rows until the next refresh (after a switch to another database); reads nothing."""
        self.beginResetModel()
        self._pages.clear()
        self._wanted.clear()
        self._fetch_timer.stop()
        self._generation += 1
        self._in_flight.clear()
        self.loading = self.counting = False
        self._count, self._total = 0, None
        self.endResetModel()
        self.counts_changed.emit(0, 0)

    def in_background(self) -> bool:
        """Whether reads go to a worker thread: on a database server (a stalled server must not freeze the
        window); a local SQLite file answers in milliseconds, read at once."""
        try:
            database = getattr(self.service_provider(), "database", None)
        except Exception:  # no database open: nothing to read either way
            return False
        return database is not None and not database.is_sqlite

    def refresh(self, *, recount: bool = True) -> None:
        """Read the first page and the counts again (after a change, or with another filter or sort).
        `recount` also counts all rows again; a new filter or sort leaves that number as it was. On a server
        this returns at once (`loading`); the rows show as place holders until `refreshed`."""
        shown = (OrderedDict(self._pages), self._count, self._total)
        self.beginResetModel()
        self._pages.clear()
        self._wanted.clear()
        self._fetch_timer.stop()
        self._generation += 1
        self._in_flight.clear()
        if recount:
            self._total = None
        self.counting = False
        if self.in_background():
            self._refresh_in_background(shown)
            return
        try:
            first, count, total, companion = self._first_read(later=False)()
        except FETCH_ERRORS as error:
            self._count, self._total = 0, 0
            self._pages.clear()
            self.endResetModel()
            self._report(error)
            self.counts_changed.emit(0, 0)
            self.refreshed.emit()
            return
        self.fetches += 1
        self.keep_companion(first, companion)
        self._pages[0], self._count = first, len(first) if count is None else count
        self._total = self._total if total is None else total
        self.endResetModel()
        self.counts_changed.emit(self._count, self.total_count)
        self.refreshed.emit()

    def _refresh_in_background(self, shown: tuple[OrderedDict[int, list[R]], int, int | None]) -> None:
        """The model reset keeps the row count: the old rows show as place holders while the worker reads. When
        the server cannot be reached, the rows `shown` before come back (the window says they may be out of date)
        rather than an empty table that would look like an empty database."""
        self.loading = True
        self.endResetModel()
        generation = self._generation
        read = self._first_read(later=self.where != self.empty_filter() and self.count_follows(self.where))

        def done(result: tuple[list[R], int | None, int | None, Any]) -> None:
            if generation == self._generation:
                first, count, total, companion = result
                self.keep_companion(first, companion)
                self.counting = count is None
                self._refreshed(first, len(first) if count is None else count, total)
                if count is None:
                    self._count_in_background()

        def failed(error: Exception) -> None:
            if generation == self._generation:
                self.loading = False
                self.beginResetModel()
                self._count, self._total = 0, 0
                self._pages.clear()
                if isinstance(error, ServerUnreachableError | ServerTimeoutError):  # keep what was shown
                    self._pages, self._count, self._total = shown
                self.endResetModel()
                self._report(error)
                self.counts_changed.emit(self._count, self.total_count)
                self.refreshed.emit()

        self.fetches += 1
        self.background_reads().run(read, done, failed)

    def _first_read(self, *, later: bool) -> Callable[[], tuple[list[R], int | None, int | None, Any]]:
        """The reading of a refresh (run here, or in a worker: it touches no state of the model): the first page,
        the filter's count (None: `later`, or the page holds every row: its length), the total unless known, and
        what subclasses read beside the page."""
        service, where, size = self.service, self.where, self.page_size
        page, everything, total_known = Page(0, size, self.sort_key, self.descending), self.empty_filter(), self._total

        def read() -> tuple[list[R], int | None, int | None, Any]:
            first = list(service.page(where, page))
            count = len(first) if len(first) < size else None if later else int(service.count(where))
            total = None if total_known is not None else (count if where == everything else int(service.count(None)))
            return first, count, total, self.read_companion(service, first)

        return read

    def _refreshed(self, first: list[R], count: int, total: int | None) -> None:
        self.loading = False
        self.beginResetModel()
        self._pages.clear()
        self._pages[0] = first
        self._count = count
        if total is not None:
            self._total = total
        self.endResetModel()
        self.counts_changed.emit(self._count, self.total_count)
        self.refreshed.emit()

    def _count_in_background(self) -> None:
        """Count the rows of the filter shown (its first page is in), then add the rows past the first page."""
        service, where, generation = self.service, self.where, self._generation

        def read() -> int | None:  # a newer refresh came before the count started: not counted at all
            return int(service.count(where)) if generation == self._generation else None

        def done(count: int | None) -> None:
            if count is not None and generation == self._generation:
                self.counting = False
                self._resize(count)
                self.counts_changed.emit(self._count, self.total_count)

        def failed(error: Exception) -> None:
            if generation == self._generation:
                self.counting = False
                self._report(error)
                self.counts_changed.emit(self._count, self.total_count)

        self.background_reads().run(read, done, failed)

    def background_reads(self) -> BackgroundReads:
        if self._reads is None:
            self._reads = BackgroundReads(self)
        return self._reads

    def reread(self, first_row: int, last_row: int, after: Callable[[], None] | None = None) -> None:
        """Read again, in place, the pages holding rows `first_row`..`last_row` (those in view) and the counts,
        after a change made elsewhere: no reset, so the view keeps its scroll position, selection and current
        row; the other cached pages are dropped (read again when scrolled to). Rows come or go at the end. On a
        server the reading is done in a worker and the rows change when it answers; then `after()`."""
        service, where, size, everything = self.service, self.where, self.page_size, self.empty_filter()
        generation = self._generation

        def read() -> tuple[int, int, dict[int, tuple[list[R], Any]]]:
            count = int(service.count(where))
            total = count if where == everything else int(service.count(None))
            last_page = max(0, (min(max(last_row, first_row), count - 1)) // size)
            pages = {}
            for number in range(max(0, first_row) // size, last_page + 1):
                rows = list(service.page(where, Page(number * size, size, self.sort_key, self.descending)))
                pages[number] = (rows, self.read_companion(service, rows))
            return count, total, pages

        def done(result: tuple[int, int, dict[int, tuple[list[R], Any]]]) -> None:
            if generation == self._generation:
                count, total, pages = result
                self.fetches += len(pages)
                for rows, companion in pages.values():
                    self.keep_companion(rows, companion)
                self._reread(count, total, {number: rows for number, (rows, _companion) in pages.items()})
                if after is not None:
                    after()

        if self.in_background():
            self.background_reads().run(read, done, self._report)
            return
        try:
            result = read()
        except FETCH_ERRORS as error:
            self._report(error)
            return
        done(result)

    def _resize(self, count: int) -> None:
        """`count` rows from now on: rows come or go at the end."""
        before = self._count
        if count > before:
            self.beginInsertRows(QModelIndex(), before, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < before:
            self.beginRemoveRows(QModelIndex(), count, before - 1)
            self._count = count
            self.endRemoveRows()

    def _reread(self, count: int, total: int, pages: dict[int, list[R]]) -> None:
        self.counting = False
        self._resize(count)
        self._total = total
        self._pages = OrderedDict(pages)
        self._wanted.clear()
        if count > 0:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(self.columns) - 1))
        self.counts_changed.emit(self._count, self.total_count)

    def read_companion(self, service: Any, rows: list[R]) -> Any:
        """What a subclass reads with each page (the incidents' last activity, the directives' progress); in a
        worker thread on a server, so it touches no state of the model."""
        return None

    def keep_companion(self, rows: list[R], companion: Any) -> None:
        """Keep what `read_companion` read, in the GUI thread."""

    def _report(self, error: Exception) -> None:
        log.warning("reading %s failed: %s", self.kind.plural, error)
        self.read_failed.emit(error)
        self.failed.emit(
            self.tr("Could not read the {records}: {error}").format(
                records=kind_plural(self.kind), error=describe_error(error)
            )
        )
