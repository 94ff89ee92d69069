"""Who did what, and when by whose clock: the user (session_user on PostgreSQL, the OS user on a SQLite file) in every
new audit entry (inside its hash) and in created_by / updated_by; the server's clock for every stamp on PostgreSQL."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text, update
from support.clock import FakeClock
from support.pg_server import PostgresServer

from desktop.domain.enums import CaseStatus
from desktop.domain.kinds import RecordKind
from desktop.domain.records import Facility, Incident
from desktop.persistence.audit_log import GENESIS, entry_hash
from desktop.persistence.identity import os_user
from desktop.persistence.models import AuditRow, FacilityRow
from desktop.persistence.unit_of_work import Database
from desktop.services.audit import history, verify_chain
from desktop.services.csv.export import ExportOptions, export_records
from desktop.services.csv.importer import ImportOptions, import_csv
from desktop.services.records import FacilityService, IncidentService
from desktop.services.session.service import DatabaseSessions

ENTRIES = AuditRow.__table__


def user_of(database: Database) -> str | None:
    with database.sessions() as session:
        return database.user(session)


def actors(database: Database) -> list[str | None]:
    with database.engine.connect() as connection:
        return list(connection.execute(text("SELECT actor FROM audit_entries ORDER BY id")).scalars())


def rows_of(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))


def edit(database: Database, name: str = "Tampa field office") -> Facility:
    service = FacilityService(database)
    facility = service.create(Facility(name=name, state="FL"))
    return service.update(replace(facility, notes="gate camera out"))


# -- who -----------------------------------------------------------------------------------------------------------


def test_the_os_user_is_the_login_name_else_the_uid_never_an_invented_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOGNAME", "dana")
    assert os_user() == "dana"

    def no_name() -> str:
        raise OSError("No username set in the environment")

    monkeypatch.setattr("getpass.getuser", no_name)
    assert os_user() == f"uid {__import__('os').getuid()}"


def test_every_write_names_the_user_in_its_entries_and_records(any_database: Database) -> None:
    user = user_of(any_database)
    if any_database.is_sqlite:
        assert user == os_user() and user
    else:
        assert user == "postgres"  # the login role of the fixtures' URL
    facility = edit(any_database)
    incident = IncidentService(any_database).create(Incident(facility.uuid, "Window broken"))
    assert (facility.created_by, facility.updated_by) == (user, user)
    assert (incident.created_by, incident.updated_by) == (user, user)
    assert FacilityService(any_database).get(facility.uuid).created_by == user  # stored, not only returned
    assert [e.actor for e in history(any_database, facility.uuid)] == [user, user]
    assert set(actors(any_database)) == {user}
    assert verify_chain(any_database).ok


def test_an_entry_without_a_user_hashes_exactly_as_entries_did_before() -> None:
    at = datetime(2024, 3, 1, 12, 0)
    changes = {"name": ["a", "b"]}
    before = json.dumps(
        [GENESIS, at.isoformat(), "update", "facility", "u-1", changes],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )  # fmt: skip  (the old rendering)
    assert entry_hash(GENESIS, at, "update", "facility", "u-1", changes) == hashlib.sha256(before.encode()).hexdigest()
    named = {entry_hash(GENESIS, at, "update", "facility", "u-1", changes, actor=name) for name in ("alice", "bob")}
    assert len(named) == 2 and entry_hash(GENESIS, at, "update", "facility", "u-1", changes) not in named


@pytest.mark.parametrize("forged", ["mallory", None])
def test_a_changed_user_on_a_stored_entry_breaks_verification(any_database: Database, forged: str | None) -> None:
    edit(any_database)
    assert verify_chain(any_database).ok
    with any_database.engine.begin() as connection:
        second = connection.execute(text("SELECT id FROM audit_entries ORDER BY id LIMIT 1 OFFSET 1")).scalar_one()
        connection.execute(update(ENTRIES).where(ENTRIES.c.id == second).values(actor=forged))
    problems = verify_chain(any_database, records=False).problems
    assert any(f"entry {second} " in p and "was edited" in p for p in problems), problems


def test_csv_export_shows_who_and_import_never_takes_it_from_the_file(any_database: Database, tmp_path: Path) -> None:
    user = user_of(any_database)
    facility = edit(any_database)
    exported = tmp_path / "facilities.csv"
    export_records(any_database, exported, ExportOptions(entity=RecordKind.FACILITY))
    [row] = rows_of(exported)
    assert (row["created_by"], row["updated_by"]) == (user, user)
    source = tmp_path / "incidents.csv"
    source.write_text("title,facility_uuid,created_by,updated_by\r\n"
                      f"Fence cut,{facility.uuid},mallory,mallory\r\n", encoding="utf-8")  # fmt: skip
    assert import_csv(any_database, source, ImportOptions(RecordKind.INCIDENT)).committed
    [incident] = IncidentService(any_database).page()
    assert (incident.created_by, incident.updated_by) == (user, user)  # the importing user, not the file's
    incidents = tmp_path / "out.csv"
    export_records(any_database, incidents, ExportOptions(entity=RecordKind.INCIDENT))
    [line] = rows_of(incidents)
    assert (line["created_by"], line["updated_by"]) == (user, user)
    with any_database.engine.begin() as connection:  # a record from before users were recorded
        connection.execute(text("UPDATE incidents SET created_by = NULL, updated_by = NULL"))
    export_records(any_database, incidents, ExportOptions(entity=RecordKind.INCIDENT))
    [line] = rows_of(incidents)
    assert (line["created_by"], line["updated_by"]) == ("", "")  # not known: empty (SQLite's printf would say NULL)


def test_the_briefing_says_who_last_changed_a_case(any_database: Database) -> None:
    from desktop.ui.report.briefing_html import incident_row

    facility = edit(any_database)
    incident = IncidentService(any_database).create(Incident(facility.uuid, "Window broken"))
    assert f"last changed by {user_of(any_database)}" in incident_row(incident, redacted=True)
    assert "last changed by unknown" in incident_row(replace(incident, updated_by=None), redacted=True)


# -- two login roles on one server -----------------------------------------------------------------------------------


def login_url(server: PostgresServer, database: str, role: str) -> str:
    return server.url(database).replace("//postgres@", f"//{role}@", 1)


@pytest.fixture(scope="module")
def shared(postgres_server: PostgresServer) -> Iterator[str]:
    """A migrated database on the test server and two login roles, identity_alice and identity_bob."""
    for role in ("identity_alice", "identity_bob"):
        postgres_server.execute(f"DO $$ BEGIN CREATE ROLE {role} LOGIN SUPERUSER; "
                                "EXCEPTION WHEN duplicate_object THEN NULL; END $$")  # fmt: skip
    with postgres_server.fresh_database() as name:
        first = DatabaseSessions(None).open(postgres_server.url(name), lock=False)
        first.close()
        yield name


@pytest.mark.postgres
def test_each_login_role_is_named_in_its_entries_and_records(postgres_server: PostgresServer, shared: str) -> None:
    alice = DatabaseSessions(None).open(login_url(postgres_server, shared, "identity_alice"), lock=False)
    bob = DatabaseSessions(None).open(login_url(postgres_server, shared, "identity_bob"), lock=False)
    try:
        facility = FacilityService(alice).create(Facility(name="Roles office", state="TX"))
        changed = FacilityService(bob).update(replace(FacilityService(bob).get(facility.uuid), notes="by bob"))
        assert (changed.created_by, changed.updated_by) == ("identity_alice", "identity_bob")
        assert [e.actor for e in history(alice, facility.uuid)] == ["identity_alice", "identity_bob"]
        report = verify_chain(bob)
        assert report.ok, report.problems
    finally:
        alice.close()
        bob.close()


# -- whose clock -----------------------------------------------------------------------------------------------------


def skewed() -> datetime:
    """A client clock three days behind (a laptop set wrong): a plain clock, so not the one that decides."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0) - timedelta(days=3)


def server_now(database: Database) -> datetime:
    with database.engine.connect() as connection:
        moment = connection.execute(text("SELECT clock_timestamp() AT TIME ZONE 'UTC'")).scalar_one()
    assert isinstance(moment, datetime)
    return moment


def stamps(database: Database, uuid: str) -> list[datetime]:
    """Every stamp written for a new incident: its created_at, updated_at, legal history and audit entry times."""
    with database.engine.connect() as connection:
        row = connection.execute(text("SELECT id, created_at, updated_at FROM incidents WHERE uuid = :u"),
                                 {"u": uuid}).one()  # fmt: skip
        recorded = connection.execute(text("SELECT recorded_at FROM incident_status_changes WHERE incident_id = :i"),
                                      {"i": row.id}).scalars()  # fmt: skip
        audited = connection.execute(text("SELECT at FROM audit_entries WHERE entity_uuid = :u"), {"u": uuid})
        found = [row.created_at, row.updated_at, *recorded, *audited.scalars()]
    return [datetime.fromisoformat(v) if isinstance(v, str) else v for v in found]  # SQLite's text


def write_with(database: Database) -> str:
    facility = FacilityService(database).create(Facility(name=f"Clock office {datetime.now().timestamp()}"))
    service = IncidentService(database)
    incident = service.create(Incident(facility.uuid, "Clock check"))
    return service.update(replace(incident, status=CaseStatus.UNDER_INVESTIGATION, status_history=())).uuid


@pytest.mark.postgres
def test_on_a_server_every_stamp_is_the_servers_time_not_the_clients(
    postgres_server: PostgresServer, shared: str
) -> None:
    database = DatabaseSessions(None, clock=skewed).open(postgres_server.url(shared), lock=False)
    try:
        start = server_now(database).replace(microsecond=0)
        uuid = write_with(database)
        end = server_now(database)
        found = stamps(database, uuid)
        assert len(found) >= 6  # created, updated, two legal history entries, two audit entries
        assert all(start <= stamp <= end for stamp in found), (start, found, end)
        assert start <= database.now() <= server_now(database)  # "today" for the services' checks too
    finally:
        database.close()


def test_on_a_file_the_clients_clock_stamps(sqlite_url: str) -> None:
    """The same skewed clock on a SQLite file is the one that stamps (no other clock there): the server test above
    would fail if the server's clock were not used."""
    database = DatabaseSessions(None, clock=skewed).open(sqlite_url, lock=False)
    try:
        found = stamps(database, write_with(database))
        assert all(abs(stamp - skewed()) < timedelta(minutes=1) for stamp in found), found
        assert abs(database.now() - skewed()) < timedelta(minutes=1)
    finally:
        database.close()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_tests_fake_clock_still_decides_on_a_server(any_database: Database, clock: FakeClock) -> None:
    clock.set(datetime(2019, 8, 13, 4, 0))
    facility = FacilityService(any_database).create(Facility(name="Fake time office"))
    assert facility.created_at == datetime(2019, 8, 13, 4, 0)
    with any_database.engine.connect() as connection:
        stored = connection.execute(
            text("SELECT created_at FROM facilities WHERE uuid = :u"), {"u": facility.uuid}
        ).scalar_one()
    assert stored == datetime(2019, 8, 13, 4, 0)
    assert FacilityRow.__table__.c.created_by.nullable  # records from before users were recorded stay NULL
