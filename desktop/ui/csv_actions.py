"""File-menu and toolbar actions `Export CSV…` (Ctrl+E) and `Import CSV…` (Ctrl+I): the dialogs, the services
behind a progress dialog with Cancel, and the outcome in the status bar or the import dialog's report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.kinds import RecordKind
from desktop.domain.passphrases import Passphrase
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.export import ExportOptions, ExportResult
from desktop.services.csv.files import export_file, written_files
from desktop.services.csv.importer import ImportOptions, ImportReport, import_csv
from desktop.services.csv.protected import protected_path
from desktop.services.csv.sheet import Profile
from desktop.ui import error_dialogs
from desktop.ui.dialogs.export_dialog import ExportDialog
from desktop.ui.dialogs.import_dialog import ImportDialog
from desktop.ui.dialogs.progress import run_with_progress
from desktop.ui.error_dialogs import EXPECTED
from desktop.ui.feature_actions import FeatureActions
from desktop.ui.plain_export_question import export_with_protection
from desktop.ui.session import Session
from desktop.ui.settings import WindowSettings
from desktop.ui.translated import kind_plural


class CsvActions(FeatureActions):
    """Owns `export_action` and `import_action`; put them in the File menu and the toolbar. They work on the
    session's database.

    `current_filter(table)` returns the filter the tab of the kind with that table name (RecordKind.table)
    shows, or None; `current_entity()` (optional) names the tab in front, which the export dialog preselects.
    A committed import is told by the session's `records_changed` (the kinds it wrote). The dialogs open
    window-modal without blocking; `exported(path, rows)`, `imported(report)` and `failed(message)` tell
    what came of them. The export dialog offers the profile chosen last (kept in `settings`, when given), else
    the one for spreadsheets."""

    exported = Signal(str, int)
    imported = Signal(object)

    def __init__(
        self,
        parent_window: QWidget,
        session: Session,
        current_filter: Callable[[str], object | None],
        *,
        current_entity: Callable[[], str] = lambda: RecordKind.INCIDENT.table,
        default_directory: Path | None = None,
        settings: WindowSettings | None = None,
    ) -> None:
        super().__init__(parent_window, session)
        self.settings = settings
        self.current_filter = current_filter
        self.current_entity = current_entity
        self.directory = default_directory or Path.home()
        self.export_dialog: ExportDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.export_action = self.action(
            self.tr("&Export CSV…"),
            "export_csv_action",
            self.tr("Write incidents, facilities, plan items or directives to a CSV, ZIP or Excel (XLSX) file"),
            self.export_csv,
            "Ctrl+E",
        )
        self.import_action = self.action(
            self.tr("&Import CSV…"),
            "import_csv_action",
            self.tr("Read incidents, facilities, plan items or directives from a CSV file (all or nothing)"),
            self.import_csv,
            "Ctrl+I",
        )

    def _database(self, doing: str) -> Database | None:
        if not self.session.is_open:
            self.failed.emit(self.tr("No database is open."))
            error_dialogs.show_box(self.window, QMessageBox.Icon.Warning, doing, self.tr("No database is open."), "")
            return None
        return self.session.database

    def _fail(self, doing: str, error: BaseException) -> None:
        self.failed.emit(str(error))
        self.session.failed(error)  # a lost server: the bar and its retries
        error_dialogs.show_error(self.window, error, doing)

    def _current_kind(self) -> RecordKind:
        try:
            return RecordKind.parse(self.current_entity())
        except ValueError:
            return RecordKind.INCIDENT

    # --- export ---------------------------------------------------------------------------------------------------

    def export_csv(self) -> None:
        if self._database(self.tr("Export CSV")) is None:
            return
        entity = self._current_kind()
        filters = {kind: self.current_filter(kind.table) for kind in RecordKind}
        remembered = self.settings.export_profile() if self.settings is not None else ""
        profile = Profile(remembered) if remembered in set(Profile) else Profile.SPREADSHEET
        dialog = ExportDialog(self.window, entity=entity, view_filters=filters, directory=self.directory,
                              profile=profile)  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._export(dialog))
        dialog.destroyed.connect(self._forget_export_dialog)
        self.export_dialog = dialog
        dialog.open()

    def _forget_export_dialog(self, *_: object) -> None:
        self.export_dialog = None

    def _export(self, dialog: ExportDialog) -> None:
        database = self._database(self.tr("Export CSV"))
        if database is None:
            return
        path, options = dialog.output_path(), dialog.options()
        self.directory = path.parent
        if self.settings is not None:
            self.settings.save_export_profile(options.profile.value)
        try:
            sensitive = options.sensitive_included()
        except ValueError as error:
            self._fail(self.tr("Export CSV"), error)
            return
        export_with_protection(self.window, database, sensitive=sensitive, written=protected_path(path, options),
                               write=lambda protect: self._write(database, path, options, protect),
                               opened=self._track)  # fmt: skip

    def _write(self, database: Database, path: Path, options: ExportOptions, protect: Passphrase | None) -> None:
        """Write the export behind a progress dialog (in a protected ZIP with `protect`), then say how it went."""
        written = protected_path(path, options) if protect is not None else path
        try:
            result: ExportResult = run_with_progress(
                self.window,
                self.tr("Export"),
                self.tr("Writing {plural} to {name}…").format(plural=kind_plural(options.entity), name=written.name),
                lambda progress: export_file(database, path, options, progress, protect=protect),
                in_worker=not database.is_sqlite,  # a server: the window keeps turning while a statement waits
            )
        except (*EXPECTED, ValueError) as error:
            self._fail(self.tr("Export CSV"), error)
            return
        if result.cancelled:
            self._status(self.tr("Export cancelled; no file was written."))
            return
        if protect is not None:
            self._status(
                self.tr("{rows} {plural} exported to {written}, protected by a passphrase").format(
                    rows=result.rows, plural=kind_plural(options.entity), written=written
                )
            )
            self.exported.emit(str(written), result.rows)
            return
        files = written_files(path, options)
        also = self.tr(", their legal history to {name}").format(name=files[1].name) if len(files) > 1 else ""
        self._status(
            self.tr("{rows} {plural} exported to {path}{also}").format(
                rows=result.rows, plural=kind_plural(options.entity), path=path, also=also
            )
        )
        self.exported.emit(str(path), result.rows)

    # --- import ---------------------------------------------------------------------------------------------------

    def import_csv(self, path: Path | None = None) -> None:
        if self._database(self.tr("Import CSV")) is None:
            return
        entity = self._current_kind()
        dialog = ImportDialog(self.window, entity=entity, directory=self.directory, path=path or None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.preview_requested.connect(lambda: self._import(dialog, dry_run=True))
        dialog.import_requested.connect(lambda: self._import(dialog, dry_run=False))
        dialog.destroyed.connect(self._forget_import_dialog)
        self.import_dialog = dialog
        dialog.open()

    def _forget_import_dialog(self, *_: object) -> None:
        self.import_dialog = None

    def _import(self, dialog: ImportDialog, *, dry_run: bool) -> None:
        database = self._database(self.tr("Import CSV"))
        if database is None:
            return
        source, options = dialog.source(), dialog.options(dry_run=dry_run)
        self.directory = source.parent
        matches_stored = "uuid" in (options.mapping or ())  # only a row with a uuid can conflict with a record
        if not dry_run and matches_stored and not dialog.conflicts_reviewed:  # conflicts are chosen, not defaulted
            checked = self._run_import(dialog, database, source, replace(options, dry_run=True))
            if checked is None:
                return
            if checked.conflicts or not checked.accepted:
                dialog.show_report(checked)
                if checked.conflicts:
                    dialog.status_label.setText(
                        self.tr("{summary} Choose which version to keep for each conflict below, then Import.").format(
                            summary=checked.summary()
                        )
                    )
                return
        report = self._run_import(dialog, database, source, options)
        if report is None:
            return
        dialog.show_report(report)
        if report.committed:
            kinds = [RecordKind.FACILITY] if report.facilities_created else []  # named by the rows, created
            self.session.changed(*dict.fromkeys([*kinds, options.entity]))
            self._status(report.summary())
            self.imported.emit(report)
            dialog.accept()

    def _run_import(self, dialog: ImportDialog, database: Database, source: Path,
                    options: ImportOptions) -> ImportReport | None:  # fmt: skip
        """Run the import (or its check) behind a progress dialog; None after a failure that was said."""
        verb = self.tr("Checking") if options.dry_run else self.tr("Importing")
        try:
            report: ImportReport = run_with_progress(
                dialog, self.tr("Import CSV"), f"{verb} {source.name}…",
                lambda progress: import_csv(database, source, options, progress),
                in_worker=not database.is_sqlite,  # a server: the window keeps turning while a statement waits
            )  # fmt: skip
        except EXPECTED as error:
            self._fail(self.tr("Import CSV"), error)
            return None
        return report
