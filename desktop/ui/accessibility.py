"""Accessible names and descriptions for every input, from its label, its placeholder or its tooltip, in one place."""

from __future__ import annotations

import logging

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

log = logging.getLogger(__name__)
AUTO = "accessibleNameFromLabel"  # a name given here (a label found later replaces it, one set in code never)
HELP = "accessibleHelp"  # the description given here, said again after a field's problem is cleared


def plain(text: str) -> str:
    """A label's text as a screen reader should say it: "Case &number:" -> "Case number", rich text as plain."""
    if QtGui.Qt.mightBeRichText(text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split()).rstrip(":").strip()


def spoken_name(widget: QWidget) -> str:
    """The name assistive technology reads for `widget` (its own, a sibling label's, a button's text...)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return ""
    return interface.text(QAccessible.Text.Name).strip()


def placeholder(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return widget.placeholderText()
    if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
        return widget.lineEdit().placeholderText()  # type: ignore[union-attr]
    return ""


def _may_name(widget: QWidget) -> bool:
    return not widget.accessibleName() or bool(widget.property(AUTO))


def _set_name(widget: QWidget, name: str) -> None:
    widget.setAccessibleName(name)
    widget.setProperty(AUTO, True)


def describe(widget: QWidget, help_text: str) -> None:
    """`help_text` as the description when the widget has none (a tooltip is one already)."""
    if help_text and not widget.accessibleDescription() and not widget.toolTip():
        widget.setAccessibleDescription(help_text)
        widget.setProperty(HELP, help_text)


def name_from_label(label: QLabel) -> None:
    """The widget a label is the buddy label of (and the widget that takes its focus) is named by the label's
    text, described by the label's tooltip or its own placeholder."""
    buddy = label.buddy()
    text = plain(label.text())
    if buddy is None or not text:
        return
    targets = [buddy]
    proxy = buddy.focusProxy()
    while proxy is not None and proxy not in targets:
        targets.append(proxy)
        proxy = proxy.focusProxy()
    if isinstance(buddy, QComboBox) and buddy.lineEdit() is not None:
        targets.append(buddy.lineEdit())  # type: ignore[arg-type]  # the text field a screen reader lands in
    for target in targets:
        if _may_name(target):
            _set_name(target, text)
        describe(target, label.toolTip() or placeholder(target))


def form_label(widget: QWidget) -> str:
    """The text of the QFormLayout label beside `widget`, if it sits in a form layout."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if isinstance(layout, QFormLayout):
        label = layout.labelForField(widget)
        if isinstance(label, QLabel):
            return plain(label.text())
    return ""


def name_without_label(widget: QWidget) -> None:
    """A focusable widget no label names: its form row's label, else its placeholder, else (a button with only an
    icon) its tooltip's first line."""
    if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.accessibleName():
        return
    if isinstance(widget, QAbstractButton) and widget.text():
        return  # its text is its name
    combo = widget.parentWidget()
    if isinstance(combo, QComboBox) and combo.lineEdit() is widget:  # an editable combo box's text field
        name = combo.accessibleName() or form_label(combo) or placeholder(widget)
    else:
        name = form_label(widget) or placeholder(widget)
    if not name and isinstance(widget, QAbstractButton):
        name = widget.toolTip().split("\n")[0]
    if name:
        _set_name(widget, plain(name))


def name_tree(root: QWidget) -> None:
    """Name every input under `root` (for widgets made before `install`)."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if isinstance(widget, QLabel):
            name_from_label(widget)
    for widget in widgets:
        name_without_label(widget)


def show_problem(widget: QWidget, problem: str) -> None:
    """Say a field's problem (what the red text under it says) as its description; its help again once cleared."""
    help_text = str(widget.property(HELP) or "") or widget.toolTip()
    text = f"{problem}\n{help_text}".strip() if problem else help_text
    if widget.accessibleDescription() != text:
        widget.setAccessibleDescription(text)


class AccessibleNames(QObject):
    """Names each widget as it is first polished (just before it is first shown), in every window and dialog."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish:
            try:
                if isinstance(watched, QLabel):
                    name_from_label(watched)
                elif isinstance(watched, QWidget):
                    name_without_label(watched)
            except Exception:  # an exception out of an event filter can bring the process down: never for a name
                log.exception("naming %s for assistive technology", type(watched).__name__)
        return False


def install(app: QApplication) -> None:
    """Name the inputs of every window from now on (once per application)."""
    if app.findChild(AccessibleNames, "accessible_names") is None:
        names = AccessibleNames(app)
        names.setObjectName("accessible_names")
        app.installEventFilter(names)
    for window in app.topLevelWidgets():
        name_tree(window)
