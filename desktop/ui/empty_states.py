"""What each record tab offers on a database without records of its kind: new, import, demo records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.domain.kinds import RecordKind
from desktop.services.demo import load_demo
from desktop.ui.error_dialogs import show_error
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate
from desktop.ui.widgets.empty_state import Choice
from desktop.ui.window_actions import WindowAction

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

_NEW_FACILITY = QT_TRANSLATE_NOOP("EmptyStates", "New facility")
_NEW_INCIDENT = QT_TRANSLATE_NOOP("EmptyStates", "New incident")
_NEW_PLAN_ITEM = QT_TRANSLATE_NOOP("EmptyStates", "New plan item")
_NEW_DIRECTIVE = QT_TRANSLATE_NOOP("EmptyStates", "New directive")
_IMPORT_CSV = QT_TRANSLATE_NOOP("EmptyStates", "Import CSV")
_LOAD_DEMO_RECORDS = QT_TRANSLATE_NOOP("EmptyStates", "Load demo records")
TEXTS = {
    RecordKind.INCIDENT: QT_TRANSLATE_NOOP(
        "EmptyStates",
        "No incidents are recorded yet. An incident happens at a facility: add the facility "
        "first, import records from a CSV file, or look around with the demo records.",
    ),
    RecordKind.FACILITY: QT_TRANSLATE_NOOP(
        "EmptyStates", "No facilities are recorded yet. Add one, import them from a CSV file, or load the demo records."
    ),
    RecordKind.PLAN_ITEM: QT_TRANSLATE_NOOP(
        "EmptyStates", "No plan items are recorded yet. Add one, or import them from a CSV file."
    ),
    RecordKind.DIRECTIVE: QT_TRANSLATE_NOOP(
        "EmptyStates",
        "No directives are recorded yet. A directive orders facilities secured by a deadline "
        "(“FPS: plan to secure all ICE facilities within two weeks”); its plan items carry it out. Add one, import "
        "them from a CSV file, or load the demo records.",
    ),
}
CHOICES = {
    RecordKind.INCIDENT: (_NEW_FACILITY, _NEW_INCIDENT, _IMPORT_CSV, _LOAD_DEMO_RECORDS),
    RecordKind.FACILITY: (_NEW_FACILITY, _IMPORT_CSV, _LOAD_DEMO_RECORDS),
    RecordKind.PLAN_ITEM: (_NEW_PLAN_ITEM, _IMPORT_CSV),
    RecordKind.DIRECTIVE: (_NEW_DIRECTIVE, _IMPORT_CSV, _LOAD_DEMO_RECORDS),
}


def install_empty_states(window: MainWindow) -> None:
    """Give every record tab its empty-state text and buttons (after the features registered their actions)."""
    A = WindowAction
    actions = {_NEW_FACILITY: A.NEW_FACILITY, _NEW_INCIDENT: A.NEW_INCIDENT, _NEW_PLAN_ITEM: A.NEW_PLAN_ITEM,
               _NEW_DIRECTIVE: A.NEW_DIRECTIVE, _IMPORT_CSV: A.IMPORT_CSV}  # fmt: skip
    registered = set(window.registry)
    for tab in window.record_tabs.values():
        choices: list[Choice] = []
        for text in CHOICES.get(tab.kind, ()):
            if text == _LOAD_DEMO_RECORDS:
                choices.append((translate("EmptyStates", text), lambda: load_demo_records(window)))
            elif actions[text] in registered:
                choices.append((translate("EmptyStates", text), window.registry[actions[text]].trigger))
        tab.set_empty_choices(translate("EmptyStates", TEXTS[tab.kind]), choices)


def load_demo_records(window: MainWindow) -> bool:
    """Load the demo records into the open database and show them; True when they were loaded."""
    try:
        added = load_demo(window.session.database)
    except Exception as error:
        show_error(window, error, translate("EmptyStates", "Loading the demo data"))
        return False
    window.session.changed()  # every kind
    window.statusBar().showMessage(
        translate("EmptyStates", "Demo data loaded.")
        if added
        else translate("EmptyStates", "The demo records are already here."),
        8000,
    )
    return bool(added)
