"""Logging in to a PostgreSQL server: who and where a URL logs in as (libpq's defaults), a refused or missing password
told apart from other failures, a password kept only in the OS keyring under `user@host:port/db`."""

from __future__ import annotations

import getpass
import logging
import os
from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from desktop.domain.passphrases import Passphrase

KEYRING_SERVICE = "Incident Logger server password"
DEFAULT_PORT = 5432
PASSWORD_REFUSED = ("password authentication failed",)  # the server's words (FATAL 28P01) for a wrong password
PASSWORD_MISSING = ("no password supplied",)  # libpq's: the server asked for one and none was found
TLS_REFUSED = ("server does not support ssl",)  # the URL's sslmode asks for TLS the server does not offer
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LoginTarget:
    """Whom and where a server URL logs in as: the URL's parts, else libpq's environment (PGUSER, PGHOST, PGPORT,
    PGDATABASE) and defaults; `service` names a connection service (a pg_service.conf section) when the URL uses
    one. Holds no password."""

    user: str
    host: str
    port: int
    database: str
    service: str | None = None

    @property
    def account(self) -> str:
        """The keyring entry's name: `user@host:port/db` (`user@service=NAME` for a connection service)."""
        if self.service is not None and not self.host:
            return f"{self.user}@service={self.service}"
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @property
    def server(self) -> str:
        """Where, for people: `host:port/db`, or `service NAME`."""
        if self.service is not None and not self.host:
            return f"service {self.service}"
        return f"{self.host}:{self.port}/{self.database}"

    def recall(self) -> Passphrase | None:
        """The password remembered for this login in the OS keyring, or None (none kept, no keyring, locked)."""
        try:
            import keyring

            text = keyring.get_password(KEYRING_SERVICE, self.account)
        except Exception:  # no keyring here, locked, or refused: the password is asked
            return None
        return Passphrase(text) if text else None

    def remember(self, password: Passphrase) -> bool:
        """Keep the password in the OS keyring; False (and nothing written anywhere) when no keyring takes it."""
        try:
            import keyring

            keyring.set_password(KEYRING_SERVICE, self.account, password.reveal())
            return keyring.get_password(KEYRING_SERVICE, self.account) == password.reveal()
        except Exception as error:  # the error's text never holds the secret; its type is enough
            log.info("the keyring did not keep the password of %s (%s)", self.account, type(error).__name__)
            return False

    def forget(self) -> None:
        """Remove the remembered password (the server refused it)."""
        try:
            import keyring

            keyring.delete_password(KEYRING_SERVICE, self.account)
        except Exception:  # nothing kept, or no keyring: nothing to forget
            return


def login_target(url: str) -> LoginTarget | None:
    """The login of a PostgreSQL `url` (None for any other database, or no URL at all)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None
    if parsed.get_backend_name() != "postgresql":
        return None
    query = {key: (value if isinstance(value, str) else value[0]) for key, value in parsed.query.items()}
    service = query.get("service") or os.environ.get("PGSERVICE") or None
    user = parsed.username or query.get("user") or os.environ.get("PGUSER") or ("" if service else _os_user())
    host = parsed.host or query.get("host") or os.environ.get("PGHOST") or ("" if service else "localhost")
    try:
        port = int(parsed.port or query.get("port") or os.environ.get("PGPORT") or DEFAULT_PORT)
    except ValueError:
        port = DEFAULT_PORT
    database = parsed.database or query.get("dbname") or os.environ.get("PGDATABASE") or user
    return LoginTarget(user, host, port, database, service)


def with_user(url: str, user: str) -> str:
    """`url` logging in as `user` (the login dialog's user name), its password left out."""
    return passwordless(make_url(url)._replace(username=user or None))


def with_password(url: str, password: str) -> str:
    """`url` with `password` written in it: only for a child program's libpq environment (server_dumps), never shown."""
    return make_url(url)._replace(password=password).render_as_string(hide_password=False)


def passwordless(url: URL) -> str:
    """`url` written without its password (what may be shown, logged and kept in the settings). URL.set(password=None)
    would keep it: None there means "unchanged"."""
    return url._replace(password=None).render_as_string(hide_password=False)


def login_failure(error: BaseException) -> str | None:
    """The reason when `error` is a server asking for a password that was missing or refused (libpq's or the
    server's words, without the connection preamble); None for any other failure."""
    text = _driver_text(error)
    lowered = text.lower()
    if not any(words in lowered for words in PASSWORD_REFUSED + PASSWORD_MISSING):
        return None
    reason = text.rsplit(" failed: ", 1)[-1]  # 'connection to server at "h", port p failed: FATAL: …'
    return " ".join(reason.removeprefix("FATAL:").removeprefix("fe_sendauth:").split())


def tls_hint(error: BaseException) -> str | None:
    """What to do when the URL's sslmode asks for TLS that the server does not offer; None for other errors."""
    if not any(words in _driver_text(error).lower() for words in TLS_REFUSED):
        return None
    return ("the database URL asks for an encrypted connection (sslmode=require, verify-ca or verify-full) and the "
            "server offers none: ask its administrator to turn TLS on, or use sslmode=prefer or disable only on a "
            "network you trust")  # fmt: skip


def password_given(url: str) -> bool:
    """True when `url` itself writes a password (libpq's other sources are then not used)."""
    try:
        return make_url(url).password is not None
    except (ArgumentError, ValueError):
        return False


def _driver_text(error: BaseException) -> str:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, DBAPIError) and cause.orig is not None:
            cause = cause.orig
            break
        if type(cause).__module__.startswith("psycopg"):
            break
        cause = cause.__cause__
    return " ".join(str(cause if cause is not None else error).split())


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        return ""
