"""What each record tab offers on a database without records of its kind: new, import, demo records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.domain.kinds import RecordKind
from desktop.services.demo import load_demo
from desktop.ui.error_dialogs import show_error
from desktop.ui.widgets.empty_state import Choice
from desktop.ui.window_actions import WindowAction

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

TEXTS = {
    RecordKind.INCIDENT: "No incidents are recorded yet. An incident happens at a facility: add the facility "
    "first, import records from a CSV file, or look around with the demo records.",
    RecordKind.FACILITY: "No facilities are recorded yet. Add one, import them from a CSV file, or load the "
    "demo records.",
    RecordKind.PLAN_ITEM: "No plan items are recorded yet. Add one, or import them from a CSV file.",
    RecordKind.DIRECTIVE: "No directives are recorded yet. A directive orders facilities secured by a deadline "
    "(“FPS: plan to secure all ICE facilities within two weeks”); its plan items carry it out. Add one, import "
    "them from a CSV file, or load the demo records.",
}
CHOICES = {
    RecordKind.INCIDENT: ("New facility", "New incident", "Import CSV", "Load demo records"),
    RecordKind.FACILITY: ("New facility", "Import CSV", "Load demo records"),
    RecordKind.PLAN_ITEM: ("New plan item", "Import CSV"),
    RecordKind.DIRECTIVE: ("New directive", "Import CSV", "Load demo records"),
}


def install_empty_states(window: MainWindow) -> None:
    """Give every record tab its empty-state text and buttons (after the features registered their actions)."""
    A = WindowAction
    actions = {"New facility": A.NEW_FACILITY, "New incident": A.NEW_INCIDENT, "New plan item": A.NEW_PLAN_ITEM,
               "New directive": A.NEW_DIRECTIVE, "Import CSV": A.IMPORT_CSV}  # fmt: skip
    registered = set(window.registry)
    for tab in window.record_tabs.values():
        choices: list[Choice] = []
        for text in CHOICES.get(tab.kind, ()):
            if text == "Load demo records":
                choices.append((text, lambda: load_demo_records(window)))
            elif actions[text] in registered:
                choices.append((text, window.registry[actions[text]].trigger))
        tab.set_empty_choices(TEXTS[tab.kind], choices)


def load_demo_records(window: MainWindow) -> bool:
    """Load the demo records into the open database and show them; True when they were loaded."""
    try:
        added = load_demo(window.session.database)
    except Exception as error:
        show_error(window, error, "Loading the demo data")
        return False
    window.session.changed()  # every kind
    window.statusBar().showMessage("Demo data loaded." if added else "The demo records are already here.", 8000)
    return bool(added)
