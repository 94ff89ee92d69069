"""The briefing's case timelines: each incident listed with its chronology, redacted as the briefing is."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from test_briefing_pdf import AS_OF, pdf_text

from desktop.domain.enums import DatePrecision
from desktop.domain.evidence import TimelineEvent, TimelineKind
from desktop.domain.kinds import RecordKind
from desktop.domain.values import PartialDate
from desktop.persistence.unit_of_work import Database
from desktop.services.attachments import AttachmentService, NewFile
from desktop.services.briefing import BriefingOptions, briefing_content
from desktop.services.records import IncidentService
from desktop.services.timeline import TimelineService
from desktop.ui.report import write_briefing

SUSPECT = "Jonathan Q. Suspectson"
EVENT = "Phone call with the FBI field office"
poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")


@pytest.fixture
def case_database(demo_database: Database) -> tuple[Database, str]:
    """The demo data; the Molotov incident names a suspect, has an event naming him and a sensitive photo."""
    service = IncidentService(demo_database)
    molotov = next(i for i in service.page() if "Molotov" in i.title)
    service.update(replace(molotov, suspect_names=SUSPECT))
    TimelineService(demo_database).add(TimelineEvent(molotov.uuid, PartialDate(DatePrecision.MONTH, date(2019, 9, 1)),
                                                     f"{EVENT} about {SUSPECT}", "call log"))  # fmt: skip
    photo = NewFile.of_bytes("secret-name.jpg", b"\xff\xd8\xff" + bytes(100), sensitive=True)
    AttachmentService(demo_database).add(RecordKind.INCIDENT, molotov.uuid, [photo])
    return demo_database, molotov.uuid


def test_each_incident_listed_has_its_chronology(case_database: tuple[Database, str]) -> None:
    database, uuid = case_database
    content = briefing_content(database, BriefingOptions(as_of=AS_OF))

    assert set(content.timelines) == {incident.uuid for incident in content.incidents}
    lines = content.timelines[uuid]
    kinds = {line.kind for line in lines}
    assert {TimelineKind.INCIDENT, TimelineKind.STATUS, TimelineKind.EVENT, TimelineKind.ATTACHMENT} <= kinds
    event = next(line for line in lines if line.kind is TimelineKind.EVENT)
    assert event.text == f"{EVENT} about [withheld]"  # redacted: no suspect named, even in an event's words
    assert all("secret-name" not in line.text for line in lines)

    whole = briefing_content(database, BriefingOptions(as_of=AS_OF, redact=False))
    assert any(line.text == f"{EVENT} about {SUSPECT}" for line in whole.timelines[uuid])
    assert any("secret-name.jpg" in line.text for line in whole.timelines[uuid])


def test_only_the_incidents_shown_get_a_timeline(case_database: tuple[Database, str]) -> None:
    database, _uuid = case_database
    content = briefing_content(database, BriefingOptions(as_of=AS_OF, max_rows=1))
    assert len(content.incidents) == 1 and list(content.timelines) == [content.incidents[0].uuid]


@poppler
def test_the_pdf_has_the_section_and_withholds_what_is_sensitive(
    qapp: object, case_database: tuple[Database, str], tmp_path: Path
) -> None:
    database, _uuid = case_database
    redacted, whole = tmp_path / "redacted.pdf", tmp_path / "whole.pdf"

    write_briefing(database, redacted, BriefingOptions(as_of=AS_OF))
    write_briefing(database, whole, BriefingOptions(as_of=AS_OF, redact=False))

    text = pdf_text(redacted)
    timelines = text[text.index("Case timelines Each incident") :]
    assert EVENT in timelines and "(call log)" in timelines
    assert "Molotov cocktail thrown at the USCIS office" in timelines
    assert "(sensitive attachment withheld)" in timelines
    assert "secret" not in text and "Suspectson" not in text
    assert date(2019, 9, 1).strftime("%Y-%m") in timelines
    text = pdf_text(whole)
    assert "name.jpg" in text and f"{EVENT} about {SUSPECT}" in text
