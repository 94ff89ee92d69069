"""pg_dump / pg_restore of a PostgreSQL database: the URL passed through libpq (password in the child's environment),
custom-format archives written owner-only and checked with `pg_restore --list`, versions compared with the server's."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import make_url

from desktop.persistence.durable_files import flush_file, move_into_place
from desktop.persistence.engine import create_database_engine, login_password
from desktop.persistence.models import AuditRow

AUDIT_TABLE: str = AuditRow.__tablename__
INSTALL_HINT = "install Debian's postgresql-client package (apt-get install postgresql-client)"
TOOL_TIMEOUT_S = 6 * 3600  # a dump or restore of a very large database; never forever
_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?")
# URL query settings that libpq also reads from the environment: passed that way, never on a command line.
_ENVIRONMENT = {"sslmode": "PGSSLMODE", "sslrootcert": "PGSSLROOTCERT", "sslcert": "PGSSLCERT", "sslkey": "PGSSLKEY",
                "sslcrl": "PGSSLCRL", "sslcrldir": "PGSSLCRLDIR", "sslcompression": "PGSSLCOMPRESSION",
                "service": "PGSERVICE", "servicefile": "PGSERVICEFILE", "passfile": "PGPASSFILE",
                "connect_timeout": "PGCONNECT_TIMEOUT", "gssencmode": "PGGSSENCMODE", "options": "PGOPTIONS",
                "channel_binding": "PGCHANNELBINDING", "target_session_attrs": "PGTARGETSESSIONATTRS",
                "sslsni": "PGSSLSNI", "requirepeer": "PGREQUIREPEER", "krbsrvname": "PGKRBSRVNAME",
                "ssl_min_protocol_version": "PGSSLMINPROTOCOLVERSION",
                "ssl_max_protocol_version": "PGSSLMAXPROTOCOLVERSION"}  # fmt: skip
_SECRET = {"password", "sslpassword"}


class ServerDumpError(RuntimeError):
    """pg_dump or pg_restore is missing, too old, or failed; the message says why. Nothing was changed."""


@dataclass(frozen=True, slots=True)
class ArchiveCheck:
    """What `pg_restore --list` read in a custom-format archive."""

    path: Path
    size: int
    database: str  # the dumped database's name, from the archive's header
    tables: tuple[str, ...]  # the tables whose data it holds

    @property
    def names_audit_table(self) -> bool:
        return AUDIT_TABLE in self.tables


def libpq_environment(url: str, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a libpq program (pg_dump, pg_restore, psql) to reach the database of `url`: PGHOST, PGPORT,
    PGUSER, PGDATABASE, PGPASSWORD and the URL's TLS and other settings as their PG* variables, on top of `base`
    (default: this process's environment). Nothing of the URL needs to go on the command line."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ServerDumpError(f"{parsed.get_backend_name()} is no PostgreSQL database")
    environment = dict(os.environ if base is None else base)
    given = {"PGHOST": parsed.host, "PGPORT": str(parsed.port) if parsed.port else None,
             "PGUSER": parsed.username, "PGDATABASE": parsed.database,
             "PGPASSWORD": parsed.password if isinstance(parsed.password, str) else None}  # fmt: skip
    for name, value in parsed.query.items():
        single = value[-1] if isinstance(value, tuple) else value
        if name == "host":
            given["PGHOST"] = single
        elif name == "port":
            given["PGPORT"] = single
        elif name in _ENVIRONMENT:
            given[_ENVIRONMENT[name]] = single
        elif name in _SECRET:
            given["PGPASSWORD" if name == "password" else "PGSSLPASSWORD"] = single
    environment.update({key: value for key, value in given.items() if value})
    environment["PGAPPNAME"] = environment.get("PGAPPNAME", "") or "incident-logger backup"
    return environment


def connection_url(engine: Engine) -> str:
    """The URL an engine connects with, password included (Database.url masks it): for libpq_environment only,
    never for a message. A password given at login (not in the URL) is written in too, for pg_dump's environment."""
    password = login_password(engine)
    url = engine.url if password is None else engine.url._replace(password=password.reveal())
    return url.render_as_string(hide_password=False)


def database_label(url: str) -> str:
    """`<database>-<host>` of a server URL, in characters safe for a file name (a backup's name starts with it)."""
    parsed = make_url(url)
    label = re.sub(r"[^A-Za-z0-9._-]+", "_", f"{parsed.database or 'postgres'}-{parsed.host or 'local'}")
    return label.strip("_.") or "database"


def table_names(url: str) -> list[str]:
    """The tables in the database at `url` (its default schema), read without changing anything."""
    engine = create_database_engine(url)
    try:
        return sorted(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def find_tool(name: str) -> Path:
    """The program `name` (pg_dump, pg_restore) on PATH; ServerDumpError saying how to install it when missing."""
    found = shutil.which(name)
    if found is None:
        raise ServerDumpError(f"{name} was not found on PATH; {INSTALL_HINT}")
    return Path(found)


def tool_major(program: Path) -> int:
    """The major version of a PostgreSQL client program (`pg_dump --version`)."""
    output = _run([str(program), "--version"], dict(os.environ), program.name, timeout=60).stdout
    match = _VERSION.search(output)
    if match is None:
        raise ServerDumpError(f"{program} did not tell its version ({output.strip()!r})")
    return int(match[1])


def server_major(engine: Engine) -> int:
    """The major version of the server `engine` connects to (server_version_num 150018 -> 15)."""
    with engine.connect() as connection:
        number = int(connection.execute(text("SHOW server_version_num")).scalar_one())
    return number // 10000


def dump_database(url: str, destination: Path, *, engine: Engine | None = None) -> ArchiveCheck:
    """`pg_dump -Fc` of the schema and data of the database at `url` into `destination` (owner-only, written to a
    temporary file beside it, checked with `pg_restore --list`, flushed, then renamed into place; on any failure
    nothing is left). `engine`: an open engine on the same database, to read the server's version."""
    pg_dump, pg_restore = find_tool("pg_dump"), find_tool("pg_restore")
    dump_version = tool_major(pg_dump)
    own = engine is None
    engine = engine or create_database_engine(url)
    try:
        server_version = server_major(engine)
    finally:
        if own:
            engine.dispose()
    if dump_version < server_version:
        raise ServerDumpError(
            f"pg_dump {dump_version} is older than the server (PostgreSQL {server_version}) and cannot dump it; "
            f"install postgresql-client-{server_version} (PostgreSQL's apt repository has it) and put its pg_dump "
            "first on PATH"
        )
    environment = libpq_environment(url)
    temporary = destination.with_name(f".{destination.name}.partial-{os.getpid()}")
    destination.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(temporary, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600))  # pg_dump keeps the mode
        # --enable-row-security: a team login's dump, which row security concerns (sensitive attachments are not a
        # reader's; an analyst sees every row), is refused without it; the tables' owner is not concerned
        _run([str(pg_dump), "--format=custom", "--enable-row-security", f"--file={temporary}"], environment,
             "pg_dump")  # fmt: skip
        check = list_archive(temporary, pg_restore)
        if not check.names_audit_table:
            raise ServerDumpError(f"the dump holds no {AUDIT_TABLE} table: is this an Incident Logger database?")
        flush_file(temporary)
        move_into_place(temporary, destination)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return ArchiveCheck(destination, destination.stat().st_size, check.database, check.tables)


def list_archive(path: Path, pg_restore: Path | None = None) -> ArchiveCheck:
    """Read the table of contents of a custom-format archive (`pg_restore --list`); ServerDumpError when it is not
    one, or cannot be read."""
    program = pg_restore or find_tool("pg_restore")
    listing = _run([str(program), "--list", str(path)], dict(os.environ), "pg_restore --list", timeout=600).stdout
    database = re.search(r"^;\s+dbname:\s*(.*)$", listing, re.MULTILINE)
    tables = tuple(match[1] for match in re.finditer(r"TABLE DATA \S+ (\S+) ", listing))
    return ArchiveCheck(path, path.stat().st_size, database[1].strip() if database else "", tables)


def restore_archive(archive: Path, url: str) -> None:
    """`pg_restore` of `archive` into the database at `url`, which must hold no tables: in one transaction that stops
    at the first error (so all or nothing), objects owned by the restoring login (--no-owner)."""
    pg_restore = find_tool("pg_restore")
    list_archive(archive, pg_restore)  # an archive that cannot be read says so before anything is tried
    environment = libpq_environment(url)
    name = environment.get("PGDATABASE", "")
    if not name or "=" in name:
        raise ServerDumpError("the database URL names no database to restore into")
    command = [str(pg_restore), "--single-transaction", "--exit-on-error", "--no-owner", f"--dbname={name}",
               str(archive)]  # fmt: skip
    _run(command, environment, "pg_restore")


def _run(command: list[str], environment: dict[str, str], what: str, timeout: float = TOOL_TIMEOUT_S) -> ProcessResult:
    began = time.perf_counter()
    try:
        result = subprocess.run(command, env=environment, capture_output=True, text=True, errors="replace",
                                timeout=timeout, stdin=subprocess.DEVNULL, check=False)  # fmt: skip
    except OSError as error:
        raise ServerDumpError(f"{what} could not be run: {error.strerror or error}") from None
    except subprocess.TimeoutExpired:
        raise ServerDumpError(f"{what} did not finish within {timeout:.0f} s") from None
    if result.returncode != 0:
        said = " ".join(line.strip() for line in result.stderr.splitlines() if line.strip())[:2000]
        raise ServerDumpError(f"{what} failed (exit status {result.returncode}): {said or 'no message'}")
    return ProcessResult(result.stdout, time.perf_counter() - began)


@dataclass(frozen=True, slots=True)
class ProcessResult:
    stdout: str
    seconds: float
