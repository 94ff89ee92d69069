"""Write docs/briefing-page1.png and docs/briefing-page2.png: pages 1 and 2 of the demo briefing, marked CUI.

The demo records (the memo's three 2019 incidents) in a temporary database; off screen, so it runs without a
display. Needs poppler's pdftoppm. Usage: .venv/bin/python scripts/briefing_screenshot.py [--docs DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2019, 10, 1)  # five days after the plan the memo asked for was due


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="where to write the PNG files")
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: install poppler-utils (make system-test)", file=sys.stderr)
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.persistence.engine import sqlite_url
    from desktop.services.demo import load_demo
    from desktop.services.session.service import DatabaseSessions
    from desktop.ui.report import BriefingOptions, write_briefing

    app = QApplication(["briefing-screenshot"])
    app.setStyle("Fusion")
    args.docs.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefing-shot-") as scratch:
        sessions = DatabaseSessions(None, clock=lambda: datetime(2019, 10, 1, 9, 30))
        database = sessions.open(sqlite_url(Path(scratch) / "incidents.sqlite3"))
        try:
            load_demo(database)
            pdf = Path(scratch) / "briefing.pdf"
            options = BriefingOptions(as_of=AS_OF, marking="CUI", prepared_by="J. Analyst")
            pages = write_briefing(database, pdf, options)
            for page in (1, 2):
                prefix = args.docs / f"briefing-page{page}"
                subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile",
                                str(pdf), str(prefix)], check=True)  # fmt: skip
                print(f"{prefix}.png: page {page} of {pages}")
        finally:
            sessions.close(database)
    return 0


if __name__ == "__main__":
    sys.exit(main())
