"""Export evidence package…: the selected incident's files, verified, with manifests and custody report, as a ZIP."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.domain.errors import RecordNotFoundError, StorageError
from desktop.domain.evidence import size_text
from desktop.domain.kinds import RecordKind
from desktop.domain.passphrases import Passphrase
from desktop.services.attachments import AttachmentService
from desktop.services.evidence_package import PackageError, export_package, withheld_text
from desktop.services.records import IncidentService
from desktop.ui.dialogs.sensitive_question import ask_to_include_sensitive
from desktop.ui.feature_actions import FeatureActions
from desktop.ui.plain_export_question import export_with_protection
from desktop.ui.session import Session
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate

TITLE = QT_TRANSLATE_NOOP("EvidenceActions", "Export evidence package")
ZIP_FILTER = QT_TRANSLATE_NOOP("EvidenceActions", "ZIP files (*.zip);;All files (*)")


def suggested_name(case_number: str, uuid: str) -> str:
    """ "evidence-TAC-2019-0713.zip", or by the incident's uuid when it has no case number."""
    label = re.sub(r"[^\w.-]+", "-", case_number).strip("-.") or uuid[:8]
    return f"evidence-{label}.zip"


class EvidenceActions(FeatureActions):
    """Owns `export_package_action` (File menu, the incident's context menu). It asks where to save (a file
    dialog), whether to include the attachments marked sensitive (only when there are some), writes the package,
    then tells the result in a box: `exported(path, files)` or `failed(message)`."""

    exported = Signal(str, int)

    def __init__(self, parent_window: QWidget, session: Session,
                 selected: Callable[[], tuple[RecordKind, str] | None], *,
                 default_directory: Path | None = None) -> None:  # fmt: skip
        super().__init__(parent_window, session)
        self.selected = selected
        self.default_directory = default_directory or Path.home()
        self.export_package_action = self.action(
            self.tr("Export &evidence package…"), "export_evidence_action",
            self.tr("Write the selected incident's attached files, verified against their SHA-256, with manifests and "
                    "a "
            "custody report, as one ZIP file"), self.export_package)  # fmt: skip

    def export_package(self) -> None:
        if not self.session.is_open:
            self._fail(self.tr("No database is open."))
            return
        chosen = self.selected()
        if chosen is None or chosen[0] is not RecordKind.INCIDENT:
            self._status(self.tr("Select an incident on the Incidents tab first."))
            return
        database = self.session.database
        try:
            incident = IncidentService(database).get(chosen[1])
            sensitive = sum(a.sensitive for a in AttachmentService(database).of(RecordKind.INCIDENT, incident.uuid))
        except (RecordNotFoundError, StorageError) as error:
            self._fail(str(error))
            return
        suggested = self.default_directory / suggested_name(incident.case_number or "", incident.uuid)
        dialog = QFileDialog(
            self.window, translate("EvidenceActions", TITLE), str(suggested), translate("EvidenceActions", ZIP_FILTER)
        )
        dialog.setObjectName("evidence_file_dialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("zip")
        dialog.selectFile(str(suggested))
        dialog.fileSelected.connect(lambda name: self._chosen(incident.uuid, Path(name), sensitive))
        self._open(dialog)

    def _chosen(self, uuid: str, path: Path, sensitive: int) -> None:
        self.default_directory = path.parent
        if not sensitive:
            self.write(uuid, path, include_sensitive=False)
            return
        what = (
            self.tr("the %n attachment marked sensitive", "", sensitive)
            if sensitive == 1
            else self.tr("the %n attachments marked sensitive", "", sensitive)
        )
        box = ask_to_include_sensitive(self.window, self.tr("this evidence package"),
                                       lambda include: self.write(uuid, path, include_sensitive=include),
                                       what=what)  # fmt: skip
        self._track(box)

    def write(self, uuid: str, path: Path, *, include_sensitive: bool) -> None:
        """Write the package of incident `uuid` to `path` and tell the result; with sensitive attachments from an
        encrypted database, first ask whether to protect it with a passphrase (plain_export_question)."""
        export_with_protection(self.window, self.session.database, sensitive=include_sensitive, written=path,
                               write=lambda protect: self._write(uuid, path, include_sensitive, protect),
                               opened=self._track)  # fmt: skip

    def _write(self, uuid: str, path: Path, include_sensitive: bool, protect: Passphrase | None) -> None:
        from desktop.ui.report.custody_pdf import write_custody_pdf  # the PDF code: on export only

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = export_package(self.session.database, uuid, path, include_sensitive=include_sensitive,
                                    custody_pdf=write_custody_pdf, protect=protect)  # fmt: skip
        except (PackageError, StorageError) as error:
            QGuiApplication.restoreOverrideCursor()
            self._fail(self.tr("The evidence package was not written: {error}").format(error=error))
            return
        QGuiApplication.restoreOverrideCursor()
        manifest = result.manifest
        count = len(manifest.files)
        self._status(self.tr("Evidence package written to {path}").format(path=path))
        self._tell(
            self.tr(
                "The evidence package was written to {path}: {files} ({size_text}), each "
                "checked against its SHA-256, with the manifests and the custody report; "
                "{withheld_text}{protected}."
            ).format(
                path=path,
                files=self.tr("%n file", "", count) if count == 1 else self.tr("%n files", "", count),
                size_text=size_text(manifest.total_bytes),
                withheld_text=withheld_text(manifest),
                protected=self.tr(". Every file in it is protected by the passphrase") if protect is not None else "",
            ),
            QMessageBox.Icon.Information,
            "evidence_done",
        )
        self.exported.emit(str(path), count)

    # ---- helpers --------------------------------------------------------------------------------------------

    def _fail(self, message: str) -> None:
        self.failed.emit(message)
        self._tell(message, QMessageBox.Icon.Warning, "evidence_error")

    def _tell(self, message: str, icon: QMessageBox.Icon, name: str) -> None:
        box = QMessageBox(
            icon, translate("EvidenceActions", TITLE), message, QMessageBox.StandardButton.Ok, self.window
        )
        box.setObjectName(name)
        self._open(box)
