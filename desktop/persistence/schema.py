"""Schema versioning with Alembic: upgrade to head, and refuse databases from a newer schema. Alembic is imported
only when a migration is due (or its configuration asked for): knowing the version needs only the revisions module."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from desktop.persistence import revisions

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer Incident Logger; it is left untouched."""


class NotAnIncidentDatabaseError(RuntimeError):
    """The database holds tables but none of ours; it is left untouched."""


PG_ONLY_TABLES = {
    "incident_words",
    "incident_pending",
}  # PostgreSQL: the search's tsvector per incident (0010), the pending referrals (0012)
PG_ONLY_COLUMNS = {"facility_name"}  # incidents, PostgreSQL: migration 0010 (not in the models)
PG_ONLY_INDEX_PREFIX = "ixpg_"  # PostgreSQL's search, trigram and sort indexes (migration 0010)


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Alembic autogenerate filter: leave out SQLite's FTS5 table and its shadow tables and PostgreSQL's search
    and sort columns and indexes (made by hand)."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith("incidents_fts") and name not in PG_ONLY_TABLES
    if type_ == "column" and reflected and compare_to is None:
        return name not in PG_ONLY_COLUMNS
    return not (type_ == "index" and name.startswith(PG_ONLY_INDEX_PREFIX))


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        url = engine.url.render_as_string(hide_password=False)
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # ConfigParser interpolation
    return config


def head_revision() -> str:
    return revisions.head_revision()


def current_revision(engine: Engine) -> str | None:
    """The revision in the database's alembic_version table (None without one), read as Alembic reads it."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def pending_migration(engine: Engine) -> bool:
    """True when the schema is missing or older than this program's; raises when it is newer."""
    current = current_revision(engine)
    if current is None:
        tables = set(inspect(engine).get_table_names()) - {"alembic_version"}  # empty after a downgrade
        if tables:
            raise NotAnIncidentDatabaseError(
                f"the database has tables ({', '.join(sorted(tables)[:5])}) but no Incident Logger schema"
            )
        return True
    head = revisions.head_revision()
    if current not in revisions.known_revisions():
        raise SchemaTooNewError(
            f"this database was upgraded by a newer Incident Logger: it has schema revision {current}, newer than "
            f"this program knows (head {head}); update Incident Logger to open it"
        )
    return current != head


def upgrade_to_head(engine: Engine, before_migration: Callable[[], None] | None = None) -> bool:
    """Bring the schema to head; call `before_migration` (e.g. a backup) first when an existing
    database is about to change. Returns True when a migration ran. On a PostgreSQL server the upgrade is one
    client's at a time and refused while older clients are connected (server_upgrades.upgrade_shared)."""
    if not pending_migration(engine):
        return False
    if engine.dialect.name == "postgresql":
        from desktop.persistence.server_upgrades import upgrade_shared

        if current_revision(engine) is None:  # a new database: nobody works on it yet, nothing to back up
            return upgrade_shared(engine, lambda: pending_migration(engine), lambda: _migrate(engine), None,
                                  check_clients=False)  # fmt: skip
        return upgrade_shared(engine, lambda: pending_migration(engine), lambda: _migrate(engine), before_migration)
    if before_migration is not None and current_revision(engine) is not None:
        before_migration()
    _migrate(engine)
    return True


def _migrate(engine: Engine) -> None:
    from alembic import command  # only now: a migration is due

    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":  # a migration of a large table may outlast the clients' timeout
            connection.exec_driver_sql("SET LOCAL statement_timeout = 0")
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def revision_at(url: str) -> str | None:
    """The schema revision of the database at `url`, read without changing it (None: no schema yet, or a SQLite file
    that cannot be read: opening it then says why)."""
    from desktop.persistence.engine import create_database_engine, sqlite_file
    from desktop.persistence.integrity import Scan, check_database_file

    path = sqlite_file(url)
    if path is not None:  # read-only: the header, the schema, the first page of each table (as opening reads them)
        return check_database_file(path, writing=False, scan=Scan.ROOTS).revision
    engine = create_database_engine(url)
    try:
        return current_revision(engine)
    finally:
        engine.dispose()
