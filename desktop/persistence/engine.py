"""Engine factory: SQLite pragmas (WAL, synchronous=FULL, foreign keys, busy timeout, secure_delete), 0600 files."""

from __future__ import annotations

import os
import weakref
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from desktop.domain.passphrases import Passphrase
from desktop.persistence import cipher
from desktop.persistence.private_files import make_private_folder, restrict_to_owner
from desktop.persistence.server_link import server_connect_args

BUSY_TIMEOUT_MS = 15_000
APPLICATION = "incident-logger"  # the start of every PostgreSQL connection's application_name
IMMEDIATE = "sqlite_begin_immediate"
ENCRYPTED_CACHE_KIB = 128 * 1024  # decrypted pages kept per connection (filled as read): not decrypted again


def sqlite_url(path: Path) -> str:
    """URL of the SQLite file `path`. A "?" would end the path in a URL, so such a path becomes a
    SQLite URI filename (percent-encoded) instead; sqlite_file() turns either back into the path."""
    if "?" in str(path):
        return f"sqlite+pysqlite:///file:{quote(str(path))}?uri=true"
    return f"sqlite+pysqlite:///{path}"


def sqlite_file(url: str) -> Path | None:
    """The database file behind a SQLite URL, or None for other databases and :memory:."""
    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or database in (None, "", ":memory:"):
        return None
    if parsed.query.get("uri") == "true" and database.startswith("file:"):
        path = unquote(urlsplit(database).path)
        return None if path in ("", ":memory:") else Path(path)
    return Path(database)


def create_owner_only_file(path: Path) -> None:
    """Create `path` (mode 0600, its new folders 0700; on Windows an ACL of the user alone: restrict_to_owner) if it
    does not exist; SQLite gives -wal/-shm the same mode on POSIX (on Windows they take the folder's ACL)."""
    make_private_folder(path.parent)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    restrict_to_owner(path)


def display_url(url: str) -> str:
    """The URL with any password masked, for messages and window titles; a server's in libpq's form (`postgresql://`,
    as psql takes it: the driver this program uses is no one's business)."""
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "postgresql":
            parsed = parsed.set(drivername="postgresql")
        return parsed.render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return url if "@" not in url else "<unparsable database URL>"


def with_driver(url: str) -> str:
    """`url` naming this program's PostgreSQL driver when it names none: `postgresql://…` (libpq's own form, the one
    psql and the sync window's example use) and `postgres://…` read as `postgresql+psycopg://…` (psycopg 3; left
    alone, SQLAlchemy would pick psycopg2, which is not installed). Anything else is returned unchanged."""
    for scheme in ("postgresql://", "postgres://"):
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url.removeprefix(scheme)
    return url


def database_url(given: str) -> str:
    """What a person gave as --database-url: a URL (see `with_driver`), or a plain file path (no `scheme://`), read
    as that SQLite file."""
    if "://" not in given:
        return sqlite_url(Path(given).expanduser().absolute())
    return with_driver(given)


def create_database_engine(url: str, *, create: bool = True, password: Passphrase | None = None) -> Engine:
    """An engine for `url`; a new SQLite file is created owner-only when `create` is true. `password`: a server's
    login password (asked, or from the OS keyring), handed to the driver at each connection and never written in
    the engine's URL; without it libpq finds its own (the URL, PGPASSWORD, ~/.pgpass, a service file)."""
    url = with_driver(url)
    path = sqlite_file(url)
    if path is None:
        engine = create_engine(
            url, pool_pre_ping=True, connect_args=_server_connect_args(url) | server_connect_args(url)
        )
        if password is not None:
            _log_in_with(engine, password)
        return engine
    if create and not path.exists():
        create_owner_only_file(path)
    key = cipher.file_key(path)  # raises KeyNeeded: an encrypted file that no known passphrase opens
    if key is None:
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    else:
        engine = create_engine(url, module=cipher.driver_module(), creator=lambda: cipher.connect(
            path, key=key, timeout=BUSY_TIMEOUT_MS / 1000, any_thread=True, cache_kib=ENCRYPTED_CACHE_KIB))  # fmt: skip
    _configure_sqlite(engine)
    return engine


_LOGIN_PASSWORDS: weakref.WeakKeyDictionary[Engine, Passphrase] = weakref.WeakKeyDictionary()


def login_password(engine: Engine) -> Passphrase | None:
    """The password an engine hands the server at each connection (asked or remembered), if it was given one."""
    return _LOGIN_PASSWORDS.get(engine)


def _log_in_with(engine: Engine, password: Passphrase) -> None:
    _LOGIN_PASSWORDS[engine] = password

    @event.listens_for(engine, "do_connect")
    def on_connect(_dialect: Any, _record: Any, _args: Any, kwargs: dict[str, Any]) -> None:
        kwargs["password"] = password.reveal()  # read only here, as libpq is handed it


def application_name() -> str:
    """What every PostgreSQL connection of this program calls itself (pg_stat_activity.application_name): its version
    and the schema revision it works with, so that an upgrade can tell which connected clients are older."""
    from desktop import __version__
    from desktop.persistence.revisions import head_revision

    return f"{APPLICATION} {__version__} schema {head_revision()}"


def _server_connect_args(url: str) -> dict[str, Any]:
    """A server connection's libpq settings: its application_name, unless the URL names one itself."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or "application_name" in parsed.query:
        return {}
    return {"application_name": application_name()}


def is_encrypted(engine: Engine) -> bool:
    """True when the engine's connections are SQLCipher's (an encrypted database file)."""
    return engine.dialect.name == "sqlite" and engine.dialect.dbapi is cipher.driver_module()


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, issue BEGIN, so that writes can use BEGIN IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA secure_delete = ON")  # deleted and overwritten values are zeroed, not left in the file
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
