"""The password server of the login tests: the login role `analyst`, its password, and its `team` database."""

from __future__ import annotations

from urllib.parse import quote

from support.pg_server import PostgresServer

LOGIN_PASSWORD = "Correct horse 9 battery"  # role `analyst` of the `password_server` fixture


def team_url(server: PostgresServer) -> str:
    """The URL of the `team` database, as a person writes it: no password in it."""
    return f"postgresql+psycopg://analyst@127.0.0.1:{server.port}/team"


def prepare(server: PostgresServer) -> None:
    """The role `analyst` with LOGIN_PASSWORD owning the database `team`, migrated (as `analyst`) once."""
    from desktop.services.session.service import DatabaseSessions

    server.execute(f"CREATE ROLE analyst LOGIN PASSWORD '{LOGIN_PASSWORD}'")
    server.execute("CREATE DATABASE team OWNER analyst")
    written = team_url(server).replace("analyst@", f"analyst:{quote(LOGIN_PASSWORD)}@")
    DatabaseSessions(None).open(written, lock=False).close()
