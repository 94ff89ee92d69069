"""Command line: `incident-logger [gui|demo|list|stats|check|…] [--database-url URL] [--passphrase-file FILE]`, or
`incident-logger FILE` (the window on that database file, as a file manager starts it)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from sqlalchemy.exc import SQLAlchemyError

from desktop import __version__, paths
from desktop.commands import COMMANDS, MODULE_OF, Command, cannot_open, load_commands, login_input, passphrase_input
from desktop.domain.errors import (
    PermissionDeniedError,
    RecordInUseError,
    RecordNotFoundError,
    StaleRecordError,
    StorageError,
)
from desktop.persistence.engine import database_url, sqlite_file, sqlite_url
from desktop.persistence.instance_lock import InstanceLock, InstanceLockedError, acquire_waiting
from desktop.persistence.opening import describe_error
from desktop.persistence.private_files import make_private_folder
from desktop.services.session.questions import NeedsAnswer
from desktop.services.session.service import DatabaseSessions

EXPECTED_ERRORS = (SQLAlchemyError, OSError, ValueError, RecordNotFoundError, RecordInUseError, StaleRecordError,
                   StorageError, PermissionDeniedError)  # fmt: skip


DEFAULT_WAIT = 10.0
LOCKED_EXIT = 3


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 <= value <= 86_400:
        raise argparse.ArgumentTypeError(f"{text!r}: give 0 to 86400 seconds")
    return value


def _lock_for(command: str, url: str, seconds: float) -> InstanceLock | None:
    """The instance lock of the SQLite file at `url`, taken (waiting up to `seconds`, saying so once); None for a
    server database or a folder that cannot hold the lock file (the file check then says why). Raises
    InstanceLockedError when the time is up."""
    try:
        path = sqlite_file(url)
    except Exception:  # not a URL: opening says so
        return None
    if path is None:
        return None
    lock = InstanceLock(path)
    try:
        make_private_folder(path.parent)
        acquire_waiting(lock, seconds, lambda error: print(
            f"incident-logger {command}: {error} Waiting up to {seconds:g} s for it to close (--wait)…",
            file=sys.stderr))  # fmt: skip
    except OSError:
        return None
    return lock


class _Parser(argparse.ArgumentParser):
    """argparse telling a mistake in one line (what, and where to read more), not a usage block; its sub-parsers
    are of this class too."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


class _NotThisWay(Exception):
    """Parsing with only the named commands' modules failed: parse again with all of them (for the right message)."""


class _TryParser(_Parser):
    def error(self, message: str) -> NoReturn:
        raise _NotThisWay(message)


def _named_commands(argv: Sequence[str]) -> list[str] | None:
    """The command names on the command line ([] for the window), or None (load all) when help is asked."""
    if any(arg in ("-h", "--help") for arg in argv):
        return None
    return [arg for arg in argv if arg in MODULE_OF]


def _file_to_open(argv: list[str]) -> list[str]:
    """`argv` with `gui` put before a last argument that names a database file instead of a command (`incident-logger
    FILE`, the desktop file's `Exec=incident-logger %f`); as it was otherwise. A file that exists, or a path with a
    folder or a suffix: a mistyped command name stays a mistake that the parser tells."""
    named = _named_commands(argv)
    if not argv or named is None or named or "gui" in argv or argv[-1].startswith("-"):
        return argv  # a command (or help) is asked for, or there is no last argument to take as a file
    last = Path(argv[-1])
    if not (last.exists() or last.suffix or len(last.parts) > 1):
        return argv
    try:
        build_parser([], parser_class=_TryParser).parse_args(argv[:-1])
    except _NotThisWay:
        return argv  # it is the value of an option before it (or the options are wrong): parse as given
    return [*argv[:-1], "gui", argv[-1]]


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments, read by a parser that imported only the modules of the commands named (start-up time); any
    mistake is told by the parser of every command."""
    argv = _file_to_open(list(sys.argv[1:] if argv is None else argv))
    named = _named_commands(argv)
    if named is not None:
        try:
            return build_parser(named, parser_class=_TryParser).parse_args(argv)
        except _NotThisWay:
            pass
    return build_parser().parse_args(argv)


def build_parser(
    commands: Sequence[str] | None = None, *, parser_class: type[_Parser] = _Parser
) -> argparse.ArgumentParser:
    """The command line's parser, with the subcommands of `commands`' modules (default: every command)."""
    parser = parser_class(prog="incident-logger", description="Facility security incident log.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--database-url", default=os.environ.get("INCIDENT_LOGGER_DATABASE_URL"),
                        help="SQLAlchemy URL (default: SQLite file in the user data directory)")  # fmt: skip
    parser.add_argument("--data-dir", type=Path, default=None, help="use this directory instead of the user's")
    parser.add_argument("--wait", type=_seconds, default=DEFAULT_WAIT, metavar="SECONDS",
                        help="how long a writing command (import, demo, backup, restore, migrate) waits for another "
                             "program that has the database open, such as the window, to close it "
                             f"(default {DEFAULT_WAIT:g})")  # fmt: skip
    parser.add_argument("--create", action="store_true",
                        help="create the database when there is none at --database-url (without it, a command "
                             "on a missing file refuses, so a mistyped path never starts an empty database; "
                             "demo and import create the default database of the data folder)")  # fmt: skip
    parser.add_argument("--lang", default=None, metavar="CODE",
                        help="the window's language (en, es; default: INCIDENT_LOGGER_LANG, View › Language, "
                             "then the system's)")  # fmt: skip
    passphrase_input.add_arguments(parser)
    sub = parser.add_subparsers(dest="command")
    gui = sub.add_parser("gui", help="open the main window (the default)")
    gui.add_argument("file", nargs="?", type=Path, default=None,
                     help="the database file to open (`incident-logger FILE` says the same)")  # fmt: skip
    load_commands(commands)
    for name, spec in COMMANDS.items():
        spec.add_arguments(sub.add_parser(name, help=spec.help, description=spec.help))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(argv)
    gui = args.command in (None, "gui")
    spec = None if gui else COMMANDS[args.command]
    try:
        app_paths = paths.init(args.data_dir, create=False)  # nothing made before the command may run
        url = database_url(args.database_url) if args.database_url else app_paths.default_url
        if getattr(args, "file", None) is not None:
            if args.database_url:
                return _cannot_start("give either a database file or --database-url, not both", gui=False)
            url = sqlite_url(args.file.absolute())
        refused = None if spec is None else _no_database(spec, args, url, app_paths)
        if refused is None:  # the command runs: the app's own folders, owner-only
            paths.init(args.data_dir)
    except paths.DataFolderError as error:
        return _cannot_start(str(error), gui=gui)
    if refused is not None:
        print(f"incident-logger {args.command}: {refused}", file=sys.stderr)
        return 2
    if spec is None:
        if args.encrypt or args.remember or args.passphrase_file or args.new_passphrase_file:
            return _cannot_start("--encrypt, --remember and the passphrase files are for the commands; the window "
                                 "asks for passphrases itself", gui=False)  # fmt: skip
        from desktop.app import run_gui  # PySide6 is loaded only for the window

        return run_gui(url, app_paths, create=args.create, lang=args.lang)
    args.database_url, args.app_paths = url, app_paths
    try:  # an encrypted database's passphrase, or --encrypt's new one, before anything is opened or locked
        passphrase_input.unlock(args, _sqlite_path(url), app_paths.backup_dir)
    except passphrase_input.PassphraseInputError as error:
        print(f"incident-logger {args.command}: {error}", file=sys.stderr)
        return 2
    try:
        lock = (
            _lock_for(args.command, url, args.wait)
            if spec.writes and not (getattr(args, "list", False) or getattr(args, "reads_only", False))
            else None
        )
    except InstanceLockedError as error:
        print(f"incident-logger {args.command}: {error} Close it first, or wait longer with --wait SECONDS.",
              file=sys.stderr)  # fmt: skip
        return LOCKED_EXIT
    try:
        status = _run(spec, args, url, app_paths)
    finally:
        if lock is not None:
            lock.release()
    passphrase_input.after_command(args, _sqlite_path(url), status)
    return status


def _cannot_start(message: str, *, gui: bool) -> int:
    """Tell why the app cannot start in one line on stderr (and, for the window, in a message box too)."""
    print(f"incident-logger: {message}", file=sys.stderr)
    if gui:
        from desktop.app import tell_at_start

        tell_at_start(message)
    return 2


def _no_database(spec: Command, args: argparse.Namespace, url: str, app_paths: paths.AppPaths) -> str | None:
    """Why the command may not run on `url`: its SQLite file does not exist, and neither --create asks for a new
    one nor is it the default database a writing command (demo, import) creates on the first run. Never a silent
    new database for a mistyped path."""
    if spec.missing_ok or args.create:
        return None
    try:
        path = sqlite_file(url)
        missing = path is not None and not path.exists()
    except Exception:  # not a URL, or a folder that may not be looked into: opening says so
        return None
    if path is None or not missing:
        return None
    if spec.creates and path.absolute() == app_paths.default_database.absolute():
        return None
    return f"there is no database at {path}; check the path, or create one with --create"


def _run(spec: Command, args: argparse.Namespace, url: str, app_paths: paths.AppPaths) -> int:
    """Open the database (a new file is created under the instance lock, so two creators don't collide) and run
    the command."""
    if not spec.opens_database:
        return spec.run(None, args)  # type: ignore[arg-type]  # it opens (or repairs) the file
    sessions = DatabaseSessions(app_paths.backup_dir)  # file checks; a verified backup before migrating
    creating = None
    if not spec.writes and _new_file(url):
        try:
            creating = _lock_for(args.command, url, args.wait)
        except InstanceLockedError as locked:
            print(f"incident-logger {args.command}: {locked}", file=sys.stderr)
            return LOCKED_EXIT
    try:  # like a second window (the GUI may have it open meanwhile); a server's password asked at the terminal
        database = sessions.open(url, login_input.login_asker(args.command), lock=False)
    except NeedsAnswer as needed:  # a clear message instead of a question or a traceback
        print(cannot_open(args.command, url, needed), file=sys.stderr)
        return 2
    except login_input.LoginInputError as error:
        print(f"incident-logger {args.command}: {error}", file=sys.stderr)
        return 2
    finally:
        if creating is not None:
            creating.release()
    if database is None:  # pragma: no cover - the asker raises rather than give up
        return 2
    try:
        return spec.run(database, args)
    except EXPECTED_ERRORS as error:  # bad input or a busy/broken database: one line, data left as it was
        print(f"incident-logger {args.command}: {describe_error(error, _sqlite_path(url))}", file=sys.stderr)
        return 1
    finally:
        sessions.close(database)


def _sqlite_path(url: str) -> Path | None:
    try:
        return sqlite_file(url)
    except Exception:  # not a URL: opening said so
        return None


def _new_file(url: str) -> bool:
    try:
        path = sqlite_file(url)
    except Exception:
        return False
    return path is not None and not path.exists()


if __name__ == "__main__":
    sys.exit(main())
