"""The one question before sensitive fields leave the app: asked when a person chooses to include them in a CSV
file or a briefing; Cancel keeps them redacted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.records import SENSITIVE_INCIDENT_FIELDS
from desktop.ui.translated import translate

QUESTION_NAME = "include_sensitive_question"


def sensitive_fields_text() -> str:
    """ "suspect names and personal details" (the fields marked sensitive, in words)."""
    return " and ".join(name.replace("_", " ") for name in SENSITIVE_INCIDENT_FIELDS)


def ask_to_include_sensitive(parent: QWidget, document: str, answered: Callable[[bool], None], *,
                             what: str = "") -> QMessageBox:  # fmt: skip
    """Open (window-modal, not blocking) the question whether to put the sensitive fields (or `what`: "the 2
    attachments marked sensitive") into `document` ("this CSV file", "this briefing"); `answered(True)` after
    Include them, `answered(False)` after Cancel, Esc or closing it. Cancel is the default button. Returns the box
    (tests press its buttons)."""
    box = QMessageBox(parent)
    box.setObjectName(QUESTION_NAME)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(
        translate("SensitiveQuestion", "Include sensitive files?")
        if what
        else translate("SensitiveQuestion", "Include sensitive fields?")
    )
    fields = translate("SensitiveQuestion", "the incidents' {sensitive_fields_text}").format(
        sensitive_fields_text=sensitive_fields_text()
    )
    box.setText(
        translate("SensitiveQuestion", "Include {value} in {document}?").format(value=what or fields, document=document)
    )
    box.setInformativeText(
        translate(
            "SensitiveQuestion",
            (
                "They are written as they are, and the file may be shared, copied or mailed beyond the people allowed "
                "to read them. The audit trail records that they were included.\n\n"
                "Cancel keeps them out."
            ),
        )
    )
    include = box.addButton(translate("SensitiveQuestion", "&Include them"), QMessageBox.ButtonRole.AcceptRole)
    include.setObjectName("include_button")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda _result: answered(box.clickedButton() is include))
    box.open()
    return box
