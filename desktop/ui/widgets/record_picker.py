"""RecordPicker: link records by searching for them as you type and choosing from a list; nothing typed is stored."""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from desktop.domain.search import SearchSyntaxError

SEARCH_DELAY_MS = 200
TYPED_MINIMUM = 2  # a single letter matches nearly everything: it is searched on Down or Enter only
POPUP_ROWS = 8
_UUID = Qt.ItemDataRole.UserRole
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MOVES = (QEvent.Type.Move, QEvent.Type.Hide)  # of the field's ancestors (a layout may resize them: not that)
log = logging.getLogger(__name__)


class Choice(Protocol):
    """A record as a picker lists it."""

    @property
    def uuid(self) -> str: ...

    @property
    def label(self) -> str: ...


class ChoiceSource(Protocol):
    """Where a picker finds records (services/incident_choices.py: IncidentChoices)."""

    def search(self, text: str, *, exclude: Collection[str] = ..., limit: int = ...) -> Sequence[Choice]: ...

    def labelled(self, uuids: Sequence[str]) -> Sequence[Choice]: ...


def _plain(event: QKeyEvent) -> bool:
    return event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier


class RecordPicker(QWidget):
    """A search field over a list of the chosen records. Typing searches (through the source, after a short
    pause); the matches open under the field: Down and Up walk them, Enter (or a click) chooses one, Esc
    closes them. Text that matches nothing is answered by a hint under the field; it is never stored.
    The chosen records are listed below: Delete (or Remove) takes the selected ones away.

    `value()` is the chosen uuids in order; `changed` is emitted when they change (not while typing);
    `pending()` is text typed and not chosen, which a form must not save silently (`pending_problem()`)."""

    changed = Signal()

    def __init__(self, noun: str = "incident", plural: str = "incidents", parent: QWidget | None = None) -> None:
        """`noun` and `plural` name the records in the log (the texts shown name incidents, all it picks)."""
        super().__init__(parent)
        self.noun = noun
        self.plural = plural
        self.source: ChoiceSource | None = None
        self.exclude: frozenset[str] = frozenset()
        self.edit = QLineEdit()
        self.edit.setMaxLength(300)
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr("type to find an incident: title, case number or facility"))
        self.edit.setAccessibleName(self.tr("Find an incident to link"))
        self.edit.setToolTip(self.tr("Type part of the title, case number or facility name; Down and Enter choose "
                                     "the incident, Esc closes the list"))  # fmt: skip
        self.hint = QLabel()
        self.hint.setObjectName("picker_hint")
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.hide()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Linked incidents"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)  # a label is long: all of it, on more lines
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumHeight(self.fontMetrics().height() * 3)
        self.list.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.setAccessibleName(self.tr("Remove the selected incidents"))
        self.remove_button.setToolTip(self.tr("Unlink the selected incidents (Delete)"))
        self.remove_button.setEnabled(False)
        self.popup = QListWidget(self)
        self.popup.setWindowFlags(Qt.WindowType.ToolTip)  # under the field, takes neither focus nor keyboard
        self.popup.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setAccessibleName(self.tr("Matching incidents"))
        self.popup.setUniformItemSizes(True)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setVerticalSpacing(2)
        self._layout.addWidget(self.edit, 0, 0, 1, 2)
        self._layout.addWidget(self.hint, 1, 0, 1, 2)
        self._layout.addWidget(self.list, 2, 0)
        self._layout.addWidget(self.remove_button, 2, 1, Qt.AlignmentFlag.AlignTop)
        self._layout.setColumnStretch(0, 1)
        self.setFocusProxy(self.edit)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_typed)
        self.edit.textEdited.connect(self._typed)
        self.edit.installEventFilter(self)
        self.list.installEventFilter(self)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.remove_button.clicked.connect(self.remove_selected)
        self.popup.itemClicked.connect(self._choose_item)

    @property
    def a_noun(self) -> str:
        return f"{'an' if self.noun[:1] in 'aeiou' else 'a'} {self.noun}"

    # ---- source and value ---------------------------------------------------------------------------
    def attach(self, source: ChoiceSource | None, *, exclude: Collection[str] = ()) -> None:
        """Search `source` (None: searching is not available); never offer `exclude` (the record itself).
        The chosen records are labelled again from the source."""
        self.source = source
        self.exclude = frozenset(exclude)
        if source is not None and self.list.count():
            self._fill(self.value())

    def value(self) -> tuple[str, ...]:
        return tuple(str(self.list.item(row).data(_UUID)) for row in range(self.list.count()))

    def set_value(self, uuids: Sequence[str]) -> None:
        """Show `uuids` as chosen, labelled from the source (changed is not emitted)."""
        self._fill(uuids)
        self.edit.clear()
        self._close()
        self._say("")

    def _fill(self, uuids: Sequence[str]) -> None:
        choices: Sequence[Choice] = ()
        if self.source is not None and uuids:
            try:
                choices = self.source.labelled(uuids)
            except Exception:  # the database went away: show what is known, lose nothing
                log.warning("could not label the linked %s", self.plural, exc_info=True)
        labels = {choice.uuid: choice.label for choice in choices}
        self.list.clear()
        for uuid in dict.fromkeys(uuids):
            self._append(uuid, labels.get(uuid, uuid))

    def _append(self, uuid: str, label: str) -> None:
        item = QListWidgetItem(label)
        item.setData(_UUID, uuid)
        item.setToolTip(label)
        self.list.addItem(item)

    def pending(self) -> str:
        """Text typed but not chosen."""
        return " ".join(self.edit.text().split())

    def pending_problem(self) -> str | None:
        """What a form says about `pending()` text (None when there is none)."""
        typed = self.pending()
        if not typed:
            return None
        return self.tr(
            "“{typed}” is typed but no incident was chosen: choose one from the list (Down, Enter) or clear it"
        ).format(typed=typed)

    def state(self) -> object:
        return self.value(), self.pending()

    def focus_chain(self) -> list[QWidget]:
        return [self.edit, self.list, self.remove_button]

    # ---- searching ----------------------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        self._say("")
        if len(text.strip()) < TYPED_MINIMUM:
            self._timer.stop()
            self._close()
            return
        self._timer.start()

    def _search_typed(self) -> None:
        self.search(self.edit.text())

    def search(self, text: str) -> None:
        """Search now and show the matches (or say why there are none)."""
        self._timer.stop()
        text = " ".join(text.split())
        if not text:
            self._close()
            return
        if self.source is None:
            self._close()
            self._say(self.tr("Searching for incidents is not available here"))
            return
        try:
            choices = self.source.search(text, exclude=self.exclude | set(self.value()))
        except SearchSyntaxError as error:
            self._close()
            self._say(str(error))
            return
        except Exception as error:  # storage problems: say so, keep what was typed
            log.warning("searching %s for %r failed", self.plural, text, exc_info=True)
            self._close()
            self._say(self.tr("Could not search the incidents: {error}").format(error=error))
            return
        if not choices:
            self._close()
            hint = (
                self.tr("No other incident matches “{text}”.")
                if self.list.count()
                else self.tr("No incident matches “{text}”.")
            ).format(text=text)
            self._say(hint + " " + self.tr("Try a word of the title, a case number or a facility name."))  # fmt: skip
            return
        self._say("")
        self.popup.clear()
        for choice in choices:
            item = QListWidgetItem(choice.label)
            item.setData(_UUID, choice.uuid)
            item.setToolTip(choice.label)
            self.popup.addItem(item)
        self._open()

    def _say(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def _open(self) -> None:
        rows = min(self.popup.count(), POPUP_ROWS)
        height = self.popup.sizeHintForRow(0) * rows + 2 * self.popup.frameWidth() + 2
        width = max(self.edit.width(), self.popup.sizeHintForColumn(0) + 2 * self.popup.frameWidth() + 24)
        screen = self.edit.screen().availableGeometry() if self.edit.screen() is not None else None
        if screen is not None:
            width = min(width, screen.width())
        self.popup.setFixedSize(width, height)
        self.popup.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        self.popup.setCurrentRow(-1)
        self.popup.show()

    def _close(self) -> None:
        self.popup.hide()
        self.edit.setAccessibleDescription("")

    def is_open(self) -> bool:
        return self.popup.isVisible()

    # ---- choosing and removing ----------------------------------------------------------------------
    def _choose_item(self, item: QListWidgetItem) -> None:
        uuid = str(item.data(_UUID))
        if uuid not in self.value():
            self._append(uuid, item.text())
        self.edit.clear()
        self._close()
        self._say("")
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _move(self, step: int) -> None:
        row = self.popup.currentRow()
        row = 0 if row < 0 else max(0, min(self.popup.count() - 1, row + step))
        self.popup.setCurrentRow(row)
        self.edit.setAccessibleDescription(self.popup.item(row).text())  # the match Enter would choose

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))

    def remove_selected(self) -> None:
        """Unlink the selected records (none selected: the current one, where Delete was pressed)."""
        items = self.list.selectedItems() or [item for item in [self.list.currentItem()] if item is not None]
        rows = sorted((self.list.row(item) for item in items), reverse=True)
        for row in rows:
            self.list.takeItem(row)
        if rows:
            if self.list.count():
                self.list.setCurrentRow(min(rows[-1], self.list.count() - 1))
            self.changed.emit()

    # ---- keys ---------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """The matches do not follow the field: moving or resizing the window, or scrolling the form (its content
        moves), closes them."""
        super().showEvent(event)
        ancestor = self.parentWidget()
        while ancestor is not None:  # (installing it again does not install it twice; no Python reference kept)
            ancestor.installEventFilter(self)
            ancestor = ancestor.parentWidget()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not hasattr(self, "popup"):  # an event before the picker is built (or after it is torn down)
            return False
        if watched is self.edit and event.type() == QEvent.Type.FocusOut and not self.popup.underMouse():
            self._close()
        moved = event.type() in _MOVES or (event.type() == QEvent.Type.Resize and watched is self.window())
        if moved and isinstance(watched, QWidget) and watched.isAncestorOf(self):
            self._close()
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if watched is self.edit:
            return self._edit_key(event)
        if watched is self.list and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_selected()
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _edit_key(self, event: QKeyEvent) -> bool:
        """Down/Up walk the matches (Down searches first if need be), Enter chooses, Esc closes them; other keys,
        and Enter or Esc with no matches open, go on to the field and the form."""
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and _plain(event):
            if not self.is_open():
                self.search(self.edit.text())
            if self.is_open():
                self._move(1 if key == Qt.Key.Key_Down else -1)
            return True
        if key in _ENTER and _plain(event):
            if self._timer.isActive() or (self.pending() and not self.is_open()):
                self.search(self.edit.text())
                return True  # the matches are shown: Enter again (or Down first) chooses
            if self.is_open():
                item = self.popup.currentItem() or self.popup.item(0)
                self._choose_item(item)
                return True
            return False
        if key == Qt.Key.Key_Escape and self.is_open():
            self._close()
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self._close()
        return False
