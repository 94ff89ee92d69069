"""The briefing's layout read back with poppler: legal milestones in the incident table, the handling marking and
the author on every page, a table of contents for a long briefing, sections that flow on, facility names whole;
the dialog's and the command's marking and author."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot
from support.clock import FakeClock
from support.synthetic_incidents import populate
from test_briefing_pdf import open_dialog, pdf_pages, pdf_text, plain_window, run_cli

from desktop.domain.enums import CaseStatus, SecurityLevel
from desktop.domain.queries import IncidentFilter
from desktop.domain.records import Facility, Incident
from desktop.domain.values import PartialDate, StatusChange
from desktop.persistence.unit_of_work import Database
from desktop.services.briefing import briefing_content, computer_user
from desktop.services.records import FacilityService, IncidentService
from desktop.services.session.service import DatabaseSessions
from desktop.ui.dashboard.ranking_chart import facility_chart
from desktop.ui.report import BriefingOptions, write_briefing
from desktop.ui.report.briefing_html import incident_row
from desktop.ui.report.chart_images import CHART_HEIGHT, NAME_WIDTH, ranking_height
from desktop.ui.report_actions import ReportActions
from desktop.ui.session import Session
from desktop.ui.settings import WindowSettings

pytestmark = pytest.mark.usefixtures("qapp")
__all__ = ["plain_window"]  # a fixture of the briefing tests, used here too
AS_OF = date(2019, 10, 1)
SECTIONS = ("Summary", "Charts", "Incidents", "Pending referral for prosecution", "Security plan items", "Directives",
            "Security reassessments due", "Case timelines")  # fmt: skip
LONG_NAME = "Federal Law Enforcement Training Centers, Glynco Campus, Building 12 Annex"


def page_lines(path: Path, page: int, mode: str = "-layout") -> list[str]:
    """The non-empty lines of one page, each with its runs of white space made one space."""
    raw = subprocess.run(["pdftotext", mode, "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    lines = (" ".join(line.split()) for line in unicodedata.normalize("NFKC", raw).splitlines())
    return [line for line in lines if line]


def marked(lines: list[str], marking: str) -> bool:
    """The page's first line and the last but one are the marking. (A line of a table row split across pages
    is also in the next page's text, hidden above its first row, so it may share the first line.)"""
    return marking in lines[0].split() and lines[-2] == marking


def section_starts(path: Path) -> dict[str, int]:
    """The page each section heading is drawn on (a heading is a line of its own)."""
    starts: dict[str, int] = {}
    for page in range(1, pdf_pages(path) + 1):
        for line in page_lines(path, page, "-raw"):
            if line in SECTIONS:
                starts.setdefault(line, page)
    return starts


def test_demo_briefing_marks_every_page_and_lists_the_legal_milestones(
    demo_database: Database, clock: FakeClock, tmp_path: Path
) -> None:
    output = tmp_path / "cui.pdf"
    options = BriefingOptions(as_of=AS_OF, marking="CUI", prepared_by="J. Analyst")

    pages = write_briefing(demo_database, output, options)

    assert pages == pdf_pages(output) == 4  # the case timelines on the last
    generated = f"{clock.now:%Y-%m-%d %H:%M} UTC"
    text = pdf_text(output)
    assert f"Deadlines as of 2019-10-01; generated {generated}. Prepared by J. Analyst." in text
    for number in range(1, pages + 1):
        lines = page_lines(output, number)
        assert marked(lines, "CUI")  # the page's header and footer
        footer = f"Facility security briefing, 2019-10-01: prepared by J. Analyst, {generated}. Redacted"
        assert lines[-1] == f"{footer} Page {number} of {pages}"
    assert "Arrest 2019-08 Referred 2019-09 U.S. Department of Justice" in text  # Lake Worth, dated as known
    assert text.count("none recorded") == 2  # Tacoma (attacker killed) and San Antonio (no arrest)
    assert "Contents" in text  # more than three pages
    starts = section_starts(output)
    assert set(starts) == set(SECTIONS)
    assert (starts["Summary"], starts["Charts"], starts["Incidents"]) == (1, 1, 3)  # below the contents
    assert "Molotov cocktail thrown at the USCIS office" in pdf_text(output, 3, 3)
    assert starts["Case timelines"] == 4


def test_without_a_marking_pages_have_no_header(demo_database: Database, tmp_path: Path) -> None:
    output = tmp_path / "plain.pdf"
    write_briefing(demo_database, output, BriefingOptions(as_of=AS_OF, prepared_by="J. Analyst"))
    lines = page_lines(output, 1)
    assert lines[0] == "Facility security briefing" and "CUI" not in pdf_text(output)
    assert lines[-1].startswith("Facility security briefing, 2019-10-01: prepared by J. Analyst")


def test_a_long_briefing_lists_its_sections_with_their_pages(demo_database: Database, tmp_path: Path) -> None:
    populate(demo_database, incidents=60, facilities=4, plan_items=40, today=AS_OF)
    output = tmp_path / "long.pdf"

    pages = write_briefing(demo_database, output, BriefingOptions(as_of=AS_OF, marking="CUI"))

    assert pages > 3
    first = page_lines(output, 1, "-raw")
    start = first.index("Contents") + 1
    listed = {}
    for line in first[start : start + len(SECTIONS)]:
        match = re.fullmatch(r"(.+) (\d+)", line)
        assert match, line
        listed[match[1]] = int(match[2])
    assert list(listed) == list(SECTIONS)
    assert listed == section_starts(output)  # every heading drawn, on the page the contents give
    assert listed["Incidents"] < listed["Pending referral for prosecution"] <= listed["Security plan items"]


def test_a_long_facility_name_is_whole_in_tables_and_charts(demo_database: Database, tmp_path: Path) -> None:
    facility = FacilityService(demo_database).create(Facility(LONG_NAME, state="GA", security_level=SecurityLevel.III))
    IncidentService(demo_database).create(
        Incident(facility.uuid, "Fence cut at the training campus", occurred=PartialDate.parse("2019-09-03"))
    )
    output = tmp_path / "long-name.pdf"

    write_briefing(demo_database, output, BriefingOptions(as_of=AS_OF))

    assert pdf_text(output).count(LONG_NAME) == 2  # the incident table and the reassessments due
    figures = briefing_content(demo_database, BriefingOptions(as_of=AS_OF)).figures
    chart = facility_chart(figures.facilities, wrap=NAME_WIDTH)
    label = next(label for label in chart.axis_labels if label.startswith("Federal"))
    lines = label.split("\n")
    assert " ".join(lines) == LONG_NAME and len(lines) == 3 and all(len(line) <= NAME_WIDTH for line in lines)
    assert ranking_height([LONG_NAME] * 10) > ranking_height([LONG_NAME]) == CHART_HEIGHT  # room for 3 lines a bar


def test_incident_row_milestones_with_charges_and_undated_arrests() -> None:
    charged = Incident("f", "Arson at the gate", arrests_count=1, status_history=(
        StatusChange.on_day(CaseStatus.CHARGED, date(2019, 10, 2), agency="USAO S.D. Fla.", charges="arson & threats"),
    ))  # fmt: skip
    row = incident_row(charged, redacted=True)
    assert '<b>Arrest</b><br><span class="small">date not recorded</span>' in row  # counted, no entry
    assert '<b>Charged 2019-10-02</b><br><span class="small">USAO S.D. Fla.; arson &amp; threats</span>' in row
    assert "none recorded" in incident_row(Incident("f", "Graffiti"), redacted=True)


def test_dialog_marking_names_the_file_and_is_remembered(
    qtbot: QtBot,
    plain_window: QMainWindow,
    demo_database: Database,
    tmp_path: Path,
    sessions: DatabaseSessions,
    qsettings: object,
) -> None:
    settings = WindowSettings(qsettings)  # type: ignore[arg-type]
    actions = ReportActions(plain_window, Session(demo_database, sessions), IncidentFilter, today=lambda: AS_OF,
                            default_directory=tmp_path, settings=settings)  # fmt: skip
    dialog = open_dialog(qtbot, actions)
    assert dialog.path_edit.text() == str(tmp_path / "briefing-2019-10-01.pdf")
    assert dialog.marking.currentText() == "" and dialog.prepared_by.text() == computer_user()

    marking = dialog.marking.lineEdit()
    assert marking is not None
    marking.setFocus()
    qtbot.keyClicks(marking, "LES")
    assert dialog.path_edit.text() == str(tmp_path / "briefing-2019-10-01-LES.pdf")  # follows the marking
    dialog.prepared_by.setFocus()
    dialog.prepared_by.selectAll()
    qtbot.keyClicks(dialog.prepared_by, "J. Analyst")
    with qtbot.waitSignal(actions.exported, timeout=20_000) as exported:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    path = Path(exported.args[0])
    assert path.name == "briefing-2019-10-01-LES.pdf"
    assert marked(page_lines(path, 1), "LES") and "Prepared by J. Analyst." in pdf_text(path)
    assert (settings.briefing_marking(), settings.briefing_prepared_by()) == ("LES", "J. Analyst")

    again = open_dialog(qtbot, actions)  # remembered for the next briefing
    assert again.marking.currentText() == "LES" and again.prepared_by.text() == "J. Analyst"
    assert again.path_edit.text() == str(tmp_path / "briefing-2019-10-01-LES.pdf")
    again.path_edit.setFocus()
    again.path_edit.selectAll()
    qtbot.keyClicks(again.path_edit, str(tmp_path / "mine.pdf"))
    again.marking.setCurrentText("CUI")
    assert again.path_edit.text() == str(tmp_path / "mine.pdf")  # a name typed is kept
    again.prepared_by.setText("x" * 101)
    assert not again.export_button.isEnabled() and "at most 100 fit on the page" in again.problem.text()
    qtbot.keyClick(again, Qt.Key.Key_Escape)


def test_report_command_marking_and_author(tmp_path: Path) -> None:
    assert run_cli(tmp_path, "demo").returncode == 0
    output = tmp_path / "marked.pdf"

    done = run_cli(tmp_path, "report", "-o", str(output), "--as-of", "2019-10-01", "--marking", "CUI",
                   "--prepared-by", "J. Analyst")  # fmt: skip

    assert done.returncode == 0, done.stderr
    pages = pdf_pages(output)
    assert all(marked(page_lines(output, page), "CUI") for page in range(1, pages + 1))
    assert "Prepared by J. Analyst." in pdf_text(output)
    refused = run_cli(tmp_path, "report", "-o", str(tmp_path / "x.pdf"), "--marking", "X" * 61)
    assert refused.returncode == 2 and "the handling marking has 61 characters" in refused.stderr
    assert not (tmp_path / "x.pdf").exists()
