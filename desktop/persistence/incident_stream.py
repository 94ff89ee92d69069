"""Every incident a query selects as records with their weapons, legal history and related incidents, read as
plain rows a chunk at a time (exports): several times faster than loading ORM objects, in constant memory."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Select, literal, select
from sqlalchemy.orm import Session, aliased

from desktop.domain.records import Incident
from desktop.domain.values import PartialDate, StatusChange, Weapon
from desktop.persistence import mapping
from desktop.persistence.models import FacilityRow, IncidentLinkRow, IncidentRow, StatusChangeRow, WeaponRow

_OWN = ("id", "uuid", "version", "created_at", "updated_at", *mapping.INCIDENT_SCALARS, "occurred_precision",
        "occurred_on", "occurred_end", "occurred_time", "occurred_approximate", "occurred_time_of_day")  # fmt: skip
_CHANGE = ("incident_id", "status", "changed_on", "changed_precision", "changed_until", "changed_approximate", "note",
           "recorded_at", "agency", "reference", "charges")  # fmt: skip


def incident_columns_query(withheld: frozenset[str] = frozenset()) -> Select[Any]:
    """The incidents' own columns and their facility's uuid and name, in id order (add the filter's conditions);
    a `withheld` column (one this login may not read) is never named: an empty text stands in its place."""
    return (
        select(*(literal("").label(name) if name in withheld else getattr(IncidentRow, name) for name in _OWN),
               FacilityRow.uuid.label("facility_uuid"),
               FacilityRow.name.label("facility_name"), IncidentRow.created_by, IncidentRow.updated_by)
        .join(FacilityRow, IncidentRow.facility_id == FacilityRow.id)
        .order_by(IncidentRow.id)
    )  # fmt: skip


def stream_records(session: Session, query: Select[Any], size: int) -> Iterator[list[Incident]]:
    """The incidents `query` (incident_columns_query with conditions) selects, `size` at a time."""
    result = session.execute(query.execution_options(yield_per=size))
    for rows in result.partitions():
        yield _records(session, rows)


def _records(session: Session, rows: Sequence[Any]) -> list[Incident]:
    ids = [row.id for row in rows]
    weapons: dict[int, list[Weapon]] = defaultdict(list)
    armed = select(WeaponRow.incident_id, WeaponRow.weapon_type, WeaponRow.subtype).where(
        WeaponRow.incident_id.in_(ids)).order_by(WeaponRow.incident_id, WeaponRow.position)  # fmt: skip
    for incident_id, weapon_type, subtype in session.execute(armed):
        weapons[incident_id].append(Weapon(weapon_type, subtype))
    history: dict[int, list[StatusChange]] = defaultdict(list)
    changes = select(*(getattr(StatusChangeRow, name) for name in _CHANGE)).where(
        StatusChangeRow.incident_id.in_(ids)).order_by(StatusChangeRow.incident_id, StatusChangeRow.id)  # fmt: skip
    for incident_id, status, on, precision, until, approximate, note, recorded_at, agency, reference, charges in (
            session.execute(changes)):  # fmt: skip
        changed = PartialDate(precision, on, until=until, approximate=approximate)  # as mapping.status_change_record
        history[incident_id].append(StatusChange(status, changed, note, recorded_at, agency, reference, charges))
    related: dict[int, list[str]] = defaultdict(list)
    other = aliased(IncidentRow)
    links = (select(IncidentLinkRow.incident_id, other.uuid).join(other, IncidentLinkRow.related_id == other.id)
             .where(IncidentLinkRow.incident_id.in_(ids))
             .order_by(IncidentLinkRow.incident_id, IncidentLinkRow.position))  # fmt: skip
    for incident_id, related_uuid in session.execute(links):
        related[incident_id].append(related_uuid)
    scalars = len(mapping.INCIDENT_SCALARS)
    withheld = mapping.withheld_of_session(session)
    records = []
    for row in rows:  # by position: a row's attribute look-ups by name cost more than the rest together
        values = tuple(row)
        incident_id, uuid, version, created_at, updated_at = values[:5]
        precision, on, end, at, approximate, band, facility_uuid, facility_name, made_by, changed_by = values[
            5 + scalars :
        ]
        records.append(Incident(
            **dict(zip(mapping.INCIDENT_SCALARS, values[5 : 5 + scalars], strict=True)),
            facility_uuid=facility_uuid, facility_name=facility_name,
            occurred=mapping.stored_date(precision, on, end, at=at, approximate=approximate, time_of_day=band),
            related_uuids=tuple(related[incident_id]), weapons=tuple(weapons[incident_id]),
            status_history=tuple(history[incident_id]), uuid=uuid, version=version, created_at=created_at,
            updated_at=updated_at, withheld=withheld, created_by=made_by, updated_by=changed_by,
        ))  # fmt: skip
    return records
