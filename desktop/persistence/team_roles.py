"""Team roles on PostgreSQL: the group roles and their GRANTs, login roles in them, and what this login may do."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from desktop.domain.records import SENSITIVE_INCIDENT_FIELDS
from desktop.domain.roles import EVERYTHING, Ability, Capabilities, TeamRole
from desktop.persistence.case_conditions import SUSPECT_KNOWN
from desktop.persistence.withheld_rows import WITHHELD_ATTACHMENTS, withheld_row_statements

INSUFFICIENT_PRIVILEGE = "42501"  # SQLSTATE of a statement the server refused for want of a privilege
INCIDENTS = "incidents"
DIRECTIVES = "directives"
AUDIT_ENTRIES = "audit_entries"
AUDIT_HEAD = "audit_head"
AUDIT_CHANGES = "changes"  # an entry's field changes: sensitive values as typed when the database keeps them
AUDIT_HEAD_CHAIN = ("entries", "last_hash")  # what writing an entry changes; the id and its rule stay the owner's
# Rows an analyst's edit removes from a record's lists (weapons, legal history, links, a plan item's incidents):
# deleting one of these is editing the record, not deleting a record.
EDITED_LISTS = ("incident_weapons", "incident_status_changes", "incident_links", "plan_item_incidents")
SYNC_ROWS = ("sync_receipts",)  # a laptop's synchronization replaces its receipts (migration 0013): not a record
OWNER_ONLY = (AUDIT_ENTRIES, AUDIT_HEAD, DIRECTIVES, "alembic_version")  # granted one by one below
USER_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.@-]{0,62}$")


class TeamSetupError(RuntimeError):
    """team init / add-user cannot run here (SQLite, no CREATEROLE, no schema, a bad name); the message says why."""


@dataclass(frozen=True, slots=True)
class TeamMember:
    name: str
    role: TeamRole
    can_login: bool


def is_denied(error: BaseException) -> bool:
    """Whether `error` is the server's refusal of a statement for want of a privilege (SQLSTATE 42501)."""
    cause = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    return getattr(cause, "sqlstate", None) == INSUFFICIENT_PRIVILEGE


def _quote(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote_identifier(name)


def _check_server(connection: Connection, *, tables: bool) -> None:
    if connection.dialect.name != "postgresql":
        raise TeamSetupError("team roles are a PostgreSQL server's; a SQLite file is one person's (its file "
                             "permissions decide who may open it)")  # fmt: skip
    may = connection.execute(text("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user"))
    if not may.scalar():
        user = connection.execute(text("SELECT current_user")).scalar()
        raise TeamSetupError(f"the login {user} may not create roles (it lacks CREATEROLE); run this as the "
                             "database's owner, or ask the server's administrator to "
                             f"ALTER ROLE {user} CREATEROLE")  # fmt: skip
    if tables and INCIDENTS not in inspect(connection).get_table_names():
        raise TeamSetupError("the database has no Incident Logger schema yet; open it once or run "
                             "`incident-logger migrate` first")  # fmt: skip


def init_roles(engine: Engine) -> list[str]:
    """Create the three group roles (NOLOGIN) if missing and grant them what they may do on every table of the
    schema (again after an upgrade adds tables: it is idempotent). Returns the statements run, for the report."""
    with engine.begin() as connection:
        _check_server(connection, tables=True)
        done = [*_create_groups(connection), *_grant(connection)]
    return done


def grants_behind(engine: Engine) -> bool:
    """A server whose team roles were granted by an older `team init` (before sensitive attachments were withheld
    from readers): the owner's next opening grants again, so that the protection reaches it without a migration."""
    if engine.dialect.name != "postgresql":
        return False
    asked = (f"SELECT to_regclass('{WITHHELD_ATTACHMENTS}') IS NULL "
             "AND (SELECT count(*) FROM pg_roles WHERE rolname = ANY(:names)) = :all")  # fmt: skip
    with engine.connect() as connection:  # one question at each opening of a server
        return bool(connection.execute(text(asked), {"names": [r.value for r in TeamRole], "all": len(TeamRole)})
                    .scalar())  # fmt: skip


def grant_again(engine: Engine) -> bool:
    """After a schema upgrade, or the owner's change of `audit sensitive keep`, on a server with team roles: grant
    them again (a new table or incidents column is nobody's until granted; kept sensitive values are withheld from
    readers). Only the tables' owner does; True when done; a server without the roles is left alone."""
    if engine.dialect.name != "postgresql":
        return False
    with engine.begin() as connection:
        if len(_groups(connection)) < len(TeamRole):
            return False
        owner = connection.execute(text(
            "SELECT tableowner = current_user OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) "
            "FROM pg_tables WHERE tablename = 'incidents' AND schemaname = current_schema()")).scalar()  # fmt: skip
        if not owner:
            return False
        _grant(connection)
    return True


def _groups(connection: Connection) -> set[str]:
    names = [role.value for role in TeamRole]
    found = connection.execute(text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"), {"names": names})
    return set(found.scalars())


def _create_groups(connection: Connection) -> list[str]:
    done = []
    existing = _groups(connection)
    for role in TeamRole:
        if role.value not in existing:
            done.append(f"CREATE ROLE {_quote(connection, role.value)} NOLOGIN")
    reader, analyst, supervisor = (_quote(connection, role.value) for role in TeamRole)
    done += [f"GRANT {reader} TO {analyst}", f"GRANT {analyst} TO {supervisor}"]  # each holds the one before
    for statement in done:
        connection.exec_driver_sql(statement)
    return done


def _grant(connection: Connection) -> list[str]:
    reader, analyst, supervisor = (_quote(connection, role.value) for role in TeamRole)

    def q(name: str) -> str:
        return _quote(connection, name)

    database = q(str(connection.execute(text("SELECT current_database()")).scalar()))
    schema = q(str(connection.execute(text("SELECT current_schema()")).scalar()))
    tables = sorted(inspect(connection).get_table_names())
    incident_columns = [c["name"] for c in inspect(connection).get_columns(INCIDENTS)]
    open_columns = ", ".join(q(c) for c in incident_columns if c not in SENSITIVE_INCIDENT_FIELDS)
    records = [q(t) for t in tables if t not in OWNER_ONLY]  # every record table and its children
    # `audit sensitive keep` writes the sensitive values into the entries as typed: then a reader reads the entries
    # without their changes (the history and `audit verify` are refused to it); else they hold fingerprints only
    kept = bool(connection.execute(text(f"SELECT keep_sensitive FROM {q(AUDIT_HEAD)} WHERE id = 1")).scalar())
    withheld_tables = {INCIDENTS, AUDIT_ENTRIES} if kept else {INCIDENTS}
    others = [q(t) for t in tables if t not in withheld_tables]
    audit_columns = [c["name"] for c in inspect(connection).get_columns(AUDIT_ENTRIES)]
    unkept = ", ".join(q(c) for c in audit_columns if c != AUDIT_CHANGES)
    everyone = f"{reader}, {analyst}, {supervisor}"
    done = [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {everyone}",  # a second run starts from nothing
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {everyone}",
        f"GRANT CONNECT ON DATABASE {database} TO {reader}",
        f"GRANT USAGE ON SCHEMA {schema} TO {reader}",
        # reader: every table but the sensitive incident columns (column privileges: the app maps the one table)
        f"GRANT SELECT ON {', '.join(others)} TO {reader}",
        f"GRANT SELECT ({open_columns}) ON {q(INCIDENTS)} TO {reader}",
        # which incidents name a suspect (the pending-referral figure), not who: a view runs as its owner
        f"CREATE OR REPLACE VIEW {q(SUSPECT_KNOWN)} AS SELECT id FROM {q(INCIDENTS)} WHERE trim(suspect_names) <> ''",
        f"GRANT SELECT ON {q(SUSPECT_KNOWN)} TO {reader}",
        # analyst: every column (the table itself, as pg_dump's LOCK … ACCESS SHARE needs: a backup), records
        # written, audit entries added (never changed), sequences
        f"GRANT SELECT ON {q(INCIDENTS)} TO {analyst}",
        *(
            [
                f"GRANT SELECT ({unkept}) ON {q(AUDIT_ENTRIES)} TO {reader}",
                f"GRANT SELECT ON {q(AUDIT_ENTRIES)} TO {analyst}",
            ]
            if kept
            else []
        ),
        f"GRANT INSERT, UPDATE ON {', '.join(records)} TO {analyst}",
        f"GRANT DELETE ON {', '.join(q(t) for t in EDITED_LISTS + SYNC_ROWS if t in tables)} TO {analyst}",
        f"GRANT INSERT ON {q(AUDIT_ENTRIES)} TO {analyst}",
        f"GRANT UPDATE ({', '.join(q(c) for c in AUDIT_HEAD_CHAIN)}) ON {q(AUDIT_HEAD)} TO {analyst}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {analyst}",
        f"GRANT TEMPORARY ON DATABASE {database} TO {analyst}",  # the import's table of keys met
        # supervisor: deletes (and so restores what was deleted), changes directives; never the audit entries
        f"GRANT DELETE ON {', '.join(records)} TO {supervisor}",
        f"GRANT INSERT, UPDATE, DELETE ON {q(DIRECTIVES)} TO {supervisor}",
        *withheld_row_statements(q, reader, analyst, set(tables)),  # sensitive attachments: not a reader's
    ]
    for statement in done:
        connection.exec_driver_sql(statement)
    return done


def add_user(engine: Engine, name: str, role: TeamRole, password: str | None = None) -> bool:
    """Create login role `name` in `role` (or move an existing one there: out of the other team roles); with
    `password`, set it (hashed by libpq here: the server never sees it). Returns True when the login is new."""
    if not USER_NAME.match(name) or name.lower().startswith("pg_"):
        raise TeamSetupError(f"{name!r} cannot be a login name: use letters, digits, _ . @ - (at most 63), "
                             "starting with a letter or _, not pg_")  # fmt: skip
    if name in {r.value for r in TeamRole}:
        raise TeamSetupError(f"{name} is a group role; choose another login name")
    with engine.begin() as connection:
        _check_server(connection, tables=False)
        groups = _groups(connection)
        if role.value not in groups:
            raise TeamSetupError(f"there is no role {role.value} yet: run `incident-logger team init` first")
        found = connection.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = :name"), {"name": name}).first()
        if found is not None and found[0]:
            raise TeamSetupError(f"{name} is a superuser: the server lets it do everything whatever its role")
        user = _quote(connection, name)
        if found is None:
            connection.exec_driver_sql(f"CREATE ROLE {user} LOGIN")
        for other in TeamRole:
            if other is not role and other.value in groups:
                connection.exec_driver_sql(f"REVOKE {_quote(connection, other.value)} FROM {user}")
        connection.exec_driver_sql(f"GRANT {_quote(connection, role.value)} TO {user}")
        if password is not None:
            hashed = _hashed(connection, name, password)
            connection.exec_driver_sql(f"ALTER ROLE {user} PASSWORD '{hashed}'")
    return found is None


def _hashed(connection: Connection, name: str, password: str) -> str:
    """The password as the server keeps it (SCRAM-SHA-256, by libpq's PQencryptPasswordConn)."""
    raw = connection.connection.driver_connection
    pgconn = raw.pgconn  # type: ignore[union-attr]
    hashed: bytes = pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
    return hashed.decode("ascii")


def members(engine: Engine) -> list[TeamMember]:
    """The roles that hold a team role directly (the group roles themselves left out), by name."""
    with engine.connect() as connection:
        _check_server_only(connection)
        rows = connection.execute(text(
            "SELECT u.rolname, g.rolname, u.rolcanlogin FROM pg_auth_members m "
            "JOIN pg_roles u ON u.oid = m.member JOIN pg_roles g ON g.oid = m.roleid "
            "WHERE g.rolname IN ('incident_reader', 'incident_analyst', 'incident_supervisor') "
            "AND u.rolname NOT IN ('incident_reader', 'incident_analyst', 'incident_supervisor') "
            "ORDER BY u.rolname, g.rolname"))  # fmt: skip
        strongest: dict[str, TeamMember] = {}
        order = list(TeamRole)
        for name, group, login in rows:
            role = TeamRole(group)
            held = strongest.get(name)
            if held is None or order.index(role) > order.index(held.role):
                strongest[name] = TeamMember(name, role, bool(login))
        return list(strongest.values())


def _check_server_only(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        raise TeamSetupError("team roles are a PostgreSQL server's; a SQLite file has none")


def capabilities(connection: Connection) -> Capabilities:
    """What the connected login may do, as the server answers (its privileges, not its role's name)."""
    if connection.dialect.name != "postgresql":
        return EVERYTHING
    tables = set(inspect(connection).get_table_names())
    if INCIDENTS not in tables:
        return EVERYTHING  # no schema yet: opening creates it (as its owner)
    checks = {
        "user": "SELECT session_user",
        "sensitive": " AND ".join(
            f"has_column_privilege('incidents', '{c}', 'SELECT')" for c in SENSITIVE_INCIDENT_FIELDS
        ),
        "write": "has_table_privilege('incidents', 'INSERT') AND has_table_privilege('incidents', 'UPDATE')",
        "delete": "has_table_privilege('incidents', 'DELETE')",
        "directives": "has_table_privilege('directives', 'INSERT') AND has_table_privilege('directives', 'UPDATE')",
        "audit": "has_table_privilege('audit_entries', 'INSERT') "
        "AND has_column_privilege('audit_head', 'last_hash', 'UPDATE')",
        "temp": "has_database_privilege(current_database(), 'TEMPORARY')",
    }
    select = ", ".join(f"({sql.removeprefix('SELECT ')}) AS {name}" for name, sql in checks.items())
    row = connection.execute(text(f"SELECT {select}")).one()
    abilities = set()
    if row.sensitive:
        abilities.add(Ability.READ_SENSITIVE)
    if row.write and row.audit:
        abilities.add(Ability.WRITE_RECORDS)
        if row.temp:
            abilities.add(Ability.IMPORT)
    if row.delete and row.audit:
        abilities |= {Ability.DELETE_RECORDS, Ability.RESTORE_RECORDS}
    if row.directives and row.audit:
        abilities.add(Ability.CHANGE_DIRECTIVES)
    return Capabilities(str(row.user), _team_role(connection), frozenset(abilities), bool(row.audit))


def _team_role(connection: Connection) -> TeamRole | None:
    held: Sequence[str] = connection.execute(text(
        "SELECT rolname FROM pg_roles WHERE rolname IN ('incident_reader', 'incident_analyst', 'incident_supervisor') "
        "AND pg_has_role(current_user, oid, 'MEMBER')")).scalars().all()  # fmt: skip
    strongest = [role for role in TeamRole if role.value in held]
    return strongest[-1] if strongest else None
