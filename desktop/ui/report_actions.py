"""File-menu actions for reports: `Export briefing (PDF)…` opens the options dialog and writes the PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from desktop.domain.errors import StorageError
from desktop.domain.passphrases import Passphrase
from desktop.domain.queries import IncidentFilter
from desktop.persistence.unit_of_work import Database
from desktop.services.protected_zip import protected_target
from desktop.services.records import FacilityService
from desktop.ui.feature_actions import FeatureActions
from desktop.ui.plain_export_question import export_with_protection
from desktop.ui.session import Session
from desktop.ui.settings import WindowSettings

if TYPE_CHECKING:
    from desktop.services.briefing import BriefingOptions
    from desktop.ui.report.briefing_dialog import BriefingDialog


class ReportActions(FeatureActions):
    """Owns `export_briefing_action`; add it to the File menu. The dialog opens window-modal (not blocking);
    on Export the PDF of the session's database is written, then `exported(path, pages)` or `failed(message)`
    is emitted. The marking and the author's name chosen are remembered in `settings` for the next briefing."""

    exported = Signal(str, int)

    def __init__(
        self,
        parent_window: QWidget,
        session: Session,
        current_filter: Callable[[], IncidentFilter],
        *,
        today: Callable[[], date] = date.today,
        default_directory: Path | None = None,
        settings: WindowSettings | None = None,
    ) -> None:
        super().__init__(parent_window, session)
        self.current_filter = current_filter
        self.today = today
        self.default_directory = default_directory or Path.home()
        self.settings = settings
        self.dialog: BriefingDialog | None = None
        self.export_briefing_action = self.action(
            self.tr("Export &briefing (PDF)…"), "export_briefing_action",
            self.tr("Write a PDF briefing: summary figures, charts, incidents and plan items for a period and "
                    "facilities"),
            self.export_briefing)  # fmt: skip

    def export_briefing(self) -> None:
        if not self.session.is_open:
            self._fail(self.tr("No database is open."))
            return
        database = self.session.database
        try:
            facilities = FacilityService(database).names()
        except StorageError as error:
            self._fail(str(error))
            return
        from desktop.services.briefing import suggested_file_name  # the briefing's code: when it is asked for
        from desktop.ui.report.briefing_dialog import BriefingDialog

        today = self.today()
        marking = self.settings.briefing_marking() if self.settings else ""
        prepared_by = self.settings.briefing_prepared_by() if self.settings else ""
        default_path = self.default_directory / suggested_file_name(today, marking)
        dialog = BriefingDialog(self.window, facilities, self.current_filter(), default_path, today, marking=marking,
                                prepared_by=prepared_by)  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._write(database, dialog))
        dialog.destroyed.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()

    def _forget_dialog(self, *_: object) -> None:
        self.dialog = None

    def _write(self, database: Database, dialog: BriefingDialog) -> None:
        path, options = dialog.output_path(), dialog.options()
        self.default_directory = path.parent
        if self.settings is not None:
            self.settings.save_briefing(options.marking, options.prepared_by)
        export_with_protection(self.window, database, sensitive=not options.redact, written=protected_target(path),
                               write=lambda protect: self._write_pdf(database, path, options, protect),
                               opened=self._track)  # fmt: skip

    def _write_pdf(self, database: Database, path: Path, options: BriefingOptions, protect: Passphrase | None) -> None:
        from desktop.ui.report.briefing_pdf import BriefingError, write_briefing  # the PDF code: on export only

        written = protected_target(path) if protect is not None else path
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = write_briefing(database, path, options, protect=protect)
        except (BriefingError, StorageError) as error:
            QGuiApplication.restoreOverrideCursor()
            self._fail(str(error))
            return
        QGuiApplication.restoreOverrideCursor()
        protected = self.tr(", protected by a passphrase") if protect is not None else ""
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(
                self.tr("Briefing written to {written} ({pages} pages{protected})").format(
                    written=written, pages=pages, protected=protected
                ),
                10_000,
            )
        self.exported.emit(str(written), pages)

    def _fail(self, message: str) -> None:
        self.failed.emit(message)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export briefing"), message, QMessageBox.StandardButton.Ok,
                          self.window)  # fmt: skip
        box.setObjectName("briefing_error")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
