"""Write docs/dashboard.png (the Dashboard tab); scripts/briefing_screenshot.py writes the briefing's pages.

Seeded synthetic data (tests/support/synthetic_incidents.py) plus the demo records, in a temporary
database; off screen, so it runs without a display.
Usage: .venv/bin/python scripts/dashboard_screenshot.py [--incidents N] [--docs DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2024, 3, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=20_000, help="synthetic incidents (default 20,000)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="where to write the PNG files")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT / "tests"))
    from PySide6.QtWidgets import QApplication
    from support.synthetic_incidents import populate

    from desktop.domain.queries import IncidentFilter
    from desktop.persistence.engine import sqlite_url
    from desktop.services.demo import load_demo
    from desktop.services.session.service import DatabaseSessions
    from desktop.ui.dashboard import DashboardTab
    from desktop.ui.session import Session

    app = QApplication(["dashboard-screenshot"])
    app.setStyle("Fusion")
    args.docs.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dashboard-shot-") as scratch:
        sessions = DatabaseSessions(None, clock=lambda: datetime(2024, 3, 1, 9))
        database = sessions.open(sqlite_url(Path(scratch) / "incidents.sqlite3"))
        try:
            load_demo(database)
            populate(database, incidents=args.incidents, facilities=40, plan_items=150, today=TODAY)
            tab = DashboardTab(Session(database, sessions), today=lambda: TODAY)
            tab.resize(1400, 1150)
            tab.set_filter(IncidentFilter(occurred_from=date(2022, 1, 1), occurred_to=date(2023, 12, 31)))
            tab.show()
            app.processEvents()
            tab.grab().save(str(args.docs / "dashboard.png"))
            print(f"{args.docs / 'dashboard.png'}: refresh {tab.last_refresh_seconds:.3f} s")
            tab.close()
            tab.deleteLater()
            app.processEvents()
        finally:
            sessions.close(database)
    return 0


if __name__ == "__main__":
    sys.exit(main())
