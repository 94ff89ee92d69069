"""The incident form's timeline: events typed, edited and deleted at once, the filter by kind, the CSV export."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import forms_fixtures as ff
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain.enums import DatePrecision
from desktop.domain.evidence import TimelineEvent, TimelineKind
from desktop.domain.kinds import RecordKind
from desktop.domain.values import PartialDate
from desktop.services.attachments import AttachmentService, NewFile
from desktop.services.timeline import TimelineService
from desktop.ui.dialogs.timeline_event_dialog import TimelineEventDialog
from desktop.ui.forms.incident_form import IncidentForm
from desktop.ui.forms.timeline_panel import SAVE_FIRST, TimelinePanel

services = ff.services
FLORIDA = "Molotov"
CTRL = Qt.KeyboardModifier.ControlModifier


def timeline_form(qtbot: QtBot, services: ff.Services, fragment: str = FLORIDA) -> IncidentForm:
    """The incident's form with its timeline attached (keep it in a variable: the form is deleted with it)."""
    record = services.incidents.get(services.incident_titled(fragment))
    form = IncidentForm(record, services.facilities.names())
    form.timeline.attach(TimelineService(services.database))
    return ff.shown(qtbot, form)  # type: ignore[return-value]


def rows(panel: TimelinePanel) -> list[tuple[str, ...]]:
    table = panel.table
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def select_row(qtbot: QtBot, panel: TimelinePanel, text: str) -> None:
    """Click the row whose text is `text`."""
    row = next(r for r, shown in enumerate(rows(panel)) if shown[2] == text)
    panel.table.scrollToItem(panel.table.item(row, 2))
    rect = panel.table.visualItemRect(panel.table.item(row, 2))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.selected_entry() is not None and panel.selected_entry().text == text  # type: ignore[union-attr]


def event_dialog(qtbot: QtBot, panel: TimelinePanel) -> TimelineEventDialog:
    qtbot.waitUntil(lambda: panel.event_dialog is not None and panel.event_dialog.isVisible())
    dialog = panel.event_dialog
    assert dialog is not None
    ff.reactivate(qtbot, dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.date.edit)
    return dialog


def type_here(qtbot: QtBot, text: str) -> None:
    """Type into the widget that has the keyboard focus, key by key."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClicks(focused, text)


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def test_an_event_typed_with_its_month_is_stored_at_once_and_listed(qtbot: QtBot, services: ff.Services) -> None:
    form = timeline_form(qtbot, services)
    panel = form.timeline
    uuid = form.record.uuid  # type: ignore[union-attr]
    before = len(rows(panel))
    assert not panel.hint.isVisible() and panel.add_button.isEnabled()
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton)
    press(qtbot, Qt.Key.Key_Insert)

    dialog = event_dialog(qtbot, panel)
    assert QApplication.focusWidget() is dialog.date.edit
    type_here(qtbot, "2019-08")
    assert "August 2019" in dialog.date.preview.text()
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "Phone call with the FBI field office")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.source
    type_here(qtbot, "call log")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.event_dialog is None)
    ff.reactivate(qtbot, form)  # as the window manager does

    [event] = TimelineService(services.database).events(uuid)
    assert event.happened.precision is DatePrecision.MONTH and event.happened.label() == "2019-08"
    assert (event.text, event.source) == ("Phone call with the FBI field office", "call log")
    assert len(rows(panel)) == before + 1
    assert ("2019-08", "Event", "Phone call with the FBI field office", "call log") in rows(panel)
    assert panel.selected_entry() is not None and panel.selected_entry().ref_uuid == event.uuid  # type: ignore[union-attr]
    assert not form.is_dirty()  # stored already: nothing for Save to do, nothing to discard


def test_problems_are_said_in_the_dialog_and_nothing_is_stored(qtbot: QtBot, services: ff.Services) -> None:
    form = timeline_form(qtbot, services)
    panel = form.timeline
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = event_dialog(qtbot, panel)
    press(qtbot, Qt.Key.Key_Return)  # Save with nothing typed

    assert dialog.isVisible()
    said = dialog.message.text()
    assert "The text is required" in said and "The date is required" in said
    type_here(qtbot, f"{date.today().year + 2}-03")
    assert "is in the future" in dialog.message.text()  # said again as it is typed, after the first Save
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.event_dialog is None)
    assert TimelineService(services.database).events(form.record.uuid) == []  # type: ignore[union-attr]


def test_an_event_is_edited_with_enter_and_deleted_with_delete(qtbot: QtBot, services: ff.Services) -> None:
    uuid = services.incident_titled(FLORIDA)
    timeline = TimelineService(services.database)
    timeline.add(TimelineEvent(uuid, PartialDate.of_day(date(2019, 9, 2)), "Visit by the agent", "notes"))
    form = timeline_form(qtbot, services)
    panel = form.timeline
    select_row(qtbot, panel, "Visit by the agent")
    press(qtbot, Qt.Key.Key_Return)

    dialog = event_dialog(qtbot, panel)
    assert dialog.date.text() == "2019-09-02" and dialog.text.toPlainText() == "Visit by the agent"
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.text
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_here(qtbot, "Visit by two agents")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: panel.event_dialog is None)
    ff.reactivate(qtbot, form)
    [event] = timeline.events(uuid)
    assert event.text == "Visit by two agents" and event.happened.label() == "2019-09-02" and event.version == 2
    assert ("2019-09-02", "Event", "Visit by two agents", "notes") in rows(panel)

    asked: list[str] = []
    ff.answer_next_question(qtbot, "Delete event", asked)
    select_row(qtbot, panel, "Visit by two agents")
    press(qtbot, Qt.Key.Key_Delete)
    assert asked == ["Delete this timeline event?"]
    assert timeline.events(uuid) == []
    assert all(shown[2] != "Visit by two agents" for shown in rows(panel))


def test_lines_that_are_not_events_are_not_edited_here(qtbot: QtBot, services: ff.Services) -> None:
    form = timeline_form(qtbot, services)
    panel = form.timeline
    status = next(shown[2] for shown in rows(panel) if shown[1] == "Legal status")
    select_row(qtbot, panel, status)
    assert not panel.edit_button.isEnabled() and not panel.delete_button.isEnabled()
    press(qtbot, Qt.Key.Key_Return)
    assert panel.event_dialog is None


def test_the_filter_by_kind_hides_the_other_lines(qtbot: QtBot, services: ff.Services) -> None:
    uuid = services.incident_titled(FLORIDA)
    TimelineService(services.database).add(TimelineEvent(uuid, PartialDate.of_day(date(2019, 9, 3)), "Hearing"))
    form = timeline_form(qtbot, services)
    panel = form.timeline
    kinds = {shown[1] for shown in rows(panel)}
    assert {"Event", "Legal status", "Incident"} <= kinds

    ff.choose(qtbot, panel.kind_filter, "Events")
    assert rows(panel) == [("2019-09-03", "Event", "Hearing", "")]
    ff.choose(qtbot, panel.kind_filter, "Legal status")
    statuses = TimelineService(services.database).chronology(uuid, kinds=[TimelineKind.STATUS])
    assert [shown[2] for shown in rows(panel)] == [line.text for line in statuses] != []
    ff.choose(qtbot, panel.kind_filter, "All")
    assert {shown[1] for shown in rows(panel)} == kinds


def export_through_dialog(qtbot: QtBot, panel: TimelinePanel, target: Path) -> None:
    """Export CSV…, the file name typed into the file dialog (open in the target's folder), Enter."""
    panel.export_folder = target.parent
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.file_dialog is not None and panel.file_dialog.isVisible())
    chooser = panel.file_dialog
    assert chooser is not None
    ff.reactivate(qtbot, chooser)
    name = chooser.findChild(QLineEdit, "fileNameEdit")
    ff.type_into(qtbot, name, target.name)
    qtbot.waitUntil(lambda: name.text() == target.name)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.file_dialog is None)
    assert target.exists(), panel.status.text()


def tick(qtbot: QtBot, panel: TimelinePanel) -> None:
    """Click the box of "Include sensitive …"."""
    box = panel.include_sensitive
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as source:
        return list(csv.DictReader(source))


def test_csv_export_is_the_chronology_redacted_unless_agreed(
    qtbot: QtBot, services: ff.Services, tmp_path: Path
) -> None:
    uuid = services.incident_titled(FLORIDA)
    timeline = TimelineService(services.database)
    timeline.add(TimelineEvent(uuid, PartialDate.of_day(date(2019, 9, 3)), "Hearing", "docket"))
    secret = NewFile.of_bytes("secret-name.jpg", b"\xff\xd8\xff" + bytes(100), sensitive=True)
    AttachmentService(services.database).add(RecordKind.INCIDENT, uuid, [secret])
    form = timeline_form(qtbot, services)
    panel = form.timeline
    assert any("secret-name.jpg" in shown[2] for shown in rows(panel))  # the form shows everything

    redacted = tmp_path / "timeline.csv"
    export_through_dialog(qtbot, panel, redacted)

    lines = read_csv(redacted)
    expected = timeline.chronology(uuid, redact=True)
    assert [(r["date"], r["kind"], r["text"], r["source"]) for r in lines] == [
        (e.happened.iso(" "), e.kind.label, e.text, e.source) for e in expected
    ]
    assert "secret-name.jpg" not in redacted.read_text(encoding="utf-8-sig")
    assert any("(sensitive attachment withheld)" in r["text"] for r in lines)
    assert "written to" in panel.status.text() and "withheld" in panel.status.text()

    tick(qtbot, panel)
    qtbot.waitUntil(lambda: panel.sensitive_question is not None and panel.sensitive_question.isVisible())
    box = panel.sensitive_question
    assert box is not None and "sensitive attachments" in box.text()
    include = box.findChild(QPushButton, "include_button")
    qtbot.mouseClick(include, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.sensitive_question is None)
    assert panel.include_sensitive.isChecked()
    ff.reactivate(qtbot, form)
    full = tmp_path / "full.csv"
    export_through_dialog(qtbot, panel, full)
    assert any("secret-name.jpg" in r["text"] for r in read_csv(full))


def test_cancelling_the_question_keeps_the_export_redacted(qtbot: QtBot, services: ff.Services) -> None:
    form = timeline_form(qtbot, services)
    panel = form.timeline
    tick(qtbot, panel)
    qtbot.waitUntil(lambda: panel.sensitive_question is not None and panel.sensitive_question.isVisible())
    box = panel.sensitive_question
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.sensitive_question is None)
    assert not panel.include_sensitive.isChecked()


def test_a_new_incident_has_no_timeline_until_saved(qtbot: QtBot, services: ff.Services) -> None:
    form = IncidentForm(None, services.facilities.names())
    form.timeline.attach(TimelineService(services.database))
    ff.shown(qtbot, form)
    panel = form.timeline
    assert panel.hint.isVisible() and panel.hint.text() == SAVE_FIRST
    assert not panel.add_button.isEnabled() and not panel.table.isEnabled() and not panel.export_button.isEnabled()
    assert panel.table.rowCount() == 0


def test_widgets_have_accessible_names(qtbot: QtBot, services: ff.Services) -> None:
    form = timeline_form(qtbot, services)
    panel = form.timeline
    assert panel.table.accessibleName() == "Timeline of the incident"
    assert panel.kind_filter.accessibleName() == "Show timeline lines of kind"
    assert [panel.kind_filter.itemText(i) for i in range(panel.kind_filter.count())] == [
        "All", "Events", "Legal status", "Attachments", "Custody", "Plan items", "Incident"]  # fmt: skip
