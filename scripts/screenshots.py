"""Screenshots for the docs: first run, the main window's tabs, the incident form and the user guide, under Xvfb.

`make screenshots` (or `python scripts/screenshots.py`) writes docs/first-run.png (the empty database),
docs/incidents.png, docs/facilities.png, docs/plan-items.png, docs/directives.png and the incident, directive,
plan item and facility forms (docs/*-form.png, the demo data) and
docs/user-guide.png. Without a display it re-runs itself under `xvfb-run -a` (Debian package xvfb); a
temporary data directory is used, never the user's own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CHILD = "INCIDENT_LOGGER_SCREENSHOTS_CHILD"
SCREEN = "1920x1200x24"
WINDOW_SIZE = (1600, 600)
FIRST_RUN_SIZE = (1200, 560)
GUIDE_SIZE = (1000, 640)


def main() -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get(CHILD):
        return rerun_under_xvfb()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="incident-logger-shots-") as folder:
        return take_screenshots(Path(folder))


def rerun_under_xvfb() -> int:
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        print("screenshots: no display and no xvfb-run; install it with `apt-get install -y xvfb`", file=sys.stderr)
        return 2
    environment = {**os.environ, CHILD: "1", "QT_QPA_PLATFORM": "xcb"}
    command = [xvfb_run, "-a", "-s", f"-screen 0 {SCREEN}", sys.executable, str(Path(__file__).resolve())]
    return subprocess.run(command, env=environment, check=False).returncode


def take_screenshots(folder: Path) -> int:
    from PySide6.QtCore import QModelIndex, QSettings, Qt
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop import paths
    from desktop.app import build_main_window
    from desktop.services.demo import load_demo
    from desktop.services.session.service import DatabaseSessions
    from desktop.ui.dialogs.guide_dialog import GuideDialog
    from desktop.services.incident_choices import IncidentChoices
    from desktop.ui.forms.directive_form import DirectiveForm
    from desktop.ui.forms.facility_form import FacilityForm
    from desktop.ui.forms.incident_form import IncidentForm
    from desktop.ui.forms.plan_item_form import PlanItemForm
    from desktop.ui.icons import app_icon
    from desktop.ui.session import Session

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationDisplayName("Incident Logger")
    app.setWindowIcon(app_icon())
    app_paths = paths.init(folder / "data")
    sessions = DatabaseSessions(app_paths.backup_dir)
    database = sessions.open(app_paths.default_url)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(Session(database, sessions), app_paths, settings)
    DOCS.mkdir(exist_ok=True)
    written: list[Path] = []

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def save(widget: QWidget, name: str) -> None:
        settle()
        target = DOCS / name
        if not widget.grab().save(str(target)):
            raise RuntimeError(f"could not write {target}")
        written.append(target)

    def shoot_tab(key: str, name: str, *, select_first: bool = True) -> None:
        window.show_tab(key)
        tab = window.record_tabs[key]
        if select_first:
            tab.table.select_row(0)
        else:
            tab.table.clearSelection()
            tab.table.setCurrentIndex(QModelIndex())
        tab.table.setFocus(Qt.FocusReason.OtherFocusReason)
        save(window, name)

    try:
        window.resize(*FIRST_RUN_SIZE)
        window.show()
        window.activateWindow()
        window.show_tab("incidents")
        save(window, "first-run.png")  # the empty database: the tab says what to do
        load_demo(database)
        window.session.changed()
        window.resize(*WINDOW_SIZE)
        settle()
        shoot_tab("incidents", "incidents.png")
        shoot_tab("facilities", "facilities.png")
        shoot_tab("plan_items", "plan-items.png", select_first=False)  # the deadline colours show
        window.show_tab("incidents")
        services = window.session.services
        tacoma = next(i for i in services.incidents.page() if "Tacoma" in i.facility_name)
        form = IncidentForm(services.incidents.get(tacoma.uuid), services.facilities.names(), window)
        form.show()
        settle()
        save(form, "incident-form.png")
        form.forget_changes()
        form.close()
        shoot_tab("directives", "directives.png")
        directives = services.directives.page()
        directive_form = DirectiveForm(directives[0], services.facilities.names(), window)
        directive_form.show()
        save(directive_form, "directive-form.png")
        directive_form.forget_changes()
        directive_form.close()
        plan = next(p for p in services.plan_items.page() if p.directive_uuid and p.facility_uuid)
        plan_form = PlanItemForm(plan, services.facilities.names(), window,
                                 directives=[(d.uuid, d.title) for d in directives])  # fmt: skip
        plan_form.incidents.attach(IncidentChoices(services.incidents))
        plan_form.show()
        save(plan_form, "plan-item-form.png")
        plan_form.forget_changes()
        plan_form.close()
        facility = services.facilities.get(tacoma.facility_uuid)
        facility_form = FacilityForm(facility, None, window, facilities=services.facilities.names(),
                                     directives=directives)  # fmt: skip
        facility_form.show()
        save(facility_form, "facility-form.png")
        facility_form.forget_changes()
        facility_form.close()
        guide = GuideDialog(window)
        guide.resize(*GUIDE_SIZE)
        guide.show()
        guide.show_section("records.md", "Incidents")
        save(guide, "user-guide.png")
        guide.close()
    finally:
        window.close()
        sessions.close(database)
        window.deleteLater()
        settle()
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
