"""What a briefing report holds for a period and facilities: figures, incidents (redacted on request), plan items."""

from __future__ import annotations

import getpass
import os
import re
import sys
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from desktop.domain.evidence import TimelineEntry
from desktop.domain.figures import DirectiveProgress
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import IncidentFilter, Page
from desktop.domain.records import SENSITIVE_INCIDENT_FIELDS, Incident, PlanItem
from desktop.persistence.unit_of_work import Database, UnitOfWork
from desktop.services.case_facts import PendingReferral, PendingReferrals, pending_referrals, possibly_in_filter
from desktop.services.dashboard import DashboardData, collect, describe_filter
from desktop.services.timeline import chronology

MAX_ROWS = 500  # default cap of the incident and plan-item tables; the totals are always given
MARKING_LIMIT, PREPARED_BY_LIMIT = 60, 100  # characters: they must fit in the page header and footer
MARKINGS = ("CUI", "LAW ENFORCEMENT SENSITIVE", "FOR OFFICIAL USE ONLY")  # offered by the dialog; any text will do


@dataclass(frozen=True, slots=True)
class BriefingOptions:
    """Period (inclusive, either end open), facilities (none: all), redaction, the day deadlines are measured on,
    the handling marking printed on every page (none by default) and who prepared it (empty: the computer's user)."""

    occurred_from: date | None = None
    occurred_to: date | None = None
    facility_uuids: tuple[str, ...] = ()
    redact: bool = True
    as_of: date | None = None  # None: today
    max_rows: int = MAX_ROWS
    title: str = "Facility security briefing"
    marking: str = ""  # "CUI", "LAW ENFORCEMENT SENSITIVE": in the header and footer of every page
    prepared_by: str = ""

    def problems(self) -> list[str]:
        """What is wrong with these options, in words (empty when they can be used)."""
        found = []
        if self.occurred_from and self.occurred_to and self.occurred_from > self.occurred_to:
            found.append(f"the period starts ({self.occurred_from}) after it ends ({self.occurred_to})")
        if self.max_rows < 0:
            found.append("the number of table rows cannot be negative")
        if not self.title.strip():
            found.append("the title is empty")
        for name, text, limit in (("handling marking", self.marking, MARKING_LIMIT),
                                  ("name under Prepared by", self.prepared_by, PREPARED_BY_LIMIT)):  # fmt: skip
            if "\n" in text or "\r" in text:
                found.append(f"the {name} must be one line")
            if len(text.strip()) > limit:
                found.append(f"the {name} has {len(text.strip())} characters, at most {limit} fit on the page")
        return found

    def incident_filter(self) -> IncidentFilter:
        return IncidentFilter(
            facility_uuids=self.facility_uuids, occurred_from=self.occurred_from, occurred_to=self.occurred_to
        )


@dataclass(frozen=True, slots=True)
class BriefingContent:
    options: BriefingOptions
    as_of: date
    generated_at: datetime
    scope: str  # the period and facilities in words
    facility_names: tuple[str, ...]  # of options.facility_uuids, in the same order
    figures: DashboardData
    incidents: tuple[Incident, ...]  # newest first, at most options.max_rows; redacted when options.redact
    incidents_total: int
    pending: PendingReferrals = field(default=PendingReferrals((), 0))  # of the facilities, whatever the period
    plan_items: tuple[PlanItem, ...] = field(default=())  # open ones and those due in the period, earliest first
    plan_items_total: int = 0
    prepared_by: str = ""  # options.prepared_by, or the computer's user when that is empty
    timelines: dict[str, tuple[TimelineEntry, ...]] = field(default_factory=dict)  # of each incident shown, by uuid

    @property
    def marking(self) -> str:
        return self.options.marking.strip()

    @property
    def redacted(self) -> bool:
        return self.options.redact

    @property
    def directives(self) -> tuple[DirectiveProgress, ...]:
        """The directives reaching the briefing's facilities (all of them without a choice), with their progress."""
        return self.figures.directives

    def possibly(self, incident: Incident) -> bool:
        """Whether `incident` only possibly lies in the period (approximate, or reaching outside it)."""
        return possibly_in_filter(incident, self.options.incident_filter())


def computer_user() -> str:
    """The name of the person logged in: the full name of the account when it has one, else the login name
    (empty when neither can be read)."""
    try:
        login = getpass.getuser()
    except (OSError, KeyError):
        return ""
    if sys.platform != "win32":
        import pwd

        try:
            full = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
        except KeyError:
            full = ""
        return full or login
    return login


def suggested_file_name(day: date, marking: str = "") -> str:
    """The PDF's file name: "briefing-2019-09-12.pdf", with the marking "briefing-2019-09-12-CUI.pdf"
    ("LAW ENFORCEMENT SENSITIVE" as LAW-ENFORCEMENT-SENSITIVE, "CUI//SP-PRVCY" as CUI-SP-PRVCY)."""
    tag = "-".join(re.findall(r"[A-Za-z0-9]+", marking))
    return f"briefing-{day.isoformat()}{'-' + tag if tag else ''}.pdf"


def redact(incident: Incident) -> Incident:
    """The incident without its sensitive fields (suspect names, personal details)."""
    blanks: dict[str, Any] = {name: "" for name in SENSITIVE_INCIDENT_FIELDS}
    return replace(incident, **blanks)


def suspect_names_of(incident: Incident) -> list[str]:
    """The names in an incident's suspect names field ("A. Suspect; B. Other" → both), longest first."""
    names = {name.strip() for name in re.split(r"[;,\n]| and ", incident.suspect_names) if len(name.strip()) >= 3}
    return sorted(names, key=len, reverse=True)


def withhold_names(entries: list[TimelineEntry], incident: Incident) -> tuple[TimelineEntry, ...]:
    """A redacted chronology never names a suspect, even in an event's own words: each name becomes "[withheld]"."""
    names = suspect_names_of(incident)
    if not names:
        return tuple(entries)
    pattern = re.compile("|".join(re.escape(name) for name in names), re.IGNORECASE)
    return tuple(replace(entry, text=pattern.sub("[withheld]", entry.text), source=pattern.sub("[withheld]",
                                                                                               entry.source))
                 for entry in entries)  # fmt: skip


def _timelines(uow: UnitOfWork, incidents: list[Incident], redacted: bool) -> dict[str, tuple[TimelineEntry, ...]]:
    """Each incident's chronology; redacted: sensitive attachments withheld and no suspect named."""
    found = {}
    for incident in incidents:
        lines = chronology(incident, uow, redact=redacted)
        found[incident.uuid] = withhold_names(lines, incident) if redacted else tuple(lines)
    return found


def _facility_names(uow: UnitOfWork, uuids: tuple[str, ...]) -> tuple[str, ...]:
    if not uuids:
        return ()
    names = uow.facilities.names_of(uuids)
    missing = [uuid for uuid in uuids if uuid not in names]
    if missing:
        raise ValueError(f"no such {RecordKind.FACILITY.label}: {', '.join(missing)}")
    return tuple(names[uuid] for uuid in uuids)


def briefing_content(database: Database, options: BriefingOptions, now: datetime | None = None) -> BriefingContent:
    """Everything the briefing shows, read in one transaction; raises ValueError for unusable options."""
    if problems := options.problems():
        raise ValueError("; ".join(problems))
    if database.capabilities.withheld_fields:  # a team reader: nothing to show unredacted, and it says redacted
        options = replace(options, redact=True)
    generated_at = now or database.now()
    as_of = options.as_of or generated_at.date()
    where = options.incident_filter()
    with database.unit_of_work(write=False) as uow:
        names = _facility_names(uow, options.facility_uuids)
        figures = collect(uow, where, as_of)
        page = Page(limit=options.max_rows, sort="occurred", descending=True)
        incidents = uow.incidents.page(where, page, with_history=True)  # the legal milestones
        timelines = _timelines(uow, incidents, options.redact)
        plan_items, plan_total = uow.plans.open_or_due_within(
            where, options.occurred_from, options.occurred_to, options.max_rows
        )
        pending = pending_referrals(uow, IncidentFilter(facility_uuids=options.facility_uuids), as_of, options.max_rows)
    if options.redact:
        incidents = [redact(incident) for incident in incidents]
        cases = tuple(PendingReferral(redact(case.incident), case.arrested) for case in pending.cases)
        pending = PendingReferrals(cases, pending.total)
    return BriefingContent(
        options=options,
        as_of=as_of,
        generated_at=generated_at,
        scope=describe_filter(where, dict(zip(options.facility_uuids, names, strict=True))),
        facility_names=names,
        figures=figures,
        incidents=tuple(incidents),
        incidents_total=figures.casualties.incidents,
        pending=pending,
        plan_items=tuple(plan_items),
        plan_items_total=plan_total,
        prepared_by=options.prepared_by.strip() or computer_user(),
        timelines=timelines,
    )
