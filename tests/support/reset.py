"""Put a shared test database back as it was: every table's rows as captured, id sequences restarted."""

from __future__ import annotations

from typing import Any

from sqlalchemy import MetaData, Table, create_engine, select, text
from sqlalchemy.pool import NullPool

KEEP = {"alembic_version"}  # the schema revision is not test data


class DatabaseReset:
    """Capture the rows of every table once (e.g. rows a migration inserted), then `reset()` after each
    test: delete every row, re-insert the captured ones. Much faster than a new PostgreSQL database
    (CREATE DATABASE copies ~8 MB of catalogs, about 0.1 s). Tests must not change the schema."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url, poolclass=NullPool)
        metadata = MetaData()
        metadata.reflect(self.engine)
        self.tables: list[Table] = [t for t in metadata.sorted_tables if t.name not in KEEP]  # parents first
        with self.engine.connect() as connection:
            self.rows: dict[str, list[dict[str, Any]]] = {
                table.name: [dict(row._mapping) for row in connection.execute(select(table))] for table in self.tables
            }

    def reset(self) -> None:
        with self.engine.begin() as connection:
            if self.engine.dialect.name == "postgresql":  # a connection a test leaked must not block the reset
                connection.execute(text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                ))  # fmt: skip
                connection.execute(text("SET LOCAL lock_timeout = '20s'"))
            for table in reversed(self.tables):
                connection.execute(table.delete())
            for table in self.tables:
                if self.rows[table.name]:
                    connection.execute(table.insert(), self.rows[table.name])
            if self.engine.dialect.name == "postgresql":
                for table in self.tables:
                    if "id" in table.c:
                        connection.execute(text(
                            f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'),"
                            f" coalesce((SELECT max(id) FROM \"{table.name}\"), 0) + 1, false)"
                        ))  # fmt: skip

    def close(self) -> None:
        self.engine.dispose()
