"""Team roles enforced by the PostgreSQL server: `team init` / `add-user` / `list`, three logins (reader, analyst,
supervisor) each doing through the app's services what its role allows and refused the rest by the server, proven
with raw SQL and with psql as the reader too."""

from __future__ import annotations

import csv as csv_module
import io
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import psycopg
import pytest
from support.pg_server import PostgresServer
from support.pg_team import make_team

from desktop.cli import main
from desktop.domain.enums import DirectiveScope
from desktop.domain.errors import PermissionDeniedError
from desktop.domain.queries import IncidentFilter
from desktop.domain.records import SENSITIVE_INCIDENT_FIELDS, Directive, Facility, Incident
from desktop.domain.roles import Ability, TeamRole
from desktop.persistence.engine import create_database_engine
from desktop.persistence.team_roles import grant_again
from desktop.persistence.unit_of_work import Database
from desktop.services.audit import keep_sensitive_values, verify_chain
from desktop.services.csv.export import export_incidents
from desktop.services.dashboard import dashboard_data
from desktop.services.records import RecordServices
from desktop.services.session.service import DatabaseSessions
from desktop.services.statistics import summarize

pytestmark = pytest.mark.postgres

READER, ANALYST, SUPERVISOR = "team_reader_ann", "team_analyst_bo", "team_supervisor_cy"
SECRET = "Jane Q. Suspect"


@dataclass
class Team:
    server: PostgresServer
    name: str
    owner_url: str
    secret_uuid: str

    def url(self, login: str) -> str:
        return self.owner_url.replace("postgres@", f"{login}@")

    def sql(self, login: str, statement: str) -> list[tuple[object, ...]]:
        """Run one statement as `login` with plain psycopg (no app code in the way); its rows."""
        conninfo = f"host=127.0.0.1 port={self.server.port} user={login} dbname={self.name}"
        with psycopg.connect(conninfo, autocommit=True) as connection:
            cursor = connection.execute(statement)  # type: ignore[arg-type]
            return cursor.fetchall() if cursor.description else []


@pytest.fixture(scope="module")
def team(postgres_server: PostgresServer) -> Iterator[Team]:
    """One database: the demo records and an incident with a suspect's name, team init (twice: idempotent), and
    the three logins added with `team add-user`."""
    with postgres_server.fresh_database() as name:
        url = postgres_server.url(name)
        logins = ((READER, "reader"), (ANALYST, "analyst"), (SUPERVISOR, "incident_supervisor"))
        secret = make_team(url, logins, title="Threat letter", suspect=SECRET, personal="born 1990", init_twice=True)
        yield Team(postgres_server, name, url, secret)


@pytest.fixture
def as_login(team: Team) -> Iterator[dict[str, Database]]:
    sessions = DatabaseSessions(None)
    opened: dict[str, Database] = {}

    yield opened
    for database in opened.values():
        sessions.close(database)


def open_as(team: Team, login: str, opened: dict[str, Database]) -> Database:
    database = DatabaseSessions(None).open(team.url(login), lock=False)
    opened[login] = database
    return database


def test_team_list_and_moving_a_login(team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", team.owner_url, "team", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert f"{READER}\tincident_reader" in lines
    assert f"{ANALYST}\tincident_analyst" in lines
    assert f"{SUPERVISOR}\tincident_supervisor" in lines
    assert main(["--database-url", team.owner_url, "team", "add-user", "team_mover", "reader"]) == 0
    assert main(["--database-url", team.owner_url, "team", "add-user", "team_mover", "analyst"]) == 0
    assert "moved login team_mover to incident_analyst" in capsys.readouterr().out
    held = team.sql("postgres", "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                                "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = 'team_mover'")  # fmt: skip
    assert held == [("incident_analyst",)]  # moved: no longer a reader


def test_refused_without_createrole_and_on_sqlite(team: Team, sqlite_url: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    assert main(["--database-url", team.url(SUPERVISOR), "team", "add-user", "team_sneak", "supervisor"]) == 2
    error = capsys.readouterr().err
    assert f"the login {SUPERVISOR} may not create roles (it lacks CREATEROLE)" in error
    assert "Traceback" not in error
    assert team.sql("postgres", "SELECT 1 FROM pg_roles WHERE rolname = 'team_sneak'") == []
    assert main(["--database-url", sqlite_url, "--create", "team", "init"]) == 2
    assert "team roles are a PostgreSQL server's" in capsys.readouterr().err
    assert main(["--database-url", team.owner_url, "team", "add-user", "pg_x", "reader"]) == 2
    assert "cannot be a login name" in capsys.readouterr().err
    with pytest.raises(SystemExit) as parsed:
        main(["--database-url", team.owner_url, "team", "add-user", "x", "boss"])
    assert parsed.value.code == 2
    assert "'boss' is no team role; give one of reader, analyst, supervisor" in capsys.readouterr().err


def test_capabilities_as_the_server_answers(team: Team, as_login: dict[str, Database]) -> None:
    reader, analyst, supervisor = (open_as(team, login, as_login) for login in (READER, ANALYST, SUPERVISOR))
    assert reader.capabilities.role is TeamRole.READER and reader.capabilities.abilities == frozenset()
    assert not reader.capabilities.writes_audit
    assert reader.capabilities.withheld_fields == frozenset(SENSITIVE_INCIDENT_FIELDS)
    assert analyst.capabilities.role is TeamRole.ANALYST
    assert analyst.capabilities.abilities == {Ability.READ_SENSITIVE, Ability.WRITE_RECORDS, Ability.IMPORT}
    assert supervisor.capabilities.role is TeamRole.SUPERVISOR
    assert supervisor.capabilities.abilities == frozenset(Ability)
    assert reader.capabilities.refusal(Ability.WRITE_RECORDS) == "Your role, incident_reader, cannot change records"


def test_reader_reads_everything_but_the_sensitive_fields(team: Team, as_login: dict[str, Database],
                                                          tmp_path: Path) -> None:  # fmt: skip
    reader = open_as(team, READER, as_login)
    services = RecordServices.of(reader)
    listed = services.incidents.page()
    assert listed and all(i.withheld == frozenset(SENSITIVE_INCIDENT_FIELDS) for i in listed)
    incident = services.incidents.get(team.secret_uuid)
    assert incident.withheld == frozenset(SENSITIVE_INCIDENT_FIELDS)
    assert incident.suspect_names == "" and incident.personal_details == ""
    assert services.facilities.page() and services.plan_items.page() is not None
    assert services.incidents.count() == len(listed)
    dashboard_data(reader, None, date(2026, 12, 1))  # the dashboard's figures read no sensitive column
    assert summarize(reader).incidents == len(listed)
    pending = IncidentFilter(pending_referral=True)  # a suspect named: told by team init's view, not the names
    owner = RecordServices.of(open_as(team, "postgres", as_login)).incidents
    assert {i.uuid for i in services.incidents.page(pending)} == {i.uuid for i in owner.page(pending)}
    assert services.incidents.count(pending) == owner.count(pending) >= 1
    target = tmp_path / "incidents.csv"
    result = export_incidents(reader, str(target))
    text = target.read_text(encoding="utf-8")
    assert result.rows == len(listed)
    assert "suspect_names" not in text.splitlines()[0] and SECRET not in text  # left out, not shown empty
    assert "personal_details" not in result.columns


def test_reader_is_refused_every_change_by_the_server(team: Team, as_login: dict[str, Database]) -> None:
    reader = open_as(team, READER, as_login)
    services = RecordServices.of(reader)
    incident = services.incidents.get(team.secret_uuid)
    with pytest.raises(PermissionDeniedError) as refused:
        services.incidents.update(replace(incident, title="changed by a reader"))
    assert refused.value.role == "incident_reader"
    assert "permission denied" in str(refused.value) and "Nothing was changed" in str(refused.value)
    with pytest.raises(PermissionDeniedError):
        services.facilities.create(Facility(name="Reader's facility"))
    with pytest.raises(PermissionDeniedError):
        services.incidents.delete(incident.uuid, incident.version)
    owner_rows = team.sql("postgres", f"SELECT title, suspect_names FROM incidents WHERE uuid = '{incident.uuid}'")
    assert owner_rows == [(incident.title, SECRET)]  # nothing changed, nothing blanked


def test_reader_raw_sql(team: Team) -> None:
    """The server itself refuses: no client code involved."""
    rows = team.sql(READER, "SELECT case_number, title, description FROM incidents ORDER BY id")
    assert rows
    assert team.sql(READER, "SELECT count(*) FROM incidents") == [(len(rows),)]
    for column in SENSITIVE_INCIDENT_FIELDS:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            team.sql(READER, f"SELECT {column} FROM incidents")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        team.sql(READER, "SELECT * FROM incidents")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        team.sql(READER, "UPDATE incidents SET title = 'x'")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        team.sql(READER, "INSERT INTO audit_entries (at, action, entity, entity_uuid, changes, prev_hash, "
                         "entry_hash) VALUES (now(), 'create', 'x', 'x', '{}', 'x', 'x')")  # fmt: skip


def test_psql_as_the_reader_reads_no_sensitive_column(team: Team) -> None:
    psql = shutil.which("psql")
    assert psql is not None, "psql is missing: install Debian's postgresql-client (scripts/system-packages.sh)"
    base = [psql, "-h", "127.0.0.1", "-p", str(team.server.port), "-U", READER, "-d", team.name, "-X", "-A", "-t",
            "-v", "ON_ERROR_STOP=1", "-c"]  # fmt: skip
    denied = subprocess.run([*base, "SELECT suspect_names FROM incidents"], capture_output=True, text=True,
                            check=False, timeout=30)  # fmt: skip
    assert denied.returncode != 0
    assert "permission denied" in denied.stderr and SECRET not in denied.stdout
    denied = subprocess.run([*base, "SELECT personal_details FROM incidents"], capture_output=True, text=True,
                            check=False, timeout=30)  # fmt: skip
    assert denied.returncode != 0 and "permission denied" in denied.stderr
    allowed = subprocess.run([*base, f"SELECT title FROM incidents WHERE uuid = '{team.secret_uuid}'"],
                             capture_output=True, text=True, check=False, timeout=30)  # fmt: skip
    assert allowed.returncode == 0, allowed.stderr
    assert allowed.stdout.strip() and SECRET not in allowed.stdout


def test_analyst_creates_and_edits_but_deletes_nothing(team: Team, as_login: dict[str, Database]) -> None:
    analyst = open_as(team, ANALYST, as_login)
    services = RecordServices.of(analyst)
    incident = services.incidents.get(team.secret_uuid)
    assert incident.suspect_names == SECRET and not incident.withheld
    edited = services.incidents.update(replace(incident, personal_details="born 1991", weapons=()))
    assert edited.personal_details == "born 1991"
    facility = services.facilities.get(incident.facility_uuid)
    created = services.incidents.create(Incident(facility_uuid=facility.uuid, title="Graffiti by analyst",
                                                 suspect_names="Someone"))  # fmt: skip
    assert services.incidents.get(created.uuid).suspect_names == "Someone"
    with pytest.raises(PermissionDeniedError) as refused:
        services.incidents.delete(created.uuid, created.version)
    assert refused.value.role == "incident_analyst"
    with pytest.raises(PermissionDeniedError):
        services.directives.create(Directive(title="Analyst's directive", scope=DirectiveScope.ALL))
    for statement in ("UPDATE audit_entries SET entity = 'x'", "DELETE FROM audit_entries",
                      "DELETE FROM incidents", "UPDATE audit_head SET database_id = NULL",
                      "DELETE FROM directives"):  # fmt: skip
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            team.sql(ANALYST, statement)
    assert team.sql(ANALYST, f"SELECT suspect_names FROM incidents WHERE uuid = '{created.uuid}'") == [("Someone",)]


def test_supervisor_deletes_and_changes_directives_never_the_audit(team: Team, as_login: dict[str, Database]) -> None:
    supervisor = open_as(team, SUPERVISOR, as_login)
    services = RecordServices.of(supervisor)
    facility = services.facilities.page()[0]
    doomed = services.incidents.create(Incident(facility_uuid=facility.uuid, title="Entered by mistake"))
    services.incidents.delete(doomed.uuid, doomed.version)
    assert team.sql("postgres", f"SELECT 1 FROM incidents WHERE uuid = '{doomed.uuid}'") == []
    directive = services.directives.create(Directive(title="Supervisor's directive", scope=DirectiveScope.ALL))
    services.directives.update(replace(directive, notes="reviewed"))
    for statement in ("UPDATE audit_entries SET entity = 'x'", "DELETE FROM audit_entries", "TRUNCATE audit_entries",
                      "UPDATE audit_head SET entries = 0, keep_sensitive = true"):  # fmt: skip
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            team.sql(SUPERVISOR, statement)


def test_the_chain_verifies_after_every_role_wrote(team: Team, as_login: dict[str, Database]) -> None:
    owner = open_as(team, "postgres", as_login)
    report = verify_chain(owner)
    assert report.ok, report


def test_reader_verifies_the_chain_but_not_the_records(team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", team.url(READER), "audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert "audit trail intact" in out and "TAMPERED" not in out
    assert "the records were not compared with their entries: incident_reader cannot read suspect names" in out


def test_cli_tells_a_refused_write_in_one_line(team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "in.csv"
    assert main(["--database-url", team.owner_url, "export", "--output", str(csv)]) == 0
    capsys.readouterr()
    status = main(["--database-url", team.url(READER), "import", "--input", str(csv)])
    error = capsys.readouterr().err
    assert status != 0
    assert "incident_reader" in error and "permission denied" in error
    assert "Traceback" not in error and "SQL:" not in error


def test_an_analyst_imports_new_incidents(team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The import's COPY goes through a staging table made without reading `incidents`' definition as a whole (the
    roles have column privileges only: `LIKE incidents` was refused for every team login)."""
    [(facility,)] = team.sql("postgres", "SELECT name FROM facilities ORDER BY id LIMIT 1")
    csv = tmp_path / "new.csv"
    with csv.open("w", newline="", encoding="utf-8") as file:
        writer = csv_module.writer(file)
        writer.writerows([["Title", "Facility", "Occurred"], ["Gate sprayed (csv)", facility, "2024-02-10"],
                          ["Fence cut (csv)", facility, "2024-02-11"]])  # fmt: skip
    assert main(["--database-url", team.url(ANALYST), "import", "--input", str(csv)]) == 0, capsys.readouterr().err
    made = team.sql("postgres", "SELECT created_by FROM incidents WHERE title LIKE '% (csv)' ORDER BY title")
    assert made == [(ANALYST,), (ANALYST,)]


def test_an_upgrade_by_the_owner_grants_the_new_columns(team: Team) -> None:
    """A new incidents column is nobody's until granted: opening after a migration grants again (as the owner)."""
    team.sql("postgres", "ALTER TABLE incidents ADD COLUMN search_words text")
    try:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            team.sql(READER, "SELECT search_words FROM incidents")
        reader_engine = create_database_engine(team.url(READER))
        owner_engine = create_database_engine(team.owner_url)
        try:
            assert grant_again(reader_engine) is False  # not the owner: nothing tried
            assert grant_again(owner_engine) is True
        finally:
            reader_engine.dispose()
            owner_engine.dispose()
        assert len(team.sql(READER, "SELECT search_words FROM incidents")) >= 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            team.sql(READER, "SELECT suspect_names FROM incidents")  # still withheld
    finally:
        team.sql("postgres", "ALTER TABLE incidents DROP COLUMN search_words")


def test_a_password_is_set_hashed(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))  # piped: one line, no prompt
    assert main(["--database-url", team.owner_url, "team", "add-user", "team_pw_user", "reader",
                 "--password-prompt"]) == 0  # fmt: skip
    [(stored,)] = team.sql("postgres", "SELECT rolpassword FROM pg_authid WHERE rolname = 'team_pw_user'")
    assert isinstance(stored, str) and stored.startswith("SCRAM-SHA-256$") and "horse" not in stored


def test_kept_sensitive_values_keep_the_entries_changes_from_readers(team: Team, as_login: dict[str, Database]) -> None:
    """`audit sensitive keep` writes sensitive values into the entries as typed: readers then read the entries
    without their changes; back to fingerprints, they read them again."""
    owner = open_as(team, "postgres", as_login)
    keep_sensitive_values(owner, True)
    try:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            team.sql(READER, "SELECT changes FROM audit_entries")
        assert team.sql(READER, "SELECT count(id) FROM audit_entries")[0][0] > 0  # the rest of the entries
        assert team.sql(ANALYST, "SELECT count(changes) FROM audit_entries")[0][0] > 0
    finally:
        keep_sensitive_values(owner, False)
    assert team.sql(READER, "SELECT count(changes) FROM audit_entries")[0][0] > 0
