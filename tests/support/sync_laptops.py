"""Helpers of the synchronization tests: records made and edited on a laptop, the state two databases compare by."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

from desktop.domain.enums import CaseStatus, WeaponType
from desktop.domain.evidence import Attachment, CustodyEntry, TimelineEvent
from desktop.domain.kinds import RecordKind
from desktop.domain.records import Directive, Facility, Incident, PlanItem
from desktop.domain.values import PartialDate, Weapon
from desktop.persistence.unit_of_work import Database
from desktop.services.audit import verify_chain
from desktop.services.sync.snapshot import snapshot


def seed(db: Database, tag: str) -> dict[str, str]:
    """One record of every kind (and children) made on `db`; their uuids by name."""
    with db.unit_of_work() as uow:
        facility = uow.facilities.add(Facility(name=f"Facility {tag}", city="Tacoma"))
        directive = uow.directives.add(Directive(title=f"Directive {tag}"))
        first = uow.incidents.add(Incident(facility_uuid=facility.uuid, title=f"Fire {tag}",
                                           occurred=PartialDate.of_day(date(2024, 1, 2)),
                                           weapons=(Weapon(WeaponType.INCENDIARY, "molotov"),)))  # fmt: skip
        second = uow.incidents.add(Incident(facility_uuid=facility.uuid, title=f"Sign {tag}",
                                            related_uuids=(first.uuid,)))  # fmt: skip
        item = uow.plan_items.add(PlanItem(facility_uuid=facility.uuid, description=f"Fence {tag}",
                                           incident_uuids=(first.uuid,), directive_uuid=directive.uuid))  # fmt: skip
        event = uow.timeline.add(TimelineEvent(first.uuid, PartialDate.of_day(date(2024, 1, 3)), f"Called {tag}"))
        data = f"photo {tag}".encode()
        attachment = uow.attachments.add(Attachment(RecordKind.INCIDENT, first.uuid, f"{tag}.txt", "text/plain",
                                                    len(data), hashlib.sha256(data).hexdigest()), [data])  # fmt: skip
        uow.attachments.add_custody(CustodyEntry(attachment.uuid, "scene", f"officer {tag}",
                                                 PartialDate.of_day(date(2024, 1, 4))))  # fmt: skip
        uow.commit()
    return {"facility": facility.uuid, "directive": directive.uuid, "first": first.uuid, "second": second.uuid,
            "item": item.uuid, "event": event.uuid, "attachment": attachment.uuid}  # fmt: skip


def edit_incident(db: Database, uuid: str, **values: object) -> None:
    with db.unit_of_work() as uow:
        uow.incidents.update(replace(uow.incidents.get(uuid), **values))
        uow.commit()


def close_case(db: Database, uuid: str) -> None:
    edit_incident(db, uuid, status=CaseStatus.CLOSED)


def records(db: Database) -> dict[tuple[str, str], object]:
    """Every synchronized record's content, stamps and custody uuids (what two converged databases share)."""
    with db.unit_of_work(write=False) as uow:
        found = snapshot(uow)
    return {(kind.value, uuid): (snap.content, snap.record.created_at, snap.record.updated_at,
                                 snap.record.created_by, snap.record.updated_by, sorted(snap.custody))
            for (kind, uuid), snap in found.items()}  # fmt: skip


def assert_chain(db: Database) -> None:
    report = verify_chain(db)
    assert report.ok, report.problems
