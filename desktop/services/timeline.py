"""An incident's chronology: its timeline events, legal history, attachments and custody, plan items, in one list."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import IO

from desktop.domain.enums import DatePrecision
from desktop.domain.evidence import TimelineEntry, TimelineEvent, TimelineKind, event_problems, size_text
from desktop.domain.kinds import RecordKind
from desktop.domain.records import Incident
from desktop.domain.values import PartialDate
from desktop.persistence.cipher import Passphrase
from desktop.persistence.unit_of_work import Database, UnitOfWork
from desktop.services.csv.sheet import neutralize_sheet
from desktop.services.export_audit import record_export
from desktop.services.protected_zip import ProtectedZip, entry_name, protected_target
from desktop.services.staged_output import StagedFile

TIMELINE_COLUMNS = ("date", "date_known_as", "kind", "text", "source", "recorded_at", "ref_uuid")


class TimelineError(ValueError):
    """A timeline event that cannot be saved, in words."""


def _day_of(moment: datetime) -> PartialDate:
    return PartialDate.of_day(moment.date())


def chronology(incident: Incident, uow: UnitOfWork, *, redact: bool = True) -> list[TimelineEntry]:
    """Every dated line of an incident, oldest first (unknown dates first). Redacted: a sensitive attachment is
    listed without its name or description, and its custody entries without names."""
    entries: list[TimelineEntry] = []
    if incident.occurred.is_known:
        entries.append(TimelineEntry(incident.occurred, TimelineKind.INCIDENT, f"Occurred: {incident.title}",
                                     incident.facility_name, "", incident.created_at))  # fmt: skip
    for label, moment in (("Discovered", incident.discovered_at), ("Reported", incident.reported_at)):
        if moment is not None:
            at = PartialDate(DatePrecision.EXACT, moment.date(), moment.time().replace(microsecond=0))
            entries.append(TimelineEntry(at, TimelineKind.INCIDENT, label, "", "", incident.created_at))
    for change in incident.status_history:
        details = [
            change.agency,
            f"reference {change.reference}" if change.reference else "",
            f"charges: {change.charges}" if change.charges else "",
            change.note,
        ]
        details = [part for part in details if part]
        text = change.status.label + (f" ({'; '.join(details)})" if details else "")
        entries.append(TimelineEntry(change.changed, TimelineKind.STATUS, text, change.agency, "",
                                     change.recorded_at))  # fmt: skip
    for event in uow.timeline.events(incident.uuid):
        entries.append(TimelineEntry(event.happened, TimelineKind.EVENT, event.text, event.source, event.uuid,
                                     event.created_at))  # fmt: skip
    for attachment in uow.timeline.attachments(incident.uuid):
        hidden = redact and attachment.sensitive
        name = attachment.shown_name if redact else attachment.file_name
        described = "" if hidden or not attachment.description else f": {attachment.description}"
        text = f"Attachment added: {name} ({attachment.media_type}, {size_text(attachment.size)}){described}"
        assert attachment.added_at is not None
        entries.append(TimelineEntry(_day_of(attachment.added_at), TimelineKind.ATTACHMENT, text,
                                     attachment.added_by, attachment.uuid, attachment.added_at,
                                     sensitive=attachment.sensitive and not redact))  # fmt: skip
    for entry, attachment in uow.timeline.custody(incident.uuid):
        if redact and attachment.sensitive:
            text = "Custody of a sensitive attachment changed hands"
        else:
            text = f"Custody of {attachment.file_name}: from {entry.received_from} to {entry.received_by}"
            text += f" ({entry.purpose})" if entry.purpose else ""
        entries.append(TimelineEntry(entry.happened, TimelineKind.CUSTODY, text, "", attachment.uuid,
                                     entry.recorded_at, sensitive=attachment.sensitive and not redact))  # fmt: skip
    for item in uow.timeline.plan_items(incident.uuid):
        assert item.created_at is not None
        entries.append(TimelineEntry(_day_of(item.created_at), TimelineKind.PLAN_ITEM,
                                     f"Plan item created: {item.description}", item.owner, item.uuid,
                                     item.created_at))  # fmt: skip
    return sorted(entries, key=lambda line: line.sort_key)


class TimelineService:
    """Timeline events (each change audited) and incidents' chronologies."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def _check(self, event: TimelineEvent) -> None:
        if problems := event_problems(event, self.database.now()):
            raise TimelineError("; ".join(problems))

    def add(self, event: TimelineEvent) -> TimelineEvent:
        self._check(event)
        with self.database.unit_of_work() as uow:
            added = uow.timeline.add(event)
            uow.commit()
            return added

    def update(self, event: TimelineEvent) -> TimelineEvent:
        self._check(event)
        with self.database.unit_of_work() as uow:
            saved = uow.timeline.update(event)
            uow.commit()
            return saved

    def delete(self, uuid: str) -> TimelineEvent:
        with self.database.unit_of_work() as uow:
            deleted = uow.timeline.delete(uuid)
            uow.commit()
            return deleted

    def get(self, uuid: str) -> TimelineEvent:
        with self.database.unit_of_work(write=False) as uow:
            return uow.timeline.get(uuid)

    def events(self, incident_uuid: str) -> list[TimelineEvent]:
        with self.database.unit_of_work(write=False) as uow:
            return uow.timeline.events(incident_uuid)

    def chronology(self, incident_uuid: str, *, redact: bool = True,
                   kinds: Iterable[TimelineKind] | None = None) -> list[TimelineEntry]:  # fmt: skip
        """The incident's chronology (of `kinds` only, when given)."""
        wanted = set(kinds) if kinds is not None else None
        with self.database.unit_of_work(write=False) as uow:
            incident = uow.incidents.get(incident_uuid)
            lines = chronology(incident, uow, redact=redact)
        return [line for line in lines if wanted is None or line.kind in wanted]

    def last_activity(self, incident_uuids: Sequence[str]) -> dict[str, datetime]:
        with self.database.unit_of_work(write=False) as uow:
            return uow.timeline.last_activity(incident_uuids)

    def export_csv(self, incident_uuid: str, target: Path, *, redact: bool = True,
                   protect: Passphrase | None = None) -> int:  # fmt: skip
        """Write the chronology as CSV (UTF-8 with BOM, spreadsheet-safe cells), whole or not at all; audited as an
        export. Returns the number of lines. With `protect`: as the one entry of a ZIP protected by that passphrase,
        `NAME.csv.zip` (protected_zip.protected_target), streamed into its encrypted entry."""
        lines = self.chronology(incident_uuid, redact=redact)
        written = target if protect is None else protected_target(target)
        with ExitStack() as stack:
            if protect is None:
                staged = StagedFile(target, stack)
                with open(staged.path, "w", encoding="utf-8-sig", newline="") as plain:
                    _write_lines(plain, lines)
                staged.commit()
            else:
                archive = ProtectedZip(written, protect, stack)
                with archive.text(entry_name(target, f"timeline-{incident_uuid[:8]}.csv"),
                                  encoding="utf-8-sig") as out:  # fmt: skip
                    _write_lines(out, lines)
                archive.commit()
        changes: dict[str, list[object]] = {"timeline_file": [None, written.name], "rows": [None, len(lines)],
                                            "sensitive_included": [None, not redact]}  # fmt: skip
        if protect is not None:
            changes["protected"] = [None, True]
        record_export(self.database, RecordKind.INCIDENT.key, incident_uuid, changes)
        return len(lines)


def _write_lines(out: IO[str], lines: list[TimelineEntry]) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(TIMELINE_COLUMNS)
    for line in lines:
        recorded = line.recorded_at.isoformat(sep=" ") if line.recorded_at else ""
        writer.writerow([line.happened.iso(" "), line.happened.describe(), line.kind.label,
                         neutralize_sheet(line.text), neutralize_sheet(line.source), recorded,
                         line.ref_uuid])  # fmt: skip
