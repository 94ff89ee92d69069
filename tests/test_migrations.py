"""Alembic migrations equal the models on SQLite and PostgreSQL; newer or foreign databases are refused untouched."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text
from support.pg_server import PostgresServer

from desktop.persistence import revisions, schema
from desktop.persistence.engine import create_database_engine, sqlite_file
from desktop.persistence.models import Base
from desktop.persistence.opening import open_database
from desktop.persistence.schema import (
    PG_ONLY_TABLES,
    NotAnIncidentDatabaseError,
    SchemaTooNewError,
    alembic_config,
    current_revision,
    head_revision,
    include_object,
    upgrade_to_head,
)

FTS_TABLES = {
    "incidents_fts",
    "incidents_fts_data",
    "incidents_fts_idx",
    "incidents_fts_docsize",
    "incidents_fts_config",
}


@pytest.fixture
def engine(empty_database_url: str) -> Iterator[Engine]:
    engine = create_database_engine(empty_database_url)
    try:
        yield engine
    finally:
        engine.dispose()


def schema_differences(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True, "compare_server_default": False}
        )
        return list(compare_metadata(context, Base.metadata))


def alembic(engine: Engine, action: str, revision: str) -> None:
    with engine.begin() as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        getattr(command, action)(config, revision)


def table_names(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_upgrade_head_yields_exactly_the_models(engine: Engine) -> None:
    assert upgrade_to_head(engine) is True
    assert schema_differences(engine) == []
    assert current_revision(engine) == head_revision()
    assert table_names(engine) - FTS_TABLES - PG_ONLY_TABLES == set(Base.metadata.tables) | {"alembic_version"}
    if engine.dialect.name == "sqlite":
        assert table_names(engine) >= FTS_TABLES
    else:
        assert table_names(engine) >= PG_ONLY_TABLES
    assert upgrade_to_head(engine) is False  # nothing left to do


def test_the_comparison_notices_a_difference(engine: Engine) -> None:
    """Guard against a comparison that can never fail."""
    upgrade_to_head(engine)
    with engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_plan_items_status"))
        connection.execute(text("ALTER TABLE plan_items ADD COLUMN stray INTEGER"))
    differences = [str(d) for d in schema_differences(engine)]
    assert any("ix_plan_items_status" in d for d in differences)
    assert any("stray" in d for d in differences)


def test_downgrade_to_base_then_upgrade_again(engine: Engine) -> None:
    upgrade_to_head(engine)
    alembic(engine, "downgrade", "base")
    assert table_names(engine) <= {"alembic_version"}
    assert current_revision(engine) is None
    alembic(engine, "upgrade", "head")
    assert schema_differences(engine) == []
    database = open_database(engine.url.render_as_string(hide_password=False))
    try:  # and the full-text index works after the round trip
        from desktop.domain.queries import IncidentFilter
        from desktop.services.demo import load_demo

        assert load_demo(database) == 3
        with database.unit_of_work(write=False) as uow:
            assert uow.incidents.count(IncidentFilter(text="molotov")) == 1
    finally:
        database.close()


def test_one_linear_history_with_a_single_head() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_heads() == [head_revision()]
    revisions = list(script.walk_revisions())
    assert revisions[-1].down_revision is None
    for revision in revisions:
        assert revision.doc, f"revision {revision.revision} needs a description"


def fingerprint(path: Path) -> dict[str, str]:
    """sha256 of the database file and of any -wal/-shm files beside it."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.parent.glob(path.name + "*"))}


def test_newer_schema_is_refused_and_left_untouched(empty_database_url: str) -> None:
    open_database(empty_database_url).close()
    engine = create_database_engine(empty_database_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00dfeedbeef'"))
    engine.dispose()
    path = sqlite_file(empty_database_url)
    before = fingerprint(path) if path else {}
    with pytest.raises(SchemaTooNewError, match=r"schema revision f00dfeedbeef, newer than this program knows"):
        open_database(empty_database_url)
    if path is not None:
        assert fingerprint(path) == before
    engine = create_database_engine(empty_database_url, create=False)
    try:
        assert current_revision(engine) == "f00dfeedbeef"
    finally:
        engine.dispose()


def test_database_of_another_program_is_refused_and_left_untouched(empty_database_url: str) -> None:
    engine = create_database_engine(empty_database_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE recipes (name TEXT)"))
        connection.execute(text("INSERT INTO recipes (name) VALUES ('bread')"))
    engine.dispose()
    path = sqlite_file(empty_database_url)
    before = fingerprint(path) if path else {}
    with pytest.raises(NotAnIncidentDatabaseError, match=r"has tables \(recipes\) but no Incident Logger schema"):
        open_database(empty_database_url)
    if path is not None:
        assert fingerprint(path) == before
    engine = create_database_engine(empty_database_url, create=False)
    try:
        assert table_names(engine) == {"recipes"}
    finally:
        engine.dispose()


def test_a_file_that_is_no_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("Meeting notes, not a database\n" * 200)
    before = fingerprint(path)
    with pytest.raises(Exception, match="file is not a database"):
        open_database(f"sqlite+pysqlite:///{path}")
    assert fingerprint(path) == before


def test_before_migration_runs_only_for_an_existing_database(sqlite_url: str) -> None:
    calls: list[str] = []
    open_database(sqlite_url, before_migration=lambda: calls.append("backup")).close()
    assert calls == []  # a new database has nothing to back up
    open_database(sqlite_url, before_migration=lambda: calls.append("backup")).close()
    assert calls == []  # already at head: no migration


def test_before_migration_runs_first_and_its_failure_stops_the_upgrade(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(sqlite_url).close()
    monkeypatch.setattr(schema, "pending_migration", lambda engine: True)  # as if this program were newer
    upgrades: list[str] = []
    monkeypatch.setattr(command, "upgrade", lambda config, revision: upgrades.append(revision))  # imported when due
    calls: list[str] = []
    open_database(sqlite_url, before_migration=lambda: calls.append("backup")).close()
    assert (calls, upgrades) == (["backup"], ["head"])

    def failing_backup() -> None:
        raise OSError("backup disk full")

    with pytest.raises(OSError, match="backup disk full"):
        open_database(sqlite_url, before_migration=failing_backup)
    assert upgrades == ["head"]


def test_database_downgraded_to_base_opens_as_new(sqlite_url: str) -> None:
    engine = create_database_engine(sqlite_url)
    try:
        upgrade_to_head(engine)
        alembic(engine, "downgrade", "base")
    finally:
        engine.dispose()
    open_database(sqlite_url).close()
    engine = create_database_engine(sqlite_url)
    try:
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_url_with_a_percent_encoded_password_migrates(postgres_server: PostgresServer) -> None:
    """ "p%40ss" is how "p@ss" is written in a URL; Alembic's config must not read "%" as interpolation."""
    with postgres_server.fresh_database() as name:
        url = postgres_server.url(name).replace("postgres@", "postgres:p%40ss@")
        database = open_database(url)
        try:
            assert database.engine.url.password == "p@ss"
            assert "p%40ss" not in database.url and "p@ss" not in database.url
            engine = database.engine
            assert current_revision(engine) == head_revision()
        finally:
            database.close()


def test_revisions_read_from_the_files_are_alembics() -> None:
    """Opening knows the schema versions without importing Alembic: the same revisions, the same head."""
    script = ScriptDirectory.from_config(alembic_config())
    assert revisions.revision_graph() == {rev.revision: rev.down_revision for rev in script.walk_revisions()}
    assert revisions.known_revisions() == {rev.revision for rev in script.walk_revisions()}
    assert revisions.head_revision() == script.get_current_head()
