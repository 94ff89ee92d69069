"""Command line: `incident-logger [gui|demo|list|stats|check] [--database-url URL]`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from desktop import __version__, paths
from desktop.commands import COMMANDS, load_commands
from desktop.domain.errors import RecordInUseError, RecordNotFoundError, StaleRecordError, StorageError
from desktop.persistence.opening import DatabaseFileError, describe_error, display_url
from desktop.services.session.questions import Damaged, NeedsAnswer
from desktop.services.session.service import DatabaseSessions

EXPECTED_ERRORS = (SQLAlchemyError, OSError, ValueError, RecordNotFoundError, RecordInUseError, StaleRecordError,
                   StorageError)  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="incident-logger", description="Facility security incident log.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--database-url", default=os.environ.get("INCIDENT_LOGGER_DATABASE_URL"),
                        help="SQLAlchemy URL (default: SQLite file in the user data directory)")  # fmt: skip
    parser.add_argument("--data-dir", type=Path, default=None, help="use this directory instead of the user's")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("gui", help="open the main window (the default)")
    load_commands()
    for name, spec in COMMANDS.items():
        spec.add_arguments(sub.add_parser(name, help=spec.help, description=spec.help))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    app_paths = paths.init(args.data_dir)
    url = args.database_url or app_paths.default_url
    if args.command in (None, "gui"):
        from desktop.app import run_gui  # PySide6 is loaded only for the window

        return run_gui(url, app_paths)
    args.database_url, args.app_paths = url, app_paths
    if not COMMANDS[args.command].opens_database:
        return COMMANDS[args.command].run(None, args)  # type: ignore[arg-type]  # it opens (or repairs) the file
    sessions = DatabaseSessions(app_paths.backup_dir)  # file checks; a verified backup before migrating
    try:
        database = sessions.open(url, lock=False)  # like a second window: the GUI may have it open meanwhile
    except NeedsAnswer as needed:  # a clear message instead of a question or a traceback
        error = needed.question.error
        if isinstance(error, DatabaseFileError):
            hint = " `incident-logger restore --latest --move-damaged` restores the newest good backup."
            print(f"incident-logger: {error}{hint if isinstance(needed.question, Damaged) else ''}", file=sys.stderr)
        else:
            print(f"incident-logger: cannot open {display_url(url)}: {describe_error(error)}", file=sys.stderr)
        return 2
    try:
        return COMMANDS[args.command].run(database, args)
    except EXPECTED_ERRORS as error:  # bad input or a busy/broken database: one line, data left as it was
        print(f"incident-logger {args.command}: {describe_error(error)}", file=sys.stderr)
        return 1
    finally:
        sessions.close(database)


if __name__ == "__main__":
    sys.exit(main())
