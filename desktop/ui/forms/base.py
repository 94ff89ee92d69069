"""RecordForm: the dialog frame every record form shares (fields with inline messages, Save/Cancel,
validation with the domain rules, the guard against losing unsaved edits, tab order)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, ClassVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.kinds import RecordKind
from desktop.domain.validation import FieldError, ValidationError
from desktop.ui.accessibility import show_problem
from desktop.ui.dialogs.destructive_question import confirm_destructive
from desktop.ui.dialogs.guide_dialog import GuideDialog
from desktop.ui.forms.fields import FieldMessage
from desktop.ui.guide_pages import START, TAB_SECTIONS
from desktop.ui.theme import themed_style
from desktop.ui.window_texts import form_title

INVALID_STYLE = '*[invalid="true"] { border: 1px solid $error; border-radius: 2px; padding: 1px; }'
# A field with a red frame has lost the style's own focus frame: a thicker one in the focus colour shows the focus.
INVALID_FOCUS_STYLE = '*[invalid="true"]:focus { border: 2px solid palette(highlight); padding: 0px; }'
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
SAVE_KEYS = (QKeySequence.StandardKey.Save, "Ctrl+Return", "Ctrl+Enter")
SENSITIVE_STYLE = (
    "QGroupBox#sensitive { border: 2px dashed $sensitive_border; border-radius: 4px; margin-top: 0.8em;"
    " padding-top: 0.9em; }"
    "QGroupBox#sensitive::title { subcontrol-origin: margin; subcontrol-position: top left; left: 10px;"
    " padding: 0 4px; color: $warning; font-weight: bold; background-color: palette(window); }"
)


def plain_label(text: str) -> str:
    """ "Case &number:" -> "Case number" (for messages)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":").strip()


@dataclass
class FieldSlot:
    """A registered field: its editor, the widget that takes focus, its message and what turns red."""

    key: str
    title: str
    editor: QWidget
    focus: QWidget
    message: FieldMessage
    targets: list[QWidget] = field(default_factory=list)


def widget_state(widget: QWidget) -> object:
    """What a person has entered in `widget`, comparable with ==, for the unsaved-changes guard."""
    state = getattr(widget, "state", None)
    if callable(state):
        return state()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentIndex(), widget.currentText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime().toString("yyyy-MM-dd HH:mm")
    raise TypeError(f"no state for {type(widget).__name__}")


def connect_changes(widget: QWidget, slot: Any) -> None:
    """Call `slot()` whenever a person changes `widget`."""
    changed = getattr(widget, "changed", None)
    if changed is not None:
        changed.connect(slot)
    elif isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
        if widget.isEditable():
            widget.editTextChanged.connect(slot)
    elif isinstance(widget, QCheckBox):
        widget.toggled.connect(slot)
    elif isinstance(widget, QDateTimeEdit):
        widget.dateTimeChanged.connect(slot)
    else:
        raise TypeError(f"cannot watch {type(widget).__name__}")


class RecordForm(QDialog):
    """Subclasses name their `kind`, add fields with `field()`, implement `build()` and `domain_errors()`,
    then call `finish_loading()`. Save (Ctrl+S or Ctrl+Enter) accepts only a valid form; Cancel/Esc/close asks
    before dropping changes. Enter never saves: a field that does not take it itself (a multi-line text, the
    weapons list) passes it here and the focus moves on, as with Tab. The dialog never writes to a database."""

    kind: ClassVar[RecordKind]

    def __init__(self, editing: bool, parent: QWidget | None = None) -> None:
        """`editing`: an existing record ("Edit plan item"), else a new one ("New plan item")."""
        super().__init__(parent)
        self.setWindowTitle(form_title(self.kind, editing))
        themed_style(self, INVALID_STYLE + SENSITIVE_STYLE)  # in the colours of the scheme shown
        self._slots: dict[str, FieldSlot] = {}
        self._key_of: dict[QWidget, str] = {}
        self._chain: list[str | QWidget] = []
        self._touched: set[str] = set()
        self._initial: list[object] = []
        self._loading = True
        self._save_attempted = False
        self._saved: Any = None
        self._extra_errors: list[FieldError] = []
        self.scroll_area: QScrollArea | None = None
        self.guide: GuideDialog | None = None  # F1, made when first asked for
        self.read_only_reason = ""  # set by make_read_only: why this form cannot save
        self.conflict_watch: Any = None  # a stored record's form: ui/forms/conflict_watch.ConflictWatch
        self.general_message = FieldMessage()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S or Ctrl+Enter)"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setToolTip(self.tr("Close without saving (Esc)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_shortcut = QShortcut(self)
        self.save_shortcut.setKeys([QKeySequence(key) for key in SAVE_KEYS])
        self.save_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.save_shortcut.activated.connect(self.save)

    # ---- building the form -------------------------------------------------------------------
    def field(
        self,
        key: str,
        label: str,
        editor: QWidget,
        *,
        focus: QWidget | None = None,
        targets: list[QWidget] | None = None,
    ) -> tuple[QLabel, QWidget]:
        """A label with mnemonic (buddy: the editor) and a box with the editor and its message below."""
        label_widget = QLabel(label)
        label_widget.setBuddy(focus or editor)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        message = FieldMessage()
        message.setObjectName(f"message_{key}")
        layout.addWidget(message)
        self._slots[key] = FieldSlot(key, plain_label(label), editor, focus or editor, message, targets or [editor])
        self._chain.append(key)
        self._key_of[editor] = key
        connect_changes(editor, self._sender_edited)  # a bound method: no reference cycle keeps the dialog alive
        return label_widget, box

    def tab_stop(self, widget: QWidget) -> None:
        """A widget that is not a field (a read-only list) but takes part in the tab order here."""
        self._chain.append(widget)

    def wrap_in_scroll_area(self, content: QWidget) -> QScrollArea:
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidget(content)
        return self.scroll_area

    def finish_loading(self) -> None:
        """Call at the end of the subclass constructor, after setting the editors' values."""
        self._apply_tab_order()
        first = next((self._slots[k].focus for k in self._chain if isinstance(k, str)), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self._initial = self._snapshot()
        self._loading = False
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # QDialogButtonBox makes Save the default button on show: undo that
        for button in self.findChildren(QPushButton):
            button.setDefault(False)
            button.setAutoDefault(False)
        QTimer.singleShot(0, self._show_start_of_focused_text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The one Enter rule of every form: Enter (no modifier) that no field took presses a focused button,
        or else moves to the next field; it never saves. Esc goes on to reject()."""
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        if event.key() == Qt.Key.Key_F1 and plain:
            self.show_help()
            event.accept()
            return
        if event.key() not in ENTER_KEYS or not plain:
            super().keyPressEvent(event)
            return
        focused = self.focusWidget()
        if isinstance(focused, QPushButton):
            focused.click()
        else:
            self._next_field()
        event.accept()

    def show_help(self) -> None:
        """F1: the user guide at this kind's section, beside the form (a child of it, so usable while the
        form is modal)."""
        if self.guide is None:
            self.guide = GuideDialog(self)
        self.guide.show_section(*TAB_SECTIONS.get(self.kind.table, START))
        self.guide.show()
        self.guide.raise_()

    def _next_field(self) -> None:
        """Tab's move, scrolling the field into view as Tab does inside a scroll area."""
        self.focusNextChild()
        now = self.focusWidget()
        if self.scroll_area is not None and now is not None and self.scroll_area.isAncestorOf(now):
            self.scroll_area.ensureWidgetVisible(now)

    def _show_start_of_focused_text(self) -> None:
        """QDialog selects the first line edit's text on show, scrolled to its end; show its start."""
        focused = self.focusWidget()
        if isinstance(focused, QLineEdit) and focused.hasSelectedText():
            focused.home(True)

    def _apply_tab_order(self) -> None:
        chain: list[QWidget] = []
        for entry in self._chain:
            widget = self._slots[entry].editor if isinstance(entry, str) else entry
            focus_chain = getattr(widget, "focus_chain", None)
            chain.extend(focus_chain() if callable(focus_chain) else [widget])
        chain.extend([self.save_button, self.cancel_button])
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ---- subclass hooks ----------------------------------------------------------------------
    def build(self) -> tuple[Any, list[FieldError]]:
        """The record the widgets describe, and problems found while reading them (bad numbers)."""
        raise NotImplementedError

    def domain_errors(self, record: Any) -> list[FieldError]:
        raise NotImplementedError

    def domain_warnings(self, record: Any) -> list[FieldError]:
        """What is kept but said under its field (a report time in the future); never stops a save."""
        del record
        return []

    def sync_widgets(self) -> None:
        """Enable/disable/show widgets that depend on other fields (called after every change)."""

    # ---- validation --------------------------------------------------------------------------
    def current_errors(self) -> list[FieldError]:
        return self._errors_of(*self.build())

    def _errors_of(self, record: Any, read_errors: list[FieldError]) -> list[FieldError]:
        """The problems of a built record: those found reading the widgets, then the domain's, in field order."""
        unreadable = {error.field for error in read_errors}
        errors = read_errors + [e for e in self.domain_errors(record) if e.field not in unreadable]
        order = {key: index for index, key in enumerate(k for k in self._chain if isinstance(k, str))}
        return sorted(errors, key=lambda error: order.get(error.field, len(order)))

    def message_for(self, error: FieldError) -> str:
        """ "arrests_count: must not exceed suspects_count" -> "Arrests must not exceed suspects"."""
        text = error.message
        for key, other in self._slots.items():
            if "_" in key and key in text:  # internal names such as suspects_count
                text = text.replace(key, other.title.lower())
        if not text[:1].islower():
            return text  # already a sentence of its own
        slot = self._slots.get(error.field)
        title = slot.title if slot is not None else error.field.replace("_", " ").capitalize()
        return f"{title} {text}"

    def refresh(self) -> None:
        if self._loading:
            return
        self.sync_widgets()
        record, read_errors = self.build()  # once per change: errors and warnings come from the same record
        self._show(self._errors_of(record, read_errors) + self._extra_errors, self.domain_warnings(record))
        self.setWindowModified(self.is_dirty())

    def _show(self, errors: list[FieldError], warnings: list[FieldError]) -> None:
        """Each field's errors under it, or else its warnings (in their own colour)."""
        general: list[str] = []
        for key, slot in self._slots.items():
            visible = self._save_attempted or key in self._touched
            texts = [self.message_for(e) for e in errors if e.field == key] if visible else []
            warned = [self.message_for(w) for w in warnings if w.field == key] if visible and not texts else []
            said = "\n".join(dict.fromkeys(texts or warned))
            slot.message.show_message(said, warning=bool(warned))
            show_problem(slot.focus, said)  # a screen reader says it with the field
            for target in slot.targets:
                if bool(target.property("invalid")) != bool(texts):
                    target.setProperty("invalid", bool(texts))
                    target.style().unpolish(target)
                    target.style().polish(target)
        if self._save_attempted:
            general = [self.message_for(e) for e in errors if e.field not in self._slots]
        self.general_message.show_message("\n".join(general))

    def show_validation_error(self, error: ValidationError) -> None:
        """Show errors a service found after the form closed (a duplicate case number): call, then exec() again."""
        self._extra_errors = list(error.errors)
        self._save_attempted = True
        self.refresh()
        self._focus_first(self._extra_errors)

    def _focus_first(self, errors: list[FieldError]) -> None:
        for error in errors:
            slot = self._slots.get(error.field)
            if slot is not None:
                slot.focus.setFocus(Qt.FocusReason.OtherFocusReason)
                if self.scroll_area is not None:  # the field with its message under it
                    self.scroll_area.ensureWidgetVisible(slot.message.parentWidget() or slot.editor)
                return

    def _sender_edited(self, *_: object) -> None:
        key = self._key_of.get(self.sender())  # type: ignore[call-overload]
        if key is not None:
            self._edited(key)

    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self._touched.add(key)
        self._extra_errors = [e for e in self._extra_errors if e.field != key]
        self.refresh()

    # ---- read only ---------------------------------------------------------------------------
    def make_read_only(self, reason: str) -> None:
        """Show the record without a way to change it (the login's role may not: `reason` says so at the top):
        texts read-only (still selectable, and reached by Tab), choices and buttons of the fields disabled, no
        Save, Cancel become Close."""
        self.read_only_reason = reason
        banner = QLabel(self.tr("Read only. {reason}.").format(reason=reason))
        banner.setObjectName("read_only_banner")
        banner.setWordWrap(True)
        themed_style(banner, "color: $warning; font-weight: bold;")
        layout = self.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, banner)
        for slot in self._slots.values():
            for widget in (slot.editor, *slot.editor.findChildren(QWidget)):
                if isinstance(widget, QLineEdit | QPlainTextEdit):
                    widget.setReadOnly(True)
                elif isinstance(widget, QAbstractItemView):
                    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
                elif isinstance(widget, QComboBox | QAbstractButton | QAbstractSpinBox):
                    widget.setEnabled(False)
        self.save_button.hide()
        self.save_shortcut.setEnabled(False)
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setToolTip(self.tr("Close (Esc)"))
        self.setWindowTitle(self.tr("{title} (read only)").format(title=self.windowTitle()))

    # ---- save / cancel -----------------------------------------------------------------------
    def save(self) -> None:
        """Accept when valid; otherwise show every message and move focus to the first bad field."""
        if self.read_only_reason:
            return
        self._save_attempted = True
        self.refresh()
        errors = self.current_errors()
        if errors:
            self._focus_first(errors)
            return
        self._saved = self.build()[0]
        self._extra_errors = []
        self.accept()

    def edited_record(self) -> Any:
        """The record as saved (or, before Save, as the widgets currently describe it)."""
        return self._saved if self._saved is not None else self.build()[0]

    def _snapshot(self) -> list[object]:
        return [widget_state(slot.editor) for slot in self._slots.values()]

    def forget_changes(self) -> None:
        """Treat what the widgets hold now as unchanged (the caller has saved or dropped it)."""
        self._initial = self._snapshot()
        self.refresh()

    def _load_record(self, record: Any) -> None:
        getattr(self, "_load")(record)  # noqa: B009 - every record form has its own typed _load

    def field_title(self, key: str) -> str:
        """The label of a record field's editor ("facility_uuid": the Facility field's), or "" when none shows it."""
        slot = self._slots.get(key) or self._slots.get(key.removesuffix("_uuid"))
        return slot.title if slot is not None else ""

    def rebase(self, stored: Any, shown: Any) -> None:
        """The record changed elsewhere: `stored` becomes the record edited (its version is the one a save checks;
        unsaved means differing from it) and the widgets show `shown` (a merge of it and the form's values)."""
        load = self._load_record
        self._loading = True
        try:
            self.record = stored
            load(stored)
            self._initial = self._snapshot()
            load(shown)
        finally:
            self._loading = False
        self.refresh()

    def is_dirty(self) -> bool:
        return not self._loading and self._snapshot() != self._initial

    def confirm_discard(self) -> bool:
        return confirm_destructive(self, self.tr("Discard changes?"), self.tr("Discard changes?"),
                                   self.tr("This form has changes that are not saved. They will be lost."),
                                   self.tr("&Discard changes"), self.tr("&Keep editing"))  # fmt: skip

    def reject(self) -> None:
        """Cancel, Esc and the close button (QDialog's closeEvent calls reject) ask before dropping edits."""
        if self.is_dirty() and not self.confirm_discard():
            return
        super().reject()
