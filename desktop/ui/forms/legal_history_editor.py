"""LegalHistoryEditor: an incident's legal history as a list of entries (date, status, agency, reference,
charges, note), shown by date, with Add / Delete and an editor of the selected entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.date_input import read_date
from desktop.domain.enums import CaseStatus
from desktop.domain.legal_history import current_status, entry_problems, history_warnings
from desktop.domain.values import PartialDate, StatusChange
from desktop.ui.dialogs.destructive_question import confirm_destructive
from desktop.ui.forms.fields import WARNING_STYLE, EnumCombo, FieldMessage
from desktop.ui.palette import colour
from desktop.ui.theme import on_theme_change, themed_style
from desktop.ui.translated import QT_TRANSLATE_NOOP, choice_label, date_label, translate
from desktop.ui.widgets.date_input import DateInput, locale_month_first

NEEDS_A_DATE = QT_TRANSLATE_NOOP("EntryDraft", "needs a date (a year, a month or a range will do)")
AGENCIES = (
    "DOJ",
    "U.S. Attorney's Office",
    "State prosecutor",
    "District attorney",
    "FBI",
    "Local police",
)
_LIFECYCLE = list(CaseStatus)
_INDEX = Qt.ItemDataRole.UserRole


@dataclass(eq=False)  # two entries alike are still two entries: found by identity
class EntryDraft:
    """One entry as it is being edited: its date as typed (which may not be a date yet)."""

    status: CaseStatus
    date_text: str = ""
    agency: str = ""
    reference: str = ""
    charges: str = ""
    note: str = ""
    recorded_at: datetime | None = None
    edited: bool = False  # its date was typed in this form: its problems show at once

    @classmethod
    def of(cls, change: StatusChange) -> EntryDraft:
        return cls(change.status, change.changed.text(), change.agency, change.reference, change.charges,
                   change.note, change.recorded_at)  # fmt: skip

    def day(self) -> PartialDate:
        """The date typed, read as the date field reads it (unknown when empty); ValueError saying why not."""
        try:
            return read_date(self.date_text, month_first=locale_month_first(), today=date.today())
        except ValueError as error:
            raise ValueError(f"cannot be read: {error}") from None

    def dated(self) -> StatusChange | None:
        """The entry, or None while its date is missing or cannot be read."""
        try:
            changed = self.day()
        except ValueError:
            return None
        if not changed.is_known:
            return None
        return StatusChange(self.status, changed, self.note.strip(), self.recorded_at, self.agency.strip(),
                            self.reference.strip(), self.charges.strip())  # fmt: skip

    def problem(self, today: date) -> str:
        """What is wrong with the entry's date ("" when nothing)."""
        try:
            changed = self.day()
        except ValueError as error:
            return translate("EntryDraft", "date {error}").format(error=error)
        if not changed.is_known:
            return translate("EntryDraft", NEEDS_A_DATE)
        problems = entry_problems(StatusChange(self.status, changed), today)
        return translate("EntryDraft", "date {value}").format(value=problems[0]) if problems else ""

    def state(self) -> tuple[object, ...]:
        return self.status, self.date_text, self.agency, self.reference, self.charges, self.note


def shown_order(drafts: list[EntryDraft]) -> list[int]:
    """Indices of `drafts` by date (as legal_history.in_date_order), the undated ones last, in list order."""

    def key(index: int) -> tuple[int, date, date, int]:
        change = drafts[index].dated()
        if change is None:
            return 1, date.max, date.max, index
        return 0, change.changed_on, change.changed.end or change.changed_on, index

    return sorted(range(len(drafts)), key=key)


class LegalHistoryEditor(QWidget):
    """The list (by date; the order entered is kept and saved), Add entry (Insert), Delete entry (Del, after
    asking), Enter in the list goes to the selected entry's fields below it. Entries out of date order are
    shown with a warning, never refused. `value()` is the history in the order entered."""

    changed = Signal()
    HEADERS = (
        QT_TRANSLATE_NOOP("LegalHistoryEditor", "Date"),
        QT_TRANSLATE_NOOP("LegalHistoryEditor", "Status"),
        QT_TRANSLATE_NOOP("LegalHistoryEditor", "Agency"),
        QT_TRANSLATE_NOOP("LegalHistoryEditor", "Reference"),
        QT_TRANSLATE_NOOP("LegalHistoryEditor", "Charges"),
        QT_TRANSLATE_NOOP("LegalHistoryEditor", "Note"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drafts: list[EntryDraft] = []
        self.fallback_status = CaseStatus.REPORTED
        self.revealed = False
        self._loading = False
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(header) for header in self.HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(self.fontMetrics().height() * 7)
        self.table.setToolTip(self.tr("Enter: edit the entry below; Insert: add an entry; Delete: delete the entry"))
        header = self.table.horizontalHeader()
        for column in range(len(self.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        advance = self.fontMetrics().horizontalAdvance("x")
        for column, chars in enumerate((17, 17, 16, 10, 12)):
            self.table.setColumnWidth(column, chars * advance)
        self.add_button = QPushButton(self.tr("Add e&ntry"))
        self.add_button.setToolTip(self.tr("Add an entry to the legal history (Insert in the list)"))
        self.delete_button = QPushButton(self.tr("Delete entry"))
        self.delete_button.setToolTip(self.tr("Delete the selected entry (Delete in the list)"))
        self.warnings = QLabel()
        self.warnings.setObjectName("history_warnings")
        self.warnings.setWordWrap(True)
        themed_style(self.warnings, WARNING_STYLE)
        self.status_line = QLabel()
        self.status_line.setObjectName("current_status")
        self.date = DateInput(self.tr("Entry date"), empty_text="", says_problems=False)
        self.date.edit.setPlaceholderText(self.tr("e.g. 2019-08-31, 8/31/2019, September 2019, 2019-08-20/2019-08-31"))
        self.date_message = FieldMessage()
        self.date_message.setObjectName("entry_date_message")
        self.status = EnumCombo(CaseStatus)
        self.agency = QLineEdit()
        self.agency.setPlaceholderText(self.tr("e.g. DOJ, U.S. Attorney's Office, a state prosecutor"))
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("e.g. the court case number"))
        self.charges = QLineEdit()
        self.charges.setPlaceholderText(self.tr("e.g. 18 U.S.C. § 844(f)"))
        self.note = QLineEdit()
        for edit in (self.agency, self.reference):
            edit.setMaxLength(300)
        completer = QCompleter(list(AGENCIES), self.agency)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.agency.setCompleter(completer)
        self._lay_out()
        self._connect()
        self._select(None)

    def _lay_out(self) -> None:
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        top = QGridLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.table, 0, 0)
        top.addLayout(buttons, 0, 1)
        self.entry = QGroupBox(self.tr("Selected entry"))
        self.entry.setObjectName("entry_editor")
        form = QFormLayout(self.entry)
        date_box = QWidget()
        date_layout = QVBoxLayout(date_box)
        date_layout.setContentsMargins(0, 0, 0, 0)
        date_layout.setSpacing(1)
        date_layout.addWidget(self.date)
        date_layout.addWidget(self.date_message)
        for text, widget, field in (
            (self.tr("Entry dat&e"), date_box, self.date.edit),
            (self.tr("Entry stat&us"), self.status, self.status),
            (self.tr("Agenc&y"), self.agency, self.agency),
            (self.tr("Re&ference"), self.reference, self.reference),
            (self.tr("Char&ges"), self.charges, self.charges),
            (self.tr("Entry n&ote"), self.note, self.note),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.warnings)
        layout.addWidget(self.status_line)
        layout.addWidget(self.entry)

    def _connect(self) -> None:
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.installEventFilter(self)
        self.add_button.clicked.connect(self.add_entry)
        self.delete_button.clicked.connect(self.delete_selected)
        self.date.changed.connect(self._date_typed)
        self.date.edit.editingFinished.connect(self._reorder)
        self.status.currentIndexChanged.connect(lambda _index: self._entry_edited("status", self.status.value()))
        for name in ("agency", "reference", "charges", "note"):
            edit: QLineEdit = getattr(self, name)
            edit.textChanged.connect(lambda text, name=name: self._entry_edited(name, text))
        on_theme_change(self, self.refresh, now=False)  # the rows' marks in the new colours

    # ---- value -----------------------------------------------------------------------------------------
    def set_value(self, history: tuple[StatusChange, ...], fallback: CaseStatus = CaseStatus.REPORTED) -> None:
        """Show `history`; `fallback` is the status shown while no entry has a date."""
        self.fallback_status = fallback
        self.drafts = [EntryDraft.of(change) for change in history]
        self._rebuild(self.drafts[-1] if self.drafts else None)

    def start_new(self) -> None:
        """A new incident's history: one "Reported" entry whose date is to be typed."""
        self.drafts = [EntryDraft(CaseStatus.REPORTED)]
        self._rebuild(self.drafts[0])

    def value(self) -> tuple[StatusChange, ...]:
        """The entries with a date, in the order entered (see `problems` for the others)."""
        return tuple(change for draft in self.drafts if (change := draft.dated()) is not None)

    def problems(self, today: date) -> list[str]:
        """Entries without a readable date: "entry 2 (arrest made): needs a date …" (the list's numbering)."""
        found = []
        for number, draft in enumerate(self.drafts, start=1):
            if draft.dated() is None:
                found.append(
                    self.tr("entry {number} ({lower}): {problem}").format(
                        number=number, lower=choice_label(draft.status).lower(), problem=draft.problem(today)
                    )
                )
        return found

    def current_status(self) -> CaseStatus:
        """The status of the latest entry by date (the fallback while none has a date)."""
        return current_status(self.value()) or self.fallback_status

    def state(self) -> object:
        return tuple(draft.state() for draft in self.drafts)

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [self.table, self.add_button, self.delete_button, *self.date.focus_chain()]
        return [*chain, self.status, self.agency, self.reference, self.charges, self.note]

    def reveal(self) -> None:
        """Show the problems of every entry (after Save was pressed)."""
        self.revealed = True
        self.refresh()

    def focus_first_problem(self, today: date) -> None:
        """Select the first entry, by date, whose date is wrong and put the cursor in its date."""
        for index in shown_order(self.drafts):
            if self.drafts[index].problem(today):
                self._select(self.drafts[index])
                self.date.edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    # ---- editing ---------------------------------------------------------------------------------------
    def selected(self) -> EntryDraft | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return self.drafts[int(item.data(_INDEX))] if item is not None else None

    def add_entry(self) -> None:
        """A new entry, the next step after the current status, without a date (it is typed next)."""
        current = self.current_status()
        following = _LIFECYCLE[min(_LIFECYCLE.index(current) + 1, len(_LIFECYCLE) - 1)]
        draft = EntryDraft(following if self.drafts else CaseStatus.REPORTED)
        self.drafts.append(draft)
        self._rebuild(draft)
        self.date.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def delete_selected(self) -> None:
        draft = self.selected()
        if draft is None:
            return
        if len(self.drafts) == 1:
            self.warnings.setText(self.tr("The legal history keeps at least one entry: correct this one instead."))
            self.warnings.show()
            return
        if not self.confirm_delete(draft):
            return
        index = self.drafts.index(draft)
        del self.drafts[index]
        order = shown_order(self.drafts)
        self._rebuild(self.drafts[order[-1]] if order else None)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def confirm_delete(self, draft: EntryDraft) -> bool:
        when = draft.date_text.strip() or self.tr("no date")
        detail = self.tr("{label}, {when}. It leaves the incident when you save it.").format(
            label=choice_label(draft.status), when=when
        )
        return confirm_destructive(self, self.tr("Delete entry?"), self.tr("Delete this legal history entry?"), detail,
                                   self.tr("&Delete entry"), self.tr("&Keep entry"))  # fmt: skip

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
            if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.selected() is not None:
                    self.date.edit.setFocus(Qt.FocusReason.OtherFocusReason)
                    self.date.edit.selectAll()
                return True  # the form would move on
            if plain and event.key() == Qt.Key.Key_Delete:
                self.delete_selected()
                return True
            if plain and event.key() == Qt.Key.Key_Insert:
                self.add_entry()
                return True
        return super().eventFilter(watched, event)

    def _date_typed(self) -> None:
        draft = self.selected()
        if self._loading or draft is None:
            return
        draft.date_text = self.date.text()
        draft.edited = True
        self._after_edit(draft)

    def _entry_edited(self, name: str, value: object) -> None:
        draft = self.selected()
        if self._loading or draft is None:
            return
        setattr(draft, name, value)
        self._after_edit(draft)

    def _after_edit(self, draft: EntryDraft) -> None:
        row = self.table.selectionModel().selectedRows()[0].row()
        self._fill_row(row, self.drafts.index(draft))
        self.refresh()
        self.changed.emit()

    def _reorder(self) -> None:
        """After the date was typed (the row moves to its place by date, still selected)."""
        draft = self.selected()
        if draft is not None and [self._row_index(row) for row in range(self.table.rowCount())] != shown_order(
            self.drafts
        ):
            self._rebuild(draft)

    # ---- showing ---------------------------------------------------------------------------------------
    def _row_index(self, row: int) -> int:
        item = self.table.item(row, 0)
        return int(item.data(_INDEX)) if item is not None else -1

    def _rebuild(self, select: EntryDraft | None) -> None:
        self._loading = True
        try:
            self.table.clearSelection()
            order = shown_order(self.drafts)
            self.table.setRowCount(len(order))
            for row, index in enumerate(order):
                self._fill_row(row, index)
        finally:
            self._loading = False
        self._select(select)
        self.refresh()

    def _fill_row(self, row: int, index: int) -> None:
        draft = self.drafts[index]
        change = draft.dated()
        when = date_label(change.changed) if change is not None else (draft.date_text.strip() or self.tr("(no date)"))
        texts = (when, choice_label(draft.status), draft.agency, draft.reference, draft.charges, draft.note)
        for column, text in enumerate(texts):
            item = self.table.item(row, column)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(row, column, item)
            item.setText(text)
            item.setToolTip(text if column else (change.changed.describe() if change is not None else ""))
            item.setData(_INDEX, index)

    def _select(self, draft: EntryDraft | None) -> None:
        index = self.drafts.index(draft) if draft is not None else -1
        row = next((r for r in range(self.table.rowCount()) if self._row_index(r) == index), -1)
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentCell(row, 0)
        self._selection_changed()

    def _selection_changed(self) -> None:
        if self._loading:
            return
        draft = self.selected()
        self._loading = True
        try:
            shown = draft or EntryDraft(CaseStatus.REPORTED)
            if self.date.text() != shown.date_text:
                self.date.edit.setText(shown.date_text)
            self.status.set_value(shown.status)
            for name in ("agency", "reference", "charges", "note"):
                edit: QLineEdit = getattr(self, name)
                if edit.text() != getattr(shown, name):
                    edit.setText(getattr(shown, name))
        finally:
            self._loading = False
        self.entry.setEnabled(draft is not None)
        self.delete_button.setEnabled(draft is not None and len(self.drafts) > 1)
        self.refresh()

    def refresh(self) -> None:
        """Warnings, the current status, the selected entry's date problem and the rows' marks."""
        today = date.today()
        dated = list(self.value())
        warnings = history_warnings(dated)
        self.warnings.setText("\n".join(f"⚠ {text[:1].upper()}{text[1:]}." for text in warnings))
        self.warnings.setVisible(bool(warnings))
        status = self.current_status()
        where = self.tr("the latest entry by date") if dated else self.tr("no entry has a date yet")
        self.status_line.setText(
            self.tr("Current status: <b>{label}</b> ({where})").format(label=choice_label(status), where=where)
        )
        draft = self.selected()
        problem = draft.problem(today) if draft is not None and (draft.edited or self.revealed) else ""
        self.date_message.show_message(f"{problem[:1].upper()}{problem[1:]}" if problem else "")
        self.date.edit.setProperty("invalid", bool(problem))
        self.date.edit.style().unpolish(self.date.edit)
        self.date.edit.style().polish(self.date.edit)
        for row in range(self.table.rowCount()):
            index = self._row_index(row)
            if 0 <= index < len(self.drafts):
                bad = bool(self.drafts[index].problem(today)) and (self.drafts[index].edited or self.revealed)
                item = self.table.item(row, 0)
                if item is not None:
                    item.setForeground(QBrush(colour("error")) if bad else QBrush())
