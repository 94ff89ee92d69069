"""SQLAlchemy 2.0 ORM models; the schema itself is created by the Alembic migrations."""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from desktop.domain.enums import (
    Agency,
    AttackType,
    AuditAction,
    CaseStatus,
    DamageStatus,
    DatePrecision,
    DirectiveScope,
    FacilityType,
    OperatorKind,
    PerpetratorOutcome,
    PlanStatus,
    PropertyExtent,
    SecurityLevel,
    Severity,
    TargetType,
    TimeOfDay,
    WeaponType,
    YesNoUnknown,
)
from desktop.domain.kinds import RecordKind


def coded(enum: type[StrEnum], name: str) -> Enum:
    """A portable enumeration column: VARCHAR of the stable codes plus a CHECK constraint."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=40,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


SENSITIVE_GROUP = "sensitive"  # the deferred group of the sensitive incident columns
WITHHELD = "withheld"  # a session's info: the incident fields its login may not read (a frozenset of names)


class Base(DeclarativeBase):
    pass


class Versioned:
    """Timestamps and the optimistic-lock version shared by editable records."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_by: Mapped[str | None] = mapped_column(String(200), nullable=True)  # None: before users were recorded
    updated_by: Mapped[str | None] = mapped_column(String(200), nullable=True)


class FacilityRow(Versioned, Base):
    __tablename__ = RecordKind.FACILITY.table

    name: Mapped[str] = mapped_column(String(300), index=True)
    agency: Mapped[Agency] = mapped_column(coded(Agency, "agency"))
    facility_type: Mapped[FacilityType] = mapped_column(coded(FacilityType, "facility_type"))
    address: Mapped[str] = mapped_column(Text, default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    state: Mapped[str] = mapped_column(String(2), default="", index=True)
    zip_code: Mapped[str] = mapped_column(String(10), default="")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    # NULL and fsl_unknown: assessed, level not known; NULL alone: not assessed (the CHECK predates "unknown")
    security_level: Mapped[SecurityLevel | None] = mapped_column(coded(SecurityLevel, "security_level"))
    fsl_unknown: Mapped[bool] = mapped_column(Boolean, default=False)
    last_assessment: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    operator: Mapped[OperatorKind] = mapped_column(coded(OperatorKind, "operator_kind"))
    operator_name: Mapped[str] = mapped_column(String(300), default="")

    __mapper_args__ = {"version_id_col": Versioned.version}


# Per day: attack types, damage and casualties, so that the dashboard's GROUP BYs and sums read one index.
DASHBOARD_FIGURES = ("occurred_on", "attack_type", "property_damage", "damage_estimate_usd", "victims_killed",
                     "victims_injured", "perpetrators_killed", "perpetrators_injured")  # fmt: skip


class IncidentRow(Versioned, Base):
    __tablename__ = RecordKind.INCIDENT.table

    case_number: Mapped[str | None] = mapped_column(String(64), unique=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey(f"{RecordKind.FACILITY.table}.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(300))
    # A range is stored as precision "day" from occurred_on to a later occurred_end (the CHECK predates
    # "range"); occurred_end is the last day the date may be, for every precision (the period filters).
    occurred_precision: Mapped[DatePrecision] = mapped_column(coded(DatePrecision, "date_precision"))
    occurred_on: Mapped[date | None] = mapped_column(Date)
    occurred_end: Mapped[date | None] = mapped_column(Date)
    occurred_time: Mapped[time | None] = mapped_column(Time)
    occurred_approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    occurred_time_of_day: Mapped[TimeOfDay | None] = mapped_column(coded(TimeOfDay, "time_of_day"))
    discovered_at: Mapped[datetime | None] = mapped_column(DateTime)
    reported_at: Mapped[datetime | None] = mapped_column(DateTime)
    attack_type: Mapped[AttackType] = mapped_column(coded(AttackType, "attack_type"))
    completed: Mapped[bool] = mapped_column(Boolean, default=True)
    severity: Mapped[Severity] = mapped_column(coded(Severity, "severity"))
    victims_killed: Mapped[int | None] = mapped_column(Integer)
    victims_injured: Mapped[int | None] = mapped_column(Integer)
    perpetrators_killed: Mapped[int | None] = mapped_column(Integer)
    perpetrators_injured: Mapped[int | None] = mapped_column(Integer)
    property_damage: Mapped[DamageStatus] = mapped_column(coded(DamageStatus, "damage_status"))
    damage_estimate_usd: Mapped[int | None] = mapped_column(Integer)
    suspects_count: Mapped[int | None] = mapped_column(Integer)
    arrests_count: Mapped[int | None] = mapped_column(Integer)
    investigating_agencies: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[CaseStatus] = mapped_column(coded(CaseStatus, "case_status"))
    description: Mapped[str] = mapped_column(Text, default="")
    sources: Mapped[str] = mapped_column(Text, default="")
    # Sensitive: loaded only where this login may read them (unit_of_work.loading_sensitive); a team reader's
    # role has no SELECT on them (persistence/team_roles.py), so they must never be named in its queries.
    suspect_names: Mapped[str] = mapped_column(Text, default="", deferred=True, deferred_group=SENSITIVE_GROUP)
    personal_details: Mapped[str] = mapped_column(Text, default="", deferred=True, deferred_group=SENSITIVE_GROUP)
    attack_type_2: Mapped[AttackType | None] = mapped_column(coded(AttackType, "attack_type"))
    attack_type_3: Mapped[AttackType | None] = mapped_column(coded(AttackType, "attack_type"))
    target_type: Mapped[TargetType] = mapped_column(coded(TargetType, "target_type"))
    target_type_2: Mapped[TargetType | None] = mapped_column(coded(TargetType, "target_type"))
    target_type_3: Mapped[TargetType | None] = mapped_column(coded(TargetType, "target_type"))
    property_extent: Mapped[PropertyExtent | None] = mapped_column(coded(PropertyExtent, "property_extent"))
    hostages: Mapped[YesNoUnknown] = mapped_column(coded(YesNoUnknown, "yes_no_unknown"))
    perpetrator_outcome: Mapped[PerpetratorOutcome] = mapped_column(coded(PerpetratorOutcome, "perpetrator_outcome"))

    facility: Mapped[FacilityRow] = relationship(lazy="joined", innerjoin=True)
    weapons: Mapped[list[WeaponRow]] = relationship(
        order_by="WeaponRow.position", cascade="all, delete-orphan", lazy="selectin"
    )
    status_changes: Mapped[list[StatusChangeRow]] = relationship(
        order_by="StatusChangeRow.id", cascade="all, delete-orphan", lazy="select"
    )
    links: Mapped[list[IncidentLinkRow]] = relationship(
        order_by="IncidentLinkRow.position", cascade="all, delete-orphan", lazy="select",
        foreign_keys="IncidentLinkRow.incident_id",
    )  # fmt: skip

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (
        Index("ix_incidents_facility", "facility_id", "id"),
        Index("ix_incidents_facility_occurred", "facility_id", "occurred_on", "id"),  # a facility's period
        Index("ix_incidents_occurred", "occurred_on", "id"),
        Index("ix_incidents_occurred_end", "occurred_end", "occurred_on", "id"),  # period overlap: index only
        Index("ix_incidents_attack_type_2", "attack_type_2"),
        Index("ix_incidents_attack_type_3", "attack_type_3"),
        Index("ix_incidents_occurred_figures", *DASHBOARD_FIGURES),  # the dashboard reads no table row
        Index("ix_incidents_title", "title", "id"),
        Index("ix_incidents_case_number_sort", "case_number", "id"),
        Index("ix_incidents_attack_type", "attack_type", "id"),
        Index("ix_incidents_severity", "severity", "id"),
        Index("ix_incidents_status", "status", "id"),
        Index("ix_incidents_updated", "updated_at", "id"),
    )


class WeaponRow(Base):
    __tablename__ = "incident_weapons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey(f"{RecordKind.INCIDENT.table}.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    weapon_type: Mapped[WeaponType] = mapped_column(coded(WeaponType, "weapon_type"))
    subtype: Mapped[str] = mapped_column(String(300), default="")

    # the incidents with a weapon type, from the index alone (the weapon filter)
    __table_args__ = (Index("ix_incident_weapons_weapon_type", "weapon_type", "incident_id"),)


class StatusChangeRow(Base):
    __tablename__ = "incident_status_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey(f"{RecordKind.INCIDENT.table}.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[CaseStatus] = mapped_column(coded(CaseStatus, "case_status"))
    changed_on: Mapped[date] = mapped_column(Date)  # the first day (of the month, year or range)
    changed_precision: Mapped[DatePrecision] = mapped_column(coded(DatePrecision, "date_precision"))
    changed_until: Mapped[date | None] = mapped_column(Date)  # the last day of a range
    changed_approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    agency: Mapped[str] = mapped_column(String(300), default="")
    reference: Mapped[str] = mapped_column(String(300), default="")
    charges: Mapped[str] = mapped_column(Text, default="")


class IncidentLinkRow(Base):
    """An incident linked to a related one (the same attacker, a series); read from both ends."""

    __tablename__ = "incident_links"

    incident_id: Mapped[int] = mapped_column(
        ForeignKey(f"{RecordKind.INCIDENT.table}.id", ondelete="CASCADE"), primary_key=True
    )
    related_id: Mapped[int] = mapped_column(
        ForeignKey(f"{RecordKind.INCIDENT.table}.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer)

    related: Mapped[IncidentRow] = relationship(foreign_keys=[related_id], lazy="joined")


class DirectiveRow(Versioned, Base):
    __tablename__ = "directives"

    title: Mapped[str] = mapped_column(String(300))
    issuing_office: Mapped[str] = mapped_column(String(300), default="")
    issued_on: Mapped[date | None] = mapped_column(Date, index=True)
    deadline: Mapped[date | None] = mapped_column(Date)
    source_reference: Mapped[str] = mapped_column(Text, default="")
    scope: Mapped[DirectiveScope] = mapped_column(coded(DirectiveScope, "directive_scope"))
    scope_facility_id: Mapped[int | None] = mapped_column(
        ForeignKey(f"{RecordKind.FACILITY.table}.id", ondelete="RESTRICT"), index=True
    )
    scope_agencies: Mapped[str] = mapped_column(String(200), default="")  # agency codes, ";"-separated
    scope_facility_types: Mapped[str] = mapped_column(String(200), default="")  # facility type codes
    notes: Mapped[str] = mapped_column(Text, default="")

    scope_facility: Mapped[FacilityRow | None] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": Versioned.version}


class PlanItemRow(Versioned, Base):
    __tablename__ = RecordKind.PLAN_ITEM.table

    facility_id: Mapped[int | None] = mapped_column(
        ForeignKey(f"{RecordKind.FACILITY.table}.id", ondelete="RESTRICT"), index=True
    )
    directive_id: Mapped[int | None] = mapped_column(ForeignKey("directives.id", ondelete="RESTRICT"), index=True)
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(300), default="")
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[PlanStatus] = mapped_column(coded(PlanStatus, "plan_status"), index=True)
    risk_rationale: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    facility: Mapped[FacilityRow | None] = relationship(lazy="joined")  # None: a nationwide item
    directive: Mapped[DirectiveRow | None] = relationship(lazy="joined")
    incident_links: Mapped[list[PlanItemIncidentRow]] = relationship(
        order_by="PlanItemIncidentRow.position", cascade="all, delete-orphan", lazy="selectin"
    )

    __mapper_args__ = {"version_id_col": Versioned.version}


class PlanItemIncidentRow(Base):
    """A plan item answering an incident (many to many)."""

    __tablename__ = "plan_item_incidents"

    plan_item_id: Mapped[int] = mapped_column(
        ForeignKey(f"{RecordKind.PLAN_ITEM.table}.id", ondelete="CASCADE"), primary_key=True
    )
    incident_id: Mapped[int] = mapped_column(
        ForeignKey(f"{RecordKind.INCIDENT.table}.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer)

    incident: Mapped[IncidentRow] = relationship(lazy="joined")


class AuditRow(Base):
    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    action: Mapped[AuditAction] = mapped_column(coded(AuditAction, "audit_action"))
    entity: Mapped[str] = mapped_column(String(40))
    entity_uuid: Mapped[str] = mapped_column(String(36), index=True)
    changes: Mapped[dict[str, list[object]]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str | None] = mapped_column(String(16), nullable=True)  # the key that signed it (None: no key)
    actor: Mapped[str | None] = mapped_column(String(200), nullable=True)  # who wrote it (None: not known)
    origin: Mapped[str | None] = mapped_column(String(36), nullable=True)  # the replica a synchronized change came from


class AuditHeadRow(Base):
    """The end of the audit chain (one row): how many entries were written and the last one's hash,
    so that deleting the newest entries is detected too."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entries: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
    database_id: Mapped[str | None] = mapped_column(String(36), nullable=True)  # names its keys outside the file
    keep_sensitive: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncPeerRow(Base):
    """A server this database synchronizes with (by its audit_head.database_id): when it last did, and the newest
    audit entry of each side that synchronization covered (what came after is pending)."""

    __tablename__ = "sync_peers"

    peer_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    server: Mapped[str] = mapped_column(String(300))  # the server's address as shown to people (no password)
    last_sync_at: Mapped[datetime | None] = mapped_column(DateTime)  # by the server's clock
    local_entry_id: Mapped[int] = mapped_column(Integer, default=0)
    server_entry_id: Mapped[int] = mapped_column(Integer, default=0)
    rounds: Mapped[int] = mapped_column(Integer, default=0)  # synchronizations finished here (sync_receipts.round)


class SyncBaseRow(Base):
    """The merge base of one record: its content as both sides had it after the last synchronization with a peer
    (the fields as the audit trail renders them), so that each side's change since is told field by field."""

    __tablename__ = "sync_bases"

    peer_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    content: Mapped[dict[str, object]] = mapped_column(JSON)


class SyncReceiptRow(Base):
    """On the server: the base a laptop's synchronization round agreed on for one record (None: deleted), written
    in the server's transaction, read back when that laptop's own transaction of the round was lost."""

    __tablename__ = "sync_receipts"

    replica_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    round: Mapped[int] = mapped_column(Integer)
    content: Mapped[dict[str, object] | None] = mapped_column(JSON, nullable=True)
    sent: Mapped[dict[str, object] | None] = mapped_column(JSON, nullable=True)  # what the laptop had then


class ImportedRecordRow(Base):
    """A record made by a CSV import, proven by that import's one audit entry instead of an entry of its own: the
    import (the entry's entity_uuid) and a keyed digest of the record's state as the import made it."""

    __tablename__ = "imported_records"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    import_uuid: Mapped[str] = mapped_column(String(36), index=True)
    state_digest: Mapped[str] = mapped_column(String(64))

    __table_args__ = {"sqlite_with_rowid": False}  # kept in uuid order: the replay reads it merged with the trail


class EvidenceBlobRow(Base):
    """The bytes of one file, once per SHA-256 however many attachments name it, kept in CHUNK_BYTES pieces."""

    __tablename__ = "evidence_blobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(BigInteger)
    chunks: Mapped[int] = mapped_column(Integer)


class EvidenceChunkRow(Base):
    __tablename__ = "evidence_chunks"

    blob_id: Mapped[int] = mapped_column(ForeignKey("evidence_blobs.id", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class AttachmentRow(Versioned, Base):
    """A file kept with a record of any kind (owner_kind, owner_uuid); its bytes are the blob of its sha256."""

    __tablename__ = "attachments"

    owner_kind: Mapped[RecordKind] = mapped_column(coded(RecordKind, "record_kind"))
    owner_uuid: Mapped[str] = mapped_column(String(36))
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(127))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(ForeignKey("evidence_blobs.sha256", ondelete="RESTRICT"), index=True)
    added_at: Mapped[datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (Index("ix_attachments_owner", "owner_kind", "owner_uuid", "id"),)


class HappenedColumns:
    """A date as precisely as it is known (domain PartialDate), for evidence records."""

    happened_precision: Mapped[DatePrecision] = mapped_column(coded(DatePrecision, "date_precision"))
    happened_on: Mapped[date | None] = mapped_column(Date)
    happened_until: Mapped[date | None] = mapped_column(Date)
    happened_time: Mapped[time | None] = mapped_column(Time)
    happened_approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    happened_time_of_day: Mapped[TimeOfDay | None] = mapped_column(coded(TimeOfDay, "time_of_day"))


class CustodyEntryRow(HappenedColumns, Base):
    """One hand-over in an attachment's custody log; the program only ever appends them."""

    __tablename__ = "custody_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachments.id", ondelete="CASCADE"), index=True)
    received_from: Mapped[str] = mapped_column(String(300))
    received_by: Mapped[str] = mapped_column(String(300))
    purpose: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class TimelineEventRow(Versioned, HappenedColumns, Base):
    """A free-form dated event of an incident's chronology."""

    __tablename__ = "timeline_events"

    incident_id: Mapped[int] = mapped_column(
        ForeignKey(f"{RecordKind.INCIDENT.table}.id", ondelete="CASCADE"), index=True
    )
    source: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text)

    __mapper_args__ = {"version_id_col": Versioned.version}
