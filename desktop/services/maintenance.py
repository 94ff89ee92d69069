"""Integrity checks of an open database: storage, foreign keys, full-text index, audit chain, evidence files."""

from __future__ import annotations

from desktop.persistence.integrity import storage_problems
from desktop.persistence.unit_of_work import Database
from desktop.services.audit import verify_chain
from desktop.services.evidence_check import verify_evidence


def check_database(database: Database) -> list[str]:
    """Every problem found, as a sentence; empty when the database is sound."""
    problems = storage_problems(database.engine)
    report = verify_chain(database)
    problems.extend(f"audit: {p}" for p in report.problems)
    problems.extend(verify_evidence(database).problems)  # every stored file re-hashed
    return problems
