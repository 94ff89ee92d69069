"""Passphrases on the command line: the OS keyring, --passphrase-file, the environment, else a prompt never echoed."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import warnings
from pathlib import Path

from desktop.persistence import cipher
from desktop.persistence.remembered_passphrases import keyring_available, recall, remember
from desktop.services.backup import list_backups

ENV_PASSPHRASE = "INCIDENT_LOGGER_PASSPHRASE"
ENV_NEW_PASSPHRASE = "INCIDENT_LOGGER_NEW_PASSPHRASE"
TRIES = 3
STDIN = "-"


class PassphraseInputError(Exception):
    """No usable passphrase was given; one line saying what to give, and that nothing was changed."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The global options of passphrases (before the command: `incident-logger --passphrase-file F list`)."""
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help="read the passphrase of an encrypted database from the first line of FILE (- : standard "
                             "input). Without it: the OS keyring if it was remembered there, else the environment "
                             f"variable {ENV_PASSPHRASE} (for scripts; weaker: other programs of yours can read "
                             "it), else a prompt in the terminal")  # fmt: skip
    parser.add_argument("--new-passphrase-file", metavar="FILE",
                        help="read the new passphrase (--encrypt, encrypt, rekey) from the first line of FILE (- : "
                             "standard input; the second line when --passphrase-file is - too); else "
                             f"{ENV_NEW_PASSPHRASE}, else it is asked twice in the terminal")  # fmt: skip
    parser.add_argument(
        "--encrypt",
        action="store_true",
        help="create the new database (--create, or demo and import's default database) encrypted "
        f"with a new passphrase of at least {cipher.MIN_PASSPHRASE} characters (SQLCipher)",
    )
    parser.add_argument("--remember", action="store_true",
                        help="keep the passphrase in the OS keyring, so that it is not asked again on this "
                             "computer (only when a keyring is available; never in a file)")  # fmt: skip


class _Input:
    """Where passphrases come from for one command line (standard input read once: line 1, then line 2)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._stdin: list[str] = []

    @staticmethod
    def of(args: argparse.Namespace) -> _Input:
        """The one reader of this command line's passphrases (standard input is read once)."""
        found = getattr(args, "passphrase_input", None)
        if not isinstance(found, _Input):
            found = _Input(args)
            args.passphrase_input = found
        return found

    def _stdin_line(self, index: int) -> str:
        while len(self._stdin) <= index:  # only the lines needed: the rest of standard input stays unread
            self._stdin.append(sys.stdin.readline() if sys.stdin is not None else "")
        return self._stdin[index]

    def given(self, *, new: bool) -> tuple[cipher.Passphrase, str] | None:
        """The passphrase given by option or environment (and where it was found), else None."""
        option, variable = (
            ("--new-passphrase-file", ENV_NEW_PASSPHRASE) if new else ("--passphrase-file", ENV_PASSPHRASE)
        )
        name: str | None = getattr(self.args, option[2:].replace("-", "_"), None)
        if name is not None:
            where = f"{option} {name}"
            if name == STDIN:
                both = getattr(self.args, "passphrase_file", None) == STDIN
                text = self._stdin_line(1 if new and both else 0)
                where = f"{option} - (line {2 if new and both else 1} of standard input)"
            else:
                text = _first_line(Path(name), where)
            text = text.removesuffix("\n").removesuffix("\r")
            if not text:
                raise PassphraseInputError(f"{where}: no passphrase there (its line is empty); nothing was changed")
            return cipher.Passphrase(text), where
        text = os.environ.get(variable, "")
        return (cipher.Passphrase(text), variable) if text else None


def _first_line(path: Path, where: str) -> str:
    try:
        with path.open(encoding="utf-8") as file:
            return file.readline()
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise PassphraseInputError(f"{where}: cannot read it ({reason}); nothing was changed") from None


def terminal() -> bool:
    """True when a person can be asked: a controlling terminal, or standard input is one (Windows: the console)."""
    if sys.platform == "win32":  # no /dev/tty: getpass reads the console itself
        return sys.stdin is not None and sys.stdin.isatty()
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return sys.stdin is not None and sys.stdin.isatty()
    os.close(fd)
    return True


def _ask(prompt: str) -> str:
    """One passphrase typed at the terminal, never echoed (refused where echo cannot be turned off)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", getpass.GetPassWarning)
            return getpass.getpass(prompt)
    except getpass.GetPassWarning:
        raise PassphraseInputError("this terminal cannot hide what is typed; give the passphrase with "
                                   "--passphrase-file instead. Nothing was changed.") from None  # fmt: skip
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        raise PassphraseInputError("no passphrase was typed; nothing was changed") from None


def current_passphrase(args: argparse.Namespace, path: Path, salt: bytes, *, required: bool = True) -> bool:
    """Make the passphrase of the encrypted file `path` known to cipher.KEYCHAIN: remembered in the OS keyring,
    else --passphrase-file, else INCIDENT_LOGGER_PASSPHRASE, else typed (up to three tries). A wrong one given by
    option or environment is added all the same: the file check then says the passphrase does not open it.
    Returns False when none was found and it is not `required`; raises PassphraseInputError when it is."""
    return _current(_Input.of(args), path, salt, required=required)


def _current(given: _Input, path: Path, salt: bytes, *, required: bool) -> bool:
    remembered = recall(salt)
    if remembered is not None:
        cipher.KEYCHAIN.add(remembered)
        if cipher.KEYCHAIN.key_for_salt(salt, path) is not None:
            return True
    found = given.given(new=False)
    if found is not None:
        cipher.KEYCHAIN.add(found[0])
        return True
    if not terminal():
        if not required:
            return False
        raise PassphraseInputError(
            f"{path} is encrypted: give its passphrase with --passphrase-file FILE (- reads standard input) or "
            f"{ENV_PASSPHRASE}, or run this in a terminal to be asked for it. Nothing was changed."
        )
    for attempt in range(1, TRIES + 1):
        typed = _ask(f"Passphrase of {path}: ")
        if not typed:
            raise PassphraseInputError("no passphrase was typed; nothing was changed")
        cipher.KEYCHAIN.add(cipher.Passphrase(typed))
        if cipher.KEYCHAIN.key_for_salt(salt, path) is not None or attempt == TRIES:
            return True  # after the last wrong try the file check tells it
        print("That passphrase does not open it; try again.", file=sys.stderr)
    return True  # pragma: no cover - the loop returns


def new_passphrase(args: argparse.Namespace, path: Path, *, current_sources: bool = False) -> cipher.Passphrase:
    """The new passphrase for `path`: --new-passphrase-file, else INCIDENT_LOGGER_NEW_PASSPHRASE, (with
    `current_sources`, a file that has no passphrase yet: else --passphrase-file, else INCIDENT_LOGGER_PASSPHRASE),
    else typed twice at the terminal. Raises PassphraseInputError (too short, the two differ, none given)."""
    return _new(_Input.of(args), path, current_sources=current_sources)


def _new(given: _Input, path: Path, *, current_sources: bool) -> cipher.Passphrase:
    found = given.given(new=True)
    if found is None and current_sources:
        found = given.given(new=False)
    if found is not None:
        passphrase, where = found
        problem = cipher.passphrase_problem(passphrase.reveal())
        if problem:
            raise PassphraseInputError(f"the new passphrase ({where}) is refused: {problem}. Nothing was changed.")
        return passphrase
    if not terminal():
        raise PassphraseInputError(
            f"a new passphrase for {path} is needed: give it with --new-passphrase-file FILE (- reads standard "
            f"input) or {ENV_NEW_PASSPHRASE}, or run this in a terminal to be asked for it. Nothing was changed."
        )
    for _ in range(TRIES):
        typed = _ask(f"New passphrase for {path} (at least {cipher.MIN_PASSPHRASE} characters): ")
        problem = cipher.passphrase_problem(typed)
        if problem:
            print(f"Refused: {problem}.", file=sys.stderr)
            continue
        if _ask("The same passphrase again: ") != typed:
            raise PassphraseInputError("the two passphrases typed differ; nothing was changed")
        return cipher.Passphrase(typed)
    raise PassphraseInputError(f"no acceptable passphrase after {TRIES} tries; nothing was changed")


def unlock(args: argparse.Namespace, path: Path | None, backup_dir: Path | None) -> None:
    """Before a command runs: the passphrase of its encrypted database made known, or, with --encrypt, the new
    database's passphrase chosen (cipher.KEYCHAIN.create_encrypted). Raises PassphraseInputError (exit 2)."""
    if path is None:
        if args.encrypt or args.remember:
            raise PassphraseInputError("--encrypt and --remember are for SQLite database files, not a server's")
        return
    if args.remember and not keyring_available():
        raise PassphraseInputError("--remember: no OS keyring is available here, so the passphrase cannot be "
                                   "remembered; it is asked each time (or give --passphrase-file). Nothing was "
                                   "changed.")  # fmt: skip
    given = _Input.of(args)
    if args.encrypt:
        if getattr(args, "keys_itself", False):
            raise PassphraseInputError(f"--encrypt is for creating a database; `incident-logger {args.command}` "
                                       "takes its passphrases itself")  # fmt: skip
        if path.exists() and path.stat().st_size > 0:
            raise PassphraseInputError(f"--encrypt creates a new database, but {path} exists; encrypt it with "
                                       "`incident-logger encrypt`. Nothing was changed.")  # fmt: skip
        cipher.KEYCHAIN.create_encrypted(path, _new(given, path, current_sources=True))
        return
    salt = cipher.read_salt(path)
    if salt is None:
        if args.remember and not getattr(args, "keys_itself", False):
            raise PassphraseInputError(f"--remember: {path} is not encrypted; there is no passphrase to remember")
        _unlock_backups(given, args, path, backup_dir)
        return
    if getattr(args, "needs_current", True):
        _current(given, path, salt, required=True)


def _unlock_backups(given: _Input, args: argparse.Namespace, path: Path, backup_dir: Path | None) -> None:
    """restore: the passphrase of the encrypted backup it names, or of the newest backup (asked only when it can
    be without failing: the command then tells that the backup cannot be opened)."""
    if args.command != "restore":
        return
    chosen: Path | None = getattr(args, "backup", None)
    if chosen is None and backup_dir is not None:
        backups = list_backups(backup_dir, path)
        chosen = backups[0].path if backups else None
    salt = cipher.read_salt(chosen) if chosen is not None else None
    if chosen is not None and salt is not None and not _current(given, chosen, salt, required=False):
        print(f"incident-logger restore: note: {chosen} is encrypted; give its passphrase with --passphrase-file "
              f"or {ENV_PASSPHRASE} to use it", file=sys.stderr)  # fmt: skip


def after_command(args: argparse.Namespace, path: Path | None, status: int) -> None:
    """After a command: with --remember and success, keep the passphrase of its database in the OS keyring; a
    failed --encrypt leaves no pending encrypted creation behind."""
    if path is not None and status != 0 and getattr(args, "encrypt", False):
        cipher.KEYCHAIN.discard_new(path)
    if status != 0 or not getattr(args, "remember", False) or path is None or getattr(args, "keys_itself", False):
        return
    salt = cipher.read_salt(path)
    passphrase = cipher.KEYCHAIN.passphrase_of(salt) if salt is not None else None
    if salt is None or passphrase is None:
        print(f"incident-logger {args.command}: --remember: {path} was not opened with a passphrase; nothing was "
              "remembered", file=sys.stderr)  # fmt: skip
    elif remember(salt, passphrase):
        print(f"the passphrase of {path} is remembered in the OS keyring", file=sys.stderr)
    else:
        print(f"incident-logger {args.command}: --remember: the OS keyring did not keep the passphrase; it will be "
              "asked again", file=sys.stderr)  # fmt: skip
