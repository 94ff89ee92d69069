"""The audit entries of exports (CSV files, briefing PDFs) as tests read them: what went where, sensitive or not."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop.domain.enums import AuditAction
from desktop.persistence.models import AuditRow
from desktop.persistence.unit_of_work import Database


def export_entries(database: Database) -> list[tuple[str, str, object]]:
    """(entity, file name, sensitive_included) of every EXPORT audit entry, oldest first."""
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        query = select(AuditRow.entity, AuditRow.changes).where(AuditRow.action == AuditAction.EXPORT)
        found = uow.session.execute(query.order_by(AuditRow.id))
        return [(entity, Path(str(changes["file"][1])).name, changes["sensitive_included"][1])
                for entity, changes in found]  # fmt: skip
