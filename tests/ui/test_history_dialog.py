"""History view: a record's audit entries as rows of when, action, field, old → new, read as people read them."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from support.clock import FakeClock

from desktop.domain.enums import AttackType, AuditAction, Severity
from desktop.domain.records import AuditEntry, Facility, Incident
from desktop.persistence.unit_of_work import Database
from desktop.services.audit import history
from desktop.services.csv.importer import ImportOptions, import_csv
from desktop.services.records import FacilityService, IncidentService
from desktop.ui.dialogs.history_dialog import EMPTY, HistoryDialog, HistoryModel, local_time, record_name


def rows(model: HistoryModel) -> list[list[str]]:
    return [
        [model.data(model.index(row, column)) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def edited_incident(database: Database, clock: FakeClock) -> Incident:
    facility = FacilityService(database).create(Facility(name="Tampa USCIS Field Office", state="FL"))
    service = IncidentService(database)
    incident = service.create(Incident(facility.uuid, "Molotov cocktail thrown", attack_type=AttackType.UNKNOWN,
                                       severity=Severity.MEDIUM, description="fuse failed"))  # fmt: skip
    clock.advance(hours=3)
    return service.update(replace(incident, attack_type=AttackType.FACILITY_INFRASTRUCTURE_ATTACK,
                                  severity=Severity.HIGH, description="", arrests_count=1))  # fmt: skip


def test_history_rows_show_each_changed_field(database: Database, clock: FakeClock, qtbot: QtBot) -> None:
    incident = edited_incident(database, clock)
    entries = history(database, incident.uuid)
    dialog = HistoryDialog(None, "incident", incident.uuid, entries)
    qtbot.addWidget(dialog)
    model = dialog.model
    table = rows(model)
    updated = [row for row in table if row[1] == AuditAction.UPDATE.label]
    assert sorted(row[3] for row in updated) == ["Arrests count", "Attack type", "Description", "Severity"]
    by_field = {row[3]: row for row in updated}
    assert by_field["Attack type"][4:] == ["Unknown", AttackType.FACILITY_INFRASTRUCTURE_ATTACK.label]
    assert by_field["Severity"][4:] == ["Medium", "High"]  # labels, not the stored codes
    assert by_field["Description"][4:] == ["fuse failed", EMPTY]
    assert by_field["Arrests count"][4:] == [EMPTY, "1"]
    assert by_field["Severity"][0] == local_time(datetime(2024, 3, 1, 15, 0, 0))
    created = [row for row in table if row[1] == AuditAction.CREATE.label]
    assert {row[3]: row[5] for row in created}["Title"] == "Molotov cocktail thrown"
    assert dialog.windowTitle() == "History of incident Molotov cocktail thrown"
    assert dialog.summary.text().startswith(f"2 audit entries, {len(table)} field changes; created ")


def test_history_model_passes_the_model_tester(
    database: Database, clock: FakeClock, qtmodeltester: ModelTester
) -> None:
    incident = edited_incident(database, clock)
    model = HistoryModel(history(database, incident.uuid))
    qtmodeltester.check(model)
    assert model.rowCount(model.index(0, 0)) == 0  # a flat table
    assert model.data(QModelIndex()) is None
    assert model.headerData(HistoryModel.COL_OLD, Qt.Orientation.Horizontal) == "Old value"


def test_long_values_are_shortened_with_the_whole_in_the_tooltip(qtbot: QtBot) -> None:
    long_text = "The device was found by the night guard near the loading dock. " * 10 + "\nSecond line"
    entry = AuditEntry(datetime(2024, 3, 1, 12, 0), AuditAction.UPDATE, "incident", "u-1",
                       {"description": ("short", long_text), "completed": (True, False)}, id=7,
                       entry_hash="ab" * 32)  # fmt: skip
    model = HistoryModel([entry])
    shown = model.data(model.index(0, HistoryModel.COL_NEW))
    assert shown.endswith("…") and len(shown) == 120 and "\n" not in shown
    assert model.data(model.index(0, HistoryModel.COL_NEW), Qt.ItemDataRole.ToolTipRole) == long_text
    assert model.data(model.index(0, HistoryModel.COL_OLD), Qt.ItemDataRole.ToolTipRole) is None
    assert [model.data(model.index(1, c)) for c in (3, 4, 5)] == ["Completed", "yes", "no"]
    assert "#7" in model.data(model.index(0, HistoryModel.COL_WHEN), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, HistoryModel.COL_OLD), Qt.ItemDataRole.ForegroundRole) is None


def test_entry_without_fields_gets_one_row_and_names_come_from_history() -> None:
    restore = AuditEntry(datetime(2024, 3, 1, 12, 0), AuditAction.RESTORE, "database", "", {})
    model = HistoryModel([restore])
    assert rows(model) == [[local_time(restore.at), AuditAction.RESTORE.label, "unknown", "—", "", ""]]
    deleted = AuditEntry(datetime(2024, 3, 2), AuditAction.DELETE, "facility", "f", {"name": ("Old name", None)})
    assert record_name([deleted]) == "Old name"  # a deleted record keeps its name in the view
    assert record_name([restore]) == ""


def test_times_are_shown_in_local_time() -> None:
    at = datetime(2024, 7, 4, 16, 30, 0)
    expected = at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert local_time(at) == expected


def test_close_button_closes_without_changing_anything(database: Database, clock: FakeClock, qtbot: QtBot) -> None:
    incident = edited_incident(database, clock)
    before = history(database, incident.uuid)
    dialog = HistoryDialog(None, "incident", incident.uuid, before)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton)
    assert history(database, incident.uuid) == before


def test_empty_history_says_so(qtbot: QtBot) -> None:
    dialog = HistoryDialog(None, "plan_item", "no-such-uuid", [])
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "No audit entries for plan item no-such-uuid."
    assert dialog.model.rowCount() == 0


def test_a_sensitive_change_is_shown_as_not_kept(database: Database, clock: FakeClock, qtbot: QtBot) -> None:
    incident = edited_incident(database, clock)
    service = IncidentService(database)
    service.update(replace(service.get(incident.uuid), suspect_names="Hidden Name"))
    dialog = HistoryDialog(None, "incident", incident.uuid, history(database, incident.uuid))
    qtbot.addWidget(dialog)
    [row] = [row for row in rows(dialog.model) if row[3] == "Suspect names" and row[1] == AuditAction.UPDATE.label]
    assert row[4:] == [EMPTY, "(sensitive: not kept in the trail)"]
    assert "Hidden Name" not in str(rows(dialog.model))


def test_an_imported_record_says_which_import_made_it(database: Database, clock: FakeClock, qtbot: QtBot,
                                                      tmp_path: Path) -> None:  # fmt: skip
    FacilityService(database).create(Facility(name="Tampa USCIS Field Office", state="FL"))
    source = tmp_path / "memo-incidents.csv"
    source.write_text("title,facility_name,description\r\nShots fired at the gate,Tampa USCIS Field Office,two\r\n")
    assert import_csv(database, source, ImportOptions()).committed
    [incident] = IncidentService(database).page()
    clock.advance(hours=2)
    IncidentService(database).update(replace(incident, description="two rounds"))
    dialog = HistoryDialog(None, "incident", incident.uuid, history(database, incident.uuid))
    qtbot.addWidget(dialog)
    table = rows(dialog.model)
    assert [row[1] for row in table[:3]] == [AuditAction.IMPORT.label] * 3  # file, SHA-256, rows of the import
    assert {row[3]: row[5] for row in table[:3]}["File"].endswith("memo-incidents.csv")
    user = table[3][2]
    assert [row[1:] for row in table[3:]] == [[AuditAction.UPDATE.label, user, "Description", "two", "two rounds"]]
    assert "; created by the import of memo-incidents.csv on " in dialog.summary.text()
