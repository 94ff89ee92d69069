"""SQLAlchemy 2.0 ORM models; the schema itself is created by the Alembic migrations."""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
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
    FacilityType,
    PlanStatus,
    SecurityLevel,
    Severity,
    WeaponType,
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


class Base(DeclarativeBase):
    pass


class Versioned:
    """Timestamps and the optimistic-lock version shared by editable records."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)


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
    security_level: Mapped[SecurityLevel | None] = mapped_column(coded(SecurityLevel, "security_level"))
    last_assessment: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    __mapper_args__ = {"version_id_col": Versioned.version}


# Per day: attack types, damage and casualties, so that the dashboard's GROUP BYs and sums read one index.
DASHBOARD_FIGURES = ("occurred_on", "attack_type", "property_damage", "damage_estimate_usd", "victims_killed",
                     "victims_injured", "perpetrators_killed", "perpetrators_injured")  # fmt: skip


class IncidentRow(Versioned, Base):
    __tablename__ = RecordKind.INCIDENT.table

    case_number: Mapped[str | None] = mapped_column(String(64), unique=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey(f"{RecordKind.FACILITY.table}.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(300))
    occurred_precision: Mapped[DatePrecision] = mapped_column(coded(DatePrecision, "date_precision"))
    occurred_on: Mapped[date | None] = mapped_column(Date)
    occurred_time: Mapped[time | None] = mapped_column(Time)
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
    suspect_names: Mapped[str] = mapped_column(Text, default="")
    personal_details: Mapped[str] = mapped_column(Text, default="")

    facility: Mapped[FacilityRow] = relationship(lazy="joined", innerjoin=True)
    weapons: Mapped[list[WeaponRow]] = relationship(
        order_by="WeaponRow.position", cascade="all, delete-orphan", lazy="selectin"
    )
    status_changes: Mapped[list[StatusChangeRow]] = relationship(
        order_by="StatusChangeRow.id", cascade="all, delete-orphan", lazy="select"
    )

    __mapper_args__ = {"version_id_col": Versioned.version}
    __table_args__ = (
        Index("ix_incidents_facility", "facility_id", "id"),
        Index("ix_incidents_facility_occurred", "facility_id", "occurred_on", "id"),  # a facility's period
        Index("ix_incidents_occurred", "occurred_on", "id"),
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
    changed_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class PlanItemRow(Versioned, Base):
    __tablename__ = RecordKind.PLAN_ITEM.table

    facility_id: Mapped[int | None] = mapped_column(
        ForeignKey(f"{RecordKind.FACILITY.table}.id", ondelete="RESTRICT"), index=True
    )
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey(f"{RecordKind.INCIDENT.table}.id", ondelete="SET NULL"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(300), default="")
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[PlanStatus] = mapped_column(coded(PlanStatus, "plan_status"), index=True)
    risk_rationale: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    facility: Mapped[FacilityRow | None] = relationship(lazy="joined")  # None: a nationwide item
    incident: Mapped[IncidentRow | None] = relationship(lazy="select")

    __mapper_args__ = {"version_id_col": Versioned.version}


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


class AuditHeadRow(Base):
    """The end of the audit chain (one row): how many entries were written and the last one's hash,
    so that deleting the newest entries is detected too."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entries: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
