"""Files into and out of a form's Attachments section: drags and the clipboard read, pasted images named, the file
choosers, and the list's own keys (Enter opens, Delete removes)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QFileDialog, QTreeWidget, QWidget

from desktop.ui.translated import translate


def local_files(mime: QMimeData | None) -> list[Path]:
    """The local files (and folders: refused by name when added) named by a drag or the clipboard."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def png_bytes(image: QImage) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide 6.12 takes str
    buffer.close()
    return bytes(array.data())


def pasted_name(now: datetime) -> str:
    return f"pasted-{now:%Y%m%d-%H%M%S}.png"


class AttachmentList(QTreeWidget):
    """The files of the record; Enter opens the current one, Delete removes it (after asking)."""

    open_requested = Signal()
    remove_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.open_requested.emit()
        elif plain and event.key() == Qt.Key.Key_Delete and self.currentItem() is not None:
            self.remove_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


def choose_files(parent: QWidget) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, translate("AttachmentsPanel", "Attach files"))
    return [Path(name) for name in names]


def choose_target(parent: QWidget, file_name: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, translate("AttachmentsPanel", "Save a copy of the attachment"), str(Path.home() / file_name)
    )
    return Path(name) if name else None
