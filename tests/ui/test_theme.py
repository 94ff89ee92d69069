"""View › Theme chosen by the keyboard: the window turns dark (palette, overdue rows, style sheets, icons) and light
again; the choice is remembered across a restart; the briefing stays black on white in the dark theme."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from conftest import Today
from PySide6.QtCore import QSettings, QSizeF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QCheckBox, QMenu
from pytestqt.qtbot import QtBot

from desktop.persistence.unit_of_work import Database
from desktop.services.plans import Deadline
from desktop.ui.main_window import MainWindow
from desktop.ui.palette import Scheme, colour, hex_of, scheme_of
from desktop.ui.report.briefing_pdf import _draw_page
from desktop.ui.settings import WindowSettings
from desktop.ui.theme import OutlinedFusion, ThemeChoice, theme
from desktop.ui.window_actions import WindowAction

OVERDUE_DAY = date(2019, 10, 1)  # the demo plan item (due 2019-09-26) is five days late


@pytest.fixture(autouse=True)
def system_theme_after(qapp: QApplication) -> Iterator[None]:
    """The application is shared by the tests: the ones after this see the default theme again."""
    yield
    theme().apply(ThemeChoice.SYSTEM)


def popup(qtbot: QtBot, title: str) -> QMenu:
    """The menu that popped up, once it has."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and menu.title().replace("&", "") == title
    return menu


def choose_theme(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    """Alt+V opens View, T its Theme submenu, `key` the choice's mnemonic (S, L or D), as a person would type."""
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    view = popup(qtbot, "View")
    qtbot.keyClick(view, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not view, timeout=2000)
    submenu = popup(qtbot, "Theme")
    qtbot.keyClick(submenu, key)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)


def overdue_row(window: MainWindow) -> int:
    model = window.record_tabs["plan_items"].model
    rows = [r for r in range(model.rowCount()) if model.deadline(model.record_at(r)) is Deadline.OVERDUE]
    assert rows, "the demo data has an overdue plan item"
    return rows[0]


def shown_colours(qtbot: QtBot, window: MainWindow) -> tuple[QColor, QColor, QColor]:
    """The overdue row's text and background as the model gives them, and the background as painted on screen (the
    commonest colour of its cell)."""
    tab = window.record_tabs["plan_items"]
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0 and tab.table.isVisible(), timeout=2000)
    qtbot.wait(50)  # laid out and painted after the palette change
    index = tab.model.index(overdue_row(window), 2)  # the description: a cell without a mark
    rect = tab.table.visualRect(index)
    image = tab.table.viewport().grab().toImage()
    cell = [(x, y) for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom())]
    seen = Counter(image.pixel(x, y) for x, y in cell)
    painted = QColor.fromRgb(seen.most_common(1)[0][0])
    role = Qt.ItemDataRole
    return tab.model.data(index, role.ForegroundRole), tab.model.data(index, role.BackgroundRole), painted


def near(a: QColor, b: QColor, tolerance: int = 3) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def icon_lightness(window: MainWindow) -> float:
    """The mean lightness of the drawn strokes of the New action's icon (ours: resources/icons/new.svg)."""
    image = window.registry[WindowAction.NEW].icon().pixmap(24, 24).toImage()
    strokes = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    opaque = [c.lightnessF() for c in strokes if c.alpha() > 200]
    assert opaque
    return sum(opaque) / len(opaque)


def assert_shows(qtbot: QtBot, window: MainWindow, scheme: Scheme) -> None:
    qtbot.waitUntil(lambda: scheme_of(window.palette()) is scheme, timeout=2000)  # Qt posts it to the widgets
    palette = window.palette()
    background = palette.color(QPalette.ColorRole.Window).lightnessF()
    assert background < 0.3 if scheme is Scheme.DARK else background > 0.8
    text, fill, painted = shown_colours(qtbot, window)
    assert (text, fill) == (colour("row_text", scheme), colour("overdue_background", scheme))
    assert near(painted, colour("overdue_background", scheme)), painted.name()
    assert hex_of("overdue", scheme) in window.deadlines_label.styleSheet()  # "1 overdue" in the status bar
    if not QIcon.hasThemeIcon("document-new"):  # our icon, drawn in the scheme's colours
        assert icon_lightness(window) > 0.6 if scheme is Scheme.DARK else icon_lightness(window) < 0.4


def test_view_theme_by_the_keyboard_turns_the_window_dark_and_light_and_is_remembered(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_database: Database,
    qsettings: QSettings,
    settings_path: Path,
    today: Today,
) -> None:
    today.day = OVERDUE_DAY
    window = make_window(demo_database, qsettings)
    window.show_tab("plan_items")
    actions = window.theme_choices.actions_by_choice
    assert actions[ThemeChoice.SYSTEM].isChecked()  # the default: the system's (offscreen: light)
    assert_shows(qtbot, window, Scheme.LIGHT)

    choose_theme(qtbot, window, Qt.Key.Key_D)
    assert actions[ThemeChoice.DARK].isChecked() and not actions[ThemeChoice.SYSTEM].isChecked()
    assert_shows(qtbot, window, Scheme.DARK)
    assert WindowSettings(QSettings(str(settings_path), QSettings.Format.IniFormat)).theme() == "dark"  # at once

    window.close()  # a restart: the application starts light (the system's), the window applies the stored choice
    theme().apply(ThemeChoice.SYSTEM)
    assert scheme_of(QApplication.palette()) is Scheme.LIGHT
    again = make_window(demo_database, QSettings(str(settings_path), QSettings.Format.IniFormat))
    again.show_tab("plan_items")
    assert again.theme_choices.actions_by_choice[ThemeChoice.DARK].isChecked()
    assert_shows(qtbot, again, Scheme.DARK)

    choose_theme(qtbot, again, Qt.Key.Key_L)
    assert again.theme_choices.actions_by_choice[ThemeChoice.LIGHT].isChecked()
    assert_shows(qtbot, again, Scheme.LIGHT)
    assert WindowSettings(QSettings(str(settings_path), QSettings.Format.IniFormat)).theme() == "light"


def box_edge_lightness(qtbot: QtBot) -> float:
    """The lightest pixel on the left edge of an unticked check box's indicator, as drawn now."""
    box = QCheckBox("Pending referral")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    image = box.grab().toImage()
    edge = min(
        x
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y) != image.pixelColor(0, 0)
    )
    return max(image.pixelColor(edge, y).lightnessF() for y in range(image.height()))


def test_check_boxes_stay_visible_on_the_dark_fallback_and_the_style_comes_back(qtbot: QtBot) -> None:
    """Fusion outlines a check box in the window colour made darker: nothing to see on a dark window."""
    native = QApplication.style().name()
    theme().apply(ThemeChoice.DARK)
    assert isinstance(QApplication.style(), OutlinedFusion)
    window = colour("window", Scheme.DARK).lightnessF()
    assert box_edge_lightness(qtbot) > window + 0.25  # the outline, well lighter than the window
    theme().apply(ThemeChoice.LIGHT)
    assert not isinstance(QApplication.style(), OutlinedFusion) and QApplication.style().name() == native


def test_an_unknown_stored_theme_is_the_systems(qapp: QApplication) -> None:
    assert ThemeChoice.parse("purple") is ThemeChoice.SYSTEM
    assert ThemeChoice.parse(None) is ThemeChoice.SYSTEM
    assert ThemeChoice.parse("dark") is ThemeChoice.DARK


def test_the_briefing_is_drawn_black_on_white_in_the_dark_theme(qapp: QApplication) -> None:
    """QTextDocument draws in the application's palette by default: light text on the white page of a PDF."""
    theme().apply(ThemeChoice.DARK)
    assert scheme_of(QApplication.palette()) is Scheme.DARK
    document = QTextDocument()
    document.setHtml("<p>" + "Overdue plan items and incidents " * 20 + "</p>")
    document.setPageSize(QSizeF(400, 300))
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    _draw_page(painter, document, 0, 0)
    painter.end()
    inked = sum(image.pixelColor(x, y).lightness() < 100 for x in range(0, 400, 2) for y in range(0, 300, 2))
    assert inked > 300
