"""The briefing as Qt rich-text HTML: summary figures, chart images, incident, plan-item, directive and reassessment
tables."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from html import escape
from string import Template

from desktop.domain import figure_text
from desktop.domain.figures import DirectiveProgress
from desktop.domain.legal_history import arrest_undated, legal_milestones, milestone_text
from desktop.domain.records import Incident, PlanItem
from desktop.domain.values import Weapon
from desktop.services.briefing import BriefingContent
from desktop.services.case_facts import DamageBand
from desktop.services.plans import Deadline, ReassessmentDue, deadline_of
from desktop.ui.dashboard.chart_common import count_text, usd_text
from desktop.ui.palette import PRINT
from desktop.ui.report.briefing_facts import pending_section, period_note, possibly_mark, possibly_note
from desktop.ui.report.briefing_timelines import timelines_section
from desktop.ui.report.chart_images import FULL_WIDTH, HALF_WIDTH

Contents = Sequence[tuple[str, int]]  # the sections, each with the page it starts on

# Printed on white paper: the palette's print colours, whatever the window's theme.
OVERDUE_COLOUR, DUE_SOON_COLOUR = PRINT["overdue_background"], PRINT["due_soon_background"]
STYLE = Template("""
body { font-size: 9pt; color: $text; }
h1 { font-size: 17pt; margin-bottom: 2px; }
h2 { font-size: 12.5pt; margin-top: 14px; margin-bottom: 4px; }
p.meta { color: $secondary_text; margin-top: 0px; }
p.note { color: $secondary_text; font-size: 8pt; }
p.redaction { font-weight: bold; }
p.contents { font-size: 11pt; margin-top: 8px; margin-bottom: 2px; }
table.grid { border-collapse: collapse; }
table.grid th { background-color: $header_background; text-align: left; font-size: 8pt; }
table.grid td { font-size: 8pt; vertical-align: top; }
td.number { text-align: right; }
span.small { font-size: 7pt; color: $secondary_text; }
""").substitute(PRINT)
GRID = 'class="grid" width="100%" border="0.5" cellspacing="0" cellpadding="3"'
CHART_ROWS = (("by_facility", "by_state"), ("by_severity", "cases"), ("casualties", "plan_items"),
              ("targets", "damage"))  # fmt: skip


def _cell(text: str, *, css: str = "", colour: str | None = None) -> str:
    attributes = f' class="{css}"' if css else ""
    attributes += f' bgcolor="{colour}"' if colour else ""
    return f"<td{attributes}>{text}</td>"


def _table(headers: Sequence[str], rows: Iterable[str], widths: Sequence[int] = ()) -> str:
    head = "".join(
        f'<th width="{widths[i]}%">{escape(h)}</th>' if i < len(widths) else f"<th>{escape(h)}</th>"
        for i, h in enumerate(headers)
    )
    return f"<table {GRID}><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _known(value: int | None) -> str:
    return "?" if value is None else str(value)


def _casualties(incident: Incident) -> str:
    """Victims apart from perpetrators, as the incident table on screen says it."""
    people = (incident.victims_killed, incident.victims_injured, incident.perpetrators_killed,
              incident.perpetrators_injured)  # fmt: skip
    return escape(figure_text.incident_casualties(*people))


def _damage(incident: Incident) -> str:
    """The estimate when known, otherwise the GTD extent band ("No damage" is not "Unknown whether damaged")."""
    if incident.damage_estimate_usd is not None:
        return escape(usd_text(incident.damage_estimate_usd))
    return escape(DamageBand.of(incident.property_damage, incident.property_extent).label)


def _milestones(incident: Incident) -> str:
    """The arrests, referrals and charges of the legal history, each with its date and agency; "none recorded"."""
    lines = []
    if arrest_undated(incident.status_history, incident.arrests_count, incident.perpetrator_outcome):
        lines.append('<b>Arrest</b><br><span class="small">date not recorded</span>')
    for change in legal_milestones(incident.status_history):
        name, details = milestone_text(change)
        details = f'<br><span class="small">{escape(details)}</span>' if details else ""
        lines.append(f"<b>{escape(name)}</b>{details}")
    return "<br>".join(lines) or '<span class="small">none recorded</span>'


def incident_row(incident: Incident, redacted: bool, possibly: bool = False) -> str:
    """`possibly`: the incident only possibly lies in the period (marked under its date)."""
    details = escape(incident.description[:400] + ("…" if len(incident.description) > 400 else ""))
    kind = " / ".join(attack.label for attack in incident.attack_types)  # the primary first
    kind += "" if incident.completed else ", attempted"
    kind += f"; {Weapon.format_list(incident.weapons)}" if incident.weapons else ""
    text = f'<b>{escape(incident.title)}</b><br><span class="small"><i>{escape(kind)}</i></span>'
    if details:
        text += f'<br><span class="small">{details}</span>'
    if not redacted and (incident.suspect_names or incident.personal_details):
        text += (
            f'<br><span class="small"><b>Suspects:</b> {escape(incident.suspect_names) or "–"}; '
            f"<b>personal details:</b> {escape(incident.personal_details) or '–'}</span>"
        )
    occurred = escape(incident.occurred.label()).replace(" ", "<br>")  # the time under the day
    if possibly:
        occurred += possibly_mark()
    if incident.case_number:
        occurred += f'<br><span class="small">{escape(incident.case_number)}</span>'
    status = f"{escape(incident.severity.label)}<br>{escape(incident.status.label)}"
    changed_by = escape(incident.updated_by) if incident.updated_by is not None else "unknown"  # not recorded then
    status += f'<br><span class="small">last changed by {changed_by}</span>'
    cells = [
        _cell(occurred),
        _cell(escape(incident.facility_name)),
        _cell(text),
        _cell(status),
        _cell(_milestones(incident)),
        _cell(f"{_casualties(incident)}<br>damage: {_damage(incident)}"),
    ]
    return f"<tr>{''.join(cells)}</tr>"


def plan_row(item: PlanItem, today: date) -> str:
    state = deadline_of(item, today)
    colour = {Deadline.OVERDUE: OVERDUE_COLOUR, Deadline.DUE_THIS_WEEK: DUE_SOON_COLOUR}.get(state)
    due = item.due_date.isoformat() if item.due_date else "no date"
    if state is Deadline.OVERDUE:
        due += "<br><b>overdue</b>"
    elif state is Deadline.DUE_THIS_WEEK:
        due += "<br>due this week"
    status = escape(item.status.label)
    if item.risk_rationale:
        status += f'<br><span class="small">{escape(item.risk_rationale)}</span>'
    description = escape(item.description)
    if item.notes:
        description += f'<br><span class="small">{escape(item.notes)}</span>'
    cells = [due, escape(item.facility_name or "All facilities"), description, escape(item.owner), status]
    return f"<tr>{''.join(_cell(text, colour=colour) for text in cells)}</tr>"


def reassessment_row(item: ReassessmentDue, today: date) -> str:
    colour = OVERDUE_COLOUR if item.is_overdue(today) else DUE_SOON_COLOUR
    cells = [
        item.due_on.isoformat() if item.due_on else "now (never assessed)",
        escape(item.name),
        escape(item.state),
        item.security_level.label,
        item.last_assessment.isoformat() if item.last_assessment else "never",
    ]
    return f"<tr>{''.join(_cell(text, colour=colour) for text in cells)}</tr>"


def directive_row(progress: DirectiveProgress, today: date) -> str:
    overdue = progress.is_overdue(today)
    deadline = progress.deadline.isoformat() if progress.deadline else "none"
    if overdue:
        deadline += "<br><b>overdue</b>"
    cells = [deadline, escape(progress.title), escape(progress.text)]
    return f"<tr>{''.join(_cell(text, colour=OVERDUE_COLOUR if overdue else None) for text in cells)}</tr>"


def directives_section(content: BriefingContent) -> str:
    """The directives reaching the briefing's facilities, with deadline and plan items implemented."""
    directives = content.directives
    if not directives:
        return "<h2>Directives</h2><p>No directive reaches these facilities.</p>"
    overdue = sum(1 for progress in directives if progress.is_overdue(content.as_of))
    note = f"{count_text(len(directives))} directives, {count_text(overdue)} overdue (past the deadline with plan "
    note += "items not all implemented)"
    table = _table(["Deadline", "Directive", "Plan items"], (directive_row(p, content.as_of) for p in directives),
                   widths=(15, 60, 25))  # fmt: skip
    return f'<h2>Directives</h2><p class="note">{escape(note)}.</p>{table}'


def _summary(content: BriefingContent) -> str:
    figures = content.figures
    casualties, deadlines = figures.casualties, figures.deadlines
    overdue_reassessments = sum(1 for r in figures.reassessments if r.is_overdue(content.as_of))
    killed, injured, damage = (figure_text.killed(casualties), figure_text.injured(casualties),
                               figure_text.damage(casualties))  # fmt: skip
    incidents_notes = [period_note(content)]
    incidents_notes.append(f"{count_text(figures.months.undated)} with unknown date" if figures.months.undated else "")
    rows = [
        ("Incidents", count_text(casualties.incidents), "; ".join(note for note in incidents_notes if note)),
        ("Pending referral", count_text(content.pending.total), "arrest or known perpetrator, not yet referred"),
        ("Open cases", count_text(figures.cases.open), f"{count_text(figures.cases.closed)} closed or unfounded"),
        ("Killed", killed.sentence, killed.unknown),
        ("Injured", injured.sentence, injured.unknown),
        ("Property damage", damage.value, damage.full),
        ("Plan items overdue", count_text(deadlines.overdue),
         f"{count_text(deadlines.due_this_week)} due this week, {count_text(deadlines.open_items)} open"),
        ("Reassessments overdue", count_text(overdue_reassessments),
         f"{count_text(len(figures.reassessments) - overdue_reassessments)} more due within 90 days"),
    ]  # fmt: skip
    body = "".join(
        f"<tr><td>{escape(name)}</td><td class='number'><b>{escape(value)}</b></td><td>{escape(note)}</td></tr>"
        for name, value, note in rows
    )
    return f"<table {GRID}><tbody>{body}</tbody></table>"


def _charts(names: Sequence[str]) -> str:
    parts = [f'<p><img src="chart:months" width="{FULL_WIDTH}"></p>']
    for left, right in CHART_ROWS:
        if left in names and right in names:
            parts.append(
                f'<table width="100%" cellspacing="0" cellpadding="0"><tr>'
                f'<td><img src="chart:{left}" width="{HALF_WIDTH}"></td>'
                f'<td><img src="chart:{right}" width="{HALF_WIDTH}"></td></tr></table>'
            )
    return "".join(parts)


def redaction_notice(redacted: bool) -> str:
    if redacted:
        return "Redacted: suspect names and personal details are left out of this briefing."
    return "NOT REDACTED: this briefing contains suspect names and personal details. Handle accordingly."


def generated_text(content: BriefingContent) -> str:
    return f"{content.generated_at.strftime('%Y-%m-%d %H:%M')} UTC"


def contents_table(contents: Contents) -> str:
    """The table of contents: each section with the page it starts on (nothing for a short briefing)."""
    if not contents:
        return ""
    rows = "".join(f"<tr><td>{escape(name)}</td><td class='number'>{page}</td></tr>" for name, page in contents)
    return f'<p class="contents"><b>Contents</b></p><table width="45%" cellspacing="0" cellpadding="1">{rows}</table>'


def briefing_html(content: BriefingContent, chart_names: Sequence[str], contents: Contents = ()) -> str:
    """The whole briefing; `contents`: the sections and their pages, for the table of contents (none: left out)."""
    options = content.options
    today = content.as_of
    facilities = ", ".join(content.facility_names) or "all facilities"
    period = "all dates"
    if options.occurred_from or options.occurred_to:
        start = options.occurred_from.isoformat() if options.occurred_from else "the first record"
        end = options.occurred_to.isoformat() if options.occurred_to else "the latest record"
        period = f"{start} to {end}"
    shown = len(content.incidents)
    casualty_note = " Casualties: victims/perpetrators; ? is unknown."
    incident_note = (
        f"The {count_text(shown)} most recent of {count_text(content.incidents_total)} incidents; "
        "export CSV for the full list."
        if shown < content.incidents_total
        else f"All {count_text(content.incidents_total)} incidents, most recent first."
    )
    incident_note += possibly_note(content)
    incident_table = _table(
        ["Occurred, case", "Facility", "Incident, attack type", "Severity, status", "Arrest, referral, charges",
         "Casualties, damage"],
        (incident_row(incident, content.redacted, content.possibly(incident)) for incident in content.incidents),
        widths=(11, 14, 34, 12, 16, 13),
    )  # fmt: skip
    plan_table = _table(
        ["Due", "Facility", "Plan item", "Owner", "Status"],
        (plan_row(item, today) for item in content.plan_items),
        widths=(12, 18, 40, 15, 15),
    )
    reassessment_table = _table(
        ["Due", "Facility", "State", "FSL", "Last assessment"],
        (reassessment_row(item, today) for item in content.figures.reassessments),
        widths=(20, 45, 8, 7, 20),
    )
    plan_note = f"{count_text(content.plan_items_total)} open plan items or items due in the period"
    if len(content.plan_items) < content.plan_items_total:
        plan_note += f"; the first {count_text(len(content.plan_items))} by due date"
    prepared = f" Prepared by {escape(content.prepared_by)}." if content.prepared_by else ""
    return f"""<html><head><style>{STYLE}</style></head><body>
<h1>{escape(options.title)}</h1>
<p class="meta">Period: {escape(period)}. Facilities: {escape(facilities)}.<br>
Deadlines as of {today.isoformat()}; generated {generated_text(content)}.{prepared}</p>
<p class="redaction">{escape(redaction_notice(content.redacted))}</p>
{contents_table(contents)}
<h2>Summary</h2>{_summary(content)}
<h2>Charts</h2>{_charts(chart_names)}
<h2>Incidents</h2>
<p class="note">{escape(incident_note + casualty_note)}</p>{incident_table}
{pending_section(content)}
<h2>Security plan items</h2><p class="note">{escape(plan_note)}.</p>
{plan_table if content.plan_items else "<p>No plan item is open or due in the period.</p>"}
{directives_section(content)}
<h2>Security reassessments due</h2>
<p class="note">ISC cycle: every 3 years at FSL III–V, every 5 years at FSL I–II; listed up to 90 days ahead.</p>
{reassessment_table if content.figures.reassessments else "<p>No security reassessment is due.</p>"}
{timelines_section(content)}
</body></html>"""
