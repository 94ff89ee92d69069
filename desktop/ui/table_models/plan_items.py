"""PlanItemTableModel: security plan items; overdue rows red, rows due within a week amber."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject

from desktop.domain.kinds import RecordKind
from desktop.domain.queries import PlanItemFilter
from desktop.domain.records import PlanItem
from desktop.services.plans import Deadline, deadline_of
from desktop.ui.palette import colour
from desktop.ui.table_models.columns import Column
from desktop.ui.table_models.paged import PagedTableModel
from desktop.ui.translated import QT_TRANSLATE_NOOP, choice_label, show_date, translate

ROW_BACKGROUNDS = {Deadline.OVERDUE: "overdue_background", Deadline.DUE_THIS_WEEK: "due_soon_background"}
ROW_MARKS = {Deadline.OVERDUE: "overdue_mark", Deadline.DUE_THIS_WEEK: "due_soon_mark"}
ALL_FACILITIES = QT_TRANSLATE_NOOP("PlanItems", "All facilities")
DEADLINE_COLUMN = 1


def facility_text(item: PlanItem) -> str:
    return item.facility_name if item.facility_uuid else translate("PlanItems", ALL_FACILITIES)


def status_tip(item: PlanItem) -> str:
    if item.risk_rationale:
        return f"{choice_label(item.status)}: {item.risk_rationale}"
    return choice_label(item.status)


def description_tip(item: PlanItem) -> str:
    return (
        translate("PlanItems", "{description}\n\nNotes: {notes}").format(description=item.description, notes=item.notes)
        if item.notes
        else item.description
    )


def duration(days: int) -> str:
    """Days for people: "3 days", "5 weeks", "7 months", "6 years" (rounded down), in the UI's language (English
    singular and plural sources chosen here, whole literal calls for lupdate, %Ln for the number)."""
    if days < 21:
        return (
            translate("PlanItems", "%Ln day", None, days)
            if days == 1
            else translate("PlanItems", "%Ln days", None, days)
        )
    if days < 91:
        weeks = days // 7
        return translate("PlanItems", "%Ln weeks", None, weeks)  # 3 to 12
    if days < 730:
        months = days // 30
        return translate("PlanItems", "%Ln months", None, months)  # 3 to 24
    years = days // 365
    return translate("PlanItems", "%Ln years", None, years)  # 2 or more


class PlanItemTableModel(PagedTableModel[PlanItem]):
    kind = RecordKind.PLAN_ITEM
    default_sort = ("due_date", False)
    columns: tuple[Column[Any], ...] = ()  # set in __init__: the deadline column needs `today`

    def __init__(self, service: Any, parent: QObject | None = None, *, today: Callable[[], date] = date.today,
                 **options: int) -> None:  # fmt: skip
        self.today = today
        self.columns = (
            Column(self.tr("Due"), lambda p: show_date(p.due_date), "due_date", width_chars=11),
            Column(self.tr("Deadline"), self.deadline_text, None, width_chars=22),
            Column(
                self.tr("Description"),
                lambda p: p.description,
                "description",
                description_tip,
                width_chars=48,
                stretch=True,
            ),
            Column(self.tr("Facility"), facility_text, "facility", width_chars=28),
            Column(self.tr("Owner"), lambda p: p.owner, "owner", width_chars=40),
            Column(self.tr("Status"), lambda p: choice_label(p.status), "status", status_tip, width_chars=14),
            Column(self.tr("Directive"), lambda p: p.directive_title, None, width_chars=32),
        )
        super().__init__(service, parent, **options)

    def empty_filter(self) -> PlanItemFilter:
        return PlanItemFilter()

    def deadline(self, item: PlanItem) -> Deadline:
        return deadline_of(item, self.today())

    def deadline_text(self, item: PlanItem) -> str:
        if item.due_date is None or item.status.is_done:
            return ""
        left = (item.due_date - self.today()).days
        if left < 0:
            return self.tr("overdue by {duration}").format(duration=duration(-left))
        if left == 0:
            return self.tr("due today")
        return self.tr("due in {duration}").format(duration=duration(left))

    def background(self, record: PlanItem) -> Any:
        name = ROW_BACKGROUNDS.get(self.deadline(record))
        return colour(name) if name else None

    def decoration(self, record: PlanItem, column: int) -> Any:
        """A coloured mark in the deadline column, visible also when the row is selected."""
        if column != DEADLINE_COLUMN:
            return None
        name = ROW_MARKS.get(self.deadline(record))
        return colour(name) if name else None

    def foreground(self, record: PlanItem, column: int) -> Any:
        return colour("row_text") if self.deadline(record) is not Deadline.NONE else None
