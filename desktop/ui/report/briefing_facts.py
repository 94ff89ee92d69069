"""The briefing's case-fact parts: the pending-referral section, "possibly" marks and the period's count note."""

from __future__ import annotations

from html import escape

from desktop.services.briefing import BriefingContent
from desktop.services.case_facts import PENDING_REFERRAL_MEANS, POSSIBLY, POSSIBLY_MEANS, PendingReferral
from desktop.ui.dashboard.chart_common import count_text

GRID = 'class="grid" width="100%" border="0.5" cellspacing="0" cellpadding="3"'
HEADERS = (("Occurred, case", 13), ("Incident", 37), ("Facility", 20), ("Arrest or perpetrator", 18),
           ("Since arrest", 12))  # fmt: skip


def possibly_mark() -> str:
    """Under an incident's date in the incident table."""
    return f"<br><i>{POSSIBLY}</i>"


def period_note(content: BriefingContent) -> str:
    """ "1 possibly in the period" for the summary's incident row (empty without a period or none possibly)."""
    period = content.figures.facts.period
    return period.text() if period is not None else ""


def possibly_note(content: BriefingContent) -> str:
    """The sentence under the incident table explaining the marks (empty when none is marked)."""
    if not any(content.possibly(incident) for incident in content.incidents):
        return ""
    return f" The period includes every incident that may have occurred in it; {POSSIBLY_MEANS}."


def _row(case: PendingReferral, content: BriefingContent) -> str:
    incident = case.incident
    occurred = escape(incident.occurred.label())
    if incident.case_number:
        occurred += f'<br><span class="small">{escape(incident.case_number)}</span>'
    arrest = escape(case.arrest_text())
    if not content.redacted and incident.suspect_names.strip():
        arrest += f'<br><span class="small"><b>Suspects:</b> {escape(incident.suspect_names)}</span>'
    status = f'<br><span class="small">{escape(incident.status.label)}</span>'
    cells = (occurred, f"<b>{escape(incident.title)}</b>{status}", escape(incident.facility_name), arrest,
             escape(case.waiting_text(content.as_of)))  # fmt: skip
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def pending_section(content: BriefingContent) -> str:
    """The heading, what it lists, and the table of cases awaiting referral (longest waiting first)."""
    pending = content.pending
    facilities = "the chosen facilities" if content.facility_names else "all facilities"
    note = (
        f"{PENDING_REFERRAL_MEANS} {count_text(pending.total)} at {facilities}, whatever the period "
        f"(a referral is still owed); longest waiting first, days counted to {content.as_of.isoformat()}."
    )
    if len(pending.cases) < pending.total:
        note += f" The first {count_text(len(pending.cases))} are listed."
    head = "".join(f'<th width="{width}%">{escape(title)}</th>' for title, width in HEADERS)
    rows = "".join(_row(case, content) for case in pending.cases)
    table = f"<table {GRID}><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    body = table if pending.cases else "<p>No case is waiting for a referral for prosecution.</p>"
    return f'<h2>Pending referral for prosecution</h2><p class="note">{escape(note)}</p>{body}'
