"""Write the briefing without a window (the `report` command): a QApplication, off screen when there is no display."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from desktop.domain.passphrases import Passphrase
from desktop.persistence.unit_of_work import Database
from desktop.services.briefing import BriefingOptions
from desktop.services.leftovers import Leftover
from desktop.ui.report.briefing_pdf import BriefingError, write_briefing


def write_briefing_headless(database: Database, path: Path, options: BriefingOptions,
                            told: Callable[[Leftover], None] | None = None, *,
                            protect: Passphrase | None = None) -> int:  # fmt: skip
    """write_briefing, creating a QApplication first if the process has none (offscreen without a display)."""
    existing = QCoreApplication.instance()
    if existing is not None and not isinstance(existing, QApplication):
        raise BriefingError("the briefing needs a QApplication (widgets) to draw its charts, not a QGuiApplication")
    app = existing
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["incident-logger"])
    try:
        return write_briefing(database, path, options, told, protect=protect)
    finally:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # charts and scenes go first
