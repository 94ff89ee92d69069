"""The Export dialog: what to export (entity, all rows or the view's), for whom (spreadsheets or a round trip),
which columns, byte order mark, redaction (sensitive fields left out by default; including them asks first) and
the file (.csv, .zip or .xlsx). It returns options(); it never writes anything itself."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.kinds import RecordKind
from desktop.services.csv.export import ExportOptions, FileFormat, Redaction, describe_filter
from desktop.services.csv.files import written_files
from desktop.services.csv.format import COLUMNS
from desktop.services.csv.sheet import SHEET_COLUMNS, Profile
from desktop.ui.dialogs.sensitive_question import ask_to_include_sensitive
from desktop.ui.translated import choice_label, kind_heading_plural

FILTERS = {
    "CSV files (*.csv)": ".csv",
    "ZIP file: the CSV files and a README (*.zip)": ".zip",
    "Excel workbook (*.xlsx)": ".xlsx",
}
FILE_FILTER = ";;".join([*FILTERS, "All files (*)"])
KEY_ROLE = Qt.ItemDataRole.UserRole


class ExportDialog(QDialog):
    """`view_filters` holds, per entity, the filter its tab shows (None: none). The row choice "as shown" uses it."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        entity: RecordKind = RecordKind.INCIDENT,
        view_filters: Mapping[RecordKind, object | None] | None = None,
        directory: Path | None = None,
        profile: Profile = Profile.SPREADSHEET,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export"))
        self.view_filters = dict(view_filters or {})
        self.directory = directory or Path.home()
        self.suggested_path = ""
        self.entity_combo = QComboBox()
        self.entity_combo.setObjectName("entity_combo")
        for choice in RecordKind:
            self.entity_combo.addItem(kind_heading_plural(choice), choice)
        self.all_rows = QRadioButton(self.tr("&All rows"))
        self.all_rows.setObjectName("all_rows")
        self.view_rows = QRadioButton(self.tr("Only the rows the &view shows"))
        self.view_rows.setObjectName("view_rows")
        self.rows_group = QButtonGroup(self)
        self.rows_group.addButton(self.all_rows)
        self.rows_group.addButton(self.view_rows)
        self.filter_label = QLabel()
        self.filter_label.setObjectName("filter_label")
        self.filter_label.setWordWrap(True)
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("profile_combo")
        for made_for in (Profile.SPREADSHEET, Profile.ROUND_TRIP):
            self.profile_combo.addItem(choice_label(made_for), made_for)
        self.profile_combo.setCurrentIndex(self.profile_combo.findData(profile))
        self.profile_note = QLabel()
        self.profile_note.setObjectName("profile_note")
        self.profile_note.setWordWrap(True)
        self.columns_list = QListWidget()
        self.columns_list.setObjectName("columns_list")
        self.all_columns = QPushButton(self.tr("Select a&ll"))
        self.all_columns.setObjectName("all_columns")
        self.no_columns = QPushButton(self.tr("Select &none"))
        self.no_columns.setObjectName("no_columns")
        self.bom_check = QCheckBox(self.tr("Start with a byte order mark (for Excel)"))
        self.bom_check.setObjectName("bom_check")
        self.bom_check.setToolTip(self.tr("Files for spreadsheets always start with one: Excel needs it to read UTF-8"))
        self.bom_choice = False
        self.redaction_combo = QComboBox()
        self.redaction_combo.setObjectName("redaction_combo")
        for redaction in (Redaction.OMIT, Redaction.MASK, Redaction.NONE):
            self.redaction_combo.addItem(choice_label(redaction), redaction)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path_edit")
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setObjectName("browse_button")
        self.files_label = QLabel()
        self.files_label.setObjectName("files_label")
        self.files_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("&Export"))
        self.export_button.setObjectName("export_button")
        self._lay_out()
        self.entity_combo.currentIndexChanged.connect(self._entity_changed)
        self.sensitive_question: QMessageBox | None = None  # open while asking whether to include them
        self._agreed_redaction = Redaction.OMIT  # the choice before "Include them", which Cancel goes back to
        self.profile_combo.currentIndexChanged.connect(self._profile_changed)
        self.redaction_combo.currentIndexChanged.connect(self._redaction_chosen)
        self.all_columns.clicked.connect(lambda: self._check_all(True))
        self.no_columns.clicked.connect(lambda: self._check_all(False))
        self.columns_list.itemChanged.connect(lambda _item: self._update_buttons())
        self.path_edit.textChanged.connect(lambda _text: self._update_buttons())
        self.columns_list.itemChanged.connect(lambda _item: self._show_files())
        self.path_edit.textChanged.connect(lambda _text: self._show_files())
        self.browse_button.clicked.connect(self._browse)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.entity_combo.setCurrentIndex(list(RecordKind).index(entity))
        self._entity_changed()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Export:"), self.entity_combo)
        rows = QVBoxLayout()
        rows.addWidget(self.all_rows)
        rows.addWidget(self.view_rows)
        rows.addWidget(self.filter_label)
        form.addRow(self.tr("Rows:"), rows)
        form.addRow(self.tr("&Made for:"), self.profile_combo)
        form.addRow("", self.profile_note)
        column_buttons = QHBoxLayout()
        column_buttons.addWidget(self.all_columns)
        column_buttons.addWidget(self.no_columns)
        column_buttons.addStretch()
        columns = QVBoxLayout()
        columns.addWidget(self.columns_list)
        columns.addLayout(column_buttons)
        form.addRow(self._buddy(self.tr("&Columns:"), self.columns_list), columns)
        form.addRow(self.tr("Sensitive fields:"), self.redaction_combo)
        form.addRow("", self.bom_check)
        path = QHBoxLayout()
        path.addWidget(self.path_edit)
        path.addWidget(self.browse_button)
        form.addRow(self._buddy(self.tr("&File:"), self.path_edit), path)
        form.addRow("", self.files_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(560, 620)

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        """A row label whose Alt+letter goes to `widget` (a row of several widgets gets none by itself)."""
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    @property
    def entity(self) -> RecordKind:
        return RecordKind(self.entity_combo.currentData())

    @property
    def profile(self) -> Profile:
        return Profile(self.profile_combo.currentData())

    @property
    def redaction(self) -> Redaction:
        """What happens to the sensitive fields: "Include them" only once agreed to in the question."""
        return self._agreed_redaction if self.entity is RecordKind.INCIDENT else Redaction.NONE

    def _entity_changed(self) -> None:
        entity = self.entity
        where = self.view_filters.get(entity)
        shown = describe_filter(where) if where is not None else ""
        self.view_rows.setEnabled(bool(shown))
        self.filter_label.setText(
            self.tr("The view shows: {shown}").format(shown=shown)
            if shown
            else self.tr("The view shows every row (no filter).")
        )
        (self.view_rows if shown else self.all_rows).setChecked(True)
        self.redaction_combo.setEnabled(entity is RecordKind.INCIDENT)
        suggested = str(self.directory / f"{entity.table}.csv")
        if self.path_edit.text() in ("", self.suggested_path):  # keep a path the person typed
            self.path_edit.setText(suggested)
        self.suggested_path = suggested
        self._profile_changed()

    def _profile_changed(self) -> None:
        """The columns of the entity in the chosen profile (all ticked), the byte order mark and the notes."""
        sheet = self.profile is Profile.SPREADSHEET
        self.columns_list.blockSignals(True)
        self.columns_list.clear()
        listed = [(c.header, c.key, c.sensitive) for c in SHEET_COLUMNS[self.entity]] if sheet else [
            (c.title, c.key, c.sensitive) for c in COLUMNS[self.entity]]  # fmt: skip
        for title, key, sensitive in listed:
            item = QListWidgetItem(f"{title} ({key})" + (self.tr("  – sensitive") if sensitive else ""))
            item.setData(KEY_ROLE, key)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, "sensitive" if sensitive else "")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.columns_list.addItem(item)
        self.columns_list.blockSignals(False)
        if self.bom_check.isEnabled() and sheet:
            self.bom_choice = self.bom_check.isChecked()  # the person's, given back for a round trip
        self.bom_check.setEnabled(not sheet)
        self.bom_check.setChecked(sheet or self.bom_choice)
        self.profile_note.setText(
            self.tr("Names for people as headers, labels, dates a spreadsheet reads as dates; the legal history in "
                    "its own "
            "file. Imports back.") if sheet else self.tr("Column keys, codes and labels, dates in EDTF, the legal "
                                                         "history "
            "in one cell: the layout scripts and other databases read. Imports back."))  # fmt: skip
        self._redaction_changed()
        self._show_files()

    def _redaction_chosen(self) -> None:
        """Choosing "Include them" asks first; Cancel puts the redacted choice back."""
        chosen = Redaction(self.redaction_combo.currentData())
        if chosen is not Redaction.NONE or self._agreed_redaction is Redaction.NONE:
            self._agreed_redaction = chosen
        elif self.sensitive_question is None:
            self.sensitive_question = ask_to_include_sensitive(self, self.tr("this CSV file"), self._sensitive_answered)
        self._redaction_changed()

    def _sensitive_answered(self, include: bool) -> None:
        self.sensitive_question = None
        if include:
            self._agreed_redaction = Redaction.NONE
            self._redaction_changed()
        else:
            self.redaction_combo.setCurrentIndex(self.redaction_combo.findData(self._agreed_redaction))

    def _redaction_changed(self) -> None:
        omit = self.redaction is Redaction.OMIT
        for index in range(self.columns_list.count()):
            item = self.columns_list.item(index)
            if item.data(Qt.ItemDataRole.AccessibleDescriptionRole) != "sensitive":
                continue
            flags = item.flags() & ~Qt.ItemFlag.ItemIsEnabled if omit else item.flags() | Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
        self._update_buttons()

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for index in range(self.columns_list.count()):
            self.columns_list.item(index).setCheckState(state)

    def chosen_columns(self) -> tuple[str, ...]:
        """Checked column keys (sensitive ones left out when redaction omits them)."""
        keys = []
        for index in range(self.columns_list.count()):
            item = self.columns_list.item(index)
            if item.checkState() == Qt.CheckState.Checked and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                keys.append(str(item.data(KEY_ROLE)))
        return tuple(keys)

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(bool(self.chosen_columns()) and bool(self.path_edit.text().strip()))

    def _browse(self) -> None:
        current = FileFormat.of(self.path_edit.text())
        chosen_filter = next(name for name, suffix in FILTERS.items() if suffix == f".{current.value}")
        chosen, used = QFileDialog.getSaveFileName(
            self, self.tr("Export"), self.path_edit.text(), FILE_FILTER, chosen_filter
        )
        if chosen:
            path = Path(chosen)
            self.path_edit.setText(str(path if path.suffix else path.with_suffix(FILTERS.get(used, ".csv"))))

    def output_path(self) -> Path:
        path = Path(self.path_edit.text().strip()).expanduser()
        return path if path.suffix else path.with_suffix(".csv")

    def _show_files(self) -> None:
        """Say which files the export writes (a spreadsheet CSV of incidents: also the legal history beside it)."""
        if not self.path_edit.text().strip():
            self.files_label.setText("")
            return
        try:
            files = written_files(self.output_path(), self.options())
        except ValueError:
            self.files_label.setText("")
            return
        kind = {FileFormat.ZIP: self.tr("a ZIP file with a README"), FileFormat.XLSX: self.tr("an Excel workbook")}.get(
            FileFormat.of(files[0]), "CSV")  # fmt: skip
        names = " and ".join(p.name for p in files)
        self.files_label.setText(self.tr("Writes {names} ({kind}).").format(names=names, kind=kind))

    def options(self) -> ExportOptions:
        entity = self.entity
        where = self.view_filters.get(entity) if self.view_rows.isChecked() else None
        return ExportOptions(entity=entity, columns=self.chosen_columns(), where=where,  # type: ignore[arg-type]
                             bom=self.bom_check.isChecked(), redaction=self.redaction,
                             profile=self.profile)  # fmt: skip
