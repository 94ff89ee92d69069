"""`incident-logger backup` and `restore` on a PostgreSQL server: a pg_dump -Fc archive, checked, owner-only, that
pg_restore (or `restore` into an empty database) brings back with the same rows and a verifying audit chain; the
password passed in the environment, never on the command line; clear refusals."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from support.pg_older import fingerprint, require_client_programs
from support.pg_server import PostgresServer
from support.raw import Run, cli_runner

from desktop.persistence.opening import open_database
from desktop.services.demo import load_demo

pytestmark = pytest.mark.postgres
AUDIT_TABLES = ("audit_entries", "audit_head")  # a restore adds its own entry there


@pytest.fixture(scope="module")
def demo_template(postgres_server: PostgresServer) -> Iterator[str]:
    """A database at this version's schema holding the demo data, made once; each test copies it."""
    require_client_programs()
    name = postgres_server.create_database()
    database = open_database(postgres_server.url(name))
    try:
        load_demo(database)
    finally:
        database.close()
    try:
        yield name
    finally:
        postgres_server.drop_database(name)


@pytest.fixture
def demo_url(postgres_server: PostgresServer, demo_template: str) -> Iterator[str]:
    with postgres_server.fresh_database(template=demo_template) as name:
        yield postgres_server.url(name)


@pytest.fixture
def empty_url(postgres_server: PostgresServer) -> Iterator[str]:
    with postgres_server.fresh_database() as name:
        yield postgres_server.url(name)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def run(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return cli_runner(data_dir, capsys)


def records(url: str) -> dict[str, str]:
    """The fingerprint of every table but the audit trail's."""
    return {table: rows for table, rows in fingerprint(url).items() if table not in AUDIT_TABLES}


def test_backup_makes_an_archive_that_pg_restore_and_restore_bring_back(
    run: Run, postgres_server: PostgresServer, demo_url: str, empty_url: str, tmp_path: Path
) -> None:
    archive = tmp_path / "team.dump"
    status, out, err = run("--database-url", demo_url, "backup", "--to", str(archive))
    assert (status, err) == (0, "")
    assert out.startswith(f"backup written and checked: {archive}  ")
    assert "pg_dump custom-format archive of " in out
    assert archive.read_bytes()[:5] == b"PGDMP"  # the custom format's magic
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    listing = subprocess.run(["pg_restore", "--list", str(archive)], capture_output=True, text=True, check=True)
    assert "TABLE DATA public audit_entries" in listing.stdout

    with postgres_server.fresh_database() as plain:  # restored by hand with pg_restore: exactly what was dumped
        subprocess.run(["pg_restore", "--no-owner", "-d", postgres_server.conninfo(plain), str(archive)], check=True)
        assert fingerprint(postgres_server.url(plain)) == fingerprint(demo_url)
        status, out, _ = run("--database-url", postgres_server.url(plain), "audit", "verify")
        assert status == 0 and out.startswith("audit trail intact: ")

    status, out, err = run("--database-url", empty_url, "restore", str(archive))
    assert (status, err) == (0, "")
    assert "3 facilities, 3 incidents; audit trail intact" in out
    assert records(empty_url) == records(demo_url)
    status, out, _ = run("--database-url", empty_url, "audit", "verify")
    assert status == 0 and out.startswith("audit trail intact: ")


def test_backup_goes_to_the_backup_folder_named_after_the_database(run: Run, demo_url: str, data_dir: Path) -> None:
    (data_dir / "backups").mkdir(parents=True)
    killed = data_dir / "backups" / ".team-127.0.0.1-20261201-101010-manual.dump.partial-999999999"
    killed.write_bytes(b"PGDMP interrupted")  # left by a backup killed midway (no such process now)
    status, out, err = run("--database-url", demo_url, "backup")
    assert status == 0
    assert (
        err == f"incident-logger backup: removed an incomplete backup left by an interrupted run: {killed.name} "
        "(17 bytes)\n"
    )
    [archive] = (data_dir / "backups").glob("*.dump")
    database = demo_url.rsplit("/", 1)[1]
    assert archive.name.startswith(f"{database}-127.0.0.1-") and archive.name.endswith("-manual.dump")
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert str(archive) in out


def test_the_password_and_tls_settings_reach_pg_dump_through_its_environment(
    run: Run, demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pg_dump in front of the real one writes down its arguments and environment: no password among them."""
    real = shutil.which("pg_dump")
    assert real is not None
    tools, seen = tmp_path / "bin", tmp_path / "seen.txt"
    tools.mkdir()
    (tools / "pg_dump").write_text(
        f'#!/bin/sh\necho "args: $*" >> {seen}\necho "password: $PGPASSWORD sslmode: $PGSSLMODE" >> {seen}\n'
        f'exec {real} "$@"\n'
    )
    (tools / "pg_dump").chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    password = "s3cret w0rd"
    url = demo_url.replace("postgres@", f"postgres:{quote(password)}@") + "?sslmode=disable"
    status, _, err = run("--database-url", url, "backup", "--to", str(tmp_path / "b.dump"))
    assert (status, err) == (0, "")
    lines = seen.read_text().splitlines()
    arguments = [line for line in lines if line.startswith("args: ") and "--version" not in line]
    assert len(arguments) == 1 and "s3cret" not in arguments[0] and "--format=custom" in arguments[0]
    assert f"password: {password} sslmode: disable" in lines


def test_restore_never_goes_over_a_database_that_holds_tables(run: Run, demo_url: str, tmp_path: Path) -> None:
    archive = tmp_path / "team.dump"
    assert run("--database-url", demo_url, "backup", "--to", str(archive))[0] == 0
    before = fingerprint(demo_url)
    status, _, err = run("--database-url", demo_url, "restore", str(archive))
    assert status == 1
    assert "is not empty (it has alembic_version, attachments" in err
    assert "restore into a new database: createdb NAME" in err
    assert fingerprint(demo_url) == before


def test_restore_on_a_server_needs_an_archive_and_refuses_what_is_not_one(
    run: Run, empty_url: str, tmp_path: Path
) -> None:
    status, _, err = run("--database-url", empty_url, "restore", "--latest")
    assert status == 2 and "name the pg_dump archive to restore into an empty database" in err
    bogus = tmp_path / "notes.dump"
    bogus.write_text("not an archive\n")
    status, _, err = run("--database-url", empty_url, "restore", str(bogus))
    assert status == 1 and f"{bogus} is no readable pg_dump archive: pg_restore --list failed" in err
    assert fingerprint(empty_url) == {"(revision)": ""}


def test_backup_without_pg_dump_says_how_to_install_it(
    run: Run, demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    archive = tmp_path / "team.dump"
    status, out, err = run("--database-url", demo_url, "backup", "--to", str(archive))
    assert (status, out) == (1, "")
    assert "pg_dump was not found on PATH; install Debian's postgresql-client package" in err
    assert list(tmp_path.glob("*team.dump*")) == []


def test_restore_says_when_the_restored_audit_trail_does_not_verify(
    run: Run, postgres_server: PostgresServer, demo_url: str, empty_url: str, tmp_path: Path
) -> None:
    """The archive of a database whose trail was edited behind the app's back: restored, and the edit named."""
    database = demo_url.rsplit("/", 1)[1]
    with psycopg.connect(postgres_server.conninfo(database), autocommit=True) as connection:
        connection.execute("UPDATE audit_entries SET entity_uuid = 'forged' WHERE id = 2")
    archive = tmp_path / "team.dump"
    assert run("--database-url", demo_url, "backup", "--to", str(archive))[0] == 0
    status, out, _ = run("--database-url", empty_url, "restore", str(archive))
    assert status == 1
    assert "3 facilities, 3 incidents; AUDIT TRAIL PROBLEMS (" in out
    assert "(`incident-logger audit verify` lists them all)" in out


def test_backup_to_standard_output_streams_the_checked_archive(demo_url: str, data_dir: Path) -> None:
    """`backup --to /dev/stdout | ...`: the archive through the pipe, the words on stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "--database-url", demo_url,
         "backup", "--to", "/dev/stdout"],
        capture_output=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout[:5] == b"PGDMP" and len(done.stdout) > 10_000
    assert done.stderr.decode().startswith("backup written and checked: /dev/stdout  ")
