"""A schema upgrade on a shared PostgreSQL server: one client at a time (an advisory lock), never while clients of an
older schema are connected (named from pg_stat_activity), the backup before it, the version checked again under the
lock."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from desktop.persistence import revisions
from desktop.persistence.engine import APPLICATION

log = logging.getLogger(__name__)

UPGRADE_LOCK_KEY = 0x496E_6369_4C6F_6701  # "IncLog" + 1: the advisory lock of schema upgrades (per database)
UPGRADE_WAIT_S = 300.0  # how long to wait for another client's upgrade (a large database may take minutes)
POLL_S = 0.2
WAITING = "another client is upgrading the schema — waiting"


class UpgradeRefusedError(RuntimeError):
    """The schema was not upgraded (another client's upgrade took too long, or older clients are connected); the
    database was not changed."""


@dataclass(frozen=True, slots=True)
class ConnectedClient:
    """Another connection to the database, as pg_stat_activity shows it (host and start are None when the login may
    not see them: pg_read_all_stats)."""

    pid: int
    user: str
    application: str
    host: str | None
    since: datetime | None

    @property
    def schema(self) -> str | None:
        """The schema revision an Incident Logger connection announces ("incident-logger 0.1 schema 0007")."""
        words = self.application.split()
        if len(words) >= 4 and words[0] == APPLICATION and words[-2] == "schema":
            return words[-1]
        return None

    @property
    def older(self) -> bool:
        """An Incident Logger of an older schema: one that names it, or a connection that names no program (releases
        before connections named themselves)."""
        schema = self.schema
        if schema is None:
            return not self.application.strip()
        return schema in revisions.known_revisions() and schema != revisions.head_revision()

    def describe(self) -> str:
        where = f" from {self.host}" if self.host else ""
        when = f" since {self.since:%Y-%m-%d %H:%M} UTC" if self.since else ""
        what = self.application.strip() or "no program name: an Incident Logger from before connections were named"
        return f"{self.user}{where}{when} ({what}, pid {self.pid})"


def connected_clients(connection: Connection) -> list[ConnectedClient]:
    """The other client connections to this database, oldest first."""
    rows = connection.execute(text(
        "SELECT pid, usename, application_name, host(client_addr), client_hostname, "
        "backend_start AT TIME ZONE 'UTC' FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid() "
        "AND coalesce(backend_type, 'client backend') = 'client backend' ORDER BY backend_start, pid"
    )).all()  # fmt: skip
    return [ConnectedClient(pid, user or "?", application or "", hostname or address, since)
            for pid, user, application, address, hostname, since in rows]  # fmt: skip


def older_clients(engine: Engine) -> list[ConnectedClient]:
    with engine.connect() as connection:
        return [client for client in connected_clients(connection) if client.older]


def refusal(database: str, clients: list[ConnectedClient]) -> str:
    """Why the upgrade was refused, naming the older clients, and what to do."""
    names = "; ".join(client.describe() for client in clients)
    many = f"{len(clients)} clients" if len(clients) > 1 else "a client"
    return (
        f"the schema of {database} was not upgraded, because {many} of an older Incident Logger "
        f"{'are' if len(clients) > 1 else 'is'} connected to it: {names}. Upgrading under them would break their "
        "work. Ask them to save and close Incident Logger (and to update it), then open the database again; nothing "
        "was changed. A database owner can end a forgotten connection with SELECT pg_terminate_backend(PID)."
    )


def upgrade_shared(
    engine: Engine,
    pending: Callable[[], bool],
    migrate: Callable[[], None],
    before_migration: Callable[[], None] | None,
    *,
    check_clients: bool = True,
    wait: float = UPGRADE_WAIT_S,
    waiting: Callable[[str], None] | None = None,
) -> bool:
    """Run `migrate` under the upgrade lock when `pending` (checked again under the lock: another client may have done
    it), no older client is connected (`check_clients`; a new database has none), and `before_migration` (the backup)
    succeeded. Returns True when it ran."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        if check_clients:  # an existing schema: only its owner may change it (a reader or analyst waits for them)
            _refuse_if_not_owner(connection)
        _lock(connection, wait, waiting or (lambda message: log.warning("%s", message)))
        try:
            if not pending():
                log.info("the schema was upgraded meanwhile by another client")
                return False
            database = engine.url.database or "the database"
            if check_clients:
                _refuse_older(engine, database)
            if before_migration is not None:
                before_migration()
                if check_clients:
                    _refuse_older(engine, database)  # one that connected while the backup was taken
            migrate()
            return True
        finally:
            _unlock(connection)


def _unlock(connection: Connection) -> None:
    """Release the upgrade lock; when that fails (a broken connection), close the connection, which releases it."""
    try:
        connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": UPGRADE_LOCK_KEY})
    except DBAPIError:
        log.warning("could not release the schema upgrade lock; closing its connection releases it")
        connection.invalidate()


def _refuse_if_not_owner(connection: Connection) -> None:
    row = connection.execute(text(
        "SELECT tableowner, pg_has_role(current_user, tableowner, 'MEMBER'), current_user FROM pg_tables "
        "WHERE tablename = 'alembic_version' AND schemaname = current_schema()"
    )).first()  # fmt: skip
    if row is not None and not row[1]:
        database = connection.engine.url.database or "the database"
        raise UpgradeRefusedError(
            f"the schema of {database} is older than this Incident Logger's ({revisions.head_revision()}), and only "
            f"its owner ({row[0]}) may upgrade it, not {row[2]}; nothing was changed. Ask them to open it once with "
            "this version (or to run `incident-logger migrate`), then open it again."
        )


def _refuse_older(engine: Engine, database: str) -> None:
    older = older_clients(engine)
    if older:
        raise UpgradeRefusedError(refusal(database, older))


def _lock(connection: Connection, wait: float, waiting: Callable[[str], None]) -> None:
    deadline = time.monotonic() + wait
    told = False
    while not connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": UPGRADE_LOCK_KEY}).scalar_one():
        if not told:
            waiting(WAITING)
            told = True
        if time.monotonic() > deadline:
            raise UpgradeRefusedError(
                f"another client has been upgrading the schema for more than {wait:.0f} s; the database was not "
                "changed by this one. Open it again when that upgrade has finished."
            )
        time.sleep(POLL_S)
