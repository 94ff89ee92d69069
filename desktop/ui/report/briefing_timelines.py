"""The briefing's "Case timelines": for each incident listed, its chronology (date, kind, what), redacted as the
briefing is."""

from __future__ import annotations

from html import escape

from desktop.domain.evidence import TimelineEntry, TimelineKind
from desktop.domain.records import Incident
from desktop.services.briefing import BriefingContent

HEADING = "Case timelines"
LINES_PER_CASE = 40  # the most recent lines of a long timeline; its CSV export has them all
GRID = 'class="grid" width="100%" border="0.5" cellspacing="0" cellpadding="2"'


def _line(entry: TimelineEntry, incident: Incident) -> str:
    occurred = entry.kind is TimelineKind.INCIDENT and entry.text.startswith("Occurred: ")
    what = "Occurred" if occurred else escape(entry.text)  # the title is over the table
    if entry.source and entry.source != incident.facility_name:  # said in the incident table
        what += f' <span class="small">({escape(entry.source)})</span>'
    return f"<tr><td>{escape(entry.happened.label())}</td><td>{escape(entry.kind.label)}</td><td>{what}</td></tr>"


def case_timeline(incident: Incident, entries: tuple[TimelineEntry, ...]) -> str:
    """The incident's title (and case number) over its lines, the latest LINES_PER_CASE of them."""
    name = escape(" ".join(incident.title.split()))
    if incident.case_number:
        name += f" — {escape(incident.case_number)}"
    if not entries:
        return f'<p><b>{name}</b><br><span class="small">nothing dated recorded</span></p>'
    shown = entries[-LINES_PER_CASE:]
    left_out = len(entries) - len(shown)
    note = f'<br><span class="small">{left_out:,} earlier lines left out</span>' if left_out else ""
    head = '<th width="16%">Date</th><th width="12%">Kind</th><th>What (source)</th>'
    rows = "".join(_line(entry, incident) for entry in shown)
    return f"<p><b>{name}</b>{note}</p><table {GRID}><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def timelines_section(content: BriefingContent) -> str:
    """One timeline per incident of the incident table, in its order."""
    note = "Each incident's dated record: events, legal status, attachments, custody and plan items, oldest first."
    if content.redacted:
        note += " Sensitive attachments are withheld and suspects are not named."
    if not content.incidents:
        return f"<h2>{HEADING}</h2><p>No incident in the period.</p>"
    cases = "".join(case_timeline(incident, content.timelines.get(incident.uuid, ()))
                    for incident in content.incidents)  # fmt: skip
    return f'<h2>{HEADING}</h2><p class="note">{escape(note)}</p>{cases}'
