"""Filter bars above the record tables: the search box and choice combos that build the service filters."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import fields, replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from desktop.domain.enums import Agency, AttackType, CaseStatus, LabelledEnum, PlanStatus, Severity
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import DirectiveFilter, FacilityFilter, IncidentFilter, PlanItemFilter
from desktop.ui.forms.fields import FieldMessage
from desktop.ui.translated import QT_TRANSLATE_NOOP, choice_label, translate
from desktop.ui.widgets.date_input import DayInput
from desktop.ui.widgets.search_box import SEARCH_DELAY_MS, SearchBox

OPEN = "__open__"  # combo data: only open cases / items
PERIOD_TIP = QT_TRANSLATE_NOOP(
    "FilterBar",
    "Incidents that occurred, or may have occurred, {bound}: a month, a year, a range or an approximate date "
    "reaching into the period counts, and is marked “possibly” in the Occurred column",
)


class ChoiceCombo(QComboBox):
    """A combo whose items stand for values; the first item ("All …") stands for no restriction (None).
    The values are kept in Python (Qt's item data would turn a StrEnum member into a plain string)."""

    def __init__(self, name: str, everything: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(everything)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)
        self._values: list[Any] = []
        self.add_choice(None, everything)

    def add_choice(self, value: Any, text: str) -> None:
        self._values.append(value)
        self.addItem(text)

    def add_enum(self, enum: type[LabelledEnum]) -> None:
        for member in enum:
            self.add_choice(member, choice_label(member))

    def value(self) -> Any:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def index_of(self, value: Any) -> int:
        return next((n for n, v in enumerate(self._values) if v == value and type(v) is type(value)), -1)

    def set_value(self, value: Any) -> None:
        self.setCurrentIndex(max(self.index_of(value), 0))

    def set_choices(self, choices: Sequence[tuple[Any, str]]) -> None:
        """Replace the items after the first, keeping the current choice when it is still offered."""
        current = self.value()
        self.blockSignals(True)
        while self.count() > 1:
            self.removeItem(1)
        del self._values[1:]
        for value, text in choices:
            self.add_choice(value, text)
        self.set_value(current)
        self.blockSignals(False)
        if self.value() != current:
            self.currentIndexChanged.emit(self.currentIndex())


class FilterBar(QWidget):
    """A row of filter widgets that emits `changed(filter)` with the service filter they describe. A search
    that cannot be read is told under the bar and not applied (the filter keeps the last search that was)."""

    changed = Signal(object)

    def __init__(self, placeholder: str, kind: RecordKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = SearchBox(placeholder, self, kind=kind)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.search, 3)
        self.rows = QVBoxLayout()
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(4)
        self.rows.addLayout(self.row)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clear_filters")
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setToolTip(self.tr("Show all records again"))
        self.clear_button.clicked.connect(self.clear)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.setSpacing(4)
        self.outer.addLayout(self.rows)
        self.search_problem = FieldMessage(self)
        self.search_problem.setObjectName("search_problem")
        self.outer.addWidget(self.search_problem)
        self.search.problem_changed.connect(self._show_search_problem)
        self.search.search_changed.connect(lambda _text: self._changed())
        self._quiet = False
        self._emitted: Any = None
        self._dates: dict[DayInput, date | None] = {}
        self._soon = QTimer(self)  # dates emit a change per typed digit: wait for a pause as with the search
        self._soon.setSingleShot(True)
        self._soon.setInterval(SEARCH_DELAY_MS)
        self._soon.timeout.connect(self._changed)

    def _show_search_problem(self, problem: str) -> None:
        self.search_problem.show_message(
            self.tr(
                "Not searched: {problem}. The table still shows the last search; the search box's tooltip shows how "
                "to write one."
            ).format(problem=problem)
            if problem
            else ""
        )
        self._update_clear()

    def new_row(self) -> None:
        """Widgets added from now on go on a line of their own."""
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.rows.addLayout(self.row)

    def add_widget(self, label: str, widget: QWidget) -> None:
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.row.addWidget(caption)
        self.row.addWidget(widget)
        if isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _index: self._changed())

    def add_date(self, label: str, edit: DayInput) -> None:
        """A typed day (empty: any day); changes apply once typing pauses, a date that cannot be read is told
        under it and not applied (the filter keeps the last one that could be)."""
        caption = QLabel(label, self)
        caption.setBuddy(edit)
        self.row.addWidget(caption, 0, Qt.AlignmentFlag.AlignTop)
        self.row.addWidget(edit, 0, Qt.AlignmentFlag.AlignTop)
        self._dates[edit] = None
        edit.changed.connect(self._soon.start)

    def date_value(self, edit: DayInput) -> date | None:
        """The day typed in `edit`, or while its text cannot be read the last day that could."""
        with suppress(ValueError):
            self._dates[edit] = edit.value()
        return self._dates[edit]

    def add_check(self, text: str, name: str, tip: str) -> QCheckBox:
        """A check box that filters when toggled (`name` is its object name)."""
        return self.add_check_box(QCheckBox(text, self), name, tip)

    def add_check_box(self, check: QCheckBox, name: str, tip: str) -> QCheckBox:
        """`add_check` for a check box made earlier (one `current()` reads before the bar is laid out)."""
        check.setObjectName(name)
        check.setToolTip(tip)
        self.row.addWidget(check)
        check.toggled.connect(lambda _on: self._changed())
        return check

    def finish(self) -> None:
        self.row.addWidget(self.clear_button)
        self._update_clear()

    def _changed(self) -> None:
        self._soon.stop()
        self._update_clear()
        current = self.current()
        if not self._quiet and current != self._emitted:
            self._emitted = current
            self.changed.emit(current)

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(self.current() != self.empty() or bool(self.search.text().strip()))

    def quietly(self, change: Callable[[], None]) -> None:
        """Set several widgets, then emit `changed` once."""
        self._quiet = True
        try:
            change()
        finally:
            self._quiet = False
        self._changed()

    def clear(self) -> None:
        self.quietly(self.reset_widgets)

    def reset_silently(self) -> None:
        """Back to no filter without emitting `changed` (the owner resets its model itself)."""
        self._quiet = True
        try:
            self.reset_widgets()
        finally:
            self._quiet = False
        self._soon.stop()
        self._emitted = self.current()
        self._update_clear()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ---- per record type ---------------------------------------------------------------------------------
    def current(self) -> Any:
        raise NotImplementedError

    def empty(self) -> Any:
        raise NotImplementedError

    def reset_widgets(self) -> None:
        self.search.set_text_now("")

    def set_facilities(self, facilities: list[tuple[str, str]]) -> None:
        """(uuid, name) of every facility, for a facility combo (bars without one ignore it)."""


PENDING_TIP = QT_TRANSLATE_NOOP(
    "FilterBar",
    "Cases with an arrest or a known perpetrator and no referral for prosecution yet (the memo's directive: "
    "violent offenders referred to DOJ)",
)


def _one(values: tuple[Any, ...]) -> Any:
    return values[0] if len(values) == 1 else None


class IncidentFilterBar(FilterBar):
    """Facility, attack type, severity, status (or open cases), pending referral, occurred from/to (overlap), and
    full-text search.
    Conditions the widgets cannot show (several states, weapon types…) set by `set_filter` are kept and
    listed under the bar until cleared."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Search title, description, case number, sources… (Ctrl+F)"), RecordKind.INCIDENT, parent
        )
        self.facility = ChoiceCombo("facility_filter", self.tr("All facilities"), self)
        self.facility.setMinimumContentsLength(18)
        self.attack_type = ChoiceCombo("attack_type_filter", self.tr("All attack types"), self)
        self.attack_type.add_enum(AttackType)
        self.severity = ChoiceCombo("severity_filter", self.tr("Any severity"), self)
        self.severity.add_enum(Severity)
        self.status = ChoiceCombo("status_filter", self.tr("Any status"), self)
        self.status.add_choice(OPEN, self.tr("Open cases"))
        self.status.add_enum(CaseStatus)
        self.occurred_from = DayInput(self.tr("Occurred from"), empty_text=self.tr("any day"), parent=self)
        self.occurred_from.setObjectName("occurred_from")
        self.occurred_from.set_bound("first")
        self.occurred_from.setToolTip(translate("FilterBar", PERIOD_TIP).format(bound=self.tr("on or after this day")))
        self.occurred_to = DayInput(self.tr("Occurred to"), empty_text=self.tr("any day"), parent=self)
        self.occurred_to.setObjectName("occurred_to")
        self.occurred_to.set_bound("last")
        self.occurred_to.setToolTip(translate("FilterBar", PERIOD_TIP).format(bound=self.tr("on or before this day")))
        self.add_date(self.tr("Occurred fro&m:"), self.occurred_from)
        self.add_date(self.tr("t&o:"), self.occurred_to)
        self._extra = IncidentFilter()
        self.pending_referral = QCheckBox(self.tr("Pe&nding referral"), self)  # on the second row
        self.finish()
        self.new_row()
        for label, widget in ((self.tr("Fa&cility:"), self.facility), (self.tr("&Attack type:"), self.attack_type),
                              (self.tr("Severit&y:"), self.severity), (self.tr("S&tatus:"), self.status)):  # fmt: skip
            self.add_widget(label, widget)
        self.add_check_box(self.pending_referral, "pending_referral_filter", translate("FilterBar", PENDING_TIP))
        self.row.addStretch(1)
        self.extra_label = QLabel(self)
        self.extra_label.setObjectName("extra_conditions")
        self.extra_label.setTextFormat(Qt.TextFormat.RichText)
        self.extra_label.linkActivated.connect(lambda _link: self._drop_extra())
        self.extra_label.hide()
        self.outer.addWidget(self.extra_label)

    def empty(self) -> IncidentFilter:
        return IncidentFilter()

    def current(self) -> IncidentFilter:
        status = self.status.value()
        return replace(
            self._extra,
            facility_uuids=(self.facility.value(),) if self.facility.value() else self._extra.facility_uuids,
            attack_types=(self.attack_type.value(),) if self.attack_type.value() else self._extra.attack_types,
            severities=(self.severity.value(),) if self.severity.value() else self._extra.severities,
            statuses=(status,) if isinstance(status, CaseStatus) else self._extra.statuses,
            open_only=status == OPEN or self._extra.open_only,
            pending_referral=self.pending_referral.isChecked(),
            occurred_from=self.date_value(self.occurred_from),
            occurred_to=self.date_value(self.occurred_to),
            text=self.search.usable_text(),
        )

    def reset_widgets(self) -> None:
        super().reset_widgets()
        for combo in (self.facility, self.attack_type, self.severity, self.status):
            combo.set_value(None)
        self.occurred_from.set_value(None)
        self.occurred_to.set_value(None)
        self.pending_referral.setChecked(False)
        self._set_extra(IncidentFilter())

    def set_filter(self, where: IncidentFilter) -> None:
        """Show `where` in the widgets (what they cannot show is listed below them) and apply it."""

        def apply() -> None:
            self.reset_widgets()
            self.search.set_text_now(where.text)
            self.occurred_from.set_value(where.occurred_from)
            self.occurred_to.set_value(where.occurred_to)
            facility = _one(where.facility_uuids)
            if facility is not None and self.facility.index_of(facility) < 0:
                facility = None
            self.facility.set_value(facility)
            self.attack_type.set_value(_one(where.attack_types))
            self.severity.set_value(_one(where.severities))
            status = OPEN if where.open_only and not where.statuses else _one(where.statuses)
            self.status.set_value(status)
            self.pending_referral.setChecked(where.pending_referral)
            shown = self.current()
            self._set_extra(
                replace(
                    IncidentFilter(),
                    **{
                        f.name: getattr(where, f.name)
                        for f in fields(IncidentFilter)
                        if getattr(shown, f.name) != getattr(where, f.name)
                    },
                )
            )

        self.quietly(apply)

    def set_facilities(self, facilities: list[tuple[str, str]]) -> None:
        self.facility.set_choices(facilities)

    def _set_extra(self, extra: IncidentFilter) -> None:
        self._extra = extra
        if extra.is_empty:
            self.extra_label.hide()
            return
        self.extra_label.setText(
            self.tr("Also filtered by: {describe_extra} &nbsp; <a href='clear'>remove</a>").format(
                describe_extra=describe_extra(extra)
            )
        )
        self.extra_label.show()

    def _drop_extra(self) -> None:
        self.quietly(lambda: self._set_extra(IncidentFilter()))


def describe_extra(extra: IncidentFilter) -> str:
    """What the conditions the widgets do not show select, in a few words."""
    parts = []
    if extra.facility_uuids:
        count = len(extra.facility_uuids)
        parts.append(
            translate("FilterBar", "%n facility", None, count)
            if count == 1
            else translate("FilterBar", "%n facilities", None, count)
        )
    if extra.states:
        parts.append(translate("FilterBar", "state {states}").format(states=", ".join(extra.states)))
    for name, values in ((translate("FilterBar", "attack type"), extra.attack_types),
                         (translate("FilterBar", "weapon"), extra.weapon_types),
                         (translate("FilterBar", "severity"), extra.severities),
                         (translate("FilterBar", "status"), extra.statuses)):  # fmt: skip
        if values:
            parts.append(f"{name} " + translate("FilterBar", " or ").join(choice_label(v) for v in values))
    if extra.open_only:
        parts.append(translate("FilterBar", "open cases"))
    return "; ".join(parts) or translate("FilterBar", "further conditions")


class FacilityFilterBar(FilterBar):
    """Agency, reassessment due, and a search in name, city, address and notes."""

    def __init__(self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today) -> None:
        super().__init__(self.tr("Search name, city, address, notes… (Ctrl+F)"), RecordKind.FACILITY, parent)
        self.today = today
        self.agency = ChoiceCombo("agency_filter", self.tr("All agencies"), self)
        self.agency.add_enum(Agency)
        self.add_widget(self.tr("A&gency:"), self.agency)
        self.reassessment_due = self.add_check(
            self.tr("Reassessment d&ue"),
            "reassessment_due_filter",
            self.tr("Facilities whose ISC security reassessment is due today or earlier"),
        )
        self.row.addStretch(1)
        self.finish()

    def empty(self) -> FacilityFilter:
        return FacilityFilter()

    def current(self) -> FacilityFilter:
        agency = self.agency.value()
        return FacilityFilter(
            agencies=(agency,) if agency else (),
            text=self.search.usable_text(),
            reassessment_due_by=self.today() if self.reassessment_due.isChecked() else None,
        )

    def reset_widgets(self) -> None:
        super().reset_widgets()
        self.agency.set_value(None)
        self.reassessment_due.setChecked(False)


class PlanItemFilterBar(FilterBar):
    """Facility, status (or open items), overdue only, and a search in description, owner and notes."""

    def __init__(self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today) -> None:
        super().__init__(self.tr("Search description, owner, notes… (Ctrl+F)"), RecordKind.PLAN_ITEM, parent)
        self.today = today
        self.facility = ChoiceCombo("plan_facility_filter", self.tr("All facilities"), self)
        self.facility.setMaximumWidth(self.fontMetrics().horizontalAdvance("x") * 36)
        self.status = ChoiceCombo("plan_status_filter", self.tr("Any status"), self)
        self.status.add_choice(OPEN, self.tr("Open items"))
        self.status.add_enum(PlanStatus)
        self.add_widget(self.tr("Fa&cility:"), self.facility)
        self.add_widget(self.tr("S&tatus:"), self.status)
        self.overdue = self.add_check(
            self.tr("&Overdue only"), "overdue_filter", self.tr("Open items whose due date has passed")
        )
        self.row.addStretch(1)
        self.finish()

    def empty(self) -> PlanItemFilter:
        return PlanItemFilter()

    def current(self) -> PlanItemFilter:
        status, facility, overdue = self.status.value(), self.facility.value(), self.overdue.isChecked()
        return PlanItemFilter(
            facility_uuids=(facility,) if facility else (),
            statuses=(status,) if isinstance(status, PlanStatus) else (),
            open_only=status == OPEN or overdue,
            due_before=self.today() if overdue else None,
            text=self.search.usable_text(),
        )

    def reset_widgets(self) -> None:
        super().reset_widgets()
        self.facility.set_value(None)
        self.status.set_value(None)
        self.overdue.setChecked(False)

    def set_facilities(self, facilities: list[tuple[str, str]]) -> None:
        self.facility.set_choices(facilities)


class DirectiveFilterBar(FilterBar):
    """The facility a directive reaches, overdue only, and a search in title, issuing office, source and notes."""

    def __init__(self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today) -> None:
        super().__init__(self.tr("Search title, issuing office, source, notes… (Ctrl+F)"), RecordKind.DIRECTIVE, parent)
        self.today = today
        self.facility = ChoiceCombo("directive_facility_filter", self.tr("All facilities"), self)
        self.facility.setMaximumWidth(self.fontMetrics().horizontalAdvance("x") * 36)
        self.add_widget(self.tr("Reachin&g:"), self.facility)
        tip = self.tr("Directives past their deadline whose plan items are not all implemented")
        self.overdue = self.add_check(self.tr("&Overdue only"), "directive_overdue_filter", tip)
        self.row.addStretch(1)
        self.finish()

    def empty(self) -> DirectiveFilter:
        return DirectiveFilter()

    def current(self) -> DirectiveFilter:
        return DirectiveFilter(
            text=self.search.usable_text(),
            facility_uuid=self.facility.value(),
            overdue_on=self.today() if self.overdue.isChecked() else None,
        )

    def reset_widgets(self) -> None:
        super().reset_widgets()
        self.facility.set_value(None)
        self.overdue.setChecked(False)

    def set_facilities(self, facilities: list[tuple[str, str]]) -> None:
        self.facility.set_choices(facilities)
