"""Headless subcommands; every module of this package registers its own with @command."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from desktop.domain.date_input import read_date
from desktop.domain.values import PartialDate
from desktop.persistence.engine import display_url
from desktop.persistence.opening import DatabaseFileError, describe_error
from desktop.persistence.unit_of_work import Database
from desktop.services.session.questions import CannotOpen, Damaged, LoginNeeded, NeedsAnswer, Problem

Run = Callable[[Database, argparse.Namespace], int]
AddArguments = Callable[[argparse.ArgumentParser], None]


@dataclass(frozen=True)
class Command:
    help: str
    run: Run
    add_arguments: AddArguments
    opens_database: bool = True  # False: run(None, args) opens (or repairs) args.database_url itself
    writes: bool = False  # True: runs holding the database's instance lock, as the window does (one writer)
    creates: bool = False  # True: may create the default database on the first run (without --create)
    missing_ok: bool = False  # True: runs on a database file that does not exist (restore puts one there)


COMMANDS: dict[str, Command] = {}


def fail(name: str, message: str, status: int = 1) -> int:
    """Say on stderr why command `name` failed, in one line; returns its exit status."""
    print(f"incident-logger {name}: {message}", file=sys.stderr)
    return status


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`, or one line saying which numbers may be given."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip().replace("_", "").replace(",", ""))
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"give a whole number from {low:,} to {high:,}, not {text!r}")
        return value

    parse.__name__ = "whole number"  # argparse's fallback wording, never shown with the message above
    return parse


def partial_date(text: str) -> PartialDate:
    """An argparse type: a date as precisely as it is known, read as the forms read it ("2019-08", "about
    2019-08-25", "late August 2019", "Aug 20-31 2019", "8/25/2019 2:30pm")."""
    try:
        return read_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def command(
    name: str,
    help_text: str,
    arguments: AddArguments = lambda parser: None,
    *,
    opens_database: bool = True,
    writes: bool = False,
    creates: bool = False,
    missing_ok: bool = False,
) -> Callable[[Run], Run]:
    """Register `function(database, args) -> exit status` as subcommand `name`; args.app_paths and the
    resolved args.database_url are set. With opens_database=False the function gets None instead; with
    writes=True it runs while holding the instance lock (waiting up to --wait seconds for another holder); with
    creates=True it may create the default database when there is none yet (any other missing file needs --create);
    with missing_ok=True it runs on a database file that does not exist at all."""

    def register(function: Run) -> Run:
        COMMANDS[name] = Command(help_text, function, arguments, opens_database, writes, creates, missing_ok)
        return function

    return register


def cannot_open(command_name: str, url: str, needed: NeedsAnswer) -> str:
    """The one line a command prints when the database cannot be opened without a question: a full disk said so,
    a damaged file with the command that restores its newest good backup, anything else with the driver's words."""
    question, cause = needed.question, needed.question.error
    if isinstance(question, LoginNeeded):  # libpq found no password, or the server refused it: where to put one
        return f"incident-logger {command_name}: {login_needed_line(question)}"
    if isinstance(question, CannotOpen) and question.problem == Problem.DISK_FULL:
        return f"incident-logger {command_name}: {question.message}"
    if isinstance(cause, DatabaseFileError):
        hint = " `incident-logger restore --latest --move-damaged` restores the newest good backup."
        return f"incident-logger: {cause}{hint if isinstance(question, Damaged) else ''}"
    return f"incident-logger: cannot open {display_url(url)}: {describe_error(cause)}"


WHERE_TO_PUT_IT = (  # the sources libpq reads by itself
    "give it in PGPASSWORD, in ~/.pgpass (a line hostname:port:database:username:password, the file mode 0600), or "
    "in a connection service file (PGSERVICEFILE, and ?service=NAME in the URL), or run this in a terminal to be "
    "asked for it"
)


def login_needed_line(question: LoginNeeded) -> str:
    """Why a server's database was not opened without a terminal to ask the password in, and where to give it."""
    who = f"{question.user or 'the service user'} at {question.server}"
    return f"the server needs the password of {who} ({question.reason}): {WHERE_TO_PUT_IT}. Nothing was changed."


# The module of each command, so that a command line imports only its own (tests/test_cli.py checks the table).
MODULE_OF = {"attachments": "attachments", "backup": "backup", "restore": "backup", "audit": "backup",
             "encrypt": "encryption", "decrypt": "encryption", "rekey": "encryption",
             "export": "csv", "import": "csv", "evidence": "evidence", "demo": "records", "list": "records",
             "stats": "records", "check": "records", "report": "report", "migrate": "schema",
             "timeline": "timeline", "team": "team", "sync": "sync"}  # fmt: skip


def load_commands(names: Iterable[str] | None = None) -> None:
    """Import the modules that register `names` (every module when None, or when a name is not in MODULE_OF)."""
    wanted = None if names is None else {MODULE_OF.get(name) for name in names}
    for module in pkgutil.iter_modules(__path__):
        if wanted is None or None in wanted or module.name in wanted:
            importlib.import_module(f"{__name__}.{module.name}")
