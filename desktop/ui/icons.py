"""The application icon (desktop/resources/incident-logger.svg) and action icons (desktop theme, resources/icons in
the palette's colours for the scheme shown, Qt style)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from desktop.ui.palette import SWATCHES, Scheme, colour, current_scheme, hex_of
from desktop.ui.theme import on_theme_change

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
ICON_COLOURS = ("icon", "icon_add", "icon_remove")  # resources/icons/*.svg use these swatches' light values
ICON_SIZES = (16, 22, 24, 32, 48, 64)


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
    painter.setBrush(colour("brand_backdrop"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(2, 2, 60, 60, 12, 12)
    painter.setBrush(colour("brand_mark"))
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
        return svg_icon(own, current_scheme())
    style = QApplication.style()
    return style.standardIcon(fallback) if style is not None else QIcon()


def svg_icon(path: Path, scheme: Scheme) -> QIcon:
    """One of our SVG icons; in the dark scheme with its strokes in the palette's dark values."""
    if scheme is Scheme.LIGHT:
        return QIcon(str(path))
    from PySide6.QtSvg import QSvgRenderer  # only in the dark scheme

    text = path.read_text(encoding="utf-8")
    for name in ICON_COLOURS:
        text = text.replace(SWATCHES[name].light, hex_of(name, scheme))
    renderer = QSvgRenderer(QByteArray(text.encode()))
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def set_action_icon(action: QAction, name: str) -> None:
    """`action`'s icon `name` (ACTION_ICONS), drawn again in the new colours after every change of theme."""
    action.setProperty("icon_name", name)
    on_theme_change(action, lambda: action.setIcon(action_icon(name)), "theme_icon")
