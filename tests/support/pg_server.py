"""A throw-away PostgreSQL server for the test session: initdb into a temp dir, start, create databases, stop."""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

PG_BIN_ENV = "INCIDENT_LOGGER_PG_BIN"  # optional: directory holding initdb, pg_ctl and postgres
REQUIRED_PROGRAMS = ("initdb", "pg_ctl", "postgres")
SERVICE_USER = "postgres"  # Debian's postgresql package creates it; initdb and postgres refuse to run as root
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 20.0
PR_SET_PDEATHSIG = 1


class PostgresUnavailableError(RuntimeError):
    """No PostgreSQL server programs on this machine (install Debian's postgresql package)."""


def _version_key(directory: Path) -> tuple[int, ...]:
    version = directory.parent.name
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def find_bin_dir() -> Path:
    """The directory holding initdb, pg_ctl and postgres: $INCIDENT_LOGGER_PG_BIN if set, else the newest
    /usr/lib/postgresql/*/bin, else PATH. Raises PostgresUnavailableError naming where it looked."""
    if override := os.environ.get(PG_BIN_ENV):  # authoritative: also lets a test pretend there is no server
        candidates = [Path(override)]
    else:
        candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version_key, reverse=True)
        if found := shutil.which("initdb"):
            candidates.append(Path(found).parent)
    for directory in candidates:
        if all(os.access(directory / name, os.X_OK) for name in REQUIRED_PROGRAMS):
            return directory
    looked = ", ".join(str(c) for c in candidates) or "/usr/lib/postgresql/*/bin and PATH (nothing found)"
    raise PostgresUnavailableError(
        f"PostgreSQL server programs ({', '.join(REQUIRED_PROGRAMS)}) not found; looked in {looked}. "
        "Install Debian's postgresql package (make system-test) to run the PostgreSQL tests."
    )


def _die_with_parent() -> None:
    """In the child before exec: get SIGTERM when the test process dies, even by SIGKILL (Linux)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _reachable_by_others(directory: Path) -> bool:
    """Whether another user can traverse into `directory` (every folder on the way is o+x)."""
    return all(folder.stat().st_mode & stat.S_IXOTH for folder in (directory, *directory.resolve().parents))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class PostgresServer:
    """One postgres process on 127.0.0.1:<free port>, trust auth, fsync off, data in a temp dir.

    Use as a context manager (or call start()/stop()); stop() always ends the process and
    removes the directory. As root, initdb and postgres run as the `postgres` OS user.
    `host_auth="scram-sha-256"`: TCP logins need a password (the Unix socket, which the helpers
    below use, stays trust), as a team's server asks."""

    def __init__(
        self,
        bin_dir: Path | None = None,
        *,
        host_auth: str = "trust",
        keep_dir: Path | None = None,
        settings: dict[str, str] | None = None,
    ) -> None:
        """`keep_dir`: the server's directory, kept after stop() and its data used again by the next start
        (the benchmark's BENCH_KEEP); `settings`: postgres settings beside the defaults (e.g. shared_buffers)."""
        self.bin_dir = bin_dir or find_bin_dir()
        self.host_auth = host_auth
        self.keep_dir = keep_dir
        self.settings = settings or {}
        self.as_root = os.geteuid() == 0
        self.root: Path | None = None
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.startup_seconds = 0.0
        self._names = itertools.count(1)

    # -- lifecycle ---------------------------------------------------------------------------------
    def __enter__(self) -> PostgresServer:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def _command(self, program: str, *args: str) -> list[str]:
        command = [str(self.bin_dir / program), *args]
        return ["runuser", "-u", SERVICE_USER, "--", *command] if self.as_root else command

    @property
    def data_dir(self) -> Path:
        assert self.root is not None
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        assert self.root is not None
        return self.root / "server.log"

    def start(self) -> None:
        began = time.perf_counter()
        parent = Path(tempfile.gettempdir())
        if self.as_root and not _reachable_by_others(parent):  # the postgres user must reach the data dir
            parent = Path("/tmp")
        if self.keep_dir is not None:
            self.keep_dir.mkdir(parents=True, exist_ok=True)
            self.root = self.keep_dir
        else:
            self.root = Path(tempfile.mkdtemp(prefix="incident-logger-pg-", dir=parent))
        try:
            if self.as_root:
                shutil.chown(self.root, SERVICE_USER, SERVICE_USER)
            if not (self.data_dir / "PG_VERSION").exists():
                self._initdb()
            self.port = free_port()
            self._launch()
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.perf_counter() - began

    def _initdb(self) -> None:
        auth = ["-A", "trust"] if self.host_auth == "trust" else ["--auth-local=trust", f"--auth-host={self.host_auth}"]
        options = ["-D", str(self.data_dir), "-U", "postgres", *auth, "-E", "UTF8", "--locale=C"]
        result = subprocess.run(
            self._command("initdb", *options, "--no-sync", "--no-instructions"),
            capture_output=True,
            check=False,
            cwd=self.root,
        )
        if result.returncode != 0:
            output = (result.stdout + result.stderr).decode(errors="replace")
            raise RuntimeError(f"initdb failed with exit status {result.returncode}:\n{output}")

    def _launch(self) -> None:
        assert self.root is not None
        settings = {
            "listen_addresses": "127.0.0.1",
            "port": str(self.port),
            "unix_socket_directories": str(self.root),
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "max_connections": "50",
            "shared_buffers": "16MB",
            "max_wal_size": "256MB",
            **self.settings,
        }
        args = ["-D", str(self.data_dir)]
        for name, value in settings.items():
            args += ["-c", f"{name}={value}"]
        with open(self.log_file, "wb") as log:
            self.process = subprocess.Popen(
                self._command("postgres", *args),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.root,
                start_new_session=True,  # Ctrl-C in the terminal reaches pytest, which stops us in order
                preexec_fn=_die_with_parent if sys.platform == "linux" else None,
            )

    def _log_tail(self) -> str:
        try:
            return self.log_file.read_text(errors="replace")[-4000:]
        except OSError:
            return "(no server log)"

    def _wait_until_ready(self) -> None:
        import psycopg

        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"postgres exited with status {self.process.returncode}:\n{self._log_tail()}")
            try:
                with psycopg.connect(self.conninfo("postgres"), connect_timeout=2):
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"postgres did not accept connections within {START_TIMEOUT_S:.0f}s:\n{self._log_tail()}"
                    ) from None
                time.sleep(0.05)

    def _postmaster_pid(self) -> int | None:
        try:
            return int((self.data_dir / "postmaster.pid").read_text().split("\n", 1)[0])
        except (OSError, ValueError, AssertionError):
            return None

    def stop(self) -> None:
        """Fast shutdown (SIGINT to the postmaster), then SIGKILL if it lingers; remove the directory."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            pid = self._postmaster_pid()
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGINT) if pid else os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(STOP_TIMEOUT_S)
        if self.root is not None:
            if self.keep_dir is None:
                shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    # -- databases ---------------------------------------------------------------------------------
    def conninfo(self, database: str) -> str:
        host = "127.0.0.1" if self.host_auth == "trust" else self.root  # a password server: its trusted socket
        return f"host={host} port={self.port} user=postgres dbname={database}"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def execute(self, statement: str) -> None:
        """Run one statement in autocommit mode on the maintenance database."""
        import psycopg

        with psycopg.connect(self.conninfo("postgres"), autocommit=True) as connection:
            connection.execute(statement)  # type: ignore[arg-type]

    def create_database(self, template: str = "template0") -> str:
        """A new, uniquely named database copied from `template`; returns its name."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop_database(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    @contextlib.contextmanager
    def fresh_database(self, template: str = "template0") -> Iterator[str]:
        name = self.create_database(template)
        try:
            yield name
        finally:
            self.drop_database(name)
