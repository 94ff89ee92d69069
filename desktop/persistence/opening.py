"""Open a database by URL: engine, schema check and upgrade, ready-to-use Database."""

from __future__ import annotations

from collections.abc import Callable

from desktop.persistence.engine import create_database_engine
from desktop.persistence.schema import upgrade_to_head
from desktop.persistence.unit_of_work import Database, utc_now


def open_database(
    url: str,
    *,
    before_migration: Callable[[], None] | None = None,
    clock: Callable[..., object] = utc_now,
) -> Database:
    """Open (creating a new SQLite file if needed) and migrate; refuses newer schemas untouched."""
    engine = create_database_engine(url)
    try:
        upgrade_to_head(engine, before_migration)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, clock)  # type: ignore[arg-type]
