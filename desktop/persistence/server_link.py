"""A database server's connection: timeouts and keepalives, lost connections and serialization failures told apart."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from desktop.domain.errors import (
    CommitUnknownError,
    SerializationConflictError,
    ServerTimeoutError,
    ServerUnreachableError,
)

CONNECT_TIMEOUT_S = 5  # a server that does not answer a new connection within this is told unreachable
STATEMENT_TIMEOUT_MS = 30_000  # an ordinary query; a long one (an import) asks for more with long_statements()
LONG_STATEMENT_TIMEOUT_MS = 30 * 60_000
# a dead server or cable noticed in ~25 s when idle; data never acknowledged (a cable pulled mid-query) in 30 s
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 3,
              "tcp_user_timeout": 30_000}  # fmt: skip
CANCELLED_STATE = "57014"  # query_canceled: the statement timeout (or an administrator's pg_cancel_backend)
RETRYABLE_STATES = frozenset({"40001", "40P01"})  # serialization failure, deadlock: the server rolled back
LOST_STATES = frozenset({"57P01", "57P02", "57P03", "08000", "08003", "08006", "08001", "08004"})
ENVIRONMENT = {"connect_timeout": "PGCONNECT_TIMEOUT", "options": "PGOPTIONS"}  # libpq's own overrides


def server_connect_args(url: str) -> dict[str, Any]:
    """The driver's connect arguments for a PostgreSQL `url`: a 5 s connect timeout, a 30 s statement timeout and
    TCP keepalives (a dead server or cable is noticed in about 25 s), each left out when the URL's own parameters
    (or libpq's environment variable) already say it. Other databases: none."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return {}
    given = set(parsed.query)
    wanted: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S, **KEEPALIVES,
                              "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"}  # fmt: skip
    return {key: value for key, value in wanted.items()
            if key not in given and not os.environ.get(ENVIRONMENT.get(key, ""), "")}  # fmt: skip


CUT_MID_STATEMENT = "can't change 'autocommit' now"  # psycopg, pinging a connection whose socket closed mid-query


def count_cut_pings_as_lost(engine: Engine) -> None:
    """A pooled connection whose socket closed in the middle of a statement stays ACTIVE: the pool's ping then fails
    with psycopg's ProgrammingError instead of a lost connection. Count it as one, so that the pool opens a new
    connection (and a read or save is told "not reachable", never a programming error)."""

    @event.listens_for(engine, "handle_error")
    def lost_mid_statement(context: ExceptionContext) -> None:
        if CUT_MID_STATEMENT in str(context.original_exception):
            context.is_disconnect = True


def sqlstate(error: BaseException) -> str | None:
    """The SQLSTATE the server (or libpq) gave the driver's error under `error`, if any."""
    cause = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    state = getattr(cause, "sqlstate", None)
    return str(state) if state else None


def is_serialization_failure(error: BaseException) -> bool:
    """The server rolled the transaction back to keep concurrent ones apart: running it again is safe."""
    return sqlstate(error) in RETRYABLE_STATES


def is_connection_lost(error: BaseException) -> bool:
    """The server went away, refused or did not answer in time (not a refusal of the statement itself)."""
    if not isinstance(error, DBAPIError) or error.orig is None:
        return False
    if error.connection_invalidated:
        return True
    state = sqlstate(error)
    if state is not None:
        return state in LOST_STATES or state.startswith("08")
    module = type(error.orig).__module__
    return module.startswith("psycopg") and type(error.orig).__name__ == "OperationalError"


def unreachable(error: BaseException, *, writing: bool) -> ServerUnreachableError:
    """A sentence for a lost server; a write that failed before COMMIT was rolled back by the server."""
    reason = "the database server is not reachable (the connection was refused, dropped or not answered in time)"
    if writing:
        return ServerUnreachableError(f"Nothing was saved: {reason}. Your entries are kept; save again when the "
                                      "server is back.", writing=True)  # fmt: skip
    return ServerUnreachableError(f"Could not read the database: {reason}.")


def translate_server_error(error: BaseException, *, writing: bool) -> Exception | None:
    """The domain error a lost server or a serialization failure becomes, or None for any other error."""
    if is_serialization_failure(error):
        return SerializationConflictError(f"The server rolled the change back to keep it apart from another "
                                          f"one made at the same time (SQLSTATE {sqlstate(error)}).")  # fmt: skip
    if is_connection_lost(error):
        return unreachable(error, writing=writing)
    if sqlstate(error) == CANCELLED_STATE:
        done = "nothing was saved" if writing else "the records could not be read"
        return ServerTimeoutError(f"The database server cancelled the statement: it ran longer than the time allowed "
                                  f"for one ({STATEMENT_TIMEOUT_MS // 1000} s unless the connection sets another), or "
                                  f"an administrator stopped it; {done}.", writing=writing)  # fmt: skip
    return None


@contextmanager
def commit_outcome_unknown_on_loss() -> Iterator[None]:
    """Around COMMIT: a connection lost there leaves the outcome unknown (CommitUnknownError), never 'not saved'."""
    try:
        yield
    except SQLAlchemyError as error:
        if is_connection_lost(error):
            raise CommitUnknownError(
                "The connection to the database server dropped while saving: whether the change was saved is not "
                "known yet.",
                writing=True,
            ) from error
        raise


def long_statements(session: Session, milliseconds: int = LONG_STATEMENT_TIMEOUT_MS) -> None:
    """For the rest of the session's transaction on PostgreSQL, statements may run `milliseconds` (an import)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"SET LOCAL statement_timeout = {int(milliseconds)}"))


def server_answers(engine: Engine) -> bool:
    """Whether the database answers a new connection now (within the connect timeout): the retry's probe."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except SQLAlchemyError:
        return False
