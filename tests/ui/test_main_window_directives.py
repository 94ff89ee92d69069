"""The Directives tab driven as a person does: the demo's directive with its scope and progress (overdue once its
deadline passed), Records › New directive, Plan items of this directive, a directive in use refused, the
dashboard's and the briefing's directive lists."""

from __future__ import annotations

from datetime import date

import forms_fixtures as ff
from conftest import ScriptedDialogs, Today
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from test_main_window import add_plan_item_from_the_menu

from desktop.domain.enums import DirectiveScope
from desktop.services.briefing import BriefingOptions, briefing_content
from desktop.services.records import DirectiveService
from desktop.ui.main_window import MainWindow
from desktop.ui.record_tab import RecordTab
from desktop.ui.report.briefing_html import briefing_html
from desktop.ui.table_models.directives import DirectiveTableModel
from desktop.ui.window_actions import WindowAction

MEMO = "FPS: plan to secure all ICE facilities"
CTRL = Qt.KeyboardModifier.ControlModifier


def directives_tab(qtbot: QtBot, window: MainWindow) -> RecordTab:
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    tab = window.record_tabs["directives"]
    qtbot.waitUntil(tab.isVisible, timeout=2000)
    return tab


def cells(tab: RecordTab, row: int) -> list[str]:
    model = tab.model
    return [model.data(model.index(row, column)) for column in range(model.columnCount())]


def test_the_demo_directive_shows_its_scope_and_progress(qtbot: QtBot, window: MainWindow, today: Today) -> None:
    tab = directives_tab(qtbot, window)
    assert window.counts_label.text() == "1 directive"
    assert cells(tab, 0) == [MEMO, "DHS Deputy Secretary / FPS", "2019-09-12", "2019-09-26",
                             "ICE ERO, ICE HSI facilities", "1 / 3 implemented"]  # fmt: skip
    model = tab.model
    assert isinstance(model, DirectiveTableModel)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None  # 2019-09-20: not due yet
    today.day = date(2019, 10, 1)
    window.registry[WindowAction.REFRESH].trigger()
    assert cells(tab, 0)[5] == "1 / 3 implemented — overdue"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    qtbot.mouseClick(tab.filter_bar.overdue, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 1
    today.day = date(2019, 9, 20)
    qtbot.mouseClick(tab.filter_bar.overdue, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.filter_bar.overdue, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 0, "not overdue on 2019-09-20"


def test_new_directive_from_the_records_menu_and_undo(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    def fill(form: QWidget) -> None:
        assert QApplication.focusWidget() is form.title
        qtbot.keyClicks(form.title, "Barriers at every detention center")
        ff.choose(qtbot, form.scope, DirectiveScope.FACILITY_TYPE.label)
        form.scope_facility_types.setFocus()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # the first type: detention center
        ff.press_save(qtbot, form)

    dialogs.then(fill)
    window.registry[WindowAction.NEW_DIRECTIVE].trigger()
    dialogs.check()
    tab = window.record_tabs["directives"]
    assert window.tabs.currentWidget() is tab
    assert tab.selected_record().title == "Barriers at every detention center"
    assert cells(tab, tab.table.current_row())[4:] == ["Detention center", "no plan items"]
    service = DirectiveService(window.session.database)
    assert service.count() == 2
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, CTRL)
    assert service.count() == 1 and tab.model.rowCount() == 1


def test_plan_items_of_this_directive_from_the_context_menu(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    add_plan_item_from_the_menu(qtbot, window, dialogs, "Install bollards at the entrance")  # under no directive
    plans = window.record_tabs["plan_items"]
    assert plans.model.rowCount() == 4
    tab = directives_tab(qtbot, window)
    chosen: list[str] = []

    def pick_from_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        chosen.extend(a.text() for a in menu.actions() if a.isVisible() and a.text())
        action = window.registry[WindowAction.DIRECTIVE_PLAN_ITEMS]
        assert action in menu.actions() and action.isEnabled()
        menu.setActiveAction(action)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    rect = tab.table.visualRect(tab.model.index(0, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTimer.singleShot(50, pick_from_menu)  # the menu runs its own loop
    tab.table.customContextMenuRequested.emit(QPoint(rect.center()))
    assert "Plan items of this di&rective" in chosen
    assert window.tabs.currentWidget() is plans
    assert plans.model.rowCount() == 3
    assert {plans.model.record_at(r).directive_title for r in range(3)} == {MEMO}
    assert MEMO in window.statusBar().currentMessage()
    window.registry[WindowAction.CLEAR_FILTERS].trigger()
    assert plans.model.rowCount() == 4


def test_deleting_a_directive_with_plan_items_says_why_and_keeps_it(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    tab = directives_tab(qtbot, window)
    tab.table.select_row(0)
    tab.table.setFocus()
    said: list[tuple[str, str, str]] = []

    def read_and_close(box: QMessageBox) -> None:
        said.append((box.objectName(), box.text(), box.informativeText()))
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    dialogs.then(read_and_close)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    dialogs.check()
    assert said[0][:2] == ("cannot_delete", f"The directive “{MEMO}” cannot be deleted.")
    assert said[0][2].startswith(f"Directive '{MEMO}' still has 3 plan item(s) carrying it out")
    assert DirectiveService(window.session.database).count() == 1
    assert not window.undo_stack.canUndo()


def test_the_dashboard_and_the_briefing_list_the_directive(qtbot: QtBot, window: MainWindow) -> None:
    features = window.features
    assert features is not None
    window.show_tab("dashboard")
    table = features.dashboard.directive_table
    qtbot.waitUntil(lambda: table.item(0, 1) is not None and table.item(0, 1).text() == MEMO, timeout=2000)
    assert [table.item(0, c).text() for c in range(3)] == ["2019-09-26", MEMO, "1 / 3 implemented"]
    content = briefing_content(window.session.database, BriefingOptions(as_of=date(2019, 10, 1)))
    html = briefing_html(content, [])
    assert "<h2>Directives</h2>" in html and "1 directives, 1 overdue" in html
    assert "FPS: plan to secure all ICE facilities" in html and "<b>overdue</b>" in html
