"""Case facts in the briefing: the pending-referral section, "possibly" marks and counts, GTD breakdowns; in the
HTML and in the PDF's text (poppler's pdftotext)."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from test_briefing_pdf import pdf_text
from test_dashboard_facts import MOLOTOV, PENDING, add_pending_case

from desktop.domain.values import PartialDate
from desktop.persistence.unit_of_work import Database
from desktop.services.briefing import BriefingOptions, briefing_content
from desktop.services.records import IncidentService
from desktop.ui.report import write_briefing
from desktop.ui.report.briefing_html import briefing_html

AS_OF = date(2019, 10, 1)
FROM_15TH = BriefingOptions(occurred_from=date(2019, 8, 15), as_of=AS_OF)
poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")


@pytest.fixture
def facts_database(demo_database: Database) -> Database:
    """The demo data with Lake Worth entered as "2019-08" (month) and an arrest not referred (2019-09-02)."""
    service = IncidentService(demo_database)
    lake_worth = next(i for i in service.page() if i.title == MOLOTOV)
    service.update(replace(lake_worth, occurred=PartialDate.parse("2019-08")))
    add_pending_case(demo_database)
    return demo_database


def test_html_marks_possibly_and_lists_the_pending_referrals(qapp: object, facts_database: Database) -> None:
    content = briefing_content(facts_database, FROM_15TH)

    html = briefing_html(content, [])

    assert [i.title for i in content.incidents] == [PENDING, MOLOTOV]
    assert [content.possibly(i) for i in content.incidents] == [False, True]
    assert html.count("<i>possibly</i>") == 1
    assert "1 possibly in the period" in html
    start = html.index("<h2>Pending referral for prosecution</h2>")
    pending = html[start : html.index("<h2>", start + 1)]
    assert PENDING in pending and "arrest 2019-09-02" in pending and "29 days" in pending
    assert "Shots fired" not in pending and MOLOTOV not in pending  # not pending: referred in 2019-09


def test_html_says_so_when_nothing_is_pending_or_possibly(qapp: object, demo_database: Database) -> None:
    july = BriefingOptions(occurred_from=date(2019, 7, 1), occurred_to=date(2019, 7, 31), as_of=AS_OF)
    content = briefing_content(demo_database, july)
    html = briefing_html(content, [])
    assert "No case is waiting for a referral for prosecution." in html
    assert "<i>possibly</i>" not in html and "possibly in the period" not in html


@poppler
def test_pdf_text_has_the_section_the_marks_and_the_counts(
    qapp: object, facts_database: Database, tmp_path: Path
) -> None:
    output = tmp_path / "facts.pdf"

    write_briefing(facts_database, output, FROM_15TH)

    text = pdf_text(output)
    assert re.search(r"Incidents 2 1 possibly in the period\b", text), text[:600]
    assert re.search(r"Pending referral 1\b", text)
    assert re.search(r"2019-08 possibly USCIS office, Florida", text)  # the mark under Lake Worth's date
    section = text[text.index("Pending referral for prosecution") :]
    assert f"{PENDING} Arrest made ICE office, San Antonio arrest 2019-09-02 29 days" in section
