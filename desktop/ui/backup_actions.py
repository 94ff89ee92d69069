"""File-menu actions `Back up now…` and `Restore from backup…`, the restore dialog, and a record's History view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import StorageError
from desktop.domain.kinds import RecordKind
from desktop.paths import AppPaths
from desktop.persistence.engine import sqlite_file
from desktop.persistence.instance_lock import InstanceLockedError
from desktop.persistence.private_files import make_private_folder
from desktop.persistence.unit_of_work import Database, utc_now
from desktop.services.audit import history, record_label
from desktop.services.backup import (
    BackupError,
    BackupInfo,
    BackupLabel,
    BackupSummary,
    back_up_to,
    backup_info,
    backup_name,
    list_backups,
    verify_backup,
)
from desktop.services.session.questions import OpenElsewhereError
from desktop.ui.dialogs.history_dialog import HistoryDialog, local_time
from desktop.ui.feature_actions import FeatureActions
from desktop.ui.session import Session
from desktop.ui.translated import translate
from desktop.ui.waiting_read import read_and_wait

BACKUP_FILTER = "Incident Logger backups (*.sqlite3);;All files (*)"


def summary_text(summary: BackupSummary) -> str:
    """What a checked backup holds, or why it cannot be used."""
    if not summary.ok:
        return translate("BackupActions", "This backup cannot be used: {message}").format(message=summary.check.message)
    return translate(
        "BackupActions",
        "Checked: intact (SQLite integrity check passed). It holds {facilities} facilities, {incidents} incidents and "
        "{plan_items} plan items.",
    ).format(facilities=summary.facilities, incidents=summary.incidents, plan_items=summary.plan_items)


class RestoreDialog(QDialog):
    """Lists backups, newest first; the selected one is checked (`inspect`) and shown. Returns the choice
    through chosen(); it never restores anything itself."""

    COL_TAKEN, COL_KIND, COL_SIZE, COL_FILE = range(4)

    def __init__(
        self,
        parent: QWidget | None,
        backups: list[BackupInfo],
        inspect: Callable[[Path], BackupSummary],
        *,
        intro: str = "",
        other_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(720, 380)
        self.inspect = inspect
        self.other_folder = other_folder or Path.home()
        self.summaries: dict[Path, BackupSummary] = {}
        self.infos: list[BackupInfo] = []
        self.intro = QLabel(intro or self.tr("Choose the backup to restore. The data you have now is first saved as a "
                                             "backup "
                            "(“before a restore”), so nothing is lost."), self)  # fmt: skip
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("backup_table")
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Kind"), self.tr("Size"), self.tr("File")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.details = QLabel(self)
        self.details.setObjectName("backup_details")
        self.details.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore this backup"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.other_button = QPushButton(self.tr("&Other file…"), self)
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.other_button.clicked.connect(self.choose_other_file)
        self.table.itemSelectionChanged.connect(self._show_selected)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.table, self.details, self.buttons):
            layout.addWidget(widget)
        for info in backups:
            self.add_backup(info)
        if backups:
            self.table.selectRow(0)
        else:
            self.details.setText(self.tr("There are no backups yet. Use “Other file…” to choose a backup file."))
        self._show_selected()

    def add_backup(self, info: BackupInfo, *, first: bool = False) -> None:
        row = 0 if first else self.table.rowCount()
        self.table.insertRow(row)
        self.infos.insert(row, info)
        kind = info.label.label if info.label else self.tr("other file")
        cells = (
            local_time(info.taken_at),
            kind,
            self.tr("{value:,.0f} KiB").format(value=info.size / 1024),
            info.path.name,
        )
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(str(info.path))
            self.table.setItem(row, column, item)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.infos[rows[0].row()] if rows else None

    def chosen(self) -> BackupSummary | None:
        """The selected backup, when it passed its check."""
        info = self.selected()
        summary = self.summaries.get(info.path) if info else None
        return summary if summary is not None and summary.ok else None

    def _show_selected(self) -> None:
        info = self.selected()
        if info is None:
            self.restore_button.setEnabled(False)
            return
        if info.path not in self.summaries:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.summaries[info.path] = self.inspect(info.path)
            finally:
                QGuiApplication.restoreOverrideCursor()
        summary = self.summaries[info.path]
        self.details.setText(summary_text(summary))
        self.restore_button.setEnabled(summary.ok)

    def choose_other_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a backup file"), str(self.other_folder), BACKUP_FILTER)
        dialog.setObjectName("other_backup_file_dialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self._add_other(Path(name)))
        dialog.open()

    def _add_other(self, path: Path) -> None:
        known = next((i for i, info in enumerate(self.infos) if info.path == path), None)
        if known is None:
            self.add_backup(backup_info(path), first=True)
            known = 0
        self.table.selectRow(known)


class BackupActions(FeatureActions):
    """Owns `backup_action` and `restore_action` (add them to the File menu) and `show_history(kind, uuid)`, for
    the session's database. Dialogs open window-modal without blocking; `current_dialog` is the one on screen.
    Results are told in a message box and by the signals `backed_up(path)`, `restored(backup path)` and
    `failed(message)`; a restore also by the session's `records_changed` (of every kind)."""

    backed_up = Signal(str)
    restored = Signal(str)

    def __init__(
        self,
        parent_window: QWidget,
        session: Session,
        app_paths: AppPaths,
    ) -> None:
        super().__init__(parent_window, session)
        self.app_paths = app_paths
        self.backup_action = self.action(self.tr("&Back up now…"), "backup_action",
                                         self.tr("Write a verified copy of the database to a file of your choice"),
                                         self.back_up_now)  # fmt: skip
        self.restore_action = self.action(self.tr("&Restore from backup…"), "restore_action",
                                          self.tr("Replace the data by a backup; the current data is saved as a "
                                                  "backup first"),
                                          self.restore_from_backup)  # fmt: skip

    # ---- back up --------------------------------------------------------------------------------------------

    def _database_file(self, title: str) -> tuple[Database, Path] | None:
        database = self.session.database
        path = sqlite_file(database.url)
        if path is None:
            self._tell(title, self.tr("Backups are made of SQLite database files. This database is on a server: back "
                                      "it up "
                       "with the server's own tools."), QMessageBox.Icon.Information)  # fmt: skip
            return None
        return database, path

    def back_up_now(self) -> None:
        found = self._database_file(self.tr("Back up now"))
        if found is None:
            return
        _, path = found
        make_private_folder(self.app_paths.backup_dir)
        suggested = self.app_paths.backup_dir / backup_name(path, BackupLabel.MANUAL, utc_now())
        dialog = QFileDialog(self.window, self.tr("Back up now"), str(suggested), BACKUP_FILTER)
        dialog.setObjectName("backup_file_dialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("sqlite3")
        dialog.selectFile(str(suggested))
        dialog.fileSelected.connect(lambda name: self.back_up_to(Path(name)))
        self._open(dialog)

    def back_up_to(self, destination: Path) -> None:
        found = self._database_file(self.tr("Back up now"))
        if found is None:
            return
        _, path = found
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            taken = back_up_to(path, destination)
            summary = verify_backup(taken.path)
        except BackupError as error:
            QGuiApplication.restoreOverrideCursor()
            self._fail(self.tr("Back up now"), self.tr("The backup was not written: {error}").format(error=error))
            return
        QGuiApplication.restoreOverrideCursor()
        self._status(self.tr("Backup written to {path}").format(path=taken.path))
        self._tell(
            self.tr("Back up now"),
            self.tr("The backup was written to {path} and checked.\n\n{summary_text}").format(
                path=taken.path, summary_text=summary_text(summary)
            ),
            QMessageBox.Icon.Information,
            name="backup_done",
        )
        self.backed_up.emit(str(taken.path))

    # ---- restore --------------------------------------------------------------------------------------------

    def restore_from_backup(self) -> None:
        found = self._database_file(self.tr("Restore from backup"))
        if found is None:
            return
        _, path = found
        dialog = RestoreDialog(self.window, list_backups(self.app_paths.backup_dir, path), verify_backup,
                               other_folder=self.app_paths.backup_dir)  # fmt: skip
        dialog.accepted.connect(lambda: self._restore_chosen(dialog))
        self._open(dialog)

    def _restore_chosen(self, dialog: RestoreDialog) -> None:
        chosen = dialog.chosen()
        if chosen is not None:
            self.restore(chosen.info.path)

    def restore(self, backup: Path) -> None:
        """Replace the open database by `backup`; refused while another Incident Logger has it open."""
        if self._database_file(self.tr("Restore from backup")) is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self.session.restore(backup, self.app_paths.backup_dir, move_damaged=True)  # kept as .damaged
        except OpenElsewhereError as error:
            self._fail(self.tr("Restore from backup"), str(error))
            return
        except (BackupError, InstanceLockedError, StorageError) as error:
            self._fail(self.tr("Restore from backup"), self.tr("Nothing was restored: {error}").format(error=error))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        saved = (
            self.tr(" The data you had was saved as {name}.").format(name=result.previous.path.name)
            if result.previous
            else ""
        )
        when = local_time(result.restored_from.info.taken_at)
        self._status(self.tr("Restored the backup of {when}").format(when=when))
        self._tell(
            self.tr("Restore from backup"),
            self.tr("Restored the backup of {when}.{saved}").format(when=when, saved=saved),
            QMessageBox.Icon.Information,
            name="restore_done",
        )
        self.restored.emit(str(backup))

    # ---- history --------------------------------------------------------------------------------------------

    def show_history(self, kind: RecordKind, uuid: str) -> None:
        """Open the History view of one record (window-modal, read-only)."""
        database = self.session.database
        try:
            entries, name = read_and_wait(self.session, lambda: (history(database, uuid),
                                          record_label(database, kind, uuid)), now=database.is_sqlite)  # fmt: skip
        except StorageError as error:
            self._fail(self.tr("History"), str(error))
            return
        self._open(HistoryDialog(self.window, kind, uuid, [e for e in entries if e.entity == kind], name=name))

    # ---- helpers --------------------------------------------------------------------------------------------

    def _fail(self, title: str, message: str) -> None:
        self.failed.emit(message)
        self._tell(title, message, QMessageBox.Icon.Warning, name="backup_error")

    def _tell(self, title: str, message: str, icon: QMessageBox.Icon, *, name: str = "backup_message") -> None:
        box = QMessageBox(icon, title, message, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName(name)
        self._open(box)
