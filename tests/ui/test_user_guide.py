"""Help › User guide (F1): the guide names every registered action in a heading (read from the registry, so it
cannot drift), opens at the section of the tab in front, and is read from the installed package."""

from __future__ import annotations

from importlib.resources import files

from conftest import ScriptedDialogs
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.kinds import RecordKind
from desktop.ui.dialogs.guide_dialog import GuideDialog
from desktop.ui.dialogs.shortcuts_dialog import action_label
from desktop.ui.forms.base import RecordForm
from desktop.ui.guide_pages import PAGES, TAB_SECTIONS, guide_dir, read_pages
from desktop.ui.main_window import MainWindow
from desktop.ui.window_actions import SPECS, WindowAction


def open_guide(qtbot: QtBot, window: MainWindow) -> GuideDialog:
    window.registry[WindowAction.USER_GUIDE].trigger()
    dialog = window.guide
    assert isinstance(dialog, GuideDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_every_registered_action_has_a_heading_in_the_guide(window: MainWindow) -> None:
    headings = {heading.text for page in read_pages() for heading in page.headings}
    labels = {key: action_label(window.registry[key]) for key in window.registry}
    assert {"New database", "Import CSV", "Record history", "User guide", "Export briefing (PDF)"} <= set(
        labels.values()
    )
    assert {key: label for key, label in labels.items() if label not in headings} == {}
    assert set(WindowAction) <= set(labels)  # the features' actions are registered in this window too
    specs = {key: spec.text.replace("&", "").removesuffix("…") for key, spec in SPECS.items()}
    assert {key: label for key, label in specs.items() if label not in headings} == {}  # "New", whatever tab


def test_the_guide_is_read_from_the_installed_package() -> None:
    folder = files("desktop").joinpath("resources", "guide")
    assert str(guide_dir()) == str(folder)
    for name in PAGES:
        assert folder.joinpath(name).is_file(), name
    pages = read_pages()
    assert [page.name for page in pages] == list(PAGES)
    assert all(page.title and page.markdown.startswith("# ") for page in pages)
    for page, heading in TAB_SECTIONS.values():  # every tab's section exists
        assert heading in {h.text for p in pages if p.name == page for h in p.headings}


def test_f1_on_the_incidents_tab_opens_the_incidents_section(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    window.show_tab(RecordKind.INCIDENT.table)
    assert window.registry[WindowAction.USER_GUIDE].shortcut().toString() == "F1"
    dialog = open_guide(qtbot, window)
    assert not dialog.isModal()
    assert dialog.current_section() == ("records.md", "Incidents")
    assert "Partial dates" in dialog.browser.toPlainText()
    current = dialog.contents.currentItem()
    assert current is not None and current.text(0) == "Incidents"
    cursor_block = dialog.browser.textCursor().block()
    assert cursor_block.text() == "Incidents" and cursor_block.blockFormat().headingLevel() == 2
    assert dialog.browser.viewport().rect().contains(dialog.browser.cursorRect())  # scrolled into view

    window.show_tab(RecordKind.PLAN_ITEM.table)
    window.registry[WindowAction.USER_GUIDE].trigger()
    assert window.guide is dialog  # one guide window, moved to the new tab's section
    assert dialog.current_section() == ("records.md", "Plan items")
    window.show_tab("dashboard")
    window.registry[WindowAction.USER_GUIDE].trigger()
    assert dialog.current_section() == ("index.md", "The tabs")
    dialog.close()


def test_contents_and_links_move_between_pages(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_guide(qtbot, window)
    dialog.browser.anchorClicked.emit(QUrl("data.md#csv-import"))
    assert dialog.current_section() == ("data.md", "CSV import")
    assert "all-or-nothing" in dialog.browser.toPlainText()
    top = dialog.contents.topLevelItem(PAGES.index("menus.md"))
    assert top is not None
    dialog.contents.setCurrentItem(top)
    assert dialog.current_section() == ("menus.md", "")
    assert "Keyboard shortcuts" in dialog.browser.toPlainText()
    dialog.close()


def test_f1_inside_a_record_form_opens_its_kind_section(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    seen: list[tuple[str, str]] = []

    def press_f1_then_cancel(form: RecordForm) -> None:
        qtbot.waitExposed(form)
        focused = QApplication.focusWidget()
        assert focused is not None and form.isAncestorOf(focused)
        qtbot.keyClick(focused, Qt.Key.Key_F1)
        assert form.guide is not None and form.guide.isVisible()
        seen.append(form.guide.current_section())
        form.guide.close()
        qtbot.keyClick(QApplication.focusWidget() or form, Qt.Key.Key_Escape)

    window.show()
    window.show_tab(RecordKind.FACILITY.table)
    dialogs.then(press_f1_then_cancel)
    window.registry[WindowAction.NEW].trigger()
    dialogs.check()
    assert seen == [("records.md", "Facilities")]
