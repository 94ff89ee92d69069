"""IncidentForm: create or edit an incident, including a status change with its date and note."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
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

from desktop.domain.enums import AttackType, CaseStatus, DamageStatus, Severity
from desktop.domain.kinds import RecordKind
from desktop.domain.records import Incident
from desktop.domain.validation import FieldError, incident_date_errors, incident_errors, status_change_errors
from desktop.domain.values import StatusChange
from desktop.ui.forms.base import RecordForm
from desktop.ui.forms.fields import (
    DATE_FORMAT,
    CountEdit,
    EnumCombo,
    FacilityPicker,
    OptionalDateTimeEdit,
    PartialDateEdit,
    TextBox,
    WeaponListEditor,
    pydate,
)
from desktop.ui.forms.related_field import RelatedIncidentsField, related_group, related_problems  # links (issue 10)

COUNT_FIELDS = (
    ("victims_killed", "Victims &killed"),
    ("victims_injured", "Victims &injured"),
    ("perpetrators_killed", "Perpetrators ki&lled"),
    ("perpetrators_injured", "Perpetrators in&jured"),
    ("suspects_count", "S&uspects"),
    ("arrests_count", "A&rrests"),
)
SENSITIVE_NOTE = "Removed from CSV exports and reports shared outside the office unless you choose to include them."


class IncidentForm(RecordForm):
    """All fields of an incident; `edited_record()` and `status_change()` after exec() == Accepted."""

    kind = RecordKind.INCIDENT

    def __init__(self, record: Incident | None, facilities: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(record is not None, parent)
        self.record = record
        self.title = QLineEdit()
        self.title.setMaxLength(300)
        self.title.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 44)
        self.case_number = QLineEdit()
        self.case_number.setMaxLength(64)
        self.case_number.setPlaceholderText("none")
        self.facility = FacilityPicker(facilities)
        self.occurred = PartialDateEdit()
        self.discovered_at = OptionalDateTimeEdit("Known")
        self.reported_at = OptionalDateTimeEdit("Known")
        self.attack_type = EnumCombo(AttackType)
        self.outcome = QComboBox()
        self.outcome.addItem("Completed", "completed")
        self.outcome.addItem("Attempted (failed or foiled)", "attempted")
        self.severity = EnumCombo(Severity)
        self.weapons = WeaponListEditor()
        self.counts = {key: CountEdit() for key, _ in COUNT_FIELDS}
        self.property_damage = EnumCombo(DamageStatus)
        self.damage_estimate = CountEdit()
        self.status = EnumCombo(CaseStatus)
        self.status_changed_on = QDateEdit()
        self.status_changed_on.setCalendarPopup(True)
        self.status_changed_on.setDisplayFormat(DATE_FORMAT)
        self.status_changed_on.setDate(QDate.currentDate())
        self.status_note = QLineEdit()
        self.status_note.setPlaceholderText("e.g. suspect arrested by the FBI")
        self.investigating_agencies = QLineEdit()
        self.investigating_agencies.setPlaceholderText("e.g. FBI; local police")
        self.history = QTreeWidget()
        self.description = TextBox(5)
        self.sources = TextBox(3)
        self.suspect_names = TextBox(2)
        self.personal_details = TextBox(2)
        self.related = RelatedIncidentsField(record)  # links (issue 10): `related.attach(IncidentChoices)` searches

        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        left.addWidget(self._incident_group())
        left.addWidget(self._weapons_group())
        left.addWidget(self._casualties_group())
        left.addWidget(related_group(self, self.related))  # links (issue 10)
        left.addStretch(1)
        right.addWidget(self._status_group())
        right.addWidget(self._narrative_group(), 1)
        right.addWidget(self._sensitive_group())
        content = QWidget()
        content.setLayout(columns)
        layout = QVBoxLayout(self)
        layout.addWidget(self.wrap_in_scroll_area(content), 1)
        layout.addWidget(self.general_message)
        layout.addWidget(self.buttons)
        self._load(record)
        self.finish_loading()
        self._size_to_content(content)

    # ---- layout ------------------------------------------------------------------------------
    def _incident_group(self) -> QGroupBox:
        group = QGroupBox(self.kind.heading)
        form = QFormLayout(group)
        form.addRow(*self.field("title", "&Title", self.title))
        form.addRow(*self.field("case_number", "&Case number", self.case_number))
        form.addRow(*self.field("facility", "&Facility", self.facility))
        form.addRow(*self.field("occurred", "&Occurred", self.occurred, targets=[self.occurred.day]))
        form.addRow(*self.field("discovered_at", "Disco&vered", self.discovered_at, targets=[self.discovered_at.edit]))
        form.addRow(*self.field("reported_at", "Re&ported", self.reported_at, targets=[self.reported_at.edit]))
        form.addRow(*self.field("attack_type", "&Attack type", self.attack_type))
        form.addRow(*self.field("completed", "Outco&me", self.outcome))
        form.addRow(*self.field("severity", "Severit&y", self.severity))
        return group

    def _weapons_group(self) -> QGroupBox:
        group = QGroupBox("Weapons")
        layout = QVBoxLayout(group)
        label, box = self.field(
            "weapons", "&Weapon type and subtype", self.weapons, focus=self.weapons.kind, targets=[self.weapons.subtype]
        )
        layout.addWidget(label)
        layout.addWidget(box)
        return group

    def _casualties_group(self) -> QGroupBox:
        group = QGroupBox("Casualties, arrests and damage (empty = unknown)")
        grid = QGridLayout(group)
        cells = [(key, label, self.counts[key]) for key, label in COUNT_FIELDS] + [
            ("property_damage", "Property &damage", self.property_damage),
            ("damage_estimate_usd", "&Estimate (USD)", self.damage_estimate),
        ]
        for index, (key, label, editor) in enumerate(cells):
            row, column = divmod(index, 2)
            label_widget, box = self.field(key, label, editor)
            label_widget.setMinimumHeight(editor.sizeHint().height())  # level with the field, not its message
            grid.addWidget(label_widget, row, column * 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(box, row, column * 2 + 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return group

    def _status_group(self) -> QGroupBox:
        group = QGroupBox("Legal status and investigation")
        self.status_form = QFormLayout(group)
        self.status_form.addRow(*self.field("status", "&Status", self.status))
        self.status_change_boxes: list[QWidget] = []
        for key, label, editor in (
            ("status_changed_on", "Status c&hanged on", self.status_changed_on),
            ("status_note", "Status &note", self.status_note),
        ):
            label_widget, box = self.field(key, label, editor)
            self.status_form.addRow(label_widget, box)
            self.status_change_boxes.append(box)
        self.status_form.addRow(*self.field("investigating_agencies", "Investi&gating agencies",
                                            self.investigating_agencies))  # fmt: skip
        self.history.setHeaderLabels(["Date", "Status", "Note"])
        self.history.setRootIsDecorated(False)
        self.history.setMinimumHeight(self.fontMetrics().height() * 5)
        history_label = QLabel("Status &history")
        history_label.setBuddy(self.history)
        self.status_form.addRow(history_label, self.history)
        self.tab_stop(self.history)
        return group

    def _narrative_group(self) -> QGroupBox:
        group = QGroupBox("Description and sources")
        form = QFormLayout(group)
        form.addRow(*self.field("description", "Descr&iption", self.description))
        form.addRow(*self.field("sources", "Sour&ces", self.sources))
        return group

    def _sensitive_group(self) -> QGroupBox:
        group = QGroupBox("Sensitive — redacted on sharing")
        group.setObjectName("sensitive")
        group.setToolTip(SENSITIVE_NOTE)
        form = QFormLayout(group)
        note = QLabel(SENSITIVE_NOTE)
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(*self.field("suspect_names", "Suspect na&mes", self.suspect_names))
        form.addRow(*self.field("personal_details", "Personal de&tails", self.personal_details))
        return group

    def _size_to_content(self, content: QWidget) -> None:
        """Open large enough to show everything without scrolling when the screen allows it."""
        wanted = content.sizeHint()
        width, height = wanted.width() + 40, wanted.height() + self.buttons.sizeHint().height() + 50
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.setMinimumSize(min(width, 720), min(height, 480))
        self.resize(width, height)

    # ---- values ------------------------------------------------------------------------------
    def _load(self, record: Incident | None) -> None:
        incident = record or Incident(facility_uuid="", title="")
        self.title.setText(incident.title)
        self.case_number.setText(incident.case_number or "")
        self.facility.set_value(incident.facility_uuid, incident.facility_name)
        self.occurred.set_value(incident.occurred)
        self.discovered_at.set_value(incident.discovered_at)
        self.reported_at.set_value(incident.reported_at)
        self.attack_type.set_value(incident.attack_type)
        self.outcome.setCurrentIndex(0 if incident.completed else 1)
        self.severity.set_value(incident.severity)
        self.weapons.set_value(incident.weapons)
        for key, edit in self.counts.items():
            edit.set_value(getattr(incident, key))
        self.property_damage.set_value(incident.property_damage)
        self.damage_estimate.set_value(incident.damage_estimate_usd)
        self.status.set_value(incident.status)
        self.investigating_agencies.setText(incident.investigating_agencies)
        for change in incident.status_history:
            item = QTreeWidgetItem([change.changed_on.isoformat(), change.status.label, change.note])
            item.setToolTip(2, change.note)
            self.history.addTopLevelItem(item)
        if not incident.status_history:
            self.history.addTopLevelItem(QTreeWidgetItem(["", "No status changes recorded yet", ""]))
        header = self.history.header()
        header.setStretchLastSection(False)  # (it would keep the note at least 100 px wide, with a scroll bar)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the note: the rest (full text in its tip)
        self.description.setPlainText(incident.description)
        self.sources.setPlainText(incident.sources)
        self.suspect_names.setPlainText(incident.suspect_names)
        self.personal_details.setPlainText(incident.personal_details)
        self.related.set_value(incident.related_uuids)  # links (issue 10)

    def _status_changed(self) -> bool:
        return self.record is None or self.status.value() is not self.record.status

    def status_change(self) -> StatusChange | None:
        """The status change entered (status, day, note), or None when the status is unchanged."""
        if not self._status_changed():
            return None
        return StatusChange.on_day(
            self.status.value(), pydate(self.status_changed_on.date()), self.status_note.text().strip()
        )

    def build(self) -> tuple[Incident, list[FieldError]]:
        problems: list[FieldError] = []
        facility_uuid = self.facility.value()
        if facility_uuid is None:
            problems.append(FieldError("facility", f"must be chosen from the list (no facility is named "
                                                   f"“{self.facility.currentText().strip()}”)"))  # fmt: skip
        if pending := self.weapons.pending():
            message = f"“{pending}” is typed but not added: press Add (or Enter) or clear it"
            problems.append(FieldError("weapons", message))
        problems.extend(self._status_date_problems())
        problems.extend(related_problems(self.related))  # links (issue 10)
        read = self._read_typed(problems)
        damage = self.property_damage.value()
        values = dict(
            facility_uuid=facility_uuid or "",
            facility_name=self.facility.currentText().strip() if facility_uuid else "",
            title=self.title.text().strip(),
            case_number=self.case_number.text().strip() or None,
            occurred=self.occurred.value(),
            attack_type=self.attack_type.value(),
            weapons=self.weapons.value(),
            completed=self.outcome.currentData() == "completed",
            severity=self.severity.value(),
            property_damage=damage,
            damage_estimate_usd=None if damage is DamageStatus.NO else read.pop("damage_estimate_usd"),
            investigating_agencies=self.investigating_agencies.text().strip(),
            status=self.status.value(),
            description=self.description.toPlainText().strip(),
            sources=self.sources.toPlainText().strip(),
            suspect_names=self.suspect_names.toPlainText().strip(),
            personal_details=self.personal_details.toPlainText().strip(),
            related_uuids=self.related.value(),  # links (issue 10)
            **{key: value for key, value in read.items() if key != "damage_estimate_usd"},
        )
        if self.record is not None:
            return replace(self.record, **values), problems
        change = self.status_change()
        return Incident(**values, status_history=(change,) if change else ()), problems

    def _read_typed(self, problems: list[FieldError]) -> dict[str, object]:
        """Counts and moments as typed; one that cannot be read is a problem (and None), never a changed value."""
        editors: dict[str, CountEdit | OptionalDateTimeEdit] = {
            **self.counts,
            "damage_estimate_usd": self.damage_estimate,
            "discovered_at": self.discovered_at,
            "reported_at": self.reported_at,
        }
        read: dict[str, object] = {}
        for key, editor in editors.items():
            try:
                read[key] = editor.value()
            except ValueError as error:
                read[key] = None
                problems.append(FieldError(key, str(error)))
        return read

    def _status_date_problems(self) -> list[FieldError]:
        """The status change entered against the history shown (the services check it again when saving)."""
        change = self.status_change()
        if change is None:
            return []
        history = self.record.status_history if self.record is not None else ()
        return status_change_errors(history, change, date.today())

    def domain_errors(self, record: Incident) -> list[FieldError]:
        return incident_errors(record) + incident_date_errors(record, date.today())

    def sync_widgets(self) -> None:
        changed = self._status_changed()
        for box in self.status_change_boxes:
            self.status_form.setRowVisible(box, changed)
        self.damage_estimate.setEnabled(self.property_damage.value() is not DamageStatus.NO)
