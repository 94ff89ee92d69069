"""Conversion between evidence rows (attachments, custody entries, timeline events) and their domain records."""

from __future__ import annotations

from typing import Any

from desktop.domain.enums import DatePrecision
from desktop.domain.evidence import Attachment, CustodyEntry, TimelineEvent
from desktop.domain.values import PartialDate
from desktop.persistence.models import AttachmentRow, CustodyEntryRow, HappenedColumns, TimelineEventRow

ATTACHMENT_FIELDS = ("owner_kind", "owner_uuid", "file_name", "media_type", "size", "sha256", "added_at",
                     "added_by", "description", "sensitive")  # fmt: skip


def happened_of(row: HappenedColumns) -> PartialDate:
    return PartialDate(row.happened_precision, row.happened_on, row.happened_time, row.happened_until,
                       row.happened_approximate, row.happened_time_of_day)  # fmt: skip


def happened_columns(happened: PartialDate) -> dict[str, Any]:
    known = happened.is_known
    return {"happened_precision": happened.precision if known else DatePrecision.UNKNOWN,
            "happened_on": happened.on if known else None, "happened_until": happened.until if known else None,
            "happened_time": happened.at if known else None, "happened_approximate": happened.approximate and known,
            "happened_time_of_day": happened.time_of_day if known else None}  # fmt: skip


def attachment_record(row: AttachmentRow) -> Attachment:
    return Attachment(**{name: getattr(row, name) for name in ATTACHMENT_FIELDS}, uuid=row.uuid,
                      version=row.version, created_at=row.created_at, updated_at=row.updated_at,
                      created_by=row.created_by, updated_by=row.updated_by)  # fmt: skip


def custody_record(row: CustodyEntryRow, attachment_uuid: str) -> CustodyEntry:
    return CustodyEntry(attachment_uuid, row.received_from, row.received_by, happened_of(row), row.purpose,
                        row.note, row.recorded_at, row.uuid)  # fmt: skip


def event_record(row: TimelineEventRow, incident_uuid: str) -> TimelineEvent:
    return TimelineEvent(incident_uuid, happened_of(row), row.text, row.source, row.uuid, row.version,
                         row.created_at, row.updated_at, row.created_by, row.updated_by)  # fmt: skip
