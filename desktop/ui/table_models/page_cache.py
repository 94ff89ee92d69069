"""The pages of a record table read when the view first shows them (a few per event-loop turn), kept least recently
used first out, read backwards from the end past the middle; on a server in a worker thread."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QTimer
from sqlalchemy.exc import SQLAlchemyError

from desktop.domain.errors import StorageError
from desktop.domain.queries import Page
from desktop.ui.background_reads import BackgroundReads

R = TypeVar("R")
PAGES_PER_TICK = 3  # pages fetched per event-loop turn while the view scrolls
FETCH_ERRORS = (SQLAlchemyError, StorageError, OSError)


class OnDemandPages(Generic[R]):
    """The paging half of PagedTableModel (which owns the state below and the Qt model it updates)."""

    page_size: int
    max_cached_pages: int
    where: Any
    sort_key: str
    descending: bool
    columns: tuple[Any, ...]
    fetches: int
    loading: bool
    service_provider: Callable[[], Any]
    dataChanged: Any  # the Qt model's signal
    _count: int
    _generation: int
    _pages: OrderedDict[int, list[R]]
    _wanted: list[int]
    _in_flight: set[int]
    _fetch_timer: QTimer

    # PagedTableModel's (and QAbstractTableModel's, first in its bases), used here
    def index(self, row: int, column: int) -> Any:
        raise NotImplementedError

    def in_background(self) -> bool:
        raise NotImplementedError

    def background_reads(self) -> BackgroundReads:
        raise NotImplementedError

    def read_companion(self, service: Any, rows: list[R]) -> Any:
        raise NotImplementedError

    def keep_companion(self, rows: list[R], companion: Any) -> None:
        raise NotImplementedError

    def _report(self, error: Exception) -> None:
        raise NotImplementedError

    @property
    def service(self) -> Any:
        return self.service_provider()

    def record_at(self, row: int) -> R | None:
        """The record shown in `row`, read now if its page is not cached."""
        if not 0 <= row < self._count:
            return None
        number = row // self.page_size
        if number not in self._pages:
            self._load(number)
        return self._cached(row, want=False)

    def row_of(self, uuid: str) -> int | None:
        """The row of a record among the cached pages (None when it is not shown or not cached)."""
        for number, rows in self._pages.items():
            for position, record in enumerate(rows):
                if getattr(record, "uuid", None) == uuid:
                    return number * self.page_size + position
        return None

    def cached_pages(self) -> list[int]:
        return sorted(self._pages)

    def fetch_pending(self) -> None:
        """Fetch every page the view has asked for now (tests; normally the event loop does it)."""
        while self._wanted:
            self._fetch_wanted()

    # ---- paging ------------------------------------------------------------------------------------------
    def _cached(self, row: int, *, want: bool = True) -> R | None:
        number, position = divmod(row, self.page_size)
        rows = self._pages.get(number)
        if rows is None:
            if want and 0 <= row < self._count:
                self._want(number)
            return None
        self._pages.move_to_end(number)
        return rows[position] if position < len(rows) else None

    def _want(self, number: int) -> None:
        if number in self._wanted:
            self._wanted.remove(number)
        self._wanted.append(number)  # most recently asked for last: fetched first
        self._fetch_timer.start()

    def _fetch_wanted(self) -> None:
        wanted, self._wanted = self._wanted[-PAGES_PER_TICK:], []  # older wishes: asked again if still in view
        if self.in_background():  # while a refresh is read, the view asks again when its rows are in
            for number in reversed(wanted):
                if not self.loading and number not in self._pages and number not in self._in_flight:
                    self._load_in_background(number)
            return
        for number in reversed(wanted):
            if number not in self._pages and self._load(number):
                self._page_changed(number)

    def _load(self, number: int) -> bool:
        try:
            self._store_page(number, self._read(number * self.page_size, self.page_size))
        except FETCH_ERRORS as error:
            self._report(error)
            return False
        return True

    def _store_page(self, number: int, rows: list[R]) -> None:
        """Keep page `number`; the least recently used pages go past `max_cached_pages`."""
        self._pages[number] = rows
        while len(self._pages) > self.max_cached_pages:
            self._pages.popitem(last=False)

    def _page_changed(self, number: int) -> None:
        first = number * self.page_size
        last = min(self._count, first + self.page_size) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    def _load_in_background(self, number: int) -> None:
        service, where, generation = self.service, self.where, self._generation
        page, backwards = self._page_of(number * self.page_size, self.page_size)
        self._in_flight.add(number)

        def read() -> tuple[list[R], Any]:
            rows = list(service.page(where, page))
            rows = rows[::-1] if backwards else rows
            return rows, self.read_companion(service, rows)

        def done(result: tuple[list[R], Any]) -> None:
            if generation != self._generation:
                return
            rows, companion = result
            self._in_flight.discard(number)
            self.keep_companion(rows, companion)
            self._store_page(number, rows)
            self._page_changed(number)

        def failed(error: Exception) -> None:
            if generation == self._generation:
                self._in_flight.discard(number)
                self._report(error)

        self.fetches += 1
        self.background_reads().run(read, done, failed)

    def _page_of(self, offset: int, limit: int) -> tuple[Page, bool]:
        """The Page to ask for, and whether it comes backwards: past the middle a page is read from the end in
        the opposite order (a small OFFSET)."""
        limit = limit if offset == 0 else max(0, min(limit, self._count - offset))
        if offset > 0 and offset + limit > self._count // 2 and limit > 0:
            from_end = max(0, self._count - offset - limit)
            return Page(from_end, limit, self.sort_key, not self.descending), True
        return Page(offset, limit, self.sort_key, self.descending), False

    def _read(self, offset: int, limit: int) -> list[R]:
        """One page, read now, with what subclasses read beside it."""
        self.fetches += 1
        page, backwards = self._page_of(offset, limit)
        rows = list(self.service.page(self.where, page))
        rows = rows[::-1] if backwards else rows
        self.keep_companion(rows, self.read_companion(self.service, rows))
        return rows
