"""Help › About: the version of Incident Logger, Qt, PySide6 and Python, the data folder and the open database."""

from __future__ import annotations

import platform
from html import escape
from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import __version__
from desktop.ui.translated import translate


def about_text(database: str, data_dir: Path | None, backup_dir: Path | None) -> str:
    """The About box's rich text; `database` is the open database's path (or its URL, passwords hidden)."""
    places = [(translate("AboutDialog", "Database"), database)]
    if data_dir is not None:
        places.append((translate("AboutDialog", "Data folder"), str(data_dir)))
    if backup_dir is not None:
        places.append((translate("AboutDialog", "Backups"), str(backup_dir)))
    rows = "".join(f"<tr><td>{name}:&nbsp;</td><td>{escape(value)}</td></tr>" for name, value in places)
    return translate(
        "AboutDialog",
        "<h3>Incident Logger {escape}</h3><p>Record facilities, security incidents and their legal lifecycle, "
        "security plan items, and export them.</p><table>{rows}</table><p>Qt {escape2}, PySide6 {escape3}, Python "
        "{escape4}</p>",
    ).format(
        escape=escape(__version__),
        rows=rows,
        escape2=escape(qVersion()),
        escape3=escape(PySide6.__version__),
        escape4=escape(platform.python_version()),
    )


def show_about(parent: QWidget | None, text: str) -> None:
    QMessageBox.about(parent, translate("AboutDialog", "About Incident Logger"), text)
