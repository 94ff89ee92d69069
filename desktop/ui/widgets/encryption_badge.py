"""The status bar's "Encrypted" badge (a padlock and the word) shown while the open database is encrypted."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.ui.palette import colour
from desktop.ui.theme import on_theme_change, themed_style
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate

TOOLTIP = QT_TRANSLATE_NOOP("EncryptionBadge", "This database is encrypted (SQLCipher, AES-256): the file, its "
                                               "journal and its backups cannot be read "
           "without its passphrase. A forgotten passphrase cannot be recovered.")  # fmt: skip


def padlock(size: int) -> QPixmap:
    """A closed padlock in the palette's "success" colour with its keyhole cut out (the background shows through),
    drawn (no icon file or theme needed), `size` pixels square."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16
    green = colour("success")
    pen = QPen(green, 1.8 * unit)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    shackle = QPainterPath()
    shackle.moveTo(5 * unit, 8 * unit)
    shackle.lineTo(5 * unit, 5 * unit)
    shackle.arcTo(QRectF(5 * unit, 2 * unit, 6 * unit, 6 * unit), 180, -180)
    shackle.lineTo(11 * unit, 8 * unit)
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(green)
    painter.drawRoundedRect(QRectF(3 * unit, 7 * unit, 10 * unit, 8 * unit), 1.5 * unit, 1.5 * unit)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)  # the brush's colour is not drawn
    painter.drawEllipse(QRectF(7 * unit, 9.5 * unit, 2 * unit, 2 * unit))
    painter.drawRect(QRectF(7.5 * unit, 11 * unit, 1 * unit, 2 * unit))
    painter.end()
    return pixmap


class EncryptionBadge(QWidget):
    """A padlock and "Encrypted", with a tooltip that says what it means; hidden for a plain database."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("encryption_badge")
        self.icon = QLabel(self)
        on_theme_change(self.icon, lambda: self.icon.setPixmap(padlock(16)))
        self.text = QLabel(self.tr("Encrypted"), self)
        self.text.setObjectName("encryption_label")
        themed_style(self.text, "color: $success; font-weight: bold;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        self.setToolTip(f"<p>{translate('EncryptionBadge', TOOLTIP)}</p>")  # rich text: Qt wraps it
        self.setAccessibleName(self.tr("Database encrypted"))
        self.setAccessibleDescription(translate("EncryptionBadge", TOOLTIP))
        self.setVisible(False)

    def show_encrypted(self, encrypted: bool) -> None:
        self.setVisible(encrypted)
