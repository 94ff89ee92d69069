"""DirectiveTableModel: directives with their scope in words and the progress of their plan items; overdue in red."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from desktop.domain.enums import DirectiveScope
from desktop.domain.figures import DirectiveProgress
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import DirectiveFilter
from desktop.domain.records import Directive
from desktop.ui.palette import colour
from desktop.ui.table_models.columns import Column
from desktop.ui.table_models.paged import PagedTableModel
from desktop.ui.translated import choice_label, show_date, translate

PROGRESS_COLUMN = 5


def scope_text(directive: Directive) -> str:
    """The facilities a directive reaches, for people: "All facilities", "ICE ERO, ICE HSI facilities", a name."""
    if directive.scope is DirectiveScope.FACILITY:
        return directive.scope_facility_name or translate("Directives", "(no facility chosen)")
    if directive.scope is DirectiveScope.AGENCY:
        return ", ".join(choice_label(a) for a in directive.scope_agencies) + " facilities"
    if directive.scope is DirectiveScope.FACILITY_TYPE:
        return ", ".join(choice_label(t) for t in directive.scope_facility_types)
    return translate("Directives", "All facilities")


def _day(day: date | None) -> str:
    return show_date(day)


def title_tip(directive: Directive) -> str:
    parts = [directive.title]
    if directive.source_reference:
        parts.append(
            translate("Directives", "Source: {source_reference}").format(source_reference=directive.source_reference)
        )
    if directive.notes:
        parts.append(translate("Directives", "Notes: {notes}").format(notes=directive.notes))
    return "\n\n".join(parts)


class DirectiveTableModel(PagedTableModel[Directive]):
    """Each page's progress (plan items implemented of all, overdue) is read with the page, in one query."""

    kind = RecordKind.DIRECTIVE
    default_sort = ("issued_on", True)
    columns: tuple[Column[Any], ...] = ()  # set in __init__: the progress columns need the model

    def __init__(self, service: Any, parent: QObject | None = None, *, today: Callable[[], date] = date.today,
                 **options: int) -> None:  # fmt: skip
        self.today = today
        self.progress: dict[str, DirectiveProgress] = {}
        self.columns = (
            Column(self.tr("Title"), lambda d: d.title, "title", title_tip, width_chars=44, stretch=True),
            Column(self.tr("Issuing office"), lambda d: d.issuing_office, "issuing_office", width_chars=26),
            Column(self.tr("Issued"), lambda d: _day(d.issued_on), "issued_on", width_chars=11),
            Column(self.tr("Deadline"), lambda d: _day(d.deadline), "deadline", width_chars=11),
            Column(self.tr("Scope"), scope_text, None, width_chars=28),
            Column(self.tr("Progress"), self.progress_text, None, self.progress_tip, width_chars=20),
        )
        super().__init__(service, parent, **options)

    def empty_filter(self) -> DirectiveFilter:
        return DirectiveFilter()

    def read_companion(self, service: Any, rows: list[Directive]) -> Any:
        """The progress of a page's directives."""
        return service.progress([d.uuid for d in rows]) if rows else []

    def keep_companion(self, rows: list[Directive], companion: Any) -> None:
        self.progress.update((p.directive_uuid, p) for p in companion)

    def refresh(self, *, recount: bool = True) -> None:
        self.progress.clear()  # plan items may have changed: read again with the pages
        super().refresh(recount=recount)

    def progress_of(self, directive: Directive) -> DirectiveProgress | None:
        return self.progress.get(directive.uuid)

    def is_overdue(self, directive: Directive) -> bool:
        progress = self.progress_of(directive)
        return progress is not None and progress.is_overdue(self.today())

    def progress_text(self, directive: Directive) -> str:
        progress = self.progress_of(directive)
        if progress is None:
            return ""
        overdue = " — " + self.tr("overdue") if progress.is_overdue(self.today()) else ""  # not by colour alone
        return progress.text + overdue

    def progress_tip(self, directive: Directive) -> str:
        progress = self.progress_of(directive)
        if progress is None:
            return ""
        tip = self.tr("{implemented} of {total} plan items implemented or with the risk accepted").format(
            implemented=progress.implemented, total=progress.total
        )
        if progress.is_overdue(self.today()):
            tip += self.tr("; the deadline {day} has passed").format(day=_day(directive.deadline))
        return tip

    def background(self, record: Directive) -> Any:
        return colour("overdue_background") if self.is_overdue(record) else None

    def foreground(self, record: Directive, column: int) -> Any:
        return colour("row_text") if self.is_overdue(record) else None

    def decoration(self, record: Directive, column: int) -> QColor | None:
        return colour("overdue_mark") if column == PROGRESS_COLUMN and self.is_overdue(record) else None
