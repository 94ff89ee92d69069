"""Every widget a person can reach with the keyboard has an accessible name (what a screen reader says): the main
window on every tab, every record form (new and edit) with the dialogs it opens, and every dialog the window's
actions open. Dialogs are audited and closed as they appear, from inside their own exec() loops."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import forms_fixtures as ff
import pytest
from conftest import ScriptedDialogs
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.kinds import RecordKind
from desktop.domain.sync import FieldDifference, KindCounts, RecordConflict, SyncedKind, SyncPreview
from desktop.services.attachments import AttachmentService, NewFile
from desktop.services.session.questions import Locked, LoginNeeded
from desktop.ui import accessibility
from desktop.ui.dialogs.conflict_panel import ConflictPanel
from desktop.ui.dialogs.export_passphrase_dialog import ExportPassphraseDialog
from desktop.ui.dialogs.login_dialog import LoginDialog
from desktop.ui.dialogs.new_database_dialog import NewDatabaseDialog
from desktop.ui.dialogs.passphrase_dialog import PassphraseDialog
from desktop.ui.dialogs.sync_preview_dialog import SyncPreviewDialog
from desktop.ui.dialogs.sync_server_dialog import SyncServerDialog
from desktop.ui.forms.base import RecordForm
from desktop.ui.main_window import MainWindow
from desktop.ui.window_actions import WindowAction

SKIPPED_ACTIONS = {WindowAction.QUIT}  # it would close the window under test
NEW_ACTIONS = {
    RecordKind.INCIDENT: WindowAction.NEW_INCIDENT,
    RecordKind.FACILITY: WindowAction.NEW_FACILITY,
    RecordKind.PLAN_ITEM: WindowAction.NEW_PLAN_ITEM,
    RecordKind.DIRECTIVE: WindowAction.NEW_DIRECTIVE,
}


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None and interface.isValid() else ""


def where(widget: QWidget) -> str:
    """ "QLineEdit 'title' in IncidentForm > QWidget" for a failure message."""
    chain = []
    parent = widget.parentWidget()
    while parent is not None and len(chain) < 3:
        chain.append(parent.objectName() or type(parent).__name__)
        parent = parent.parentWidget()
    tip = f" tooltip {widget.toolTip()!r}" if widget.toolTip() else ""
    return f"{type(widget).__name__} {widget.objectName()!r}{tip} in {' > '.join(chain)}"


def focusable(root: QWidget) -> list[QWidget]:
    """The visible widgets of `root`'s window that can take the keyboard focus."""
    return [
        widget
        for widget in [root, *root.findChildren(QWidget)]
        if widget.window() is root.window() and widget.isVisible() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]


class Audit:
    """What was seen: each window's title with its focusable widgets that have no name, and how many there were."""

    def __init__(self) -> None:
        self.seen: dict[str, list[str]] = {}
        self.counted = 0

    def check(self, root: QWidget, label: str = "") -> None:
        widgets = focusable(root)
        self.counted += len(widgets)
        title = label or f"{type(root).__name__} {root.windowTitle()!r}"
        unnamed = [where(w) for w in widgets if not accessible_name(w)]
        self.seen.setdefault(title, [])
        self.seen[title].extend(u for u in unnamed if u not in self.seen[title])

    def problems(self) -> list[str]:
        return [f"{title}: {name}" for title, names in self.seen.items() for name in names]


class DialogCloser:
    """Every 20 ms: each window that has appeared (other than the main window) is audited, its sub-dialogs opened
    through `openers`, and closed without changing anything. Re-entrant: a sub-dialog opened with exec() is
    handled by the same timer inside its own loop."""

    def __init__(self, main: QWidget, audit: Audit, openers: list[Callable[[QWidget], None]]) -> None:
        self.main = main
        self.audit = audit
        self.openers = openers
        self.busy: set[int] = set()
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        for window in QApplication.topLevelWidgets():
            if window is self.main or not window.isVisible() or id(window) in self.busy:
                continue
            if window.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip) or window.inherits("QMenu"):
                continue
            if QApplication.activeModalWidget() not in (None, window) and not window.isModal():
                continue
            self.busy.add(id(window))
            self.audit.check(window)
            # a timer does not fire again while its slot runs: the sub-dialogs' exec() loops need this one free
            QTimer.singleShot(0, lambda w=window: self.open_and_close(w))

    def open_and_close(self, window: QWidget) -> None:
        try:
            for opener in self.openers:
                opener(window)
        finally:
            close(window)
            self.busy.discard(id(window))

    def stop(self) -> None:
        self.timer.stop()


def close(window: QWidget) -> None:
    if isinstance(window, RecordForm):
        window.forget_changes()
    if isinstance(window, QDialog | QMessageBox | QFileDialog):
        window.reject()
    window.close()


def click_if_enabled(window: QWidget, name: str) -> None:
    button = window.findChild(QPushButton, name)
    if button is not None and button.isEnabled() and button.isVisible():
        button.click()


def open_form_dialogs(window: QWidget) -> None:
    """In a record form: the timeline's new event, and the selected attachment's description and custody log."""
    if not isinstance(window, RecordForm):
        return
    timeline = getattr(window, "timeline", None)
    if timeline is not None and timeline.add_button.isEnabled():
        timeline.add_button.click()  # window-modal, open(): the timer audits and closes it
        QApplication.processEvents()
    attachment_list = window.findChild(QWidget, "attachment_list")
    if attachment_list is not None and attachment_list.isEnabled() and attachment_list.topLevelItemCount():
        attachment_list.setCurrentItem(attachment_list.topLevelItem(0))
        click_if_enabled(window, "attachment_details")
        click_if_enabled(window, "attachment_custody")


@pytest.fixture
def audit(window: MainWindow, tmp_path: Path) -> Audit:
    """An attachment on the first incident, so that its form offers the attachment dialogs."""
    incidents = window.record_tabs[RecordKind.INCIDENT.table]
    first = incidents.model.record_at(0)
    AttachmentService(window.session.database).add(RecordKind.INCIDENT, first.uuid, [NewFile.of_bytes("a.txt", b"x")])
    return Audit()


def test_every_focusable_widget_has_an_accessible_name(
    qtbot: QtBot, window: MainWindow, audit: Audit, dialogs: ScriptedDialogs
) -> None:
    closer = DialogCloser(window, audit, [open_form_dialogs])
    try:
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            qtbot.wait(50)
            audit.check(window, f"main window, tab {window.tabs.tabText(index)!r}")
        for key, tab in window.record_tabs.items():
            window.show_tab(key)
            tab.table.setFocus()
            tab.table.select_row(0)
            window.registry[WindowAction.EDIT].trigger()
            window.registry[WindowAction.NEW].trigger()
            window.registry[WindowAction.HISTORY].trigger()
        for key, action in window.registry.items():
            if key not in SKIPPED_ACTIONS and action.isEnabled():
                action.trigger()
                qtbot.wait(30)
    finally:
        closer.stop()
    assert len(audit.seen) > 15, sorted(audit.seen)
    for kind in RecordKind:
        assert f"RecordForm 'Edit {kind.label}'" in audit.seen or any(
            title.endswith(f"'Edit {kind.label}[*]'") for title in audit.seen
        )
    print(f"{audit.counted} focusable widgets audited in {len(audit.seen)} windows:", *sorted(audit.seen), sep="\n")
    problems = audit.problems()
    assert not problems, f"{len(problems)} focusable widgets without a name:\n" + "\n".join(problems)


def test_the_dialogs_of_encryption_and_conflicts_name_their_inputs(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """The dialogs the window opens only for an encrypted file, a server's login, a CSV import that conflicts with
    the database, or a synchronization (its server's address; its preview with conflicts)."""
    accessibility.install(qapp)
    locked = Locked("sqlite:///x", ValueError("locked"), "The file is encrypted.", tmp_path / "x.sqlite3", True, True)
    login = LoginNeeded("postgresql://a@h/d", ValueError("refused"), "Refused.", "a", "h:5432/d", "refused", True, True)
    made = [NewDatabaseDialog(tmp_path / "new.sqlite3", True), PassphraseDialog(locked, "Quit"),
            ExportPassphraseDialog(None, tmp_path / "x.csv.zip"), ConflictPanel(),
            LoginDialog(login, "Quit"), SyncServerDialog("laptop.incidents", ""),
            SyncPreviewDialog(SyncPreview({SyncedKind.INCIDENT: KindCounts(send_new=2, conflicts=2)}, (
                RecordConflict(SyncedKind.INCIDENT, "u1", "Gate", (FieldDifference("notes", "Notes", "", "a", "b"),)),
                RecordConflict(SyncedKind.FACILITY, "u2", "Office", deleted_by="mine")), "h:5432/d"))]  # fmt: skip
    audit = Audit()
    for widget in made:
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        audit.check(widget)
    assert audit.counted >= 22
    problems = audit.problems()
    assert not problems, f"{len(problems)} focusable widgets without a name:\n" + "\n".join(problems)


@pytest.mark.parametrize("kind", list(RecordKind), ids=lambda kind: kind.key)
def test_each_field_is_named_by_its_label_and_says_its_problem(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, kind: RecordKind
) -> None:
    """A new record's form: every field the code did not name itself reads as its label ("Case &number:" is
    "Case number"); Save with the form empty puts each field's problem, as shown under it in red, into its
    accessible description."""
    seen: dict[str, tuple[str, str]] = {}

    def save_empty(form: QWidget) -> None:
        assert isinstance(form, RecordForm)
        for key, slot in form._slots.items():
            assert accessible_name(slot.focus), key  # on Linux a combo box says its value, its label on Windows
            if slot.focus.property(accessibility.AUTO):  # not one the code gave ("Find an incident to link")
                seen[key] = (slot.title, slot.focus.accessibleName())
        ff.press_save(qtbot, form)
        for key, slot in form._slots.items():
            if slot.message.isVisible() and key in seen:
                problem = slot.message.text().removeprefix("⚠ ")
                assert problem in slot.focus.accessibleDescription(), key
                seen[key] += (problem,)
        ff.press_escape(qtbot, form)

    dialogs.then(save_empty)
    window.registry[NEW_ACTIONS[kind]].trigger()
    dialogs.check()
    assert len(seen) >= 3
    named = {key: title if name.startswith(title) else name for key, (title, name, *_) in seen.items()}
    assert named == {key: title for key, (title, *_) in seen.items()}
    assert any(len(names) == 3 for names in seen.values()), "an empty form has a field with a problem"
