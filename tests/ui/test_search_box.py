"""The search box: debounced while typing, a single letter only on Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.ui.widgets.filter_bar import SEARCH_DELAY_MS, SearchBox


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
