"""Alembic environment: runs on the connection the program hands over, or on sqlalchemy.url."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from desktop.persistence.models import Base

target_metadata = Base.metadata


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Leave SQLite's FTS5 shadow tables out of autogenerate comparisons."""
    return not (type_ == "table" and name is not None and name.startswith("incidents_fts"))


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        context.configure(
            connection=connection, target_metadata=target_metadata, include_object=include_object, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        context.configure(
            connection=conn, target_metadata=target_metadata, include_object=include_object, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
