"""Screenshot of Help › User guide for the docs: `python scripts/guide_screenshot.py` writes docs/user-guide.png.

The dialog needs no database, so it is drawn with Qt's offscreen platform (no display, no Xvfb)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "user-guide.png"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from desktop.ui.dialogs.guide_dialog import GuideDialog

    app = QApplication(sys.argv[:1])
    dialog = GuideDialog()
    dialog.resize(1000, 640)
    dialog.show()
    dialog.show_section("records.md", "Incidents")
    app.processEvents()
    if not dialog.grab().save(str(TARGET)):
        print(f"guide_screenshot: could not write {TARGET}", file=sys.stderr)
        return 1
    print(TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main())
