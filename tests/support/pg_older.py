"""PostgreSQL databases for the upgrade and backup tests: one at an older schema revision holding the demo data, a
fingerprint of every table's rows, and the client programs (pg_dump, pg_restore) required in CI."""

from __future__ import annotations

import os
import shutil

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, text

from desktop.persistence.engine import create_database_engine
from desktop.persistence.opening import open_database
from desktop.persistence.schema import alembic_config, current_revision
from desktop.services.demo import load_demo

OLDER = "0006"  # the schema of a release before this one: what an older client works with


def require_client_programs() -> None:
    """pg_dump and pg_restore on PATH; when missing, skip, or fail when CI is set (CI installs postgresql-client)."""
    missing = [name for name in ("pg_dump", "pg_restore") if shutil.which(name) is None]
    if not missing:
        return
    reason = f"{', '.join(missing)} not on PATH: install Debian's postgresql-client (make system-test)"
    if os.environ.get("CI"):
        pytest.fail(f"{reason} [CI is set, so the PostgreSQL backup tests must not be skipped]", pytrace=False)
    pytest.skip(reason)


def make_older_database(url: str, revision: str = OLDER) -> None:
    """Fill the empty database at `url` with the demo data at head, then take its schema back to `revision` with the
    app's own migrations, as a database that an older release made and used looks."""
    database = open_database(url)
    try:
        load_demo(database)
    finally:
        database.close()
    engine = create_database_engine(url)
    try:
        with engine.begin() as connection:
            config = alembic_config(engine)
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
    finally:
        engine.dispose()


def fingerprint(url: str) -> dict[str, str]:
    """Every table's rows (md5 of their text, in order), and the schema revision: equal only for equal contents."""
    engine = create_database_engine(url)
    try:
        return fingerprint_of(engine)
    finally:
        engine.dispose()


def fingerprint_of(engine: Engine) -> dict[str, str]:
    found = {"(revision)": current_revision(engine) or ""}
    with engine.connect() as connection:
        for table in sorted(inspect(connection).get_table_names()):
            rows = connection.execute(
                text(
                    f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t"
                )
            ).one()
            found[table] = f"{rows[0]} rows {rows[1]}"
    return found
