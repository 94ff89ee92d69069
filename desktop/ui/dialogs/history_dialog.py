"""History of one record: its audit entries as a table of when, action, by whom, field, old value → new value."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import SENSITIVE_SHOWN, is_fingerprint
from desktop.domain.enums import CODED_FIELDS, AuditAction
from desktop.domain.kinds import RecordKind
from desktop.domain.records import SENSITIVE_INCIDENT_FIELDS, AuditEntry
from desktop.ui.clipboard_guard import SENSITIVE_ROLE
from desktop.ui.palette import colour
from desktop.ui.translated import QT_TRANSLATE_NOOP, choice_label, translate

Index = QModelIndex | QPersistentModelIndex
EMPTY = QT_TRANSLATE_NOOP("HistoryDialog", "(empty)")
SHOWN_CHARACTERS = 120

NAME_FIELDS = ("title", "name", "case_number", "description")


def field_label(name: str) -> str:
    text = name.replace("_", " ").capitalize().replace("usd", "USD").replace("Zip", "ZIP")
    return translate("Field", text.replace("sha256", "SHA-256"))


def value_text(field: str, value: object) -> str:
    """A stored audit value as people read it: labels for codes, yes/no, (empty) for nothing."""
    if value is None or value == "":
        return translate("HistoryDialog", EMPTY)
    if is_fingerprint(value):
        return SENSITIVE_SHOWN
    if isinstance(value, bool):
        return translate("HistoryDialog", "yes") if value else translate("HistoryDialog", "no")
    if isinstance(value, str):
        for enum in CODED_FIELDS.get(field, ()):
            if value in enum._value2member_map_:
                return choice_label(enum(value))
    return str(value)


def local_time(at: datetime) -> str:
    """Audit times are stored in UTC; shown in the computer's time zone."""
    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def record_name(entries: list[AuditEntry]) -> str:
    """The record's latest title, name, case number or description named in its history ("" when none)."""
    for field in NAME_FIELDS:
        for entry in reversed(entries):
            if field in entry.changes:
                old, new = entry.changes[field]
                value = new if new not in (None, "") else old
                if value not in (None, ""):
                    return str(value).splitlines()[0][:80]
    return ""


class HistoryModel(QAbstractTableModel):
    """One row per changed field of each entry (an entry without fields gets one row), oldest first."""

    COL_WHEN, COL_ACTION, COL_USER, COL_FIELD, COL_OLD, COL_NEW = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("HistoryDialog", "When"),
        QT_TRANSLATE_NOOP("HistoryDialog", "Action"),
        QT_TRANSLATE_NOOP("HistoryDialog", "By"),
        QT_TRANSLATE_NOOP("HistoryDialog", "Field"),
        QT_TRANSLATE_NOOP("HistoryDialog", "Old value"),
        QT_TRANSLATE_NOOP("HistoryDialog", "New value"),
    )

    def __init__(self, entries: list[AuditEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[AuditEntry, str, object, object]] = []
        for entry in entries:
            if not entry.changes:
                self.rows.append((entry, "", None, None))
            for field, (old, new) in entry.changes.items():
                self.rows.append((entry, field, old, new))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("HistoryDialog", self.HEADERS[section]) if 0 <= section < len(self.HEADERS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        entry, field, old, new = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, field, old, new, column)
        if role == SENSITIVE_ROLE:  # kept as typed (`audit sensitive keep`): a copy of it leaves the clipboard later
            return column in (self.COL_OLD, self.COL_NEW) and field in SENSITIVE_INCIDENT_FIELDS
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.COL_OLD, self.COL_NEW):
            full = value_text(field, old if column == self.COL_OLD else new)
            return full if len(full) > SHOWN_CHARACTERS or "\n" in full else None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_WHEN:
            return self.tr("Audit entry #{id}, {at:%Y-%m-%d %H:%M:%S} UTC, hash {value}…").format(
                id=entry.id, at=entry.at, value=entry.entry_hash[:16]
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_USER and entry.actor is None:
            return self.tr("Not recorded: the entry was written before the program recorded who made each change")
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_USER and entry.actor is None:
            return QBrush(colour("secondary_text"))
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.COL_OLD, self.COL_NEW):
            value = old if column == self.COL_OLD else new
            if value in (None, ""):
                return QBrush(colour("secondary_text"))  # "(empty)": quieter, yet readable
        return None

    def _display(self, entry: AuditEntry, field: str, old: object, new: object, column: int) -> str:
        if column == self.COL_WHEN:
            return local_time(entry.at)
        if column == self.COL_ACTION:
            return choice_label(entry.action)
        if column == self.COL_USER:  # the login role on a server, the computer's user on a file
            return entry.actor if entry.actor is not None else self.tr("unknown")
        if column == self.COL_FIELD:
            return field_label(field) if field else "—"
        if not field:
            return ""
        text = value_text(field, old if column == self.COL_OLD else new)
        first_line = text.splitlines()[0] if text else text
        return first_line if len(first_line) <= SHOWN_CHARACTERS else first_line[: SHOWN_CHARACTERS - 1] + "…"


class HistoryDialog(QDialog):
    """Read-only: shows the entries it is given; closing it changes nothing."""

    def __init__(self, parent: QWidget | None, entity: str, uuid: str, entries: list[AuditEntry], *,
                 name: str = "") -> None:  # fmt: skip
        """`entity`: the record's kind (a RecordKind or its key, "plan_item"); `name`: what the record is known by
        now (its history may not say it: an imported record's starts with its import)."""
        super().__init__(parent)
        self.setObjectName("history_dialog")
        name = name or record_name(entries)
        kind = RecordKind.parse(entity).label
        self.setWindowTitle(self.tr("History of {kind} {value}").format(kind=kind, value=name or uuid).strip())
        self.resize(860, 420)
        changes = sum(max(1, len(e.changes)) for e in entries)
        created = next((e for e in entries if e.action in (AuditAction.CREATE, AuditAction.IMPORT)), None)
        count = len(entries)
        summary = (self.tr("%n audit entry", "", count) if count == 1 else self.tr("%n audit entries", "", count)) + (
            self.tr(", %n field change", "", changes) if changes == 1 else self.tr(", %n field changes", "", changes)
        )
        if created is not None and created.action == AuditAction.IMPORT:
            source = Path(str(created.changes.get("file", (None, self.tr("a file")))[1])).name
            summary += self.tr("; created by the import of {source} on {local_time}").format(
                source=source, local_time=local_time(created.at)
            )
        elif created is not None:
            summary += self.tr("; created {local_time}").format(local_time=local_time(created.at))
        self.summary = QLabel(
            summary if entries else self.tr("No audit entries for {kind} {uuid}.").format(kind=kind, uuid=uuid), self
        )
        self.summary.setObjectName("history_summary")
        self.model = HistoryModel(entries, self)
        self.table = QTableView(self)
        self.table.setObjectName("history_table")
        self.table.setAccessibleName(self.tr("Changes"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in (HistoryModel.COL_WHEN, HistoryModel.COL_ACTION, HistoryModel.COL_USER, HistoryModel.COL_FIELD):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryModel.COL_OLD, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HistoryModel.COL_NEW, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
