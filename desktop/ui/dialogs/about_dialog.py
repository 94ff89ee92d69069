"""Help › About: the version of Incident Logger, Qt, PySide6 and Python, the data folder and the open database."""

from __future__ import annotations

import platform
from html import escape
from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import __version__


def about_text(database: str, data_dir: Path | None, backup_dir: Path | None) -> str:
    """The About box's rich text; `database` is the open database's path (or its URL, passwords hidden)."""
    places = [("Database", database)]
    if data_dir is not None:
        places.append(("Data folder", str(data_dir)))
    if backup_dir is not None:
        places.append(("Backups", str(backup_dir)))
    rows = "".join(f"<tr><td>{name}:&nbsp;</td><td>{escape(value)}</td></tr>" for name, value in places)
    return (f"<h3>Incident Logger {escape(__version__)}</h3>"
            "<p>Record facilities, security incidents and their legal lifecycle, security plan items, and export "
            "them.</p>"
            f"<table>{rows}</table>"
            f"<p>Qt {escape(qVersion())}, PySide6 {escape(PySide6.__version__)}, "
            f"Python {escape(platform.python_version())}</p>")  # fmt: skip


def show_about(parent: QWidget | None, text: str) -> None:
    QMessageBox.about(parent, "About Incident Logger", text)
