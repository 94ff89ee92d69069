"""Subcommand `migrate`: bring a database to this version's schema, under the instance lock, backup first."""

from __future__ import annotations

import argparse
import sys

from desktop.commands import cannot_open, command
from desktop.persistence.engine import display_url
from desktop.persistence.opening import describe_error
from desktop.persistence.schema import head_revision, revision_at
from desktop.persistence.unit_of_work import Database
from desktop.services.session.questions import NeedsAnswer
from desktop.services.session.service import DatabaseSessions


@command("migrate", "bring the database to this version's schema (a verified backup is written first)",
         opens_database=False, writes=True)  # fmt: skip
def migrate(_database: Database | None, args: argparse.Namespace) -> int:
    url: str = args.database_url
    try:
        before = revision_at(url)
    except Exception as error:  # not a database, or a server that does not answer: one line
        print(f"incident-logger migrate: cannot read {display_url(url)}: {describe_error(error)}", file=sys.stderr)
        return 2
    sessions = DatabaseSessions(args.app_paths.backup_dir)  # a verified backup of a SQLite file before migrating
    try:
        database = sessions.open(url, lock=False)  # the instance lock is held (desktop.cli: writes=True)
    except NeedsAnswer as needed:  # the line every command prints (a full disk, a damaged file, ...)
        print(cannot_open("migrate", url, needed), file=sys.stderr)
        return 2
    sessions.close(database)
    head = head_revision()
    if before == head:
        print(f"{display_url(url)} is already at schema {head}")
    else:
        print(f"{display_url(url)} migrated from schema {before or '(none: new database)'} to {head}")
    return 0
