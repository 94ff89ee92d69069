"""The audit entry of a file written from the database (a CSV export, a briefing PDF, a timeline CSV, an evidence
package): what was exported, where, and whether the sensitive fields were in it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain.enums import AuditAction
from desktop.persistence.unit_of_work import Database

if TYPE_CHECKING:
    from desktop.services.briefing import BriefingContent

BRIEFING = "briefing"  # the audit entry's entity for a briefing PDF


def record_export(database: Database, entity: str, uuid: str, changes: dict[str, list[object]]) -> None:
    """Write the EXPORT entry of `entity` (a kind, "briefing"; `uuid` when one record was exported) in its own
    transaction. A login whose role may add no audit entry (a team reader) leaves none: the server would refuse it,
    and the export itself is not refused (the server's own log can record a reader's queries)."""
    if not database.capabilities.writes_audit:
        return
    with database.unit_of_work() as uow:
        uow.audit.record(AuditAction.EXPORT, entity, uuid, changes)
        uow.commit()


def audit_briefing(database: Database, content: BriefingContent, target: Path, pages: int, *,
                   protected: bool = False) -> None:  # fmt: skip
    """Record the briefing written to `target`: its file, pages, the incidents listed of how many, its period and
    facilities, and `sensitive_included` (suspect names and personal details as they are, not redacted);
    `protected`: in a passphrase-protected ZIP."""
    changes: dict[str, list[object]] = {
        "file": [None, str(target)],
        "format": [None, "pdf"],
        "pages": [None, pages],
        "rows": [None, len(content.incidents)],
        "incidents": [None, content.incidents_total],
        "scope": [None, content.scope],
        "sensitive_included": [None, not content.redacted],
    }
    if protected:
        changes["protected"] = [None, True]
    record_export(database, BRIEFING, "", changes)
