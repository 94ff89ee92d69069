"""FacilityForm: create or edit a facility; shows its ISC reassessment date live, a facility of the same name,
the directives that reach it, and its incidents and plan items."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Agency, FacilityType, OperatorKind, SecurityLevel
from desktop.domain.kinds import RecordKind
from desktop.domain.records import Directive, Facility
from desktop.domain.validation import FieldError, facility_errors
from desktop.ui.forms.base import RecordForm
from desktop.ui.forms.choice_fields import StateCombo
from desktop.ui.forms.fields import WARNING_STYLE, CoordinateEdit, EnumCombo, TextBox
from desktop.ui.forms.related import RelatedRecords
from desktop.ui.table_models.directives import scope_text
from desktop.ui.theme import themed_style
from desktop.ui.translated import QT_TRANSLATE_NOOP, choice_label, date_label, kind_heading, show_date
from desktop.ui.widgets.date_input import DayInput

NOT_ASSESSED = QT_TRANSLATE_NOOP("FacilityForm", "Not assessed")
UNKNOWN_LEVEL = QT_TRANSLATE_NOOP("FacilityForm", "Unknown (assessed, level not known)")


def fill_list(tree: QTreeWidget, rows: list[list[str]], empty_text: str) -> None:
    """Show `rows` in a read-only list (or one row saying `empty_text`)."""
    tree.clear()
    for row in rows or [[empty_text] + [""] * (tree.columnCount() - 1)]:
        tree.addTopLevelItem(QTreeWidgetItem(row))


def read_only_list(headers: list[str], rows: list[list[str]], empty_text: str) -> QTreeWidget:
    """A small read-only table of related records."""
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    fill_list(tree, rows, empty_text)
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(len(headers)):
        mode = QHeaderView.ResizeMode.Stretch if column == 1 else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(column, mode)
    tree.setMinimumHeight(tree.fontMetrics().height() * 6)
    return tree


class FacilityForm(RecordForm):
    """Name (a name another facility has is pointed out, not refused), agency, type, operator, address, state (by
    code or name), coordinates (empty = unknown), FSL (not assessed, or assessed with the level unknown), last
    assessment, notes; the directives that reach the facility as described (`directives`: every directive)."""

    kind = RecordKind.FACILITY

    def __init__(
        self, record: Facility | None, related: RelatedRecords | None = None, parent: QWidget | None = None, *,
        facilities: list[tuple[str, str]] | None = None, directives: list[Directive] | None = None,
    ) -> None:  # fmt: skip
        super().__init__(record is not None, parent)
        self.record = record
        self.other_names = {name.strip().casefold(): name for uuid, name in facilities or []
                            if record is None or uuid != record.uuid}  # fmt: skip
        self.directives = directives or []
        self.name = QLineEdit()
        self.name.setMaxLength(300)
        self.name_warning = QLabel()
        self.name_warning.setObjectName("name_warning")
        self.name_warning.setWordWrap(True)
        themed_style(self.name_warning, WARNING_STYLE)
        self.name_warning.hide()
        self.agency = EnumCombo(Agency)
        self.facility_type = EnumCombo(FacilityType)
        self.operator = EnumCombo(OperatorKind)
        self.operator_name = QLineEdit()
        self.operator_name.setMaxLength(300)
        self.operator_name.setPlaceholderText(self.tr("the contractor or office that runs it, e.g. GEO Group"))
        self.address = QLineEdit()
        self.city = QLineEdit()
        self.state = StateCombo()
        self.zip_code = QLineEdit()
        self.zip_code.setMaxLength(20)  # no validator: letters typed stay and are answered inline
        self.zip_code.setPlaceholderText(self.tr("12345 or 12345-6789"))
        self.latitude = CoordinateEdit()
        self.longitude = CoordinateEdit()
        self.security_level = EnumCombo(SecurityLevel, none_label=self.tr(NOT_ASSESSED))
        self.security_level.setItemText(
            self.security_level.findData(SecurityLevel.UNKNOWN.value), self.tr(UNKNOWN_LEVEL)
        )
        self.last_assessment = DayInput(
            self.tr("Last assessment"), empty_text=self.tr("not assessed"), says_problems=False
        )
        self.reassessment_due = QLabel()
        self.reassessment_due.setObjectName("reassessment_due")
        self.notes = TextBox(6)
        wide = self.fontMetrics().horizontalAdvance("x") * 40
        for edit in (self.name, self.address, self.city):
            edit.setMinimumWidth(wide)

        place = QGroupBox(kind_heading(self.kind))
        place_form = QFormLayout(place)
        label, box = self.field("name", self.tr("&Name"), self.name)
        box_layout = box.layout()
        assert box_layout is not None
        box_layout.addWidget(self.name_warning)
        place_form.addRow(label, box)
        place_form.addRow(*self.field("agency", self.tr("&Agency"), self.agency))
        place_form.addRow(*self.field("facility_type", self.tr("&Type"), self.facility_type))
        place_form.addRow(*self.field("operator", self.tr("Operated b&y"), self.operator))
        place_form.addRow(*self.field("operator_name", self.tr("Operator (&who runs it)"), self.operator_name))
        place_form.addRow(*self.field("address", self.tr("Add&ress"), self.address))
        place_form.addRow(*self.field("city", self.tr("&City"), self.city))
        place_form.addRow(*self.field("state", self.tr("&State"), self.state))
        place_form.addRow(*self.field("zip_code", self.tr("&ZIP code"), self.zip_code))
        place_form.addRow(*self.field("latitude", self.tr("&Latitude"), self.latitude))
        place_form.addRow(*self.field("longitude", self.tr("L&ongitude"), self.longitude))
        security = QGroupBox(self.tr("Security (ISC)"))
        security_form = QFormLayout(security)
        security_form.addRow(*self.field("security_level", self.tr("Security le&vel (FSL)"), self.security_level))
        label, box = self.field(
            "last_assessment", self.tr("Last assess&ment"), self.last_assessment, targets=[self.last_assessment.edit]
        )
        security_form.addRow(label, box)
        security_form.addRow(QLabel(self.tr("Reassessment due")), self.reassessment_due)  # computed: no buddy
        security_form.addRow(*self.field("notes", self.tr("Not&es"), self.notes))
        self.directives_list = read_only_list([self.tr("Deadline"), self.tr("Directive"), self.tr("Scope")], [], "")
        self.directives_label = QLabel()
        self.directives_label.setBuddy(self.directives_list)
        right = QVBoxLayout()
        right.addWidget(security)
        right.addWidget(self.directives_label)
        right.addWidget(self.directives_list, 1)
        self.tab_stop(self.directives_list)

        columns = QHBoxLayout()
        columns.addWidget(place, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        if record is not None:
            layout.addLayout(self._related_lists(related or RelatedRecords()), 1)
        layout.addWidget(self.general_message)
        layout.addWidget(self.buttons)
        self._load(record or Facility(name=""))
        self.finish_loading()

    def _related_lists(self, related: RelatedRecords) -> QHBoxLayout:
        incident_rows = [[date_label(i.occurred), i.title, choice_label(i.status)] for i in related.incidents]
        plan_rows = [[show_date(p.due_date), p.description, choice_label(p.status)] for p in related.plan_items]
        self.incidents_list = read_only_list(
            [self.tr("Occurred"), self.tr("Title"), self.tr("Status")], incident_rows, self.tr("No incidents")
        )
        self.plan_items_list = read_only_list(
            [self.tr("Due"), self.tr("Description"), self.tr("Status")], plan_rows, self.tr("No plan items")
        )
        lists = QHBoxLayout()
        for title, tree in (
            (
                self.tr("&Incidents at this facility ({count})").format(count=len(related.incidents)),
                self.incidents_list,
            ),
            (self.tr("&Plan items ({count})").format(count=len(related.plan_items)), self.plan_items_list),
        ):
            column = QVBoxLayout()
            label = QLabel(title)
            label.setBuddy(tree)
            column.addWidget(label)
            column.addWidget(tree)
            lists.addLayout(column, 1)
            self.tab_stop(tree)
        return lists

    def _load(self, record: Facility) -> None:
        self.name.setText(record.name)
        self.agency.set_value(record.agency)
        self.facility_type.set_value(record.facility_type)
        self.operator.set_value(record.operator)
        self.operator_name.setText(record.operator_name)
        self.address.setText(record.address)
        self.city.setText(record.city)
        self.state.set_value(record.state)
        self.zip_code.setText(record.zip_code)
        self.latitude.set_value(record.latitude)
        self.longitude.set_value(record.longitude)
        self.security_level.set_value(record.security_level)
        self.last_assessment.set_value(record.last_assessment)
        self.notes.setPlainText(record.notes)

    def build(self) -> tuple[Facility, list[FieldError]]:
        problems: list[FieldError] = []
        coordinates: dict[str, float | None] = {}
        for key, edit in (("latitude", self.latitude), ("longitude", self.longitude)):
            try:
                coordinates[key] = edit.value()
            except ValueError as error:
                coordinates[key] = None
                problems.append(FieldError(key, str(error)))
        try:
            last_assessment = self.last_assessment.value()
        except ValueError as error:
            last_assessment = None
            problems.append(FieldError("last_assessment", f"Last assessment: {error}"))
        values = dict(
            name=self.name.text().strip(),
            agency=self.agency.value(),
            facility_type=self.facility_type.value(),
            operator=self.operator.value(),
            operator_name=self.operator_name.text().strip(),
            address=self.address.text().strip(),
            city=self.city.text().strip(),
            state=self.state.value(),
            zip_code=self.zip_code.text().strip(),
            security_level=self.security_level.value(),
            last_assessment=last_assessment,
            notes=self.notes.toPlainText(),
            **coordinates,
        )
        record = replace(self.record, **values) if self.record is not None else Facility(**values)
        return record, problems

    def domain_errors(self, record: Facility) -> list[FieldError]:
        return facility_errors(record)

    def sync_widgets(self) -> None:
        record = self.build()[0]
        self._show_same_name(record.name)
        self._show_directives(record)
        due = record.reassessment_due
        level = record.security_level
        if due is None:
            needs = self.tr("a security level") if level is None else self.tr("the last assessment date")
            text = (
                self.tr("— (the level is not known)")
                if level is SecurityLevel.UNKNOWN
                else self.tr("— (needs {needs})").format(needs=needs)
            )
            self.reassessment_due.setText(text)
            themed_style(self.reassessment_due, "")
            return
        assert level is not None
        overdue = due < date.today()
        self.reassessment_due.setText(
            self.tr("{isoformat} (every {reassessment_years} years at FSL {label})").format(
                isoformat=show_date(due), reassessment_years=level.reassessment_years, label=choice_label(level)
            )
            + (self.tr(" — overdue") if overdue else "")
        )
        themed_style(self.reassessment_due, "color: $overdue; font-weight: bold;" if overdue else "")

    def _show_same_name(self, name: str) -> None:
        """Point out (without refusing the save) that another facility already has this name."""
        other = self.other_names.get(name.strip().casefold()) if name.strip() else None
        warning = self.tr(
            "Another facility is already named “{other}”. Saving is still possible; check that this is "
            "not the same facility."
        ).format(other=other)
        self.name_warning.setText(warning if other else "")
        self.name_warning.setVisible(other is not None)

    def _show_directives(self, record: Facility) -> None:
        """The directives that reach the facility as the form describes it now (agency, type; itself when stored)."""
        reaching = [d for d in self.directives if d.reaches(record)]
        rows = [[show_date(d.deadline), d.title, scope_text(d)] for d in reaching]
        fill_list(self.directives_list, rows, self.tr("No directive reaches this facility"))
        self.directives_label.setText(self.tr("&Directives that reach this facility ({len})").format(len=len(reaching)))
