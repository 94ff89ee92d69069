"""The released PostgreSQL database of schema 0011 (tests/data/release-0011-postgres.sql, a pg_dump made by
make_release_0011_postgres.py with the code of commit f4bf2e5) upgrades to the head through the app's own opening
(a dump taken first): every released value kept, the lists the later revisions keep (incident_pending) filled from
the existing rows exactly as their conditions select, the chain verifies, and records are edited as before."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, select, text
from support.pg_older import require_client_programs
from support.pg_server import PostgresServer

from desktop.domain.queries import Page
from desktop.persistence.case_conditions import pending_referral_condition
from desktop.persistence.chain_keys import KEY_FOLDER_VARIABLE
from desktop.persistence.engine import create_database_engine
from desktop.persistence.models import IncidentRow
from desktop.persistence.schema import current_revision, head_revision
from desktop.services.audit import verify_chain
from desktop.services.records import RecordServices
from desktop.services.session.service import DatabaseSessions

pytestmark = pytest.mark.postgres
DATA = Path(__file__).parent / "data"
RELEASED_BY = "postgres"  # the server login that made the released records (session_user, not the OS user)


def every_table(engine: Engine, tables: dict[str, list[str]]) -> dict[str, list[tuple[object, ...]]]:
    """Every row of `tables` (those columns), in an order of their text (JSON has no ordering of its own)."""
    found = {}
    with engine.connect() as connection:
        for table, columns in tables.items():
            names = ", ".join(f'"{c}"' for c in columns)
            order = ", ".join(f'"{c}"::text' for c in columns)
            found[table] = [
                tuple(r) for r in connection.execute(text(f'SELECT {names} FROM "{table}" ORDER BY {order}'))
            ]
    return found


def test_the_release_0011_server_database_upgrades_keeping_every_value(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    require_client_programs()
    psql = shutil.which("psql")
    assert psql, "psql (postgresql-client) is needed"
    keys = Path(os.environ[KEY_FOLDER_VARIABLE])
    for key in (DATA / "release-0011-postgres-keys").iterdir():
        shutil.copyfile(key, keys / key.name)
        (keys / key.name).chmod(0o600)
    with postgres_server.fresh_database() as name:
        dump = str(DATA / "release-0011-postgres.sql")
        command = [psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", dump, postgres_server.conninfo(name)]
        restored = subprocess.run(command, capture_output=True, text=True)
        assert restored.returncode == 0, restored.stderr
        url = postgres_server.url(name)
        engine = create_database_engine(url)
        try:
            assert current_revision(engine) == "0011"
            tables = [t for t in inspect(engine).get_table_names() if t != "alembic_version"]
            released = {t: [c["name"] for c in inspect(engine).get_columns(t)] for t in tables}
            before = every_table(engine, released)
        finally:
            engine.dispose()
        assert before["incidents"] and before["audit_entries"] and before["attachments"]
        sessions = DatabaseSessions(tmp_path / "backups")
        database = sessions.open(url, lock=False)
        try:
            assert current_revision(database.engine) == head_revision()
            assert any((tmp_path / "backups").iterdir()), "a dump of the server database before migrating"
            assert every_table(database.engine, released) == before  # every released value as it was
            with database.engine.connect() as connection:
                listed = [r[0] for r in connection.execute(text("SELECT id FROM incident_pending ORDER BY id"))]
                expected = [r[0] for r in connection.execute(
                    select(IncidentRow.id).where(pending_referral_condition()).order_by(IncidentRow.id))]  # fmt: skip
            assert listed == expected
            report = verify_chain(database)
            assert report.ok and report.signed and report.records > 0, report.problems
            services = RecordServices.of(database)
            stored = {i.title: i for i in services.incidents.page(page=Page(limit=50))}
            edited = services.incidents.get(stored["Imported and edited before the release"].uuid)
            assert (edited.created_by, edited.updated_by) == (RELEASED_BY, RELEASED_BY)
            changed = services.incidents.update(replace(edited, description="Edited after the upgrade"))
            assert (changed.created_by, changed.version) == (RELEASED_BY, edited.version + 1)
            assert verify_chain(database).ok
        finally:
            sessions.close(database)
