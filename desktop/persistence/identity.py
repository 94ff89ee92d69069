"""Who is writing and what time it is: the server's login role and clock on PostgreSQL, the OS user on SQLite."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

Clock = Callable[[], datetime]
USER_LENGTH = 200  # the created_by / updated_by / actor columns
SERVER_NOW = text("SELECT date_trunc('second', clock_timestamp() AT TIME ZONE 'UTC')")


def os_user() -> str | None:
    """The operating system's name for the person running the program (getpass: LOGNAME, USER, the password
    database...), else the numeric user id; None when not even that is known (never an invented name)."""
    try:
        name = getpass.getuser().strip()
    except (OSError, KeyError, ImportError):  # no variable set and no entry in the password database
        name = ""
    if not name and hasattr(os, "getuid"):
        name = f"uid {os.getuid()}"
    return name[:USER_LENGTH] or None


def session_user(session: Session) -> str | None:
    """The user the database knows this connection as: PostgreSQL's session_user (the login role, unchanged by
    SET ROLE), the OS user for a SQLite file."""
    if session.get_bind().dialect.name != "postgresql":
        return os_user()
    name = session.scalar(text("SELECT session_user"))
    return str(name)[:USER_LENGTH] if name else None


def overrides_server(clock: Clock) -> bool:
    """Whether `clock` decides the stamps even on a server: only a clock that says so (a test's fake clock,
    `overrides_server = True`); every other clock is the client's, used where the database has none."""
    return bool(getattr(clock, "overrides_server", False))


class ServerClock:
    """The server's clock, read through one unit of work's session: clock_timestamp() at UTC, naive, to the second
    (as utc_now stores it). `per_batch`: a writer of many entries at once reads it once for all of them."""

    per_batch = True

    def __init__(self, session: Session) -> None:
        self.session = session

    def __call__(self) -> datetime:
        moment = self.session.scalar(SERVER_NOW)
        assert isinstance(moment, datetime)
        return moment.replace(tzinfo=None, microsecond=0)


def writing_clock(session: Session, client: Clock) -> Clock:
    """The clock a unit of work stamps with: the server's on PostgreSQL (unless `client` overrides it), else
    `client`."""
    if session.get_bind().dialect.name == "postgresql" and not overrides_server(client):
        return ServerClock(session)
    return client
