"""The briefing PDF: pages and text checked with poppler (pdfinfo, pdftotext), redaction, the dialog, the command."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import forms_fixtures as ff
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QMainWindow
from pytestqt.qtbot import QtBot
from support.exports import export_entries
from support.lookup import facility_named
from support.synthetic_incidents import populate

from desktop.domain.queries import IncidentFilter
from desktop.persistence.unit_of_work import Database
from desktop.services.records import IncidentService
from desktop.services.session.service import DatabaseSessions
from desktop.ui.report import BriefingError, BriefingOptions, write_briefing
from desktop.ui.report.briefing_dialog import BriefingDialog
from desktop.ui.report_actions import ReportActions
from desktop.ui.session import Session

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="poppler-utils (pdftotext, pdfinfo) is not installed: make system-test",
)
AS_OF = date(2019, 10, 1)  # five days after the demo plan item was due
SUSPECT = "Jonathan Q. Suspectson"
DETAILS = "born 1971 in Springfield, former contractor"
TACOMA = "Northwest Detention Center, Tacoma"


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE)
    assert match, info
    return int(match[1])


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    raw = subprocess.run(
        ["pdftotext", "-raw", *pages, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(unicodedata.normalize("NFKC", raw).split())  # "ﬁ" ligatures, line breaks


@pytest.fixture
def sensitive_database(demo_database: Database) -> Database:
    """The demo data; the Florida incident names a suspect and personal details."""
    service = IncidentService(demo_database)
    florida = next(i for i in service.page() if "Molotov" in i.title)
    service.update(replace(florida, suspect_names=SUSPECT, personal_details=DETAILS))
    return demo_database


def test_briefing_pages_and_text(qapp: object, sensitive_database: Database, tmp_path: Path) -> None:
    output = tmp_path / "briefing.pdf"

    pages = write_briefing(sensitive_database, output, BriefingOptions(as_of=AS_OF, redact=True))

    assert pages == pdf_pages(output) >= 2
    text = pdf_text(output)
    assert "Facility security briefing" in text
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    for incident in IncidentService(sensitive_database).page():
        assert " ".join(incident.title.split()) in text
    assert "Present a detailed plan for securing all ICE facilities" in text
    assert "2019-09-26 overdue" in text  # due two weeks after the memo, five days late on AS_OF
    assert re.search(r"Incidents 3\b", text) and re.search(r"Plan items overdue 1\b", text)
    assert "Redacted: suspect names and personal details are left out" in text
    assert SUSPECT not in text and "Springfield" not in text
    # the summary's figures, worded as on the dashboard: the attacker killed at Tacoma is no victim
    assert "0 victims killed, 1 perpetrator killed" in text and "perpetrators killed not known in 2 incidents" in text
    assert "damage of unknown value in 2 incidents" in text and "$0" not in text
    assert export_entries(sensitive_database) == [("briefing", "briefing.pdf", False)]


def test_unredacted_briefing_shows_the_sensitive_fields(
    qapp: object, sensitive_database: Database, tmp_path: Path
) -> None:
    output = tmp_path / "full.pdf"
    write_briefing(sensitive_database, output, BriefingOptions(as_of=AS_OF, redact=False))
    text = pdf_text(output)
    assert SUSPECT in text and DETAILS in text
    assert "NOT REDACTED" in text
    assert export_entries(sensitive_database) == [("briefing", "full.pdf", True)]


def test_period_and_facility_choose_the_incidents(qapp: object, demo_database: Database, tmp_path: Path) -> None:
    tacoma = facility_named(demo_database, TACOMA)
    assert tacoma is not None
    output = tmp_path / "tacoma.pdf"
    options = BriefingOptions(occurred_from=date(2019, 7, 1), occurred_to=date(2019, 7, 31),
                              facility_uuids=(tacoma.uuid,), as_of=AS_OF)  # fmt: skip

    write_briefing(demo_database, output, options)

    text = pdf_text(output)
    assert "Period: 2019-07-01 to 2019-07-31. Facilities: Northwest Detention Center, Tacoma." in text
    assert "Armed attack with rifle and incendiary devices" in text
    assert "Molotov" not in text and "Shots fired overnight" not in text
    assert re.search(r"Incidents 1\b", text)


def test_more_rows_make_more_pages(qapp: object, demo_database: Database, tmp_path: Path) -> None:
    populate(demo_database, incidents=400, facilities=6, plan_items=30, today=AS_OF)
    few, many = tmp_path / "few.pdf", tmp_path / "many.pdf"
    few_pages = write_briefing(demo_database, few, BriefingOptions(as_of=AS_OF, max_rows=5))
    many_pages = write_briefing(demo_database, many, BriefingOptions(as_of=AS_OF, max_rows=300))
    assert (few_pages, many_pages) == (pdf_pages(few), pdf_pages(many))
    assert many_pages > few_pages + 5
    assert "The 5 most recent of 403 incidents" in pdf_text(few)


def test_bad_options_and_paths_leave_existing_files_alone(
    qapp: object, demo_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "briefings"
    folder.mkdir()
    existing = folder / "keep.pdf"
    existing.write_bytes(b"an earlier briefing")
    backwards = BriefingOptions(occurred_from=date(2020, 1, 1), occurred_to=date(2019, 1, 1))
    with pytest.raises(BriefingError, match=r"the period starts \(2020-01-01\) after it ends \(2019-01-01\)"):
        write_briefing(demo_database, existing, backwards)
    with pytest.raises(BriefingError, match="no such facility: not-a-facility"):
        write_briefing(demo_database, existing, BriefingOptions(facility_uuids=("not-a-facility",)))
    with pytest.raises(BriefingError, match=r"the folder .*missing does not exist"):
        write_briefing(demo_database, folder / "missing" / "b.pdf", BriefingOptions())

    def broken(*_args: object) -> str:
        raise RuntimeError("layout failed half way")

    monkeypatch.setattr("desktop.ui.report.briefing_pdf.briefing_html", broken)
    with pytest.raises(RuntimeError, match="half way"):
        write_briefing(demo_database, existing, BriefingOptions())
    assert existing.read_bytes() == b"an earlier briefing"
    assert [p.name for p in folder.iterdir()] == ["keep.pdf"]  # no temporary file left behind


# -- the File menu action and its dialog --------------------------------------------------------------------


@pytest.fixture
def plain_window(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def open_dialog(qtbot: QtBot, actions: ReportActions) -> BriefingDialog:
    actions.export_briefing_action.trigger()
    dialog = actions.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def check_facility(qtbot: QtBot, dialog: BriefingDialog, name: str) -> None:
    """Tick a facility's box with the keyboard, as a person would: select the row, press space."""
    row = next(r for r in range(dialog.facility_list.count()) if dialog.facility_list.item(r).text() == name)
    dialog.facility_list.setFocus()
    dialog.facility_list.setCurrentRow(row)
    qtbot.keyClick(dialog.facility_list, Qt.Key.Key_Space)


def test_export_action_writes_the_chosen_briefing(
    qtbot: QtBot,
    plain_window: QMainWindow,
    sensitive_database: Database,
    tmp_path: Path,
    sessions: DatabaseSessions,
) -> None:
    plain_window.menuBar().addMenu("&File")
    incidents_filter = IncidentFilter(occurred_from=date(2019, 8, 1))
    actions = ReportActions(plain_window, Session(sensitive_database, sessions), lambda: incidents_filter,
                            today=lambda: AS_OF, default_directory=tmp_path)  # fmt: skip
    assert actions.export_briefing_action.text() == "Export &briefing (PDF)…"
    dialog = open_dialog(qtbot, actions)
    assert dialog.period.isChecked() and dialog.date_from.value() == date(2019, 8, 1)  # from the incident filter
    assert not dialog.include_sensitive.isChecked()  # redaction is the default

    check_facility(qtbot, dialog, "USCIS office, Florida")
    tick(qtbot, dialog.include_sensitive)  # this briefing may show the names: asked first
    ff.answer_sensitive_question(qtbot, dialog, include=True)
    assert dialog.include_sensitive.isChecked()
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "florida.pdf"))
    with qtbot.waitSignal(actions.exported, timeout=20_000) as exported:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    path, pages = exported.args
    assert path == str(tmp_path / "florida.pdf") and pages == pdf_pages(Path(path))
    text = pdf_text(Path(path))
    assert "Facilities: USCIS office, Florida." in text and "Period: 2019-08-01 to 2019-10-01." in text
    assert SUSPECT in text and "Shots fired overnight" not in text
    assert "florida.pdf" in plain_window.statusBar().currentMessage()
    assert export_entries(sensitive_database) == [("briefing", "florida.pdf", True)]


def test_ticking_include_asks_and_cancel_keeps_the_briefing_redacted(
    qtbot: QtBot,
    plain_window: QMainWindow,
    sensitive_database: Database,
    tmp_path: Path,
    sessions: DatabaseSessions,
) -> None:
    actions = ReportActions(plain_window, Session(sensitive_database, sessions), IncidentFilter,
                            today=lambda: AS_OF, default_directory=tmp_path)  # fmt: skip
    dialog = open_dialog(qtbot, actions)
    tick(qtbot, dialog.include_sensitive)
    ff.answer_sensitive_question(qtbot, dialog, include=False)
    assert not dialog.include_sensitive.isChecked()  # Cancel: still redacted
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "kept-out.pdf"))
    with qtbot.waitSignal(actions.exported, timeout=20_000) as exported:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    text = pdf_text(Path(exported.args[0]))
    assert SUSPECT not in text and "Springfield" not in text and "Redacted:" in text
    assert export_entries(sensitive_database) == [("briefing", "kept-out.pdf", False)]


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click the check box's indicator with the mouse."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_dialog_refuses_a_backwards_period_and_an_empty_path(
    qtbot: QtBot,
    plain_window: QMainWindow,
    demo_database: Database,
    tmp_path: Path,
    sessions: DatabaseSessions,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    actions = ReportActions(
        plain_window, Session(demo_database, sessions), IncidentFilter, today=lambda: AS_OF, default_directory=out
    )
    dialog = open_dialog(qtbot, actions)
    assert not dialog.period.isChecked() and dialog.export_button.isEnabled()
    dialog.period.setFocus()  # tab to the group's check box, press space
    qtbot.keyClick(dialog.period, Qt.Key.Key_Space)
    assert dialog.period.isChecked()
    ff.type_into(qtbot, dialog.date_from.edit, "2019-12-01")
    ff.type_into(qtbot, dialog.date_to.edit, "2019-01")  # a month: its last day
    assert dialog.date_to.preview.text() == "to Thu 31 January 2019, the last day of January 2019"
    assert not dialog.export_button.isEnabled()
    assert "after it ends" in dialog.problem.text()
    ff.type_into(qtbot, dialog.date_to.edit, "2019-13")
    assert not dialog.export_button.isEnabled()
    assert dialog.problem.text().startswith("To: '2019-13': there is no month 13")
    ff.type_into(qtbot, dialog.date_to.edit, "2019")
    assert dialog.date_to.value() == date(2019, 12, 31) and dialog.export_button.isEnabled()
    dialog.path_edit.clear()
    assert not dialog.export_button.isEnabled() and "where to save" in dialog.problem.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert list(out.iterdir()) == []


def test_export_failure_is_reported_not_raised(
    qtbot: QtBot,
    plain_window: QMainWindow,
    demo_database: Database,
    tmp_path: Path,
    sessions: DatabaseSessions,
) -> None:
    actions = ReportActions(plain_window, Session(demo_database, sessions), IncidentFilter, today=lambda: AS_OF,
                            default_directory=tmp_path / "gone")  # fmt: skip
    dialog = open_dialog(qtbot, actions)
    with qtbot.waitSignal(actions.failed, timeout=10_000) as failed:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "does not exist" in failed.args[0]
    no_database = ReportActions(plain_window, Session(None, sessions), IncidentFilter)
    with qtbot.waitSignal(no_database.failed) as failed:
        no_database.export_briefing_action.trigger()
    assert failed.args == ["No database is open."]


# -- the command --------------------------------------------------------------------------------------------


def run_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environment.pop("QT_QPA_PLATFORM", None)  # the command must manage without a display on its own
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, timeout=120, env=environment, check=False)  # fmt: skip


def test_report_command(tmp_path: Path) -> None:
    assert run_cli(tmp_path, "demo").returncode == 0
    output = tmp_path / "cli.pdf"

    period = ("--from", "2019-01-01", "--to", "2019-12-31", "--as-of", "2019-10-01")
    chosen = ("--facility", TACOMA, "--facility", "ICE office, San Antonio")
    done = run_cli(tmp_path, "report", "--output", str(output), *period, *chosen, "--redact")

    assert done.returncode == 0, done.stderr
    pages = pdf_pages(output)
    assert done.stdout.splitlines() == [f"briefing written to {output} ({pages} pages, redacted)", "Incidents 2"]
    text = pdf_text(output)
    assert "Facilities: Northwest Detention Center, Tacoma, ICE office, San Antonio." in text
    assert "Molotov" not in text and "Shots fired overnight" in text


def test_report_command_is_redacted_unless_sensitive_fields_are_asked_for(
    sensitive_database: Database, tmp_path: Path
) -> None:
    redacted, full = tmp_path / "redacted.pdf", tmp_path / "full.pdf"
    default = run_cli(tmp_path, "report", "-o", str(redacted), "--as-of", "2019-10-01")
    assert default.returncode == 0, default.stderr
    assert default.stdout.splitlines()[0].endswith(" pages, redacted)")
    text = pdf_text(redacted)
    assert SUSPECT not in text and "Springfield" not in text and "Redacted:" in text
    assert "1 perpetrator killed" in text and "damage of unknown value in 2 incidents" in text

    included = run_cli(tmp_path, "report", "-o", str(full), "--as-of", "2019-10-01", "--include-sensitive")
    assert included.returncode == 0, included.stderr
    assert included.stdout.splitlines()[0].endswith(" pages, WITH suspect names and personal details)")
    assert SUSPECT in pdf_text(full) and DETAILS in pdf_text(full)
    assert export_entries(sensitive_database) == [("briefing", "redacted.pdf", False), ("briefing", "full.pdf", True)]

    both = run_cli(tmp_path, "report", "-o", str(full), "--redact", "--include-sensitive")
    assert both.returncode == 2 and "contradict each other" in both.stderr
    assert "redacted is the default" in " ".join(run_cli(tmp_path, "report", "--help").stdout.split())


def test_report_command_refuses_bad_input(tmp_path: Path) -> None:
    assert run_cli(tmp_path, "demo").returncode == 0
    unknown = run_cli(tmp_path, "report", "-o", str(tmp_path / "x.pdf"), "--facility", "Atlantis")
    assert unknown.returncode == 2 and "no facility named 'Atlantis'" in unknown.stderr
    bad_date = run_cli(tmp_path, "report", "-o", str(tmp_path / "x.pdf"), "--from", "2019-02-30")
    assert bad_date.returncode == 2 and "'2019-02-30' is not a date like 2019-09-12" in bad_date.stderr
    no_folder = run_cli(tmp_path, "report", "-o", str(tmp_path / "nowhere" / "x.pdf"))
    assert no_folder.returncode == 1 and "does not exist" in no_folder.stderr
    assert not (tmp_path / "x.pdf").exists()
