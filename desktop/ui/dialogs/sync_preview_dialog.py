"""The synchronization's preview: what will be sent and received per kind, the conflicts and the choice made for
each (field by field in the comparison dialog; keep deleted or keep edited), Synchronize once all are chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.sync import KindCounts, RecordConflict, Resolution, SyncedKind, SyncPreview
from desktop.ui.dialogs.record_conflict_dialog import FieldConflict, RecordConflictDialog
from desktop.ui.sync import words
from desktop.ui.translated import translate

KIND, RECORD, DIFFERS, CHOICE = range(4)


def _cell(text: str, *, right: bool = False, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
    return item


def _table(name: str, accessible: str, columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    return table


class SyncPreviewDialog(QDialog):
    """`preview` shown; `chosen` holds a Resolution per conflict uuid (given ones from `previous` kept when the same
    record is in conflict again). Resolve conflicts… walks the conflicts not chosen yet (all of them once every one
    is chosen), Enter or a double-click on a conflict resolves that one; Synchronize accepts once every conflict has
    a choice (`resolutions()`, in the preview's order); Cancel (Esc) writes nothing."""

    def __init__(self, preview: SyncPreview, parent: QWidget | None = None, *,
                 previous: dict[str, Resolution] | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("sync_preview_dialog")
        self.setWindowTitle(self.tr("Synchronize with {server}").format(server=words.server_name(preview.server)))
        self.preview = preview
        known = {conflict.uuid for conflict in preview.conflicts}
        self.chosen: dict[str, Resolution] = {u: r for u, r in (previous or {}).items() if u in known}
        everything = words.total(preview.counts)
        self.summary = QLabel(self._summary(everything))
        self.summary.setObjectName("sync_summary")
        self.summary.setWordWrap(True)
        titles = [translate(words.C, title) for _n, title in words.COLUMNS]
        self.counts = _table("sync_counts", self.tr("What will be sent and received, per kind"),
                             [self.tr("Kind"), *titles])  # fmt: skip
        self._fill_counts(everything)
        self.conflicts_label = QLabel(self.tr("&Conflicts: records changed here and on the server since the last "
                                              "synchronization"))  # fmt: skip
        self.conflicts = _table("sync_conflicts", self.tr("Conflicts"), [self.tr("Kind"), self.tr("Record"),
                                self.tr("What differs"), self.tr("Your choice")])  # fmt: skip
        self.conflicts_label.setBuddy(self.conflicts)
        header = self.conflicts.horizontalHeader()
        header.setSectionResizeMode(KIND, QHeaderView.ResizeMode.ResizeToContents)
        for column in (RECORD, DIFFERS, CHOICE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.conflicts.resizeRowsToContents())  # long titles wrap to fit
        self.conflicts.setRowCount(len(preview.conflicts))
        self.conflicts.itemActivated.connect(lambda item: self.resolve([preview.conflicts[item.row()]]))
        for widget in (self.conflicts_label, self.conflicts):
            widget.setVisible(bool(preview.conflicts))
        self.waiting = QLabel()
        self.waiting.setObjectName("sync_waiting")
        self.waiting.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.resolve_button = QPushButton(self.tr("&Resolve conflicts…"))
        self.resolve_button.setObjectName("sync_resolve")
        self.sync_button = QPushButton(self.tr("&Synchronize"))
        self.sync_button.setObjectName("sync_start")
        buttons.addButton(self.resolve_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.sync_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.resolve_button.setVisible(bool(preview.conflicts))  # after addButton, which shows what it adds
        self.resolve_button.clicked.connect(self.resolve_all)
        self.sync_button.clicked.connect(self._synchronize)
        buttons.rejected.connect(self.reject)
        for label in (self.summary, self.waiting):  # their lines' height, not the room the hidden conflicts leave
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.counts)
        layout.addWidget(self.conflicts_label)
        layout.addWidget(self.conflicts, 1)
        layout.addWidget(self.waiting)
        layout.addStretch(0 if preview.conflicts else 1)  # without conflicts, the room left goes above the buttons
        layout.addWidget(buttons)
        self.resize(980, 380 + 44 * min(len(preview.conflicts), 8) if preview.conflicts else 360)
        self._update()

    # ---- what is shown ------------------------------------------------------------------------------------
    def _summary(self, everything: KindCounts) -> str:
        if self.preview.nothing_to_do:
            return self.tr("This database and {server} hold the same records: nothing to send or receive.").format(
                server=words.server_name(self.preview.server)
            )
        return self.tr("To send: {send} · To receive: {receive} · Conflicts: {conflicts}").format(
            send=words.number(words.sent(everything)), receive=words.number(words.received(everything)),
            conflicts=words.number(len(self.preview.conflicts)))  # fmt: skip

    def _fill_counts(self, everything: KindCounts) -> None:
        kinds = [kind for kind in SyncedKind if kind in self.preview.counts]
        rows = [(words.plural(kind), self.preview.counts[kind], False) for kind in kinds]
        rows.append((self.tr("All"), everything, True))
        self.counts.setRowCount(len(rows))
        for row, (name, counts, bold) in enumerate(rows):
            self.counts.setItem(row, 0, _cell(name, bold=bold))
            for column, (field, _title) in enumerate(words.COLUMNS, start=1):
                self.counts.setItem(row, column, _cell(words.number(getattr(counts, field)), right=True, bold=bold))
        self.counts.setWordWrap(False)  # one line per kind
        header = self.counts.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.counts.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.counts.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        height = header.sizeHint().height() + sum(self.counts.rowHeight(r) for r in range(len(rows))) + 4
        self.counts.setFixedHeight(max(height, 120))

    def _update(self) -> None:
        for row, conflict in enumerate(self.preview.conflicts):
            self.conflicts.setItem(row, KIND, _cell(words.singular(conflict.kind)))
            self.conflicts.setItem(row, RECORD, _cell(conflict.title or conflict.uuid))
            self.conflicts.setItem(row, DIFFERS, _cell(words.what_differs(conflict)))
            self.conflicts.setItem(row, CHOICE, _cell(words.choice_text(conflict, self.chosen.get(conflict.uuid))))
        self.conflicts.resizeRowsToContents()
        left = self.unresolved()
        waiting = (self.tr("Choose for every conflict before synchronizing: {count} left.").format(
            count=words.number(len(left))) if left else "")  # fmt: skip
        self.waiting.setText(waiting)
        self.waiting.setVisible(bool(left))
        self.sync_button.setEnabled(not left)
        self.sync_button.setToolTip(waiting)
        self.sync_button.setAccessibleDescription(waiting)
        (self.resolve_button if left else self.sync_button).setDefault(True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.conflicts.resizeRowsToContents)  # once laid out: rows as high as their text

    # ---- choices ------------------------------------------------------------------------------------------
    def unresolved(self) -> list[RecordConflict]:
        return [conflict for conflict in self.preview.conflicts if conflict.uuid not in self.chosen]

    def resolutions(self) -> list[Resolution]:
        """The person's answers, in the order of the preview's conflicts."""
        return [self.chosen[c.uuid] for c in self.preview.conflicts if c.uuid in self.chosen]

    def resolve_all(self) -> None:
        """Each conflict in turn (those not chosen yet; all once every one is); Cancel in one stops the walk."""
        self.resolve(self.unresolved() or list(self.preview.conflicts))

    def resolve(self, conflicts: list[RecordConflict]) -> None:
        for conflict in conflicts:
            resolution = self.ask_deletion(conflict) if conflict.deleted_by else self.compare(conflict)
            if resolution is None:
                break
            self.chosen[conflict.uuid] = resolution
            self._update()
        self._update()
        (self.sync_button if self.sync_button.isEnabled() else self.resolve_button).setFocus()

    def compare(self, conflict: RecordConflict) -> Resolution | None:
        """Field by field in the comparison dialog: keep mine (this database's) or take theirs (the server's)."""
        fields = [FieldConflict(f.key, words.field_name(f), f.base, f.mine, f.theirs) for f in conflict.fields]
        heading = self.tr("{kind} “{title}” was changed here and on the server since the last synchronization. "
                          "Mine is this database's value, theirs the server's.").format(
            kind=words.singular(conflict.kind), title=conflict.title)  # fmt: skip
        dialog = RecordConflictDialog(
            heading, fields, self,
            hint=self.tr("Choose for each field which value both sides keep after synchronizing."),
            base_title=self.tr("At the last synchronization"),
            apply_tip=self.tr("Keep the values chosen above on both sides when synchronizing"),
        )  # fmt: skip
        dialog.setWindowTitle(self.tr("Compare changes — {title}").format(title=conflict.title))
        before = self.chosen.get(conflict.uuid)
        for key, side in before.sides.items() if before is not None else ():
            buttons = dialog.mine_buttons if side == "mine" else dialog.theirs_buttons
            if key in buttons:
                buttons[key].setChecked(True)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return Resolution(conflict.uuid, sides=dialog.choices())
        finally:
            dialog.deleteLater()

    def ask_deletion(self, conflict: RecordConflict) -> Resolution | None:
        """A record deleted on one side and edited on the other: keep it deleted, or keep the edited record."""
        text = (
            self.tr("{kind} “{title}” was deleted here, and edited on the server since the last synchronization.")
            if conflict.deleted_by == "mine"
            else self.tr("{kind} “{title}” was edited here, and deleted on the server since the last synchronization.")
        )
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Deleted on one side, edited on the other"),
                          text.format(kind=words.singular(conflict.kind), title=conflict.title),
                          QMessageBox.StandardButton.NoButton, self)  # fmt: skip
        box.setObjectName("sync_deletion_conflict")
        box.setInformativeText(self.tr("Either way, both sides hold the same afterwards."))
        deleted = box.addButton(self.tr("Keep it &deleted"), QMessageBox.ButtonRole.AcceptRole)
        edited = box.addButton(self.tr("Keep the &edited record"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(cancel)
        box.setDefaultButton(cancel)
        try:
            box.exec()
            clicked = box.clickedButton()
        finally:
            box.deleteLater()
        if clicked is deleted or clicked is edited:
            return Resolution(conflict.uuid, keep_deleted=clicked is deleted)
        return None

    def _synchronize(self) -> None:
        if not self.unresolved():
            self.accept()
