"""Integrity checks of an open database: storage, foreign keys, full-text index, audit chain."""

from __future__ import annotations

from sqlalchemy import text

from desktop.persistence.unit_of_work import Database
from desktop.services.audit import verify_chain


def check_database(database: Database) -> list[str]:
    """Every problem found, as a sentence; empty when the database is sound."""
    problems: list[str] = []
    with database.engine.connect() as connection:
        if database.is_sqlite:
            results = [r[0] for r in connection.exec_driver_sql("PRAGMA integrity_check")]
            if results != ["ok"]:
                problems.extend(f"storage: {r}" for r in results)
            for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(f"foreign key: {table} row {rowid} points at a missing {parent} row")
            try:
                connection.exec_driver_sql(
                    "INSERT INTO incidents_fts(incidents_fts, rank) VALUES ('integrity-check', 1)"
                )
            except Exception as error:  # any failure is a finding
                problems.append(f"full-text index: {error}")
            connection.rollback()
        else:
            connection.execute(text("SELECT 1"))
    report = verify_chain(database)
    problems.extend(f"audit: {p}" for p in report.problems)
    return problems
