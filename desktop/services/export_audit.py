"""The audit entry of a briefing PDF written (CSV exports write theirs in desktop.services.csv.export): what was
exported, where, and whether the sensitive fields were in it."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.enums import AuditAction
from desktop.persistence.unit_of_work import Database
from desktop.services.briefing import BriefingContent

BRIEFING = "briefing"  # the audit entry's entity for a briefing PDF


def audit_briefing(database: Database, content: BriefingContent, target: Path, pages: int) -> None:
    """Record the briefing written to `target`: its file, pages, the incidents listed of how many, its period and
    facilities, and `sensitive_included` (suspect names and personal details as they are, not redacted)."""
    changes: dict[str, list[object]] = {
        "file": [None, str(target)],
        "format": [None, "pdf"],
        "pages": [None, pages],
        "rows": [None, len(content.incidents)],
        "incidents": [None, content.incidents_total],
        "scope": [None, content.scope],
        "sensitive_included": [None, not content.redacted],
    }
    with database.unit_of_work() as uow:
        uow.audit.record(AuditAction.EXPORT, BRIEFING, "", changes)
        uow.commit()
