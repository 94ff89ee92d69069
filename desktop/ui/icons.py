"""The application icon (resources/incident-logger.svg in the package) and action icons (theme, resources/icons, Qt)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

RESOURCES = Path(__file__).resolve().parents[1] / "resources"  # package data: source tree, wheel and bundle alike
APP_ICON = "incident-logger.svg"
SP = QStyle.StandardPixmap
log = logging.getLogger(__name__)
ACTION_ICONS: dict[str, tuple[str, QStyle.StandardPixmap]] = {
    "new": ("document-new", SP.SP_FileIcon),
    "edit": ("document-edit", SP.SP_FileDialogContentsView),
    "delete": ("edit-delete", SP.SP_TrashIcon),
    "undo": ("edit-undo", SP.SP_ArrowBack),
    "redo": ("edit-redo", SP.SP_ArrowForward),
    "find": ("edit-find", SP.SP_FileDialogContentsView),
    "open": ("document-open", SP.SP_DialogOpenButton),
    "new_database": ("folder-new", SP.SP_FileDialogNewFolder),
    "refresh": ("view-refresh", SP.SP_BrowserReload),
    "quit": ("application-exit", SP.SP_DialogCloseButton),
    "about": ("help-about", SP.SP_MessageBoxInformation),
}


def resource(name: str) -> Path | None:
    path = RESOURCES / name
    return path if path.is_file() else None


def app_icon() -> QIcon:
    """The shield icon; a plain drawn one if the SVG cannot be found or read."""
    path = resource(APP_ICON)
    icon = QIcon(str(path)) if path is not None else QIcon()
    if icon.isNull() or (not icon.availableSizes() and icon.pixmap(QSize(32, 32)).isNull()):
        log.warning("the app icon %s could not be read; a plain one is drawn instead", path or RESOURCES / APP_ICON)
        icon = _drawn_icon()
    return icon


def _drawn_icon() -> QIcon:
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#2c4f7c"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(2, 2, 60, 60, 12, 12)
    painter.setBrush(QColor("#d9480f"))
    painter.drawRoundedRect(28, 12, 8, 26, 4, 4)
    painter.drawEllipse(28, 44, 8, 8)
    painter.end()
    return QIcon(pixmap)


def action_icon(name: str) -> QIcon:
    """The desktop theme's icon for an action, else ours (desktop/resources/icons), else the closest of Qt's style."""
    theme_name, fallback = ACTION_ICONS[name]
    if QIcon.hasThemeIcon(theme_name):
        return QIcon.fromTheme(theme_name)
    own = resource(f"icons/{name}.svg")
    if own is not None:
        return QIcon(str(own))
    style = QApplication.style()
    return style.standardIcon(fallback) if style is not None else QIcon()
