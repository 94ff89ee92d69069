"""Screenshot of the first run for the docs: `python scripts/first_run_screenshot.py` writes docs/first-run.png.

The main window on a new, empty database in a temporary folder, drawn with Qt's offscreen platform."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "first-run.png"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop import paths
    from desktop.app import build_main_window
    from desktop.services.session.service import DatabaseSessions
    from desktop.ui.session import Session

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="incident-logger-first-run-") as folder:
        app_paths = paths.init(Path(folder) / "data")
        sessions = DatabaseSessions(app_paths.backup_dir)
        session = Session(sessions.open(app_paths.default_url), sessions)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = build_main_window(session, app_paths, settings)
        window.resize(1200, 560)
        window.show()
        window.show_tab("incidents")
        for _ in range(5):
            app.processEvents()
        saved = window.grab().save(str(TARGET))
        window.close()
        session.close()
        del window
    if not saved:
        print(f"first_run_screenshot: could not write {TARGET}", file=sys.stderr)
        return 1
    print(TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main())
