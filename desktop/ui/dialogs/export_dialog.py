"""The Export CSV dialog: what to export (entity, all rows or the view's), which columns, byte order mark,
redaction (sensitive fields left out by default; including them asks first) and the file. It returns options();
it never writes anything itself."""

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
from desktop.services.csv.export import ExportOptions, Redaction, describe_filter
from desktop.services.csv.format import COLUMNS
from desktop.ui.dialogs.sensitive_question import ask_to_include_sensitive

CSV_FILTER = "CSV files (*.csv);;All files (*)"
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
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle("Export CSV")
        self.view_filters = dict(view_filters or {})
        self.directory = directory or Path.home()
        self.suggested_path = ""
        self.entity_combo = QComboBox()
        self.entity_combo.setObjectName("entity_combo")
        for choice in RecordKind:
            self.entity_combo.addItem(choice.heading_plural, choice)
        self.all_rows = QRadioButton("&All rows")
        self.all_rows.setObjectName("all_rows")
        self.view_rows = QRadioButton("Only the rows the &view shows")
        self.view_rows.setObjectName("view_rows")
        self.rows_group = QButtonGroup(self)
        self.rows_group.addButton(self.all_rows)
        self.rows_group.addButton(self.view_rows)
        self.filter_label = QLabel()
        self.filter_label.setObjectName("filter_label")
        self.filter_label.setWordWrap(True)
        self.columns_list = QListWidget()
        self.columns_list.setObjectName("columns_list")
        self.all_columns = QPushButton("Select a&ll")
        self.all_columns.setObjectName("all_columns")
        self.no_columns = QPushButton("Select &none")
        self.no_columns.setObjectName("no_columns")
        self.bom_check = QCheckBox("Start with a byte order mark (for Excel)")
        self.bom_check.setObjectName("bom_check")
        self.redaction_combo = QComboBox()
        self.redaction_combo.setObjectName("redaction_combo")
        for redaction in (Redaction.OMIT, Redaction.MASK, Redaction.NONE):
            self.redaction_combo.addItem(redaction.label, redaction)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path_edit")
        self.browse_button = QPushButton("&Browse…")
        self.browse_button.setObjectName("browse_button")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText("&Export")
        self.export_button.setObjectName("export_button")
        self._lay_out()
        self.entity_combo.currentIndexChanged.connect(self._entity_changed)
        self.sensitive_question: QMessageBox | None = None  # open while asking whether to include them
        self._agreed_redaction = Redaction.OMIT  # the choice before "Include them", which Cancel goes back to
        self.redaction_combo.currentIndexChanged.connect(self._redaction_chosen)
        self.all_columns.clicked.connect(lambda: self._check_all(True))
        self.no_columns.clicked.connect(lambda: self._check_all(False))
        self.columns_list.itemChanged.connect(lambda _item: self._update_buttons())
        self.path_edit.textChanged.connect(lambda _text: self._update_buttons())
        self.browse_button.clicked.connect(self._browse)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.entity_combo.setCurrentIndex(list(RecordKind).index(entity))
        self._entity_changed()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("&Export:", self.entity_combo)
        rows = QVBoxLayout()
        rows.addWidget(self.all_rows)
        rows.addWidget(self.view_rows)
        rows.addWidget(self.filter_label)
        form.addRow("Rows:", rows)
        column_buttons = QHBoxLayout()
        column_buttons.addWidget(self.all_columns)
        column_buttons.addWidget(self.no_columns)
        column_buttons.addStretch()
        columns = QVBoxLayout()
        columns.addWidget(self.columns_list)
        columns.addLayout(column_buttons)
        form.addRow("&Columns:", columns)
        form.addRow("Sensitive fields:", self.redaction_combo)
        form.addRow("", self.bom_check)
        path = QHBoxLayout()
        path.addWidget(self.path_edit)
        path.addWidget(self.browse_button)
        form.addRow("&File:", path)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(560, 620)

    @property
    def entity(self) -> RecordKind:
        return RecordKind(self.entity_combo.currentData())

    @property
    def redaction(self) -> Redaction:
        """What happens to the sensitive fields: "Include them" only once agreed to in the question."""
        return self._agreed_redaction if self.entity is RecordKind.INCIDENT else Redaction.NONE

    def _entity_changed(self) -> None:
        entity = self.entity
        self.columns_list.blockSignals(True)
        self.columns_list.clear()
        for column in COLUMNS[entity]:
            item = QListWidgetItem(f"{column.title} ({column.key})" + ("  – sensitive" if column.sensitive else ""))
            item.setData(KEY_ROLE, column.key)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, "sensitive" if column.sensitive else "")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.columns_list.addItem(item)
        self.columns_list.blockSignals(False)
        where = self.view_filters.get(entity)
        shown = describe_filter(where) if where is not None else ""
        self.view_rows.setEnabled(bool(shown))
        self.filter_label.setText(f"The view shows: {shown}" if shown else "The view shows every row (no filter).")
        (self.view_rows if shown else self.all_rows).setChecked(True)
        self.redaction_combo.setEnabled(entity is RecordKind.INCIDENT)
        self._redaction_changed()
        suggested = str(self.directory / f"{entity.table}.csv")
        if self.path_edit.text() in ("", self.suggested_path):  # keep a path the person typed
            self.path_edit.setText(suggested)
        self.suggested_path = suggested

    def _redaction_chosen(self) -> None:
        """Choosing "Include them" asks first; Cancel puts the redacted choice back."""
        chosen = Redaction(self.redaction_combo.currentData())
        if chosen is not Redaction.NONE or self._agreed_redaction is Redaction.NONE:
            self._agreed_redaction = chosen
        elif self.sensitive_question is None:
            self.sensitive_question = ask_to_include_sensitive(self, "this CSV file", self._sensitive_answered)
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
        chosen, _ = QFileDialog.getSaveFileName(self, "Export CSV", self.path_edit.text(), CSV_FILTER)
        if chosen:
            self.path_edit.setText(chosen)

    def output_path(self) -> Path:
        path = Path(self.path_edit.text().strip()).expanduser()
        return path if path.suffix else path.with_suffix(".csv")

    def options(self) -> ExportOptions:
        entity = self.entity
        where = self.view_filters.get(entity) if self.view_rows.isChecked() else None
        return ExportOptions(entity=entity, columns=self.chosen_columns(), where=where,  # type: ignore[arg-type]
                             bom=self.bom_check.isChecked(), redaction=self.redaction)  # fmt: skip
