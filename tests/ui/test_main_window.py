"""The main window driven as a person does: search, filters, header clicks, keyboard shortcuts, forms, undo."""

from __future__ import annotations

import forms_fixtures as ff
import pytest
from conftest import ScriptedDialogs, click_header, make_active
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QToolButton, QWidget
from pytestqt.qtbot import QtBot
from support.lookup import facility_named

from desktop.domain.enums import CaseStatus, Severity, WeaponType
from desktop.domain.errors import RecordNotFoundError
from desktop.domain.queries import IncidentFilter, Page
from desktop.services.records import IncidentService, PlanItemService
from desktop.ui.main_window import MainWindow
from desktop.ui.record_tab import RecordTab
from desktop.ui.window_actions import WindowAction

CTRL = Qt.KeyboardModifier.ControlModifier
TACOMA = "Armed attack with rifle and incendiary devices on the detention center"
SAN_ANTONIO = "Shots fired overnight at the windows of the ICE office"
FLORIDA = "Molotov cocktail thrown at the USCIS office; the fuse failed"


def titles(tab: RecordTab) -> list[str]:
    return [tab.model.record_at(row).title for row in range(tab.model.rowCount())]


def select_title(qtbot: QtBot, tab: RecordTab, title: str) -> None:
    """Click the row showing `title`."""
    row = titles(tab).index(title)
    table = tab.table
    rect = table.visualRect(tab.model.index(row, 3))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.current_row() == row


def incidents_tab(window: MainWindow) -> RecordTab:
    return window.record_tabs["incidents"]


def test_window_shows_the_demo_records_with_counts(window: MainWindow) -> None:
    tab = incidents_tab(window)
    assert window.tabs.currentWidget() is tab
    assert titles(tab) == [FLORIDA, SAN_ANTONIO, TACOMA]  # newest first
    assert window.counts_label.text() == "3 incidents"
    assert window.deadlines_label.text() == "0 overdue, 1 due this week"
    assert window.database_label.text() == window.session.database.display_name
    assert window.windowTitle() == "incidents.sqlite3 — Incident Logger"
    window.show_tab("facilities")
    assert window.counts_label.text() == "3 facilities"
    window.show_tab("plan_items")
    assert window.counts_label.text() == "3 plan items"  # the memo's plan and two countermeasures
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&View", "&Records", "&Help"]
    edit = [a.objectName() for a in window.menus["edit"].actions() if a.objectName()]
    assert edit == ["undo_action", "redo_action", "copy_action", "clear_sensitive_copies_action", "new_action",
                    "edit_action", "delete_action", "find_action", "clear_filters_action"]  # fmt: skip


def test_typing_in_the_search_box_filters_after_a_pause(qtbot: QtBot, window: MainWindow) -> None:
    tab = incidents_tab(window)
    resets: list[int] = []
    tab.model.modelReset.connect(lambda: resets.append(1))
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is tab.filter_bar.search
    qtbot.keyClicks(tab.filter_bar.search, "molotov")
    assert tab.model.rowCount() == 3  # nothing yet: the search waits until typing pauses
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    assert titles(tab) == [FLORIDA]
    assert len(resets) == 1  # one query for the whole word, not one per key
    assert window.counts_label.text() == "1 of 3 incidents shown"
    qtbot.keyClick(tab.filter_bar.search, Qt.Key.Key_Escape)  # Esc empties the search at once
    assert tab.model.rowCount() == 3
    assert window.counts_label.text() == "3 incidents"


def test_search_finds_words_by_their_start_in_the_description(qtbot: QtBot, window: MainWindow) -> None:
    tab = incidents_tab(window)
    window.focus_search()
    qtbot.keyClicks(tab.filter_bar.search, "propan")  # "propane tank" in the Tacoma description
    qtbot.keyClick(tab.filter_bar.search, Qt.Key.Key_Return)  # Enter searches without waiting
    assert titles(tab) == [TACOMA]


def test_header_clicks_sort_in_the_database(qtbot: QtBot, window: MainWindow) -> None:
    tab = incidents_tab(window)
    service = IncidentService(window.session.database)
    header = tab.table.horizontalHeader()
    column = {c.title: n for n, c in enumerate(tab.model.columns)}
    click_header(qtbot, header, column["Title"])
    assert titles(tab) == [i.title for i in service.page(page=Page(sort="title"))] == sorted(titles(tab))
    assert header.sortIndicatorSection() == column["Title"]
    click_header(qtbot, header, column["Title"])
    assert titles(tab) == sorted(titles(tab), reverse=True)
    click_header(qtbot, header, column["Severity"])
    severities = [tab.model.record_at(r).severity for r in range(3)]
    assert severities == [Severity.HIGH, Severity.HIGH, Severity.CRITICAL]  # by rank, not by code
    before = titles(tab)
    click_header(qtbot, header, column["Weapons"])  # no sort key: the order and the arrow stay
    assert titles(tab) == before
    assert header.sortIndicatorSection() == column["Severity"]


def test_filter_combos_and_dates(qtbot: QtBot, window: MainWindow) -> None:
    tab = incidents_tab(window)
    bar = tab.filter_bar
    ff.choose(qtbot, bar.severity, "Critical")
    assert titles(tab) == [TACOMA]
    ff.choose(qtbot, bar.severity, "Any severity")
    ff.choose(qtbot, bar.status, "Open cases")
    assert titles(tab) == [FLORIDA, SAN_ANTONIO]
    ff.choose(qtbot, bar.attack_type, "Armed assault")
    assert titles(tab) == []
    assert window.counts_label.text() == "0 of 3 incidents shown"
    ff.choose(qtbot, bar.status, "Any status")
    ff.choose(qtbot, bar.attack_type, "All attack types")
    ff.choose(qtbot, bar.facility, "USCIS office, Florida")
    assert titles(tab) == [FLORIDA]
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert titles(tab) == [FLORIDA, SAN_ANTONIO, TACOMA]
    assert not bar.clear_button.isEnabled()
    ff.type_into(qtbot, bar.occurred_from.edit, "2019-08-01")  # typed key by key
    qtbot.waitUntil(lambda: set(titles(tab)) == {SAN_ANTONIO, FLORIDA}, timeout=2000)
    ff.type_into(qtbot, bar.occurred_to.edit, "20190815")  # Florida: late August
    qtbot.waitUntil(lambda: titles(tab) == [SAN_ANTONIO], timeout=2000)
    ff.type_into(qtbot, bar.occurred_from.edit, "")  # empty again: any day
    qtbot.waitUntil(lambda: set(titles(tab)) == {SAN_ANTONIO, TACOMA}, timeout=2000)
    ff.type_into(qtbot, bar.occurred_to.edit, "2019-07")  # a month: to its last day
    qtbot.waitUntil(lambda: titles(tab) == [TACOMA], timeout=2000)


def test_a_filter_from_elsewhere_shows_what_the_widgets_cannot(qtbot: QtBot, window: MainWindow) -> None:
    window.show_tab("facilities")
    changed: list[IncidentFilter] = []
    window.incident_filter_changed.connect(changed.append)
    window.apply_incident_filter(IncidentFilter(weapon_types=(WeaponType.INCENDIARY,), severities=(Severity.HIGH,)))
    tab = incidents_tab(window)
    assert window.tabs.currentWidget() is tab
    assert titles(tab) == [FLORIDA]
    assert tab.filter_bar.severity.currentText() == "High"
    assert tab.filter_bar.extra_label.isVisible()
    assert "weapon Incendiary" in tab.filter_bar.extra_label.text()
    assert changed[-1] == IncidentFilter(weapon_types=(WeaponType.INCENDIARY,), severities=(Severity.HIGH,))
    tab.filter_bar.extra_label.linkActivated.emit("clear")  # the "remove" link
    assert titles(tab) == [FLORIDA, SAN_ANTONIO]
    assert not tab.filter_bar.extra_label.isVisible()


def test_facility_and_plan_item_filters(qtbot: QtBot, window: MainWindow, today: object) -> None:
    window.show_tab("facilities")
    facilities = window.record_tabs["facilities"]
    ff.choose(qtbot, facilities.filter_bar.agency, "USCIS")
    assert [facilities.model.record_at(r).name for r in range(facilities.model.rowCount())] == [
        "USCIS office, Florida"]  # fmt: skip
    window.clear_filters()
    qtbot.mouseClick(facilities.filter_bar.reassessment_due, Qt.MouseButton.LeftButton)
    assert facilities.model.rowCount() == 3  # demo facilities were never assessed: all due
    window.show_tab("plan_items")
    plans = window.record_tabs["plan_items"]
    qtbot.mouseClick(plans.filter_bar.overdue, Qt.MouseButton.LeftButton)
    assert plans.model.rowCount() == 0  # due 2019-09-26, "today" is 2019-09-20
    qtbot.mouseClick(plans.filter_bar.overdue, Qt.MouseButton.LeftButton)
    ff.choose(qtbot, plans.filter_bar.status, "Implemented")
    assert plans.model.rowCount() == 1  # the San Antonio windows
    ff.choose(qtbot, plans.filter_bar.status, "Open items")
    assert plans.model.rowCount() == 2
    window.focus_search()
    qtbot.keyClicks(plans.filter_bar.search, "protective")  # the owner: "… Federal Protective Service"
    qtbot.keyClick(plans.filter_bar.search, Qt.Key.Key_Return)
    assert plans.model.rowCount() == 1


def test_ctrl_n_adds_an_incident_and_undo_redo_follow_the_database(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    service = IncidentService(window.session.database)

    def fill(form: QWidget) -> None:
        ff.type_into(qtbot, form.title, "Graffiti on the gate")
        ff.pick_facility(qtbot, form.facility, "Tacoma")
        make_active(qtbot, form)  # the completion popup took the activation away
        ff.type_into(qtbot, form.legal_history.date.edit, "2019-10-01")  # the day it was reported
        ff.press_save(qtbot, form)

    dialogs.then(fill)
    qtbot.keyClick(incidents_tab(window).table, Qt.Key.Key_N, CTRL)
    dialogs.check()
    stored = [i for i in service.page() if i.title == "Graffiti on the gate"]
    assert len(stored) == 1 and stored[0].facility_name == "Northwest Detention Center, Tacoma"
    tab = incidents_tab(window)
    assert tab.selected_record().uuid == stored[0].uuid  # the new record is selected
    assert window.counts_label.text() == "4 incidents"
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, CTRL)
    with pytest.raises(RecordNotFoundError):
        service.get(stored[0].uuid)
    assert tab.model.rowCount() == 3 and window.counts_label.text() == "3 incidents"
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert service.get(stored[0].uuid).title == "Graffiti on the gate"
    assert "Graffiti on the gate" in titles(tab)


def test_enter_edits_the_selected_record(qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs) -> None:
    tab = incidents_tab(window)
    select_title(qtbot, tab, FLORIDA)
    service = IncidentService(window.session.database)
    uuid = tab.selected_record().uuid

    def change(form: QWidget) -> None:
        assert form.title.text() == FLORIDA
        history = form.legal_history
        qtbot.mouseClick(history.add_button, Qt.MouseButton.LeftButton)  # an entry of the legal history
        qtbot.keyClicks(history.date.edit, "2019-09-10")
        ff.choose(qtbot, history.status, "Charged")
        ff.press_save(qtbot, form)

    dialogs.then(change)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialogs.check()
    assert service.get(uuid).status is CaseStatus.CHARGED
    assert tab.selected_record().uuid == uuid
    window.registry[WindowAction.UNDO].trigger()
    assert service.get(uuid).status is CaseStatus.REFERRED_FOR_PROSECUTION
    window.registry[WindowAction.REDO].trigger()
    assert service.get(uuid).status is CaseStatus.CHARGED


def test_a_double_click_edits_and_cancel_changes_nothing(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    tab = incidents_tab(window)
    row = titles(tab).index(TACOMA)
    before = IncidentService(window.session.database).get(tab.model.record_at(row).uuid)
    rect = tab.table.visualRect(tab.model.index(row, 3))
    opened: list[str] = []

    def cancel(form: QWidget) -> None:
        opened.append(form.title.text())
        ff.press_escape(qtbot, form)

    def double_click() -> None:
        qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    dialogs.then(cancel)
    double_click()
    dialogs.check()
    assert opened == [TACOMA]
    assert IncidentService(window.session.database).get(before.uuid) == before
    assert not window.undo_stack.canUndo()


def test_delete_asks_naming_the_record_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    tab = incidents_tab(window)
    service = IncidentService(window.session.database)
    select_title(qtbot, tab, SAN_ANTONIO)
    uuid = tab.selected_record().uuid
    asked: list[str] = []

    def answer(button: str) -> None:
        def click(box: QWidget) -> None:
            asked.append(box.text())
            qtbot.mouseClick(next(b for b in box.buttons() if b.text().replace("&", "") == button),
                             Qt.MouseButton.LeftButton)  # fmt: skip

        dialogs.then(click)
        qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
        dialogs.check()

    answer("Cancel")
    assert service.get(uuid).title == SAN_ANTONIO
    answer("Delete")
    assert asked == [f"Delete the incident “{SAN_ANTONIO[:39]}…”?"] * 2
    with pytest.raises(RecordNotFoundError):
        service.get(uuid)
    assert titles(tab) == [FLORIDA, TACOMA]
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, CTRL)
    assert service.get(uuid).title == SAN_ANTONIO
    assert titles(tab) == [FLORIDA, SAN_ANTONIO, TACOMA]


def test_del_in_the_search_box_deletes_text_not_records(qtbot: QtBot, window: MainWindow) -> None:
    tab = incidents_tab(window)
    tab.table.select_row(0)
    window.focus_search()
    qtbot.keyClicks(tab.filter_bar.search, "ab")
    qtbot.keyClick(tab.filter_bar.search, Qt.Key.Key_Home)
    qtbot.keyClick(tab.filter_bar.search, Qt.Key.Key_Delete)
    assert tab.filter_bar.search.text() == "b"
    assert QApplication.activeModalWidget() is None
    assert IncidentService(window.session.database).count() == 3


def test_deleting_a_facility_in_use_says_why_and_keeps_it(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    window.show_tab("facilities")
    tab = window.record_tabs["facilities"]
    tab.table.select_row(0)
    tab.table.setFocus()
    name = tab.selected_record().name
    said: list[tuple[str, str, str]] = []

    def read_and_close(box: QMessageBox) -> None:  # the first and only dialog: no "Delete …?" before it
        said.append((box.objectName(), box.text(), box.informativeText()))
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    dialogs.then(read_and_close)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    dialogs.check()
    assert said and said[0][:2] == ("cannot_delete", f"The facility “{name}” cannot be deleted.")
    assert "incident" in said[0][2]
    assert facility_named(window.session.database, name) is not None
    assert not window.undo_stack.canUndo()


def add_plan_item_from_the_menu(qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, description: str) -> None:
    """Records › New plan item, the description typed key by key, Ctrl+S."""

    def fill(form: QWidget) -> None:
        ff.type_into(qtbot, form.description, description)
        ff.press_save(qtbot, form)

    dialogs.then(fill)
    window.registry[WindowAction.NEW_PLAN_ITEM].trigger()
    dialogs.check()


def test_new_plan_item_from_the_records_menu(qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs) -> None:
    add_plan_item_from_the_menu(qtbot, window, dialogs, "Install bollards at the entrance")
    assert window.tabs.currentWidget() is window.record_tabs["plan_items"]
    assert [p.description for p in PlanItemService(window.session.database).page()].count(
        "Install bollards at the entrance") == 1  # fmt: skip
    assert window.record_tabs["plan_items"].model.rowCount() == 4


def test_incidents_of_a_facility_and_plan_items_of_an_incident(qtbot: QtBot, window: MainWindow) -> None:
    window.show_tab("facilities")
    facilities = window.record_tabs["facilities"]
    row = [facilities.model.record_at(r).name for r in range(3)].index("ICE office, San Antonio")
    facilities.table.select_row(row)
    window.registry[WindowAction.FACILITY_INCIDENTS].trigger()
    assert window.tabs.currentWidget() is incidents_tab(window)
    assert titles(incidents_tab(window)) == [SAN_ANTONIO]
    assert incidents_tab(window).filter_bar.facility.currentText() == "ICE office, San Antonio"
    incidents_tab(window).table.select_row(0)
    window.registry[WindowAction.INCIDENT_PLAN_ITEMS].trigger()
    assert window.record_tabs["plan_items"].model.rowCount() == 0  # the demo plan items are linked to none
    window.registry[WindowAction.CLEAR_FILTERS].trigger()  # as the status bar says: Clear filters shows all
    assert window.record_tabs["plan_items"].model.rowCount() == 3


def mnemonic(text: str) -> str | None:
    """The Alt+letter of a label ("Fa&cility:" -> "c"), None without one."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


@pytest.mark.parametrize("key", ["incidents", "facilities", "plan_items", "directives"])
def test_alt_letters_are_not_ambiguous(window: MainWindow, key: str) -> None:
    """Each Alt+letter on screen means one thing (Qt ignores an ambiguous one and prints a warning)."""
    window.show_tab(key)
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    tab = window.record_tabs[key]
    texts += [w.text() for w in tab.findChildren(QLabel) if w.isVisible() and w.buddy() is not None]
    texts += [w.text() for w in tab.findChildren(QAbstractButton) if w.isVisible()]
    letters = [m for m in map(mnemonic, texts) if m]
    assert len(letters) == len(set(letters)), sorted(letters)
    assert len(letters) >= 8


def test_the_toolbar_says_undo_and_its_tooltip_names_the_record(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    add_plan_item_from_the_menu(qtbot, window, dialogs, "Install bollards at the entrance")
    undo, redo = (
        window.toolbar.widgetForAction(window.registry[key]) for key in (WindowAction.UNDO, WindowAction.REDO)
    )
    assert isinstance(undo, QToolButton) and isinstance(redo, QToolButton)
    assert (undo.text(), redo.text()) == ("Undo", "Redo")
    assert "Install bollards at the entrance" in undo.toolTip()
    assert "Install bollards at the entrance" in window.registry[WindowAction.UNDO].text(), "the menu keeps it all"
    qtbot.keyClick(window.record_tabs["plan_items"].table, Qt.Key.Key_Z, CTRL)
    assert (undo.text(), redo.text()) == ("Undo", "Redo")
    assert "Install bollards at the entrance" in redo.toolTip()
    assert "Install bollards" not in undo.toolTip()
