"""FacilityTableModel: facilities with agency, type, place, security level and ISC reassessment date."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from desktop.domain.enums import OperatorKind, SecurityLevel
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import FacilityFilter
from desktop.domain.records import Facility
from desktop.ui.palette import colour
from desktop.ui.table_models.columns import Column
from desktop.ui.table_models.paged import PagedTableModel
from desktop.ui.translated import QT_TRANSLATE_NOOP, choice_label, show_date, translate


def reassessment_text(facility: Facility) -> str:
    if facility.security_level in (None, SecurityLevel.UNKNOWN):
        return ""
    due = facility.reassessment_due
    return show_date(due) if due is not None else translate("Facilities", "never assessed")


def reassessment_marked(facility: Facility, today: date) -> str:
    """The reassessment date, with "overdue" when it has passed (the red colour is not all that says so)."""
    text = reassessment_text(facility)
    due = facility.reassessment_due
    overdue = due is not None and due < today and facility.security_level not in (None, SecurityLevel.UNKNOWN)
    return text + (" — " + QCoreApplication.translate("FacilityTableModel", "overdue") if overdue else "")


def level_text(facility: Facility) -> str:
    return choice_label(facility.security_level) if facility.security_level else ""


def level_tip(facility: Facility) -> str:
    if facility.security_level is None:
        return translate("Facilities", "Not assessed: no Facility Security Level recorded")
    if facility.security_level is SecurityLevel.UNKNOWN:
        return translate("Facilities", "Assessed, but the Facility Security Level is not known")
    return translate("Facilities", "Facility Security Level {choice_label}").format(
        choice_label=choice_label(facility.security_level)
    )


def operator_text(facility: Facility) -> str:
    """ "GEO Group (contractor)", "Government", or "" when not known."""
    if facility.operator is OperatorKind.UNKNOWN:
        return facility.operator_name
    kind = choice_label(facility.operator)
    return f"{facility.operator_name} ({kind.lower()})" if facility.operator_name else kind


def assessed_text(facility: Facility) -> str:
    return show_date(facility.last_assessment)


def reassessment_tip(facility: Facility) -> str:
    return translate("Facilities", "ISC cycle: reassess every 3 years at FSL III–V, every 5 years at FSL I–II")


class FacilityTableModel(PagedTableModel[Facility]):
    kind = RecordKind.FACILITY
    default_sort = ("name", False)
    REASSESSMENT_COLUMN = 7
    columns: tuple[Column[Any], ...] = (
        Column(QT_TRANSLATE_NOOP("Column", "Name"), lambda f: f.name, "name", width_chars=36, stretch=True),
        Column(QT_TRANSLATE_NOOP("Column", "Agency"), lambda f: choice_label(f.agency), "agency", width_chars=9),
        Column(
            QT_TRANSLATE_NOOP("Column", "Type"),
            lambda f: choice_label(f.facility_type),
            "facility_type",
            width_chars=18,
        ),
        Column(QT_TRANSLATE_NOOP("Column", "City"), lambda f: f.city, "city", width_chars=16),
        Column(QT_TRANSLATE_NOOP("Column", "State"), lambda f: f.state, "state", width_chars=6),
        Column(QT_TRANSLATE_NOOP("Column", "FSL"), level_text, "security_level", level_tip, width_chars=5),
        Column(QT_TRANSLATE_NOOP("Column", "Last assessment"), assessed_text, "last_assessment", width_chars=14),
        Column(
            QT_TRANSLATE_NOOP("Column", "Reassessment due"), reassessment_text, None, reassessment_tip, width_chars=16
        ),
        Column(QT_TRANSLATE_NOOP("Column", "Operator"), operator_text, None, width_chars=24),
    )

    def __init__(self, service: Any, parent: QObject | None = None, *, today: Callable[[], date] = date.today,
                 **options: int) -> None:  # fmt: skip
        self.today = today
        columns = list(type(self).columns)
        columns[self.REASSESSMENT_COLUMN] = replace(columns[self.REASSESSMENT_COLUMN],
                                                    text=lambda f: reassessment_marked(f, self.today()))  # fmt: skip
        self.columns = tuple(columns)
        super().__init__(service, parent, **options)

    def empty_filter(self) -> FacilityFilter:
        return FacilityFilter()

    def foreground(self, record: Facility, column: int) -> Any:
        if column != self.REASSESSMENT_COLUMN or record.security_level in (None, SecurityLevel.UNKNOWN):
            return None
        due = record.reassessment_due
        return colour("overdue") if due is None or due < self.today() else None
