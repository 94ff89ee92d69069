"""The Import CSV dialog: the file, what it holds, its encoding and delimiter, how its columns are read (matched
automatically, changeable per column), and the report of a preview or an import. It reads the file's header to
offer the mapping, and asks for the preview and the import with signals; it never writes to the database."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.kinds import RecordKind
from desktop.services.csv.detect import DELIMITER_NAMES, ENCODING_NAMES, FileLayout, FileProblem, auto_mapping
from desktop.services.csv.importer import ImportOptions, ImportReport, legal_history_beside, read_layout
from desktop.services.csv.sheet import import_columns
from desktop.ui.dialogs.conflict_panel import ConflictPanel
from desktop.ui.translated import kind_heading_plural

CSV_FILTER = "CSV files, or a ZIP file holding one (*.csv *.txt *.zip);;All files (*)"
IGNORE = "(ignore)"
FILE_COLUMN, EXAMPLE, READ_AS = range(3)


class ImportDialog(QDialog):
    """Emits preview_requested() and import_requested(); the owner runs the service with options() and source()
    and shows the outcome with show_report(). Closing it never imports anything."""

    preview_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None, *, entity: RecordKind = RecordKind.INCIDENT,
                 directory: Path | None = None, path: Path | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import CSV"))
        self.directory = directory or Path.home()
        self.layout_found: FileLayout | None = None
        self.history_name = ""  # the legal history file read with it ("" for none)
        self.report: ImportReport | None = None
        self.path_edit = QLineEdit(str(path) if path else "")
        self.path_edit.setObjectName("path_edit")
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setObjectName("browse_button")
        self.entity_combo = QComboBox()
        self.entity_combo.setObjectName("entity_combo")
        for choice in RecordKind:
            self.entity_combo.addItem(kind_heading_plural(choice), choice)
        self.entity_combo.setCurrentIndex(list(RecordKind).index(entity))
        self.encoding_combo = QComboBox()
        self.encoding_combo.setObjectName("encoding_combo")
        for code, name in ENCODING_NAMES.items():
            self.encoding_combo.addItem(name, code)
        self.delimiter_combo = QComboBox()
        self.delimiter_combo.setObjectName("delimiter_combo")
        for code, name in DELIMITER_NAMES.items():
            self.delimiter_combo.addItem(name.capitalize(), code)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setObjectName("mapping_table")
        self.mapping_table.setAccessibleName(self.tr("Columns of the file and how each is read"))
        self.mapping_table.setHorizontalHeaderLabels([self.tr("File column"), self.tr("Example"), self.tr("Read as")])
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping_table.verticalHeader().setVisible(False)
        self.create_facilities = QCheckBox(self.tr("&Create facilities that the file names but the database lacks"))
        self.create_facilities.setObjectName("create_facilities")
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        self.conflict_panel = ConflictPanel()
        self.conflicts_reviewed = False  # the conflicts of this file and mapping were shown (Import then imports)
        self.report_view = QPlainTextEdit()
        self.report_view.setObjectName("report_view")
        self.report_view.setReadOnly(True)
        self.report_view.setPlaceholderText(self.tr("Preview checks every row and lists each problem with its line and "
                                            "column; nothing is written until you import."))  # fmt: skip
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = self.buttons.addButton(self.tr("&Preview"), QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setObjectName("preview_button")
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setObjectName("import_button")
        self._lay_out()
        self.browse_button.clicked.connect(self._browse)
        self.path_edit.editingFinished.connect(self.read_file)
        self.entity_combo.currentIndexChanged.connect(lambda _index: self._fill_mapping())
        self.encoding_combo.currentIndexChanged.connect(lambda _index: self._reread())
        self.delimiter_combo.currentIndexChanged.connect(lambda _index: self._reread())
        self.preview_button.clicked.connect(self.preview_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.buttons.rejected.connect(self.reject)
        self._set_ready(False)
        if path:
            self.read_file()

    def _lay_out(self) -> None:
        form = QFormLayout()
        path = QHBoxLayout()
        path.addWidget(self.path_edit)
        path.addWidget(self.browse_button)
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.path_edit)  # the label of a row of several widgets needs its buddy said
        form.addRow(file_label, path)
        form.addRow(self.tr("&Holds:"), self.entity_combo)
        form.addRow(self.tr("E&ncoding:"), self.encoding_combo)
        form.addRow(self.tr("&Delimiter:"), self.delimiter_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Columns (matched by name; choose how each is read):")))
        layout.addWidget(self.mapping_table, 2)
        layout.addWidget(self.create_facilities)
        layout.addWidget(self.status_label)
        layout.addWidget(self.conflict_panel, 2)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 680)

    @property
    def entity(self) -> RecordKind:
        return RecordKind(self.entity_combo.currentData())

    def source(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import CSV"), str(self.directory), CSV_FILTER)
        if chosen:
            self.path_edit.setText(chosen)
            self.read_file()

    def _set_ready(self, ready: bool) -> None:
        self.preview_button.setEnabled(ready)
        self.import_button.setEnabled(ready)

    def read_file(self) -> None:
        """Detect the encoding and delimiter, read the header and offer the mapping."""
        self.report_view.clear()
        self.layout_found = None
        try:
            found = read_layout(self.source(), None)
            self.history_name = legal_history_beside(self.source(), RecordKind.INCIDENT)
        except FileProblem as error:
            self._show_unreadable(str(error))
            return
        except OSError as error:
            self._show_unreadable(self.tr("cannot read the file: {value}").format(value=error.strerror or error))
            return
        self.layout_found = found
        for combo, value in ((self.encoding_combo, found.encoding), (self.delimiter_combo, found.delimiter)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self._fill_mapping()

    def _reread(self) -> None:
        """Read the header again with the encoding and delimiter the person chose."""
        if self.layout_found is None or zipfile.is_zipfile(self.source()):
            return  # a ZIP file's table is read as detected
        encoding, delimiter = self.encoding_combo.currentData(), self.delimiter_combo.currentData()
        try:
            with self.source().open(encoding=encoding, errors="replace", newline="") as file:
                rows = csv.reader(file, delimiter=delimiter)
                header = tuple(next(rows, []))
                samples = tuple(tuple(row) for _, row in zip(range(5), rows, strict=False))
        except (OSError, csv.Error) as error:
            self._show_unreadable(str(error))
            return
        found = self.layout_found
        self.layout_found = FileLayout(encoding, delimiter, header, samples, found.size)
        self._fill_mapping()

    def _show_unreadable(self, message: str) -> None:
        self.mapping_table.setRowCount(0)
        self.status_label.setText(self.tr("This file cannot be imported: {message}").format(message=message))
        self._set_ready(False)

    def forget_conflicts(self) -> None:
        """The file or how it is read changed: its conflicts are to be found (and shown) again."""
        self.conflicts_reviewed = False
        self.conflict_panel.clear()

    def _fill_mapping(self) -> None:
        self.forget_conflicts()
        found = self.layout_found
        if found is None:
            return
        columns = import_columns(self.entity)
        automatic = auto_mapping(self.entity, found.header)
        self.mapping_table.setRowCount(len(found.header))
        for row, (name, key) in enumerate(zip(found.header, automatic, strict=True)):
            self.mapping_table.setItem(row, FILE_COLUMN, QTableWidgetItem(name))
            example = found.samples[0][row] if found.samples and row < len(found.samples[0]) else ""
            self.mapping_table.setItem(row, EXAMPLE, QTableWidgetItem(example))
            combo = QComboBox()
            combo.setObjectName(f"read_as_{row}")
            combo.addItem(IGNORE, None)
            for column in columns:
                combo.addItem(f"{column.title} ({column.key})", column.key)
            combo.setCurrentIndex(max(0, combo.findData(key)) if key else 0)
            combo.currentIndexChanged.connect(lambda _index: self.forget_conflicts())
            self.mapping_table.setCellWidget(row, READ_AS, combo)
        matched = sum(key is not None for key in automatic)
        history = ""
        if self.history_name and self.entity is RecordKind.INCIDENT and "status_history" not in automatic:
            history = self.tr(" The legal history is read from {name}.").format(name=Path(self.history_name).name)
        self.status_label.setText(
            self.tr("{get}, {get2}-separated; {matched} of {len} columns matched.{history}").format(
                get=ENCODING_NAMES.get(found.encoding, found.encoding),
                get2=DELIMITER_NAMES.get(found.delimiter, found.delimiter),
                matched=matched,
                len=len(found.header),
                history=history,
            )
        )
        self._set_ready(bool(found.header))

    def read_as(self, row: int) -> QComboBox:
        combo = self.mapping_table.cellWidget(row, READ_AS)
        assert isinstance(combo, QComboBox)
        return combo

    def mapping(self) -> tuple[str | None, ...]:
        return tuple(self.read_as(row).currentData() for row in range(self.mapping_table.rowCount()))

    def options(self, *, dry_run: bool) -> ImportOptions:
        return ImportOptions(entity=self.entity, mapping=self.mapping(), encoding=self.encoding_combo.currentData(),
                             delimiter=self.delimiter_combo.currentData(),
                             create_facilities=self.create_facilities.isChecked(), dry_run=dry_run,
                             decisions=self.conflict_panel.decisions())  # fmt: skip

    def show_report(self, report: ImportReport) -> None:
        """The report, and its conflicts to choose for (kept as chosen when the same records conflict again)."""
        self.report = report
        if report.accepted and not report.committed:
            self.conflict_panel.show_conflicts(report.conflicts, previous=self.conflict_panel.decisions())
            self.conflicts_reviewed = True
        self.status_label.setText(report.summary())
        self.report_view.setPlainText("\n".join(report.lines()))
