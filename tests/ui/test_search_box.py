"""The search box: debounced while typing, a single letter only on Enter; the grammar's hint and its messages."""

from __future__ import annotations

import forms_fixtures as ff
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from desktop.ui.record_tab import RecordTab
from desktop.ui.widgets.search_box import SEARCH_DELAY_MS, SearchBox


def test_single_letter_waits_for_enter_and_words_follow_the_pause(qtbot: QtBot) -> None:
    box = SearchBox("Search")
    qtbot.addWidget(box)
    emitted: list[str] = []
    box.search_changed.connect(emitted.append)
    qtbot.keyClicks(box, "t")
    qtbot.wait(SEARCH_DELAY_MS * 2)
    assert emitted == []
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert emitted == ["t"]
    qtbot.keyClicks(box, "ank")
    qtbot.waitUntil(lambda: emitted == ["t", "tank"], timeout=SEARCH_DELAY_MS * 8)
    box.clear()
    qtbot.waitUntil(lambda: emitted == ["t", "tank", ""], timeout=SEARCH_DELAY_MS * 8)


TACOMA = "Armed attack with rifle and incendiary devices on the detention center"
FLORIDA = "Molotov cocktail thrown at the USCIS office; the fuse failed"


def titles(tab: RecordTab) -> list[str]:
    return [tab.model.record_at(row).title for row in range(tab.model.rowCount())]


def test_the_tooltip_shows_the_grammar_for_the_tabs_records(window: MainWindow) -> None:
    tips = {key: tab.filter_bar.search.toolTip() for key, tab in window.record_tabs.items()}
    assert "Molotov OR Tacoma" in tips["incidents"] and "case:SAPD" in tips["incidents"]
    assert "state:tx" in tips["facilities"] and "status:" not in tips["facilities"]
    assert "status:in_progress" in tips["plan_items"]


def test_typed_searches_use_the_grammar_and_one_that_cannot_be_read_is_told_not_run(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = window.record_tabs["incidents"]
    box, message = tab.filter_bar.search, tab.filter_bar.search_problem
    window.focus_search()
    assert QApplication.focusWidget() is box
    qtbot.keyClicks(box, "Molotov OR Tacoma")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=SEARCH_DELAY_MS * 8)
    assert titles(tab) == [FLORIDA, TACOMA]
    assert message.isHidden()

    resets: list[int] = []
    tab.model.modelReset.connect(lambda: resets.append(1))
    box.clear()
    qtbot.keyClicks(box, 'incendiary "propane')
    qtbot.waitUntil(message.isVisible, timeout=SEARCH_DELAY_MS * 8)
    assert "Not searched: unclosed quote at character 12." in message.text()
    assert box.accessibleDescription() == "unclosed quote at character 12"
    assert titles(tab) == [FLORIDA, TACOMA] and resets == []  # the table was not asked again
    assert tab.model.where.text == "Molotov OR Tacoma"
    assert tab.filter_bar.clear_button.isEnabled()
    ff.choose(qtbot, tab.filter_bar.severity, "High")  # other filters apply, with the last search read
    assert titles(tab) == [FLORIDA]
    ff.choose(qtbot, tab.filter_bar.severity, "Any severity")

    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_End)
    qtbot.keyClicks(box, ' tank"')  # mended: the message goes at once, the search follows the pause
    assert message.isHidden()
    qtbot.waitUntil(lambda: titles(tab) == [TACOMA], timeout=SEARCH_DELAY_MS * 8)
    assert tab.model.where.text == 'incendiary "propane tank"'

    box.clear()
    qtbot.keyClicks(box, "status:bogus")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert message.isVisible() and "use one of: reported, under_investigation" in message.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc empties the search: everything again, no message
    assert message.isHidden() and tab.model.rowCount() == 3


def test_the_facilities_tab_refuses_incident_fields(qtbot: QtBot, window: MainWindow) -> None:
    window.show_tab("facilities")
    tab = window.record_tabs["facilities"]
    window.focus_search()
    qtbot.keyClicks(tab.filter_bar.search, "severity:high")
    qtbot.keyClick(tab.filter_bar.search, Qt.Key.Key_Return)
    assert '"severity:" at character 1 does not apply to facilities' in tab.filter_bar.search_problem.text()
    assert tab.model.rowCount() == 3
    tab.filter_bar.search.clear()
    qtbot.keyClicks(tab.filter_bar.search, "state:tx OR state:fl")
    qtbot.keyClick(tab.filter_bar.search, Qt.Key.Key_Return)
    assert tab.model.rowCount() == 2 and tab.filter_bar.search_problem.isHidden()
