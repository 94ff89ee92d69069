"""IncidentForm: create or edit an incident: when it occurred as it is known, its GTD facts and its legal history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import AttackType, DamageStatus, Severity, TargetType
from desktop.domain.kinds import RecordKind
from desktop.domain.records import SENSITIVE_INCIDENT_FIELDS, Incident
from desktop.domain.validation import FieldError, incident_date_warnings, incident_errors
from desktop.domain.values import PartialDate
from desktop.ui.clipboard_guard import mark_sensitive
from desktop.ui.forms.base import RecordForm
from desktop.ui.forms.facility_choice import FacilityChoice
from desktop.ui.forms.fields import (
    CountEdit,
    EnumCombo,
    FacilityPicker,
    TextBox,
    WeaponListEditor,
)
from desktop.ui.forms.gtd_fields import ResponseFields, TypeChoices, in_a_row
from desktop.ui.forms.legal_history_editor import LegalHistoryEditor
from desktop.ui.forms.related_field import RelatedIncidentsField, related_group, related_problems  # links (issue 10)
from desktop.ui.forms.timeline_panel import TimelinePanel, timeline_group
from desktop.ui.translated import QT_TRANSLATE_NOOP, kind_heading
from desktop.ui.widgets.date_input import DateInput, DateTimeInput

COUNT_FIELDS = (
    ("victims_killed", QT_TRANSLATE_NOOP("IncidentForm", "Victims &killed")),
    ("victims_injured", QT_TRANSLATE_NOOP("IncidentForm", "Victims &injured")),
    ("perpetrators_killed", QT_TRANSLATE_NOOP("IncidentForm", "Perpetrators ki&lled")),
    ("perpetrators_injured", QT_TRANSLATE_NOOP("IncidentForm", "Perpetrators in&jured")),
    ("suspects_count", QT_TRANSLATE_NOOP("IncidentForm", "S&uspects")),
    ("arrests_count", QT_TRANSLATE_NOOP("IncidentForm", "A&rrests")),
)
MOMENT_UNKNOWN = QT_TRANSLATE_NOOP("IncidentForm", "Not known (leave it empty when it is not known)")
WITHHELD = QT_TRANSLATE_NOOP("IncidentForm", "Withheld: your role cannot read this")  # never shown as empty
SENSITIVE_NOTE = QT_TRANSLATE_NOOP(
    "IncidentForm", "Removed from CSV exports and reports shared outside the office unless you choose to include them."
)
MESSAGE_TITLES = {  # the fields as messages name them
    "status_history": QT_TRANSLATE_NOOP("IncidentForm", "Legal history"),
    "attack_type_2": QT_TRANSLATE_NOOP("IncidentForm", "Second attack type"),
    "attack_type_3": QT_TRANSLATE_NOOP("IncidentForm", "Third attack type"),
    "target_type_2": QT_TRANSLATE_NOOP("IncidentForm", "Second target"),
    "target_type_3": QT_TRANSLATE_NOOP("IncidentForm", "Third target"),
}


class IncidentForm(RecordForm):
    """All fields of an incident, its legal history a list of entries; `edited_record()` after exec() ==
    Accepted carries the history as entered and the status of its latest entry by date."""

    kind = RecordKind.INCIDENT

    def __init__(self, record: Incident | None, facilities: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(record is not None, parent)
        self.record = record
        self.title = QLineEdit()
        self.title.setMaxLength(300)
        self.title.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 44)
        self.case_number = QLineEdit()
        self.case_number.setMaxLength(64)
        self.case_number.setPlaceholderText(self.tr("none"))
        self.facility = FacilityPicker(facilities)
        self.facility_choice = FacilityChoice(self.facility)  # `facility_choice.adder` adds a missing facility
        self.occurred = DateInput(self.tr("Occurred"), empty_text=self.tr("Date unknown (leave it empty when it is "
                                                                          "not known)"),
                                  says_problems=False)  # fmt: skip
        self.discovered_at = DateTimeInput(
            self.tr("Discovered"), empty_text=self.tr(MOMENT_UNKNOWN), says_problems=False
        )
        self.reported_at = DateTimeInput(self.tr("Reported"), empty_text=self.tr(MOMENT_UNKNOWN), says_problems=False)
        self.attacks = TypeChoices(AttackType, "attack_type")
        self.attack_type = self.attacks.primary
        self.targets = TypeChoices(TargetType, "target_type")
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("Completed"), "completed")
        self.outcome.addItem(self.tr("Attempted (failed or foiled)"), "attempted")
        self.severity = EnumCombo(Severity)
        self.weapons = WeaponListEditor()
        self.counts = {key: CountEdit() for key, _ in COUNT_FIELDS}
        self.response = ResponseFields.create()
        self.property_damage = EnumCombo(DamageStatus)
        self.damage_estimate = CountEdit()
        self.legal_history = LegalHistoryEditor()
        self.investigating_agencies = QLineEdit()
        self.investigating_agencies.setPlaceholderText(self.tr("e.g. FBI; local police"))
        self.description = TextBox(5)
        self.sources = TextBox(3)
        self.suspect_names = TextBox(2)
        self.personal_details = TextBox(2)
        mark_sensitive(*(getattr(self, name) for name in SENSITIVE_INCIDENT_FIELDS))  # copies leave the clipboard
        self.related = RelatedIncidentsField(record)  # links (issue 10): `related.attach(IncidentChoices)` searches
        self.timeline = TimelinePanel(record)  # `timeline.attach(TimelineService)`: stored at once, not on Save

        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        left.addWidget(self._incident_group())
        left.addWidget(self._weapons_group())
        left.addWidget(self._casualties_group())
        left.addWidget(related_group(self, self.related))  # links (issue 10)
        left.addStretch(1)
        right.addWidget(self._legal_group())
        right.addWidget(self._narrative_group(), 1)
        right.addWidget(self._sensitive_group())
        content = QWidget()
        sections = QVBoxLayout(content)
        sections.addLayout(columns)
        sections.addWidget(timeline_group(self.timeline))  # timeline
        self.tab_stop(self.timeline)
        layout = QVBoxLayout(self)
        layout.addWidget(self.wrap_in_scroll_area(content), 1)
        layout.addWidget(self.general_message)
        layout.addWidget(self.buttons)
        self._load(record)
        self.finish_loading()
        self._size_to_content(content)

    # ---- layout ------------------------------------------------------------------------------
    def _incident_group(self) -> QGroupBox:
        group = QGroupBox(kind_heading(self.kind))
        form = QFormLayout(group)
        form.addRow(*self.field("title", self.tr("&Title"), self.title))
        form.addRow(*self.field("case_number", self.tr("&Case number"), self.case_number))
        form.addRow(*self.field("facility", self.tr("&Facility"), self.facility_choice, focus=self.facility,
                                targets=[self.facility]))  # fmt: skip
        form.addRow(*self.field("occurred", self.tr("&Occurred"), self.occurred, focus=self.occurred.edit,
                                targets=[self.occurred.edit]))  # fmt: skip
        for key, label, moment in (
            ("discovered_at", self.tr("Disco&vered"), self.discovered_at),
            ("reported_at", self.tr("Re&ported"), self.reported_at),
        ):
            form.addRow(*self.field(key, label, moment, focus=moment.edit, targets=[moment.edit]))  # fmt: skip
        form.addRow(*self._choices_row(self.attacks, self.tr("&Attack types"), (self.tr("&2nd"), self.tr("&3rd"))))
        form.addRow(*self._choices_row(self.targets, self.tr("Tar&gets"), (self.tr("2n&d"), self.tr("3r&d"))))
        form.addRow(*self.field("completed", self.tr("Outco&me"), self.outcome))
        form.addRow(*self.field("severity", self.tr("Severit&y"), self.severity))
        return group

    def _choices_row(self, choices: TypeChoices, label: str, more: tuple[str, str]) -> tuple[QLabel, QWidget]:
        """The primary type under `label`, the second and third beside it under their own short labels."""
        first_label, first = self.field(choices.name, label, choices.primary)
        boxes, labels = [first], []
        for key, text, combo in zip(choices.keys[1:], more, choices.combos[1:], strict=True):
            small, box = self.field(key, text, combo)
            self._slots[key].title = self.tr(MESSAGE_TITLES[key])
            boxes.append(box)
            labels.append(small)
        return first_label, in_a_row(*boxes, labels=tuple(labels))

    def _weapons_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Weapons"))
        layout = QVBoxLayout(group)
        label, box = self.field(
            "weapons",
            self.tr("&Weapon type and subtype"),
            self.weapons,
            focus=self.weapons.kind,
            targets=[self.weapons.subtype],
        )
        layout.addWidget(label)
        layout.addWidget(box)
        return group

    def _casualties_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Casualties, arrests, response and damage (empty = unknown)"))
        grid = QGridLayout(group)
        cells = [(key, self.tr(label), self.counts[key]) for key, label in COUNT_FIELDS] + [
            ("hostages", self.tr("&Hostages/kidnapping"), self.response.hostages),
            ("perpetrator_outcome", self.tr("Perpetrators' fate (respo&nse)"), self.response.outcome),
            ("property_damage", self.tr("Property &damage"), self.property_damage),
            ("damage_estimate_usd", self.tr("&Estimate (USD)"), self.damage_estimate),
            ("property_extent", self.tr("Damage e&xtent"), self.response.extent),
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

    def _legal_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Legal history and investigation"))
        layout = QVBoxLayout(group)
        label, box = self.field("status_history", self.tr("Legal &history (shown by date)"), self.legal_history,
                                focus=self.legal_history.table, targets=[self.legal_history.table])  # fmt: skip
        self._slots["status_history"].title = self.tr(MESSAGE_TITLES["status_history"])
        layout.addWidget(label)
        layout.addWidget(box)
        form = QFormLayout()
        form.addRow(
            *self.field("investigating_agencies", self.tr("Investigating agen&cies"), self.investigating_agencies)
        )
        layout.addLayout(form)
        return group

    def _narrative_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Description and sources"))
        form = QFormLayout(group)
        form.addRow(*self.field("description", self.tr("Descr&iption"), self.description))
        form.addRow(*self.field("sources", self.tr("Sour&ces"), self.sources))
        return group

    def _sensitive_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Sensitive — redacted on sharing"))
        group.setObjectName("sensitive")
        group.setToolTip(self.tr(SENSITIVE_NOTE))
        form = QFormLayout(group)
        note = QLabel(self.tr(SENSITIVE_NOTE))
        note.setWordWrap(True)
        note.setObjectName("sensitive_note")
        self.sensitive_note = note  # says "Withheld: …" when this login may not read the fields
        form.addRow(note)
        form.addRow(*self.field("suspect_names", self.tr("Suspect na&mes"), self.suspect_names))
        form.addRow(*self.field("personal_details", self.tr("Personal de&tails"), self.personal_details))
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
        self.attacks.set_value(incident)
        self.targets.set_value(incident)
        self.outcome.setCurrentIndex(0 if incident.completed else 1)
        self.severity.set_value(incident.severity)
        self.weapons.set_value(incident.weapons)
        for key, edit in self.counts.items():
            edit.set_value(getattr(incident, key))
        self.response.set_value(incident)
        self.property_damage.set_value(incident.property_damage)
        self.damage_estimate.set_value(incident.damage_estimate_usd)
        if record is None:
            self.legal_history.start_new()
        else:
            self.legal_history.set_value(incident.status_history, incident.status)
        self.investigating_agencies.setText(incident.investigating_agencies)
        self.description.setPlainText(incident.description)
        self.sources.setPlainText(incident.sources)
        self.suspect_names.setPlainText(incident.suspect_names)
        self.personal_details.setPlainText(incident.personal_details)
        self._withhold(incident.withheld)
        self.related.set_value(incident.related_uuids)  # links (issue 10)

    def _withhold(self, withheld: frozenset[str]) -> None:
        """Fields this login may not read say so (never shown as if empty) and cannot be typed in."""
        for name in SENSITIVE_INCIDENT_FIELDS:
            if name not in withheld:
                continue
            box: TextBox = getattr(self, name)
            box.setReadOnly(True)
            box.setPlaceholderText(self.tr(WITHHELD))
            box.setToolTip(self.tr(WITHHELD))
            box.setAccessibleDescription(self.tr(WITHHELD))
            box.setProperty("withheld", True)
        if withheld:
            self.sensitive_note.setText(self.tr(WITHHELD))

    def build(self) -> tuple[Incident, list[FieldError]]:
        problems: list[FieldError] = []
        facility_uuid = self.facility.value()
        if facility_uuid is None:
            add = self.tr("; New facility… adds it") if self.facility_choice.adder is not None else ""
            problems.append(FieldError("facility", f"must be chosen from the list (no facility is named "
                                                   f"“{self.facility_choice.typed()}”{add})"))  # fmt: skip
        if pending := self.weapons.pending():
            message = self.tr("“{pending}” is typed but not added: press Add (or Enter) or clear it").format(
                pending=pending
            )
            problems.append(FieldError("weapons", message))
        occurred = PartialDate()
        try:
            occurred = self.occurred.value()
        except ValueError as error:
            problems.append(FieldError("occurred", f"cannot be read: {error}"))
        problems.extend(FieldError("status_history", text) for text in self.legal_history.problems(date.today()))
        problems.extend(related_problems(self.related))  # links (issue 10)
        read = self._read_typed(problems)
        damage = self.property_damage.value()
        values = dict(
            facility_uuid=facility_uuid or "",
            facility_name=self.facility.currentText().strip() if facility_uuid else "",
            title=self.title.text().strip(),
            case_number=self.case_number.text().strip() or None,
            occurred=occurred,
            weapons=self.weapons.value(),
            completed=self.outcome.currentData() == "completed",
            severity=self.severity.value(),
            property_damage=damage,
            damage_estimate_usd=None if damage is DamageStatus.NO else read.pop("damage_estimate_usd"),
            investigating_agencies=self.investigating_agencies.text().strip(),
            status=self.legal_history.current_status(),
            status_history=self.legal_history.value(),
            description=self.description.toPlainText().strip(),
            sources=self.sources.toPlainText().strip(),
            suspect_names=self.suspect_names.toPlainText().strip(),
            personal_details=self.personal_details.toPlainText().strip(),
            **self.attacks.values(),
            **self.targets.values(),
            **self.response.values(damage, self.record),
            related_uuids=self.related.value(),  # links (issue 10)
            **{key: value for key, value in read.items() if key != "damage_estimate_usd"},
        )
        if self.record is not None:
            return replace(self.record, **values), problems
        return Incident(**values), problems

    def _read_typed(self, problems: list[FieldError]) -> dict[str, object]:
        """Counts and moments as typed; one that cannot be read is a problem (and None), never a changed value."""
        editors: dict[str, CountEdit | DateTimeInput] = {
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

    def domain_errors(self, record: Incident) -> list[FieldError]:
        """Every rule of an incident, its legal history against today included (the service checks again)."""
        return incident_errors(record, date.today())

    def domain_warnings(self, record: Incident) -> list[FieldError]:
        """Discovered or reported after today: said under the field, still saved."""
        return incident_date_warnings(record, date.today())

    def sync_widgets(self) -> None:
        damage = self.property_damage.value()
        self.damage_estimate.setEnabled(damage is not DamageStatus.NO)
        self.response.sync(damage)
        self.attacks.sync()
        self.targets.sync()

    def save(self) -> None:
        """Save shows every entry's problems; a wrong entry gets the cursor in its date."""
        self.legal_history.reveal()
        super().save()
        if self.isVisible() and (errors := self.current_errors()) and errors[0].field == "status_history":
            self.legal_history.focus_first_problem(date.today())
