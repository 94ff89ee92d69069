"""Which incident ids make up a page, fast on a million rows; the repository then loads just those rows.

Four strategies, all giving exactly the order of ORDER BY <key>, id LIMIT/OFFSET:
- ids only: the page is chosen by a query that selects nothing but ids, so SQLite walks the sort
  index (key, id) and never reads a table row it skips (a deep OFFSET costs index steps only);
- scan first (SQLite, filtered first pages): read the first ids in sort order (8 times the page, then
  SCAN_ROWS) and keep those that pass the filter (a unique rowid lookup each); a broad filter (a
  common word, a state) fills the page from them at once. Otherwise SQLite's planner reads the
  filter's own index and sorts the few rows that match, which is what it is good at;
- a search alone, one FTS5 expression answers (words, phrases, OR, case:, exclusions beside them): when
  it matches many rows (BROAD_SEARCH), the sort index is walked and each entry probed against the matches
  (no row is read); otherwise the matching rows are read and sorted. Any other search (state:tx, or
  exclusions only) is a filter like the others;
- ranked enumerations (severity, status sorted low < medium < high): one index range per member, in
  the enum's order, instead of sorting every row by a CASE expression.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Protocol

from sqlalchemy import Select, asc, desc, func, select
from sqlalchemy.orm import Session

from desktop.domain.enums import LabelledEnum
from desktop.domain.queries import IncidentFilter, Page
from desktop.persistence.models import IncidentRow

SCAN_ROWS = 10_000  # ids read in sort order when trying the scan-first strategy
SCAN_PAGE_END = 1_000  # scan first only for windows ending within the first rows
HEAD_FACTOR = 8  # first try this many times the rows wanted (enough for a filter passing 1 row in 8)

BROAD_SEARCH = 50_000  # a search matching this many incidents is read by walking the sort index


class IncidentQueries(Protocol):
    """What the pager needs of the incident repository."""

    def filtered(
        self, query: Select[Any], where: IncidentFilter, *, walk_sort_index: bool = False, probe: bool = False
    ) -> Select[Any]: ...

    def matches_at_least(self, text: str, count: int) -> bool: ...

    def fts_expression(self, text: str) -> str | None: ...

    def fts_seekable(self, text: str) -> bool: ...


class IncidentPager:
    def __init__(self, session: Session, queries: IncidentQueries, *, sqlite: bool) -> None:
        self.session = session
        self.queries = queries
        self.filtered = queries.filtered
        self.sqlite = sqlite

    def sorted_ids(
        self, where: IncidentFilter, page: Page, base: Select[Any], sort_column: Any, order: Sequence[Any]
    ) -> list[int]:
        """Ids of `page` ordered by `order` (the sort column, then id). `base` selects IncidentRow.id
        from whatever the sort column needs joined."""
        end = max(page.offset, 0) + max(page.limit, 0)
        if end == 0:
            return []
        search_alone = self.sqlite and self._search_alone(where)
        broad = self.sqlite and bool(where.text) and self.queries.matches_at_least(where.text, BROAD_SEARCH)
        if search_alone and broad and end <= SCAN_PAGE_END and self.queries.fts_seekable(where.text):
            found = self._scan_first(where, base, sort_column, order, page.descending, end, probe=True)
            if found is not None:
                return found[page.offset :]
        if self.sqlite and not where.is_empty and not search_alone and end <= SCAN_PAGE_END:
            found = self._scan_first(where, base, sort_column, order, page.descending, end, walk=broad)
            if found is not None:
                return found[page.offset :]
        query = self.filtered(base, where, walk_sort_index=broad)
        return list(self.session.scalars(query.order_by(*order).offset(max(page.offset, 0)).limit(page.limit)))

    def _search_alone(self, where: IncidentFilter) -> bool:
        """Only a search, and one the full-text index answers alone (SQLite)."""
        return replace(where, text="").is_empty and self.queries.fts_expression(where.text) is not None

    def _scan_first(
        self,
        where: IncidentFilter,
        base: Select[Any],
        sort_column: Any,
        order: Sequence[Any],
        descending: bool,
        end: int,
        *,
        walk: bool = False,
        probe: bool = False,
    ) -> list[int] | None:
        """The first `end` matching ids among the first rows in sort order (a few times `end`, then
        SCAN_ROWS), or None when they are not enough: a sparse filter, for which the caller lets
        the planner read the filter's own index instead. `probe`: a broad search alone whose FTS index
        is probed row by row (a seekable one-letter search), from twice `end` rows on."""
        direction = desc if descending else asc
        # A search or a weapon list is materialised anew by every attempt, which costs more than a long head.
        first = SCAN_ROWS if where.text or where.weapon_types else min(end * HEAD_FACTOR, SCAN_ROWS)
        attempts = [min(2 * end, SCAN_ROWS)] if probe else sorted({first, SCAN_ROWS})
        for rows in attempts:
            head = base.add_columns(sort_column.label("sort_value")).order_by(*order).limit(rows).subquery("head")
            # A correlated lookup by rowid: the planner cannot start from a filter index instead.
            inner = select(IncidentRow.id).where(IncidentRow.id == head.c.id)
            passes = self.filtered(inner, where, walk_sort_index=walk, probe=probe).exists()
            query = select(head.c.id).where(passes).order_by(direction(head.c.sort_value), direction(head.c.id))
            found = list(self.session.scalars(query.limit(end)))
            if len(found) == end:
                return found
        return None

    def ranked_ids(self, where: IncidentFilter, page: Page, column: Any, enum: type[LabelledEnum]) -> list[int]:
        """Ids of `page` sorted by `column` in the order of `enum`'s members (unknown values last
        ascending, first descending), then by id: one index range per member, skipping whole
        ranges by counting them."""
        segments = [column == member for member in enum]
        if column.expression.nullable:
            segments.append(column.is_(None))
        if page.descending:
            segments.reverse()
        skip, need, ids = max(page.offset, 0), max(page.limit, 0), []
        by_id = [IncidentRow.id.desc() if page.descending else IncidentRow.id.asc()]
        for segment in segments:
            if need == 0:
                break
            if skip:
                size = self.session.scalar(
                    self.filtered(select(func.count()).select_from(IncidentRow).where(segment), where)
                )
                if (size or 0) <= skip:
                    skip -= size or 0
                    continue
            window = Page(offset=skip, limit=need, descending=page.descending)
            found = self.sorted_ids(where, window, select(IncidentRow.id).where(segment), IncidentRow.id, by_id)
            ids += found
            need -= len(found)
            skip = 0
        return ids
