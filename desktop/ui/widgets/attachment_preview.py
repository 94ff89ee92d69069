"""The preview of an attachment in a form: an image scaled to fit, a PDF's pages, or a line saying there is none."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QWidget

from desktop.ui.translated import QT_TRANSLATE_NOOP, translate

PREVIEW_LIMIT = 64 * 1000 * 1000  # bytes: a larger image or PDF is shown by Open only
NOTHING = QT_TRANSLATE_NOOP("AttachmentPreview", "Select an attachment to see it here.")


def previewable(media_type: str) -> bool:
    """Whether the preview can show this kind of file (a PDF, or an image Qt reads here)."""
    if media_type == "application/pdf":
        return True
    return media_type in {bytes(kind.data()).decode() for kind in QImageReader.supportedMimeTypes()}


class ImageLabel(QLabel):
    """A picture scaled to the label's size (keeping its proportions), scaled again when the label is resized."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = QPixmap()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(QSize(80, 80))

    def set_original(self, pixmap: QPixmap) -> None:
        self.original = pixmap
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.original.isNull():
            self.clear()
            return
        size = self.original.size().boundedTo(self.size())  # never larger than the picture itself
        self.setPixmap(self.original.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))  # fmt: skip


class AttachmentPreview(QStackedWidget):
    """`show_image(path)`, `show_pdf(path)` (from verified copies), `show_text(line)`; `shown` says which."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Attachment preview"))
        self.setMinimumSize(QSize(220, 160))
        self.text = QLabel(translate("AttachmentPreview", NOTHING))
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setAccessibleName(self.tr("Preview note"))
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.image = ImageLabel()
        self.image.setAccessibleName(self.tr("Image preview"))
        from PySide6.QtPdf import QPdfDocument  # QtPdf: when a form shows attachments, not when the window starts
        from PySide6.QtPdfWidgets import QPdfView

        self.document = QPdfDocument(self)
        self.pdf = QPdfView()
        self.pdf.setAccessibleName(self.tr("PDF preview"))
        self.pdf.setDocument(self.document)
        self.pdf.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        for widget in (self.text, self.image, self.pdf):
            self.addWidget(widget)
        self.shown = "text"

    def show_text(self, line: str) -> None:
        self._close_pdf()
        self.image.set_original(QPixmap())
        self.text.setText(line)
        self.setCurrentWidget(self.text)
        self.shown = "text"

    def show_image(self, path: Path) -> bool:
        """The picture at `path` (turned as its EXIF says); False and a line saying why when it cannot be read."""
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        image = reader.read()
        if image.isNull():
            self.show_text(
                self.tr("{name} cannot be shown here: {errorString}. Open shows it in its program.").format(
                    name=path.name, errorString=reader.errorString()
                )
            )
            return False
        self._close_pdf()
        self.image.set_original(QPixmap.fromImage(image))
        self.setCurrentWidget(self.image)
        self.shown = "image"
        return True

    def show_pdf(self, path: Path) -> bool:
        """The PDF at `path`, page by page to the width of the preview; False and a line when it cannot be read."""
        from PySide6.QtPdf import QPdfDocument

        self._close_pdf()
        error = self.document.load(str(path))
        if error is not QPdfDocument.Error.None_ or self.document.pageCount() == 0:
            self.document.close()
            reason = re.sub(r"(?<!^)(?=[A-Z])", " ", error.name).lower() if error.value else self.tr("no pages")
            self.show_text(
                self.tr("{name} cannot be shown here ({reason}). Open shows it in its program.").format(
                    name=path.name, reason=reason
                )
            )
            return False
        self.image.set_original(QPixmap())
        self.setCurrentWidget(self.pdf)
        self.shown = "pdf"
        return True

    def _close_pdf(self) -> None:
        from PySide6.QtPdf import QPdfDocument

        if self.document.status() is not QPdfDocument.Status.Null:
            self.document.close()
