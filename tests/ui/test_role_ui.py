"""The window as a team role allows, on the throw-away PostgreSQL server: a reader's actions disabled with the
reason, its forms read-only with the sensitive fields withheld (not empty); an analyst whose role was taken away
meanwhile is told the server's refusal, with the role, not a traceback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot
from support.pg_server import PostgresServer
from support.pg_team import make_team

from desktop.cli import main
from desktop.domain.evidence import TimelineEvent
from desktop.domain.kinds import RecordKind
from desktop.persistence.unit_of_work import Database
from desktop.services.attachments import AttachmentService, NewFile
from desktop.services.records import RecordServices
from desktop.services.session.service import DatabaseSessions
from desktop.services.timeline import TimelineService
from desktop.ui import error_dialogs, language
from desktop.ui.forms.attachments_panel import AttachmentsPanel
from desktop.ui.forms.incident_form import IncidentForm
from desktop.ui.main_window import MainWindow
from desktop.ui.record_tab import RecordTab
from desktop.ui.window_actions import WindowAction

pytestmark = pytest.mark.postgres

READER, ANALYST = "ui_reader_dee", "ui_analyst_eve"
SECRET = "John Roe"
TITLE = "Threat letter to the field office"
A = WindowAction


@dataclass
class Team:
    owner_url: str
    uuid: str

    def url(self, login: str) -> str:
        return self.owner_url.replace("postgres@", f"{login}@")


@pytest.fixture(scope="module")
def team(postgres_server: PostgresServer) -> Iterator[Team]:
    with postgres_server.fresh_database() as name:
        url = postgres_server.url(name)
        logins = ((READER, "reader"), (ANALYST, "analyst"))
        yield Team(url, make_team(url, logins, title=TITLE, suspect=SECRET, personal="x"))


@pytest.fixture
def window_as(
    team: Team, make_window: Callable[..., MainWindow], sessions: DatabaseSessions, qsettings: QSettings
) -> Iterator[Callable[[str], MainWindow]]:
    opened = []

    def make(login: str) -> MainWindow:
        database = sessions.open(team.url(login), lock=False)
        opened.append(database)
        return make_window(database, qsettings)

    yield make
    for database in opened:
        sessions.close(database)


def as_owner(team: Team, work: Callable[[Database], object]) -> None:
    """`work` done on the team's database as its owner (what the test needs there first)."""
    owner = DatabaseSessions(None).open(team.owner_url, lock=False)
    try:
        work(owner)
    finally:
        owner.close()


def select_title(qtbot: QtBot, tab: RecordTab, title: str) -> None:
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    row = next(row for row in range(tab.model.rowCount()) if tab.model.record_at(row).title == title)
    rect = tab.table.visualRect(tab.model.index(row, 3))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.table.current_row() == row


def test_reader_window_disables_what_the_role_cannot_do(window_as: Callable[[str], MainWindow]) -> None:
    window = window_as(READER)
    registry = window.registry
    for key, reason in ((A.NEW, "cannot change records"), (A.DELETE, "cannot delete records"),
                        (A.IMPORT_CSV, "cannot import records"), (A.NEW_INCIDENT, "cannot change records"),
                        (A.NEW_DIRECTIVE, "cannot change directives")):  # fmt: skip
        action = registry[key]
        assert not action.isEnabled(), key
        assert action.toolTip() == f"Your role, incident_reader, {reason}", key
        assert action.statusTip() == action.toolTip()
    for key in (A.EDIT, A.EXPORT_CSV, A.FIND, A.REFRESH):  # reading stays open to a reader
        assert registry[key].isEnabled(), key
    label = window.findChild(QLabel, "role_label")
    assert label is not None and label.isVisible()
    assert label.text() == "Role: incident_reader (limited)"
    assert "Your role, incident_reader, cannot read suspect names and personal details" in label.toolTip()
    window.show_tab("directives")  # the tab changes: New stays refused, in the directives' words
    assert not registry[A.NEW].isEnabled()
    assert registry[A.NEW].toolTip() == "Your role, incident_reader, cannot change directives"


def test_reader_opens_a_form_read_only_with_the_sensitive_fields_withheld(
    qtbot: QtBot, window_as: Callable[[str], MainWindow], dialogs: Any
) -> None:
    window = window_as(READER)
    tab = window.record_tabs["incidents"]
    select_title(qtbot, tab, TITLE)
    seen: dict[str, object] = {}

    def read_only(form: IncidentForm) -> None:
        banner = form.findChild(QLabel, "read_only_banner")
        seen["banner"] = banner.text() if banner is not None else None
        seen["title"] = form.windowTitle()
        seen["save shown"] = form.save_button.isVisible()
        form.title.setFocus()
        qtbot.keyClicks(form.title, " changed")  # typed like a person: nothing changes
        seen["typed title"] = form.title.text()
        seen["suspects"] = (form.suspect_names.toPlainText(), form.suspect_names.placeholderText(),
                            form.suspect_names.isReadOnly())  # fmt: skip
        seen["note"] = form.sensitive_note.text()
        seen["severity enabled"] = form.severity.isEnabled()
        attach = form.findChild(QPushButton, "attachment_add")
        seen["adds"] = (attach is not None and attach.isEnabled(), form.timeline.add_button.isEnabled())
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Save does nothing
        seen["visible after save"] = form.isVisible()
        qtbot.keyClick(form, Qt.Key.Key_Escape)  # nothing changed: closes without asking

    dialogs.then(read_only)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # Enter opens the selected record
    dialogs.check()
    assert seen["banner"] == "Read only. Your role, incident_reader, cannot change records."
    assert str(seen["title"]).endswith("(read only)")
    assert seen["save shown"] is False
    assert seen["typed title"] == TITLE
    assert seen["suspects"] == ("", "Withheld: your role cannot read this", True)
    assert seen["note"] == "Withheld: your role cannot read this"
    assert seen["severity enabled"] is False
    assert seen["adds"] == (False, False)  # no file attached, no timeline event added
    assert seen["visible after save"] is True


def test_a_refused_save_is_told_with_the_role(
    qtbot: QtBot, team: Team, window_as: Callable[[str], MainWindow], dialogs: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The analyst's window opened while it could edit; the owner then made it a reader: the server refuses the
    save, and the form says so with the role (and keeps what was typed)."""
    window = window_as(ANALYST)
    boxes: list[tuple[str, str]] = []
    kept: dict[str, Any] = {}

    def shown(_parent: object, _icon: object, _title: str, text: str, details: str) -> None:
        boxes.append((text, details))  # the form opens again with what was typed: look, then close it
        form = kept["form"]
        QTimer.singleShot(0, lambda: (kept.update(title=form.title.text()), form.forget_changes(), form.reject()))

    monkeypatch.setattr(error_dialogs, "show_box", shown)
    tab = window.record_tabs["incidents"]
    select_title(qtbot, tab, TITLE)
    try:

        def edit(form: IncidentForm) -> None:
            kept["form"] = form
            assert form.suspect_names.toPlainText() == SECRET  # read before the change of role
            assert main(["--database-url", team.owner_url, "team", "add-user", ANALYST, "reader"]) == 0
            form.title.setFocus()
            form.title.selectAll()
            qtbot.keyClicks(form.title, "Threat letter, second page")
            qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # the server refuses it

        dialogs.then(edit)
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)
        dialogs.check()
    finally:
        assert main(["--database-url", team.owner_url, "team", "add-user", ANALYST, "analyst"]) == 0
    assert kept["title"] == "Threat letter, second page"
    [(headline, details)] = boxes
    assert headline == "The server refused this for your role, incident_reader; nothing was changed."
    assert "permission denied" in details.lower()
    stored = RecordServices.of(window.session.database).incidents.get(team.uuid)
    assert stored.title == TITLE


def test_an_analysts_form_adds_files_and_events_but_removes_none(
    qtbot: QtBot, team: Team, window_as: Callable[[str], MainWindow], dialogs: Any
) -> None:
    """Removing an attachment or a timeline event is deleting (the server refuses it to an analyst, as a record's
    deletion): the buttons and the Delete key say so instead of asking first and being refused."""
    owner = DatabaseSessions(None).open(team.owner_url, lock=False)
    try:
        filed = AttachmentService(owner).add(RecordKind.INCIDENT, team.uuid, [NewFile.of_bytes("letter.txt", b"x")])
        day = RecordServices.of(owner).incidents.get(team.uuid).status_history[0].changed
        TimelineService(owner).add(TimelineEvent(incident_uuid=team.uuid, happened=day, text="Called the agent"))
    finally:
        owner.close()
    window = window_as(ANALYST)
    tab = window.record_tabs["incidents"]
    select_title(qtbot, tab, TITLE)
    seen: dict[str, object] = {}

    def look(form: IncidentForm) -> None:
        [panel] = form.findChildren(AttachmentsPanel)
        panel.list.setCurrentItem(panel.list.topLevelItem(0))
        buttons = panel.buttons
        if not buttons["remove"].isEnabled():  # (else the question would wait for an answer: the test fails below)
            qtbot.keyClick(panel.list, Qt.Key.Key_Delete)  # no question: nothing to confirm
        seen["files"] = (buttons["add"].isEnabled(), buttons["details"].isEnabled(), buttons["remove"].isEnabled(),
                         buttons["remove"].toolTip())  # fmt: skip
        timeline = form.timeline
        row = next(
            r for r in range(timeline.table.rowCount()) if timeline.table.item(r, 2).text() == "Called the agent"
        )
        timeline.table.selectRow(row)
        if not timeline.delete_button.isEnabled():
            qtbot.keyClick(timeline.table, Qt.Key.Key_Delete)
        seen["events"] = (timeline.add_button.isEnabled(), timeline.edit_button.isEnabled(),
                          timeline.delete_button.isEnabled(), timeline.delete_button.toolTip())  # fmt: skip
        form.reject()

    dialogs.then(look)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialogs.check()
    refused = "Your role, incident_analyst, cannot delete records"
    assert seen["files"] == (True, True, False, refused)
    assert seen["events"] == (True, True, False, refused)
    assert [a.uuid for a in AttachmentService(window.session.database).of(RecordKind.INCIDENT, team.uuid)] == [
        filed[0].uuid]  # fmt: skip


def test_the_refusals_in_spanish(qapp: QApplication, window_as: Callable[[str], MainWindow]) -> None:
    before = QLocale()
    translators = language.install_language(qapp, "es")
    try:
        window = window_as(READER)
        assert window.registry[A.DELETE].toolTip() == "Su rol, incident_reader, no puede eliminar registros"
        label = window.findChild(QLabel, "role_label")
        assert label is not None and label.text() == "Rol: incident_reader (limitado)"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)


def test_a_readers_form_says_how_many_sensitive_attachments_are_withheld(
    qtbot: QtBot, team: Team, window_as: Callable[[str], MainWindow], dialogs: Any
) -> None:
    """The server withholds an attachment marked sensitive from a reader (row security): the form lists the others
    and says how many more there are, instead of leaving them out without a word."""
    as_owner(team, lambda owner: AttachmentService(owner).add(RecordKind.INCIDENT, team.uuid, [
        NewFile.of_bytes("suspect-photo.txt", b"a face", sensitive=True)]))  # fmt: skip
    tab = window_as(READER).record_tabs["incidents"]
    select_title(qtbot, tab, TITLE)
    seen: dict[str, object] = {}

    def look(form: IncidentForm) -> None:
        [panel] = form.findChildren(AttachmentsPanel)
        shown = [panel.list.topLevelItem(i).text(0) for i in range(panel.list.topLevelItemCount())]
        seen["files"] = shown
        seen["note"] = (panel.withheld_note.isVisibleTo(form), panel.withheld_note.text())
        form.reject()

    dialogs.then(look)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialogs.check()
    assert "suspect-photo.txt" not in seen["files"]  # type: ignore[operator]
    assert seen["note"] == (True, "1 more marked sensitive: withheld, your role cannot read them")
