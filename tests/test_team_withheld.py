"""Attachments marked sensitive are withheld from a team's readers by the server (row-level security): psql as a
reader reads neither the row nor its stored bytes nor its custody log; the app says how many are withheld; analysts
and supervisors see every one, and their backups (pg_dump under row security) hold every one."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from support.pg_server import PostgresServer
from support.pg_team import make_team

from desktop.cli import main

pytestmark = pytest.mark.postgres

READER, ANALYST = "withheld_reader_ray", "withheld_analyst_ana"


class Team:
    def __init__(self, server: PostgresServer, name: str, incident: str) -> None:
        self.server, self.name, self.incident = server, name, incident
        self.owner_url = server.url(name)

    def url(self, login: str) -> str:
        return self.owner_url.replace("postgres@", f"{login}@")

    def psql(self, login: str, statement: str) -> str:
        """`statement` run by the psql program as `login` (unaligned, tuples only)."""
        psql = shutil.which("psql") or str(self.server.bin_dir / "psql")
        done = subprocess.run([psql, "-h", "127.0.0.1", "-p", str(self.server.port), "-U", login, "-d", self.name,
                               "-XAtc", statement], capture_output=True, text=True, check=True, timeout=60)  # fmt: skip
        return done.stdout.strip()


@pytest.fixture(scope="module")
def team(postgres_server: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Team]:
    """The demo and a threat letter with two attachments, one marked sensitive (with a custody entry), as the owner."""
    with postgres_server.fresh_database() as name:
        url = postgres_server.url(name)
        incident = make_team(url, ((READER, "reader"), (ANALYST, "analyst")), title="Threat letter",
                             suspect="Jane Q. Suspect", personal="born 1990")  # fmt: skip
        folder = tmp_path_factory.mktemp("files")
        (folder / "envelope.txt").write_text("the envelope, photographed")
        (folder / "suspect.txt").write_text("a photograph of the suspect")
        assert main(["--database-url", url, "attachments", "add", "--incident", incident,
                     str(folder / "envelope.txt")]) == 0  # fmt: skip
        assert main(["--database-url", url, "attachments", "add", "--incident", incident, "--sensitive",
                     str(folder / "suspect.txt")]) == 0  # fmt: skip
        with psycopg.connect(f"host=127.0.0.1 port={postgres_server.port} user=postgres dbname={name}") as owner:
            [(uuid,)] = owner.execute("SELECT uuid FROM attachments WHERE sensitive").fetchall()
        assert main(["--database-url", url, "attachments", "custody", str(uuid), "--from", "Officer Lee", "--by",
                     "Evidence room", "--date", "2024-02-11"]) == 0  # fmt: skip
        yield Team(postgres_server, name, incident)


def test_psql_as_a_reader_reads_no_sensitive_attachment_nor_its_bytes(team: Team) -> None:
    assert team.psql(READER, "SELECT file_name FROM attachments ORDER BY id") == "envelope.txt"
    assert team.psql(READER, "SELECT count(*) FROM custody_entries") == "0"  # the suspect photo's log
    assert team.psql(READER, "SELECT count(*) FROM evidence_blobs") == "1"
    assert team.psql(READER, "SELECT string_agg(convert_from(data, 'UTF8'), '') FROM evidence_chunks") == (
        "the envelope, photographed"
    )
    assert team.psql(READER, "SELECT sum(withheld) FROM withheld_attachments") == "1"  # how many, not which
    assert team.psql(ANALYST, "SELECT string_agg(file_name, ',' ORDER BY id) FROM attachments") == (
        "envelope.txt,suspect.txt"
    )
    assert team.psql(ANALYST, "SELECT count(*) FROM custody_entries") == "1"
    assert team.psql(ANALYST, "SELECT count(*) FROM evidence_chunks") == "2"


def test_the_app_tells_a_reader_how_many_are_withheld(team: Team, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    capsys.readouterr()
    assert main(["--database-url", team.url(READER), "attachments", "list", "--incident", team.incident]) == 0
    out, err = capsys.readouterr()
    assert "envelope.txt" in out and "suspect.txt" not in out
    assert "1 attachment; 1 more marked sensitive withheld: your role cannot read them" in err
    assert main(["--database-url", team.url(ANALYST), "attachments", "list", "--incident", team.incident]) == 0
    out, err = capsys.readouterr()
    assert "suspect.txt" in out and "withheld" not in err


def test_an_analysts_backup_holds_every_attachment(team: Team, tmp_path: Path) -> None:
    """pg_dump by a login that row security concerns runs with --enable-row-security (else it is refused)."""
    archive = tmp_path / "team.dump"
    assert main(["--database-url", team.url(ANALYST), "backup", "--to", str(archive)]) == 0
    with psycopg.connect(f"host=127.0.0.1 port={team.server.port} user=postgres dbname=postgres",
                         autocommit=True) as admin:  # fmt: skip
        admin.execute("CREATE DATABASE withheld_restored")
    try:
        restored = team.server.url("withheld_restored")
        assert main(["--database-url", restored, "restore", str(archive)]) == 0
        with psycopg.connect(f"host=127.0.0.1 port={team.server.port} user=postgres dbname=withheld_restored") as c:
            assert c.execute("SELECT count(*) FROM attachments WHERE sensitive").fetchone() == (1,)
            assert c.execute("SELECT count(*) FROM evidence_chunks").fetchone() == (2,)
    finally:
        with psycopg.connect(f"host=127.0.0.1 port={team.server.port} user=postgres dbname=postgres",
                             autocommit=True) as admin:  # fmt: skip
            admin.execute("DROP DATABASE IF EXISTS withheld_restored")


def test_a_team_made_before_gets_the_protection_when_its_owner_opens_it(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    """A server whose `team init` came from an older version (no row security, no view): opening it as the owner
    grants again, with no migration; opening it as a team login changes nothing."""
    with postgres_server.fresh_database() as name:
        url = postgres_server.url(name)
        incident = make_team(url, ((READER, "reader"),), title="Letter", suspect="S", personal="P")
        (tmp_path / "face.txt").write_text("a face")
        assert main(["--database-url", url, "attachments", "add", "--incident", incident, "--sensitive",
                     str(tmp_path / "face.txt")]) == 0  # fmt: skip
        team = Team(postgres_server, name, incident)
        older = ["DROP VIEW withheld_attachments"] + [
            f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY"
            for table in ("attachments", "custody_entries", "evidence_blobs", "evidence_chunks")
        ]
        for statement in older:
            team.psql("postgres", statement)
        assert team.psql(READER, "SELECT count(*) FROM attachments") == "1"  # as an older team init left it
        assert main(["--database-url", team.url(READER), "list"]) == 0  # a reader's opening changes nothing
        assert team.psql(READER, "SELECT count(*) FROM attachments") == "1"
        assert main(["--database-url", url, "list"]) == 0  # the owner's opening grants again
        assert team.psql(READER, "SELECT count(*) FROM attachments") == "0"
        assert team.psql(READER, "SELECT sum(withheld) FROM withheld_attachments") == "1"
