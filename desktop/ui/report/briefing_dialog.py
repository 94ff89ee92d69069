"""Options of the briefing PDF: period, marking, author, facilities, sensitive fields (left out unless ticked, which
asks first) and the file to write; it only returns values."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.queries import IncidentFilter
from desktop.services.briefing import MARKINGS, BriefingOptions, computer_user, suggested_file_name
from desktop.ui.dialogs.sensitive_question import ask_to_include_sensitive, sensitive_fields_text
from desktop.ui.theme import themed_style
from desktop.ui.widgets.date_input import DayInput

UUID_ROLE = Qt.ItemDataRole.UserRole


class BriefingDialog(QDialog):
    """Pre-filled from the incident filter; `options()` and `output_path()` give the choice after accept."""

    def __init__(
        self,
        parent: QWidget | None,
        facilities: list[tuple[str, str]],
        where: IncidentFilter,
        default_path: Path,
        today: date,
        *,
        marking: str = "",
        prepared_by: str = "",
    ) -> None:
        """`default_path`: its folder, and its name unless it is the one suggested for `marking` (then the name
        follows the marking chosen); `prepared_by` empty: the computer's user."""
        super().__init__(parent)
        self.setObjectName("briefing_dialog")
        self.setWindowTitle(self.tr("Export briefing (PDF)"))
        self._today = today

        self.period = QGroupBox(self.tr("Limit to incidents that occurred in a &period"), self)
        self.period.setCheckable(True)
        self.period.setChecked(where.occurred_from is not None or where.occurred_to is not None)
        self.date_from = DayInput(
            self.tr("From"), empty_text=self.tr("no start"), today=lambda: today, says_problems=False
        )
        self.date_to = DayInput(self.tr("To"), empty_text=self.tr("no end"), today=lambda: today, says_problems=False)
        self.date_from.set_bound("first")
        self.date_to.set_bound("last")
        self.date_from.setObjectName("date_from")
        self.date_to.setObjectName("date_to")
        self.date_from.set_value(where.occurred_from or date(today.year, 1, 1))
        self.date_to.set_value(where.occurred_to or today)
        period_form = QFormLayout(self.period)
        period_form.addRow(self.tr("&From:"), self.date_from)
        period_form.addRow(self.tr("&To:"), self.date_to)

        self.marking = QComboBox(self)
        self.marking.setObjectName("marking")
        self.marking.setEditable(True)
        self.marking.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.marking.addItems(["", *MARKINGS])
        self.marking.setCurrentText(marking)
        marking_edit = self.marking.lineEdit()
        assert marking_edit is not None
        marking_edit.setPlaceholderText(self.tr("none"))
        self.marking.setToolTip(self.tr("Printed at the top and bottom of every page and in the file name, e.g. CUI"))
        self.prepared_by = QLineEdit(prepared_by or computer_user(), self)
        self.prepared_by.setObjectName("prepared_by")
        self.prepared_by.setPlaceholderText(self.tr("your name"))
        self._suggested = suggested_file_name(today, marking)
        marking_form = QFormLayout()
        marking_form.addRow(self.tr("Handling &marking:"), self.marking)
        marking_form.addRow(self.tr("Prepared b&y:"), self.prepared_by)

        self.facility_list = QListWidget(self)
        self.facility_list.setObjectName("facility_list")
        for uuid, name in facilities:
            item = QListWidgetItem(name, self.facility_list)
            item.setData(UUID_ROLE, uuid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if uuid in where.facility_uuids else Qt.CheckState.Unchecked)
        facilities_label = QLabel(self.tr("F&acilities (none checked: all facilities):"), self)
        facilities_label.setBuddy(self.facility_list)

        self.include_sensitive = QCheckBox(
            self.tr("&Include sensitive fields ({sensitive_fields_text})").format(
                sensitive_fields_text=sensitive_fields_text()
            ),
            self,
        )
        self.include_sensitive.setObjectName("include_sensitive")
        self.include_sensitive.setToolTip(
            self.tr("Left out unless ticked; ticking asks first, and the audit trail records it")
        )
        self.include_sensitive.toggled.connect(self._include_toggled)
        self.sensitive_question: QMessageBox | None = None  # open while asking whether to include them

        self.path_edit = QLineEdit(str(default_path), self)
        self.path_edit.setObjectName("output_path")
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        path_label = QLabel(self.tr("&Save as:"), self)
        path_label.setBuddy(self.path_edit)

        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        themed_style(self.problem, "color: $error;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export_button")
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.period)
        layout.addLayout(marking_form)
        layout.addWidget(facilities_label)
        layout.addWidget(self.facility_list, 1)
        layout.addWidget(self.include_sensitive)
        layout.addWidget(path_label)
        layout.addLayout(path_row)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        for signal in (self.period.toggled, self.date_from.changed, self.date_to.changed,
                       self.path_edit.textChanged):  # fmt: skip
            signal.connect(self._check)
        self.marking.currentTextChanged.connect(self._marking_changed)
        self.prepared_by.textChanged.connect(self._check)
        self._check()
        self.resize(520, 520)

    def _include_toggled(self, checked: bool) -> None:
        """Ticking "Include sensitive fields" asks first; Cancel unticks it again."""
        if checked and self.sensitive_question is None:
            self.sensitive_question = ask_to_include_sensitive(self, self.tr("this briefing"), self._sensitive_answered)

    def _sensitive_answered(self, include: bool) -> None:
        self.sensitive_question = None
        if not include:
            self.include_sensitive.setChecked(False)

    def _marking_changed(self, marking: str) -> None:
        """The suggested file name follows the marking (briefing-2019-09-12-CUI.pdf); a name typed is kept."""
        path = Path(self.path_edit.text().strip())
        suggested = suggested_file_name(self._today, marking)
        if path.name == self._suggested:
            self.path_edit.setText(str(path.with_name(suggested)))
        self._suggested = suggested
        self._check()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save briefing as"), self.path_edit.text(), self.tr("PDF files (*.pdf)")
        )
        if chosen:
            self.path_edit.setText(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")

    def _problems(self) -> list[str]:
        problems = [
            f"{edit.name}: {problem}"
            for edit in (self.date_from, self.date_to)
            if self.period.isChecked() and (problem := edit.problem()) is not None
        ]
        problems += self.options().problems()
        if not self.path_edit.text().strip():
            problems.append(self.tr("choose where to save the PDF"))
        return problems

    def _check(self, *_: object) -> None:
        problems = self._problems()
        text = "; ".join(problems)
        self.problem.setText(text[:1].upper() + text[1:])
        self.export_button.setEnabled(not problems)

    def accept(self) -> None:
        if not self._problems():
            super().accept()

    def selected_facilities(self) -> tuple[str, ...]:
        items = (self.facility_list.item(row) for row in range(self.facility_list.count()))
        return tuple(str(i.data(UUID_ROLE)) for i in items if i.checkState() == Qt.CheckState.Checked)

    def _bound(self, edit: DayInput) -> date | None:
        """The day typed (None: that end open, or not readable, which `_problems` tells)."""
        try:
            return edit.value() if self.period.isChecked() else None
        except ValueError:
            return None

    def options(self) -> BriefingOptions:
        return BriefingOptions(
            occurred_from=self._bound(self.date_from),
            occurred_to=self._bound(self.date_to),
            facility_uuids=self.selected_facilities(),
            redact=not (self.include_sensitive.isChecked() and self.sensitive_question is None),  # once agreed
            as_of=self._today,
            marking=self.marking.currentText().strip(),
            prepared_by=self.prepared_by.text().strip(),
        )

    def output_path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()
