"""Before an unredacted export of an encrypted database is written in plain, once per open database: protect it with
a passphrase (a ZIP), write the plain file, or cancel."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Protocol
from weakref import WeakKeyDictionary

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.domain.passphrases import Passphrase
from desktop.services.protected_zip import PLAIN_WARNING, warns_plain
from desktop.services.protected_zip import protected_target as protected_target  # for the forms: they reach no service
from desktop.ui.dialogs.export_passphrase_dialog import ExportPassphraseDialog
from desktop.ui.translated import translate

QUESTION_NAME = "plain_export_question"

Write = Callable[[Passphrase | None], None]
"""write(passphrase) writes the export: protected by the passphrase, or plain (None)."""
Opened = Callable[[QDialog], None]


class Encryptable(Protocol):
    """An open database as this question needs it (persistence's Database): whether it is encrypted."""

    @property
    def encrypted(self) -> bool: ...


class Choice(Enum):
    PROTECT = "protect"
    PLAIN = "plain"


_CHOSEN: WeakKeyDictionary[Encryptable, Choice] = WeakKeyDictionary()  # per open database: forgotten with it


def chosen(database: Encryptable) -> Choice | None:
    """What the person chose for this open database's unredacted exports (None: not asked yet, or cancelled)."""
    return _CHOSEN.get(database)


def export_with_protection(parent: QWidget, database: Encryptable, *, sensitive: bool, written: Path, write: Write,
                           opened: Opened | None = None) -> None:  # fmt: skip
    """Call `write(None)` at once unless the export holds sensitive fields (`sensitive`) and `database` is encrypted.
    Then ask, window-modal, the first time for this open database: "Protect with a passphrase (ZIP)…" (the passphrase
    asked twice, then `write(passphrase)`; `written` names the ZIP), "Write a plain file" (`write(None)`), or Cancel
    (nothing written, asked again next time). The choice made is kept while the database stays open: plain files
    are then written without a question, protected ones ask only the passphrase. `opened` hears of each dialog
    shown (tests work them)."""
    if not warns_plain(database.encrypted, sensitive):
        write(None)
        return
    choice = _CHOSEN.get(database)
    if choice is Choice.PLAIN:
        write(None)
        return
    if choice is Choice.PROTECT:
        _ask_passphrase(parent, database, written, write, opened)
        return
    box = QMessageBox(parent)
    box.setObjectName(QUESTION_NAME)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("PlainExportQuestion", "Export in plain?"))
    box.setText(PLAIN_WARNING)
    box.setInformativeText(
        translate(
            "PlainExportQuestion",
            "Protect with a passphrase writes {name}, a ZIP file whose content is encrypted (AES-256). Write a plain "
            "file writes it as it is.\n\nThis is asked once while this database is open.",
        ).format(name=written.name)
    )
    protect = box.addButton(
        translate("PlainExportQuestion", "&Protect with a passphrase (ZIP)…"), QMessageBox.ButtonRole.AcceptRole
    )
    protect.setObjectName("protect_button")
    plain = box.addButton(
        translate("PlainExportQuestion", "Write a p&lain file"), QMessageBox.ButtonRole.DestructiveRole
    )
    plain.setObjectName("plain_button")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(protect)
    box.setEscapeButton(cancel)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(_result: int) -> None:
        clicked = box.clickedButton()
        if clicked is plain:
            _CHOSEN[database] = Choice.PLAIN
            _later(lambda: write(None))
        elif clicked is protect:
            _ask_passphrase(parent, database, written, write, opened)

    box.finished.connect(answered)
    if opened is not None:
        opened(box)
    box.open()


def _later(call: Callable[[], None]) -> None:
    """Run `call` from the event loop once the dialog that chose it has closed (the export may run its own progress
    dialog's events, which must not delete that dialog under its own signal)."""
    QTimer.singleShot(0, call)


def _ask_passphrase(parent: QWidget, database: Encryptable, written: Path, write: Write, opened: Opened | None) -> None:
    dialog = ExportPassphraseDialog(parent, written)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def accepted() -> None:
        _CHOSEN[database] = Choice.PROTECT
        passphrase = dialog.passphrase()
        _later(lambda: write(passphrase))

    dialog.accepted.connect(accepted)
    if opened is not None:
        opened(dialog)
    dialog.open()
