"""The incident form's legal history, driven by keyboard and mouse: entries typed, corrected, added out of order
and deleted; what is saved is stored by the real services, audited and undone."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import forms_fixtures as ff
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.domain.enums import CaseStatus
from desktop.domain.values import PartialDate, StatusChange
from desktop.services.audit import history as audit_history
from desktop.ui.dialogs.history_dialog import HistoryDialog
from desktop.ui.forms.incident_form import IncidentForm
from desktop.ui.forms.legal_history_editor import LegalHistoryEditor
from desktop.ui.undo_commands import CreateRecord, UpdateRecord

services = ff.services
CHARGES = "Attempted arson of a federal building (18 U.S.C. § 844(f)(1))"
USAO = "U.S. Attorney's Office, S.D. Fla."


def message(form: IncidentForm, key: str) -> str:
    label = form.findChild(QLabel, f"message_{key}")
    return label.text() if label is not None and label.isVisible() else ""


def shown_rows(history: LegalHistoryEditor) -> list[tuple[str, str]]:
    """(date, status) of the list's rows, top to bottom."""
    table = history.table
    return [(table.item(row, 0).text(), table.item(row, 1).text()) for row in range(table.rowCount())]


def click_row(qtbot: QtBot, history: LegalHistoryEditor, status: str) -> None:
    """Click the row of the entry with `status` in the list."""
    row = next(row for row, (_, shown) in enumerate(shown_rows(history)) if shown == status)
    where = history.table.visualItemRect(history.table.item(row, 0)).center()
    qtbot.mouseClick(history.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert history.selected() is not None and history.selected().status.label == status


def add_entry(qtbot: QtBot, history: LegalHistoryEditor, day: str, status: str) -> None:
    """Add entry (the Insert key in the list), type its date, choose its status."""
    history.table.setFocus()
    qtbot.keyClick(history.table, Qt.Key.Key_Insert)
    assert QApplication.focusWidget() is history.date.edit, "the new entry's date is typed next"
    qtbot.keyClicks(history.date.edit, day)
    ff.choose(qtbot, history.status, status)


def test_the_lake_worth_incident_with_its_legal_history(qtbot: QtBot, services: ff.Services) -> None:
    """The memo: a Molotov cocktail "in late August 2019"; reported and a suspect arrested on 31 August,
    referred for prosecution to the U.S. Attorney's Office in September."""
    form = ff.shown(qtbot, IncidentForm(None, services.facilities.names()))
    assert isinstance(form, IncidentForm)
    ff.type_into(qtbot, form.title, "Molotov cocktail thrown at the Lake Worth USCIS office")
    ff.pick_facility(qtbot, form.facility, "florida")
    ff.type_into(qtbot, form.occurred.edit, "late August 2019")
    assert form.occurred.preview.text() == "about 21 to 31 August 2019 (somewhere in this range)"
    ff.type_into(qtbot, form.counts["arrests_count"], "1")
    history = form.legal_history
    assert shown_rows(history) == [("(no date)", "Reported")], "a new incident starts with its report"
    ff.type_into(qtbot, history.date.edit, "2019-08-31")
    assert history.date.preview.text() == "Sat 31 August 2019"
    add_entry(qtbot, history, "2019-08-31", "Arrest made")
    add_entry(qtbot, history, "2019-09", "Referred for prosecution")
    assert history.date.preview.text() == "September 2019 (only the month is known)"
    ff.type_into(qtbot, history.agency, USAO)
    ff.type_into(qtbot, history.charges, CHARGES)
    assert "Current status: <b>Referred for prosecution</b>" in history.status_line.text()
    assert not history.warnings.isVisible()

    ff.press_save(qtbot, form)

    assert ff.accepted(form)
    created = CreateRecord.perform(services.incidents, form.edited_record(), lambda entity: None).record
    stored = services.incidents.get(created.uuid)
    assert stored.occurred == PartialDate.parse("about 2019-08-21/2019-08-31")  # late August: its edges not sharp
    assert stored.status is CaseStatus.REFERRED_FOR_PROSECUTION
    assert [c.fact for c in stored.status_history] == [
        (CaseStatus.REPORTED, "2019-08-31", "", "", "", ""),
        (CaseStatus.ARREST_MADE, "2019-08-31", "", "", "", ""),
        (CaseStatus.REFERRED_FOR_PROSECUTION, "2019-09", "", USAO, "", CHARGES),
    ]


def test_a_new_incident_needs_the_date_it_was_reported(qtbot: QtBot, services: ff.Services) -> None:
    form = ff.shown(qtbot, IncidentForm(None, services.facilities.names()))
    assert isinstance(form, IncidentForm)
    ff.type_into(qtbot, form.title, "Threat letter")
    ff.pick_facility(qtbot, form.facility, "antonio")
    history = form.legal_history
    assert history.date.text() == "", "no silent today"
    assert history.date_message.isHidden(), "quiet until typed in or saved"

    ff.press_save(qtbot, form)

    assert form.isVisible()
    assert message(form, "status_history") == (
        "Legal history entry 1 (reported): needs a date (a year, a month or a range will do)"
    )
    assert history.date_message.text() == "Needs a date (a year, a month or a range will do)"
    assert QApplication.focusWidget() is history.date.edit
    qtbot.mouseClick(history.date.today_button, Qt.MouseButton.LeftButton)
    assert history.date.text() == date.today().isoformat()
    assert history.date_message.isHidden() and message(form, "status_history") == ""
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    assert [c.fact[:2] for c in form.edited_record().status_history] == [
        (CaseStatus.REPORTED, date.today().isoformat())
    ]


def test_an_entry_date_that_cannot_be_read_or_has_a_time_is_said_at_the_entry(
    qtbot: QtBot, services: ff.Services
) -> None:
    form = ff.shown(qtbot, IncidentForm(services.incidents.get(services.incident_titled("Molotov")),
                                        services.facilities.names()))  # fmt: skip
    assert isinstance(form, IncidentForm)
    history = form.legal_history
    add_entry(qtbot, history, "2019-13", "Charged")
    assert history.date.text() == "2019-13", "kept as typed"
    assert history.date_message.text() == "Date cannot be read: '2019-13': there is no month 13"
    assert message(form, "status_history").startswith("Legal history entry 4 (charged): date cannot be read")
    ff.type_into(qtbot, history.date.edit, "2019-10-01 09:00")
    assert history.date_message.text() == "Date is a day, a month, a year or a range (no time of day)"
    ff.press_save(qtbot, form)
    assert form.isVisible()
    ff.type_into(qtbot, history.date.edit, f"{date.today().year + 1}-01")
    assert history.date_message.text() == "Date must not be in the future"
    ff.type_into(qtbot, history.date.edit, "2019-10-01")
    assert history.date_message.isHidden()
    ff.press_save(qtbot, form)
    assert ff.accepted(form)


def test_an_entry_out_of_date_order_is_shown_by_date_with_a_warning_and_saved(
    qtbot: QtBot, services: ff.Services
) -> None:
    form = ff.shown(qtbot, IncidentForm(services.incidents.get(services.incident_titled("Molotov")),
                                        services.facilities.names()))  # fmt: skip
    assert isinstance(form, IncidentForm)
    history = form.legal_history
    assert shown_rows(history) == [("2019-08", "Reported"), ("2019-08", "Arrest made"),
                                   ("2019-09", "Referred for prosecution")]  # fmt: skip
    add_entry(qtbot, history, "2019-08-30", "Under investigation")  # listed last, dated before the referral
    qtbot.keyClick(history.date.edit, Qt.Key.Key_Tab)
    assert shown_rows(history)[2] == ("2019-08-30", "Under investigation"), "shown in its place by date"
    assert history.selected() is not None and history.selected().status is CaseStatus.UNDER_INVESTIGATION
    assert history.warnings.isVisible()
    assert "not listed in date order" in history.warnings.text()
    assert "Current status: <b>Referred for prosecution</b>" in history.status_line.text()

    ff.press_save(qtbot, form)

    assert ff.accepted(form)
    UpdateRecord.perform(services.incidents, form.record, form.edited_record(), lambda entity: None)
    stored = services.incidents.get(form.record.uuid)
    assert [c.fact[:2] for c in stored.status_history] == [  # as entered
        (CaseStatus.REPORTED, "2019-08"),
        (CaseStatus.ARREST_MADE, "2019-08"),
        (CaseStatus.REFERRED_FOR_PROSECUTION, "2019-09"),
        (CaseStatus.UNDER_INVESTIGATION, "2019-08-30"),
    ]
    assert stored.status is CaseStatus.REFERRED_FOR_PROSECUTION


def test_a_wrong_date_is_corrected_a_later_entry_added_audited_and_undone(qtbot: QtBot, services: ff.Services) -> None:
    """The memo's bug: "one wrong date blocks every later status". The investigation was typed as
    2019-12-13 instead of 2019-08-13; it is corrected in the list and the charge of October added."""
    stored = services.incidents.get(services.incident_titled("Shots fired"))
    reported, investigated = stored.status_history
    wrong = replace(investigated, changed=PartialDate.parse("2019-12-13"))
    before = services.incidents.update(replace(stored, status_history=(reported, wrong)))
    form = ff.shown(qtbot, IncidentForm(before, services.facilities.names()))
    assert isinstance(form, IncidentForm)
    history = form.legal_history

    click_row(qtbot, history, "Under investigation")
    history.table.setFocus()
    qtbot.keyClick(history.table, Qt.Key.Key_Return)  # Enter in the list: to the entry's date
    assert QApplication.focusWidget() is history.date.edit and history.date.edit.selectedText() == "2019-12-13"
    qtbot.keyClicks(history.date.edit, "2019-08-13")
    add_entry(qtbot, history, "2019-10", "Charged")
    ff.type_into(qtbot, history.agency, "DOJ")
    ff.type_into(qtbot, history.reference, "5:19-cr-00871")
    assert not history.warnings.isVisible()
    ff.press_save(qtbot, form)
    assert ff.accepted(form)

    stack = QUndoStack()
    stack.push(UpdateRecord.perform(services.incidents, before, form.edited_record(), lambda entity: None))
    edited = services.incidents.get(before.uuid)
    assert edited.status is CaseStatus.CHARGED
    assert [c.fact for c in edited.status_history] == [
        (CaseStatus.REPORTED, "2019-08-13", "", "", "", ""),
        (CaseStatus.UNDER_INVESTIGATION, "2019-08-13", "", "", "", ""),
        (CaseStatus.CHARGED, "2019-10", "", "DOJ", "5:19-cr-00871", ""),
    ]
    dialog = HistoryDialog(None, "incident", before.uuid, audit_history(services.database, before.uuid))
    qtbot.addWidget(dialog)
    model = dialog.model
    last = [
        [model.data(model.index(row, column)) for column in range(model.columnCount())]
        for row in range(model.rowCount())
        if model.rows[row][0].id == audit_history(services.database, before.uuid)[-1].id
    ]
    assert {row[3]: row[4:] for row in last} == {  # columns: when, action, by, field, old, new
        "Status": ["Under investigation", "Charged"],
        "Status history": [
            "2019-08-13 reported; 2019-12-13 under investigation",
            "2019-08-13 reported; 2019-08-13 under investigation; 2019-10 charged (DOJ; reference 5:19-cr-00871)",
        ],
    }

    stack.undo()
    restored = services.incidents.get(before.uuid)
    assert restored.status_history == before.status_history and restored.status is CaseStatus.UNDER_INVESTIGATION
    stack.redo()
    assert [c.fact for c in services.incidents.get(before.uuid).status_history] == [
        c.fact for c in edited.status_history
    ]


def test_delete_asks_first_and_keeps_the_last_entry(qtbot: QtBot, services: ff.Services) -> None:
    form = ff.shown(qtbot, IncidentForm(services.incidents.get(services.incident_titled("Molotov")),
                                        services.facilities.names()))  # fmt: skip
    assert isinstance(form, IncidentForm)
    history = form.legal_history
    asked: list[str] = []
    click_row(qtbot, history, "Arrest made")
    ff.answer_next_question(qtbot, "Keep entry", asked)
    qtbot.keyClick(history.table, Qt.Key.Key_Delete)
    assert asked == ["Delete this legal history entry?"]

    assert len(shown_rows(history)) == 3
    ff.answer_next_question(qtbot, "Delete entry", asked)
    qtbot.keyClick(history.table, Qt.Key.Key_Delete)
    assert shown_rows(history) == [("2019-08", "Reported"), ("2019-09", "Referred for prosecution")]
    click_row(qtbot, history, "Referred for prosecution")
    ff.answer_next_question(qtbot, "Delete entry", asked)
    qtbot.mouseClick(history.delete_button, Qt.MouseButton.LeftButton)
    assert shown_rows(history) == [("2019-08", "Reported")]
    assert "Current status: <b>Reported</b>" in history.status_line.text()
    assert not history.delete_button.isEnabled()
    ff.reactivate(qtbot, form)  # after the question (a window manager would)
    history.table.setFocus()
    qtbot.keyClick(history.table, Qt.Key.Key_Delete)  # the last one: said, not asked
    assert len(asked) == 3 and history.warnings.isVisible()
    assert "keeps at least one entry" in history.warnings.text()
    assert shown_rows(history) == [("2019-08", "Reported")]

    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    UpdateRecord.perform(services.incidents, form.record, form.edited_record(), lambda entity: None)
    stored = services.incidents.get(form.record.uuid)
    assert [c.status for c in stored.status_history] == [CaseStatus.REPORTED]
    assert stored.status is CaseStatus.REPORTED


def test_a_changed_history_asks_before_it_is_dropped(qtbot: QtBot, services: ff.Services) -> None:
    form = ff.shown(qtbot, IncidentForm(services.incidents.get(services.incident_titled("Molotov")),
                                        services.facilities.names()))  # fmt: skip
    assert isinstance(form, IncidentForm)
    assert not form.is_dirty()
    add_entry(qtbot, form.legal_history, "2019-09", "Charged")
    assert form.is_dirty()
    asked: list[str] = []
    ff.answer_next_question(qtbot, "Keep editing", asked)
    ff.press_escape(qtbot, form)
    assert asked == ["Discard changes?"] and form.isVisible()


def test_an_entry_with_a_reference_and_charges_round_trips_through_the_form(
    qtbot: QtBot, services: ff.Services
) -> None:
    stored = services.incidents.get(services.incident_titled("Molotov"))
    referred = StatusChange(CaseStatus.REFERRED_FOR_PROSECUTION, PartialDate.parse("2019-09~"), "by letter",
                            agency=USAO, reference="19-80123", charges=CHARGES)  # fmt: skip
    record = services.incidents.update(replace(stored, status=CaseStatus.REFERRED_FOR_PROSECUTION,
                                               status_history=(*stored.status_history, referred)))  # fmt: skip
    form = ff.shown(qtbot, IncidentForm(record, services.facilities.names()))
    assert isinstance(form, IncidentForm)
    history = form.legal_history
    assert shown_rows(history)[-1] == ("about 2019-09", "Referred for prosecution")
    assert (history.date.text(), history.agency.text(), history.reference.text()) == ("2019-09~", USAO, "19-80123")
    assert (history.charges.text(), history.note.text()) == (CHARGES, "by letter")
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    assert form.edited_record().status_history == record.status_history


def test_two_entries_alike_are_edited_one_at_a_time(qtbot: QtBot, services: ff.Services) -> None:
    form = ff.shown(qtbot, IncidentForm(None, services.facilities.names()))
    assert isinstance(form, IncidentForm)
    history = form.legal_history
    for _ in range(2):  # two undated "Under investigation" entries, alike in every field
        history.table.setFocus()
        qtbot.keyClick(history.table, Qt.Key.Key_Insert)
    assert shown_rows(history) == [("(no date)", "Reported"), ("(no date)", "Under investigation"),
                                   ("(no date)", "Under investigation")]  # fmt: skip
    qtbot.keyClicks(history.date.edit, "2019-08-14")
    assert [draft.date_text for draft in history.drafts] == ["", "", "2019-08-14"], "the one selected, not its twin"
    history.table.setFocus()  # the dated entry moves to its place by date, still selected
    assert shown_rows(history)[0] == ("2019-08-14", "Under investigation")
    ff.answer_next_question(qtbot, "Delete entry", [])
    qtbot.keyClick(history.table, Qt.Key.Key_Delete)
    assert [(draft.status, draft.date_text) for draft in history.drafts] == [
        (CaseStatus.REPORTED, ""),
        (CaseStatus.UNDER_INVESTIGATION, ""),
    ]
