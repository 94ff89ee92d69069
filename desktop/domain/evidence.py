"""Evidence kept with the case: attachments, their custody log, and an incident's timeline (records and rules)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop.domain.kinds import RecordKind
from desktop.domain.values import PartialDate

MAX_ATTACHMENT_BYTES = 512 * 1024 * 1024  # one file; a 200 MB video fits, a disk image does not
CHUNK_BYTES = 1024 * 1024  # the stored pieces of a file: reading and writing never hold more than this
TEXT_LIMIT = 4000  # characters of a description, custody note, purpose or timeline text


class EvidenceKind(StrEnum):
    """The audited kinds of evidence records; the value is the audit trail's entity name."""

    ATTACHMENT = "attachment"
    CUSTODY = "custody_entry"
    TIMELINE_EVENT = "timeline_event"

    @property
    def label(self) -> str:
        return {"custody_entry": "custody entry", "timeline_event": "timeline event"}.get(self.value, self.value)


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file kept with a record: its bytes are stored once per SHA-256, this says whose, what and since when."""

    owner_kind: RecordKind
    owner_uuid: str
    file_name: str
    media_type: str
    size: int
    sha256: str
    added_at: datetime | None = None
    added_by: str = ""
    description: str = ""
    sensitive: bool = False  # left out of redacted exports, briefings and evidence packages
    uuid: str = ""
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None
    created_by: str | None = None  # set by the database: the user (None: not known)
    updated_by: str | None = None

    @property
    def shown_name(self) -> str:
        """The name a redacted output may show."""
        return "(sensitive attachment withheld)" if self.sensitive else self.file_name


@dataclass(frozen=True, slots=True)
class CustodyEntry:
    """One hand-over of an attachment's evidence, as the custody log keeps it (append-only)."""

    attachment_uuid: str
    received_from: str
    received_by: str
    happened: PartialDate
    purpose: str = ""
    note: str = ""
    recorded_at: datetime | None = None
    uuid: str = ""


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A free-form dated event of an incident's chronology (a call, a visit, a court hearing), with its source."""

    incident_uuid: str
    happened: PartialDate
    text: str
    source: str = ""
    uuid: str = ""
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None
    created_by: str | None = None  # set by the database: the user (None: not known)
    updated_by: str | None = None


class TimelineKind(StrEnum):
    """What a line of an incident's chronology comes from."""

    INCIDENT = "incident"  # occurred, discovered, reported
    EVENT = "event"
    STATUS = "status"
    ATTACHMENT = "attachment"
    CUSTODY = "custody"
    PLAN_ITEM = "plan_item"

    @property
    def label(self) -> str:
        return {"incident": "Incident", "event": "Event", "status": "Legal status", "attachment": "Attachment",
                "custody": "Custody", "plan_item": "Plan item"}[self.value]  # fmt: skip


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated line of an incident's chronology."""

    happened: PartialDate
    kind: TimelineKind
    text: str
    source: str = ""
    ref_uuid: str = ""  # the event, attachment or plan item it comes from ("" for the incident itself)
    recorded_at: datetime | None = None
    sensitive: bool = False  # names a sensitive attachment (only in an unredacted chronology)

    @property
    def sort_key(self) -> tuple[object, ...]:
        """Unknown dates first, then by first possible day, time, and the order things were recorded."""
        happened = self.happened
        return (happened.on is not None, happened.on or datetime.min.date(), happened.at is not None,
                happened.at or datetime.min.time(), self.recorded_at or datetime.min)  # fmt: skip


def text_problems(name: str, value: str, *, required: bool = False, limit: int = TEXT_LIMIT) -> list[str]:
    """What is wrong with a free text (empty when required, too long)."""
    if required and not value.strip():
        return [f"{name} is required"]
    if len(value) > limit:
        return [f"{name} is {len(value):,} characters long; at most {limit:,}"]
    return []


def custody_problems(entry: CustodyEntry, today: datetime) -> list[str]:
    """A custody entry names both hands and a date that is known and not in the future."""
    problems = text_problems("received from", entry.received_from, required=True, limit=300)
    problems += text_problems("received by", entry.received_by, required=True, limit=300)
    problems += text_problems("purpose", entry.purpose) + text_problems("note", entry.note)
    problems += _date_problems("the date", entry.happened, today)
    return problems


def event_problems(event: TimelineEvent, today: datetime) -> list[str]:
    """A timeline event says what happened, from which source, and when (as precisely as it is known)."""
    problems = text_problems("the text", event.text, required=True) + text_problems("the source", event.source,
                                                                                     limit=300)  # fmt: skip
    return problems + _date_problems("the date", event.happened, today)


def _date_problems(name: str, happened: PartialDate, today: datetime) -> list[str]:
    if not happened.is_known:
        return [f"{name} is required (a year, a month, a day or a range will do)"]
    problems = [f"{name}: {problem}" for problem in happened.problems()]
    if happened.on is not None and happened.on > today.date():
        problems.append(f"{name} {happened.label()} is in the future")
    return problems


def size_text(size: int) -> str:
    """ "812 bytes", "3.1 MB", "1.2 GB" (decimal units, as file managers show them)."""
    if size < 1000:
        return f"{size} byte{'s' if size != 1 else ''}"
    for unit, scale in (("KB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        if size < scale * 1000 or unit == "GB":
            return f"{size / scale:.1f} {unit}"
    raise AssertionError("unreachable")
