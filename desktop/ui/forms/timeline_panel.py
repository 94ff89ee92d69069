"""TimelinePanel: an incident's chronology in its form, filtered by kind, with its free-form events added, edited
and deleted at once (each its own transaction) and the whole exported as CSV."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.evidence import TimelineEntry, TimelineEvent, TimelineKind
from desktop.domain.passphrases import Passphrase
from desktop.domain.records import Incident
from desktop.ui.clipboard_guard import SENSITIVE_ROLE
from desktop.ui.dialogs.destructive_question import confirm_destructive
from desktop.ui.dialogs.sensitive_question import ask_to_include_sensitive
from desktop.ui.dialogs.timeline_event_dialog import TimelineEventDialog
from desktop.ui.error_dialogs import show_error
from desktop.ui.plain_export_question import Encryptable, export_with_protection, protected_target
from desktop.ui.translated import QT_TRANSLATE_NOOP, choice, choice_label, date_label, translate

SAVE_FIRST = QT_TRANSLATE_NOOP("TimelinePanel", "Save the incident first: its timeline starts once it is stored.")
CSV_FILTER = QT_TRANSLATE_NOOP("TimelinePanel", "CSV files (*.csv)")
SENSITIVE_ITEMS = QT_TRANSLATE_NOOP("TimelinePanel", "sensitive attachments' names and descriptions and their custody")
FILTERS: tuple[tuple[str, tuple[TimelineKind, ...] | None], ...] = (
    (QT_TRANSLATE_NOOP("TimelinePanel", "All"), None),
    (QT_TRANSLATE_NOOP("TimelinePanel", "Events"), (TimelineKind.EVENT,)),
    (QT_TRANSLATE_NOOP("TimelinePanel", "Legal status"), (TimelineKind.STATUS,)),
    (QT_TRANSLATE_NOOP("TimelinePanel", "Attachments"), (TimelineKind.ATTACHMENT,)),
    (QT_TRANSLATE_NOOP("TimelinePanel", "Custody"), (TimelineKind.CUSTODY,)),
    (QT_TRANSLATE_NOOP("TimelinePanel", "Plan items"), (TimelineKind.PLAN_ITEM,)),
    (QT_TRANSLATE_NOOP("TimelinePanel", "Incident"), (TimelineKind.INCIDENT,)),
)
_INDEX = Qt.ItemDataRole.UserRole


class TimelineSource(Protocol):
    """Where the panel reads and writes (services/timeline.py: TimelineService); ValueError refuses an event."""

    def chronology(self, incident_uuid: str, *, redact: bool = True,
                   kinds: Iterable[TimelineKind] | None = None) -> list[TimelineEntry]: ...  # fmt: skip
    def get(self, uuid: str) -> TimelineEvent: ...
    def add(self, event: TimelineEvent) -> TimelineEvent: ...
    def update(self, event: TimelineEvent) -> TimelineEvent: ...
    def delete(self, uuid: str) -> TimelineEvent: ...
    def export_csv(self, incident_uuid: str, target: Path, *, redact: bool = True,
                   protect: Passphrase | None = None) -> int: ...  # fmt: skip
    @property
    def database(self) -> Encryptable: ...


class TimelinePanel(QWidget):
    """The list (date as known, kind, text, source), oldest first, shown in full (the form shows the sensitive
    fields too). Insert or Add event… adds, Enter or Edit… edits, Delete deletes (after asking) the selected
    event; only free-form events are edited here. `changed` after every stored change. Disabled, with a hint,
    until the incident is saved and a source is attached."""

    changed = Signal()
    HEADERS = (
        QT_TRANSLATE_NOOP("TimelinePanel", "Date"),
        QT_TRANSLATE_NOOP("TimelinePanel", "Kind"),
        QT_TRANSLATE_NOOP("TimelinePanel", "What"),
        QT_TRANSLATE_NOOP("TimelinePanel", "Source"),
    )

    def __init__(self, record: Incident | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.incident_uuid = record.uuid if record is not None else ""
        self.source: TimelineSource | None = None
        self.entries: list[TimelineEntry] = []
        self.event_dialog: TimelineEventDialog | None = None  # open while adding or editing
        self.file_dialog: QFileDialog | None = None  # open while choosing where to export
        self.sensitive_question: QMessageBox | None = None
        self.protection_dialog: QDialog | None = None  # the plain-export question or the passphrase, while open
        self.export_folder = Path.home()  # where the file dialog opens
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(self.tr("Show timeline lines of kind"))
        for label, _kinds in ((translate("TimelinePanel", f), k) for f, k in FILTERS):
            self.kind_filter.addItem(label)
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setObjectName("timeline_table")
        self.table.setAccessibleName(self.tr("Timeline of the incident"))
        self.table.setHorizontalHeaderLabels([translate("TimelinePanel", h) for h in self.HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setMinimumHeight(self.fontMetrics().height() * 9)
        self.table.setToolTip(self.tr("Enter: edit the event; Insert: add an event; Delete: delete the event"))
        header = self.table.horizontalHeader()
        advance = self.fontMetrics().horizontalAdvance("x")
        for column, chars in enumerate((20, 12, 50)):
            self.table.setColumnWidth(column, chars * advance)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.writable = True  # False: read_only (a team reader)
        self.deletable = True  # False: keep_events (a team analyst: deleting is a supervisor's)
        self.add_button = QPushButton(self.tr("Add event…"))
        self.add_button.setToolTip(self.tr("Add a dated event: a call, a visit, a hearing (Insert in the list)"))
        self.edit_button = QPushButton(self.tr("Edit event…"))
        self.edit_button.setToolTip(self.tr("Edit the selected event (Enter in the list)"))
        self.delete_button = QPushButton(self.tr("Delete event"))
        self.delete_button.setToolTip(self.tr("Delete the selected event (Delete in the list)"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Write the whole timeline to a CSV file"))
        self.include_sensitive = QCheckBox(
            self.tr("Include {SENSITIVE_ITEMS} in the export").format(
                SENSITIVE_ITEMS=translate("TimelinePanel", SENSITIVE_ITEMS)
            )
        )
        self.include_sensitive.setObjectName("timeline_include_sensitive")
        self.include_sensitive.setToolTip(
            self.tr("Left out unless ticked; ticking asks first, and the audit trail records it")
        )
        self.hint = QLabel(translate("TimelinePanel", SAVE_FIRST))
        self.hint.setObjectName("timeline_hint")
        self.hint.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("timeline_status")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Timeline export result"))
        self._lay_out()
        self.kind_filter.currentIndexChanged.connect(lambda _index: self.refresh())
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        self.table.installEventFilter(self)
        self.add_button.clicked.connect(self.add_event)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button.clicked.connect(self.export_csv)
        self.include_sensitive.toggled.connect(self._include_toggled)
        self._sync_buttons()
        self._set_usable()

    def _lay_out(self) -> None:
        top = QHBoxLayout()  # the buttons over the list: seen even when the form is narrower than its content
        show = QLabel(self.tr("Timeline &by kind"))
        show.setBuddy(self.kind_filter)
        top.addWidget(show)
        top.addWidget(self.kind_filter)
        for button in (self.add_button, self.edit_button, self.delete_button, self.export_button):
            top.addWidget(button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.include_sensitive)
        layout.addWidget(self.status)
        self.status.hide()

    # ---- source --------------------------------------------------------------------------------------------
    def attach(self, source: TimelineSource | None) -> None:
        """Read and write through `source` (nothing happens without one, or for an incident not yet saved)."""
        self.source = source
        self._set_usable()
        self.refresh()

    @property
    def usable(self) -> bool:
        return bool(self.incident_uuid) and self.source is not None

    def _set_usable(self) -> None:
        for widget in (self.kind_filter, self.table, self.add_button, self.export_button, self.include_sensitive):
            widget.setEnabled(self.usable and (self.writable or widget is not self.add_button))
        self.hint.setVisible(not self.usable)
        self._sync_buttons()

    def focus_chain(self) -> list[QWidget]:
        return [self.kind_filter, self.add_button, self.edit_button, self.delete_button, self.export_button,
                self.table, self.include_sensitive]  # fmt: skip

    def kinds(self) -> tuple[TimelineKind, ...] | None:
        """The kinds the filter shows (None: all)."""
        return FILTERS[max(0, self.kind_filter.currentIndex())][1]

    # ---- the list ------------------------------------------------------------------------------------------
    def refresh(self, select: str = "") -> None:
        """Read the chronology again and show it (the event `select`, or the line selected before, selected)."""
        if not self.usable:
            self.table.setRowCount(0)
            return
        assert self.source is not None
        kept = select or (selected.ref_uuid if (selected := self.selected_entry()) is not None else "")
        try:
            self.entries = self.source.chronology(self.incident_uuid, redact=False, kinds=self.kinds())
        except Exception as error:  # storage, deleted elsewhere: the form still works
            self.entries = []
            show_error(self, error, self.tr("Reading the timeline"))
        self.table.clearSelection()
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            texts = (date_label(entry.happened), choice_label(entry.kind), choice(entry.text), entry.source)
            tips = (entry.happened.describe(), choice_label(entry.kind), choice(entry.text), entry.source)
            for column, (text, tip) in enumerate(zip(texts, tips, strict=True)):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                item.setData(_INDEX, row)
                item.setData(SENSITIVE_ROLE, entry.sensitive)  # Ctrl+C copies a cell: cleared later when sensitive
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        row = next((r for r, e in enumerate(self.entries) if kept and e.ref_uuid == kept), -1)
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentCell(row, 0)
        self._sync_buttons()

    def selected_entry(self) -> TimelineEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.entries):
            return None
        return self.entries[rows[0].row()]

    def selected_event(self) -> TimelineEntry | None:
        """The selected line when it is a free-form event (the only lines edited here)."""
        entry = self.selected_entry()
        return entry if entry is not None and entry.kind is TimelineKind.EVENT and entry.ref_uuid else None

    def read_only(self, reason: str) -> None:
        """The chronology read and exported, no event added, edited or deleted (the login's role may not)."""
        self.writable = False
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setToolTip(reason)
        self._set_usable()

    def keep_events(self, reason: str) -> None:
        """Events can be added and edited, not deleted (the login's role may not delete: `reason`)."""
        self.deletable = False
        self.delete_button.setToolTip(reason)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        editable = self.usable and self.writable and self.selected_event() is not None
        self.edit_button.setEnabled(editable)
        self.delete_button.setEnabled(editable and self.deletable)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
            if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_selected()
                return True  # the form would move on
            if plain and event.key() == Qt.Key.Key_Delete:
                self.delete_selected()
                return True
            if plain and event.key() == Qt.Key.Key_Insert:
                self.add_event()
                return True
        return super().eventFilter(watched, event)

    # ---- events --------------------------------------------------------------------------------------------
    def add_event(self) -> None:
        if self.usable and self.source is not None:
            self._open_event(TimelineEventDialog(self.incident_uuid, None, self.source.add, self))

    def edit_selected(self) -> None:
        entry = self.selected_event()
        if entry is None or self.source is None:
            return
        try:
            event = self.source.get(entry.ref_uuid)
        except Exception as error:  # deleted elsewhere
            show_error(self, error, self.tr("Opening the timeline event"))
            self.refresh()
            return
        self._open_event(TimelineEventDialog(self.incident_uuid, event, self.source.update, self))

    def _open_event(self, dialog: TimelineEventDialog) -> None:
        """Window-modal, not blocking; the list shows the stored event once it is saved."""
        self.event_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._event_done(dialog))
        dialog.open()

    def _event_done(self, dialog: TimelineEventDialog) -> None:
        self.event_dialog = None
        if dialog.saved is not None:
            self.refresh(select=dialog.saved.uuid)
            self.changed.emit()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_selected(self) -> None:
        entry = self.selected_event()
        if entry is None or self.source is None or not (self.writable and self.deletable):  # Delete in the list
            return
        if not self.confirm_delete(entry):
            return
        try:
            self.source.delete(entry.ref_uuid)
        except Exception as error:
            show_error(self, error, self.tr("Deleting the timeline event"))
        self.refresh()
        self.changed.emit()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def confirm_delete(self, entry: TimelineEntry) -> bool:
        details = self.tr("{label}: {value}\nIt is deleted at once (the audit trail keeps a record of it).").format(
            label=date_label(entry.happened), value=entry.text[:200]
        )
        return confirm_destructive(
            self,
            self.tr("Delete event?"),
            self.tr("Delete this timeline event?"),
            details,
            self.tr("&Delete event"),
            self.tr("&Keep event"),
            name="delete_timeline_event",
        )

    # ---- export --------------------------------------------------------------------------------------------
    def _include_toggled(self, checked: bool) -> None:
        if checked and self.sensitive_question is None:
            what = translate("TimelinePanel", SENSITIVE_ITEMS)
            self.sensitive_question = ask_to_include_sensitive(self, self.tr("this CSV file"), self._sensitive_answered,
                                                               what=what)  # fmt: skip

    def _sensitive_answered(self, include: bool) -> None:
        self.sensitive_question = None
        if not include:
            self.include_sensitive.setChecked(False)

    def export_csv(self) -> None:
        """Ask where (a file dialog), then write the chronology; redacted unless sensitive items were agreed to."""
        if not self.usable:
            return
        start = self.export_folder / f"timeline-{self.incident_uuid[:8]}.csv"
        dialog = QFileDialog(
            self, self.tr("Export timeline as CSV"), str(start), translate("TimelinePanel", CSV_FILTER)
        )
        dialog.setObjectName("timeline_csv_dialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.selectFile(str(start))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.export_to(Path(name)))
        dialog.finished.connect(lambda _result: setattr(self, "file_dialog", None))
        self.file_dialog = dialog
        dialog.open()

    def export_to(self, target: Path) -> None:
        """Write the chronology to `target`; with sensitive items from an encrypted database, first ask whether to
        protect it with a passphrase (plain_export_question)."""
        if self.source is None:
            return
        redact = not self.include_sensitive.isChecked()
        self.export_folder = target.parent
        export_with_protection(self, self.source.database, sensitive=not redact, written=protected_target(target),
                               write=lambda protect: self._write(target, redact, protect),
                               opened=self._protection_opened)  # fmt: skip

    def _protection_opened(self, dialog: QDialog) -> None:
        self.protection_dialog = dialog
        dialog.destroyed.connect(lambda *_: self._protection_closed(dialog))

    def _protection_closed(self, dialog: QDialog) -> None:
        if self.protection_dialog is dialog:
            self.protection_dialog = None

    def _write(self, target: Path, redact: bool, protect: Passphrase | None) -> None:
        if self.source is None:
            return
        try:
            lines = self.source.export_csv(self.incident_uuid, target, redact=redact, protect=protect)
        except Exception as error:  # a folder, no room, no permission: nothing half-written is left
            show_error(self, error, self.tr("Exporting the timeline"))
            return
        which = self.tr("with sensitive items") if not redact else self.tr("sensitive items withheld")
        written = protected_target(target) if protect is not None else target
        protected = self.tr(", protected by a passphrase") if protect is not None else ""
        self.status.setText(
            (
                self.tr("%Ln line written to {written} ({which}{protected}).", "", lines)
                if lines == 1
                else self.tr("%Ln lines written to {written} ({which}{protected}).", "", lines)
            ).format(written=written, which=which, protected=protected)
        )
        self.status.show()


def timeline_group(panel: TimelinePanel) -> QGroupBox:
    """The form's "Timeline" section."""
    group = QGroupBox(translate("TimelinePanel", "Timeline (events, legal status, attachments, custody, plan items)"))
    group.setObjectName("timeline")
    layout = QVBoxLayout(group)
    layout.addWidget(panel)
    return group
