"""What opening a database may need a person for: the Question types the session service returns (another window
has the database open, the file is damaged or busy, missing, encrypted, a server's password, it cannot be opened)
with the choices each allows, and the Answer that says what to do."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from desktop.persistence.cipher import Passphrase
from desktop.persistence.instance_lock import LockOwner
from desktop.persistence.integrity import FileCheck
from desktop.services.backup import BackupInfo, BackupSummary


class Choice(StrEnum):
    """What a person may answer to a Question (each question lists the ones it allows)."""

    OPEN_ANYWAY = "open_anyway"  # another window has the database: open it all the same, without the lock
    RETRY = "retry"  # busy, or an upgrade refused while older clients are connected: try again
    RESTORE_NEWEST = "restore_newest"  # damaged: keep it aside, restore the newest good backup
    CHOOSE_BACKUP = "choose_backup"  # damaged: keep it aside, restore `Answer.backup`
    START_EMPTY = "start_empty"  # damaged, no good backup: keep it aside, start with an empty database
    OTHER_FILE = "other_file"  # open `Answer.url` instead
    NEW_FILE = "new_file"  # create and open `Answer.url` instead
    PASSPHRASE = "passphrase"  # locked: try `Answer.passphrase` (kept in the OS keyring when `Answer.remember`)
    LOGIN = "login"  # a server's password: log in as `Answer.user` with `Answer.passphrase` (kept when `remember`)
    QUIT = "quit"  # give up: at start-up the app quits; when switching, the current database stays


class Problem(StrEnum):
    """Why a database cannot be opened (CannotOpen); the values double as the names of the UI's message boxes."""

    NEWER_SCHEMA = "newer_schema"
    NOT_OURS = "not_ours"
    READ_ONLY = "read_only"
    NO_ACCESS = "no_access"
    DISK_FULL = "disk_full"  # no room on the database's disk even to open it; it is not damaged
    BACKUP_FAILED = "backup_failed"  # the verified backup before a migration failed: nothing was migrated
    RESTORE_FAILED = "restore_failed"  # a repair (moving the damaged file aside, restoring a backup) failed
    OPEN_FAILED = "open_failed"  # a server that does not answer, a bad URL, any other error


@dataclass(frozen=True, eq=False)
class Question:
    """Something only a person can decide before `url` opens; `error` is what the attempt raised, `message`
    says it in a sentence."""

    url: str
    error: BaseException
    message: str

    @property
    def choices(self) -> tuple[Choice, ...]:
        return (Choice.QUIT,)


@dataclass(frozen=True, eq=False)
class AlreadyOpen(Question):
    """Another Incident Logger holds the database's instance lock."""

    database: Path
    owner: LockOwner | None

    @property
    def choices(self) -> tuple[Choice, ...]:
        return (Choice.OPEN_ANYWAY, Choice.QUIT)


@dataclass(frozen=True, eq=False)
class Damaged(Question):
    """The file is damaged; it was not changed. The damaged file is moved aside only on an answer that asks for it."""

    check: FileCheck
    newest: BackupSummary | None  # the newest backup that passed its check
    backups: tuple[BackupInfo, ...]  # every backup of this database, newest first (to choose from)
    backup_dir: Path | None

    @property
    def path(self) -> Path:
        return self.check.path

    @property
    def kept_as(self) -> str:
        """The name the damaged file gets beside the new one."""
        return f"{self.path.name}.damaged"

    @property
    def choices(self) -> tuple[Choice, ...]:
        first = Choice.RESTORE_NEWEST if self.newest is not None else Choice.START_EMPTY
        return (first, Choice.CHOOSE_BACKUP, Choice.QUIT)


@dataclass(frozen=True, eq=False)
class Busy(Question):
    """Another program holds the file locked longer than the busy timeout."""

    check: FileCheck

    @property
    def choices(self) -> tuple[Choice, ...]:
        return (Choice.RETRY, Choice.QUIT)


@dataclass(frozen=True, eq=False)
class UpgradeRefused(Question):
    """A shared server's schema was not upgraded: clients of an older schema are connected (the message names them),
    or another client's upgrade took too long. Nothing was changed; try again once they have closed."""

    @property
    def choices(self) -> tuple[Choice, ...]:
        return (Choice.RETRY, Choice.QUIT)


@dataclass(frozen=True, eq=False)
class Missing(Question):
    """There is no database at `path` (a mistyped or moved file?); nothing was created. NEW_FILE with this URL
    creates it there."""

    path: Path

    @property
    def choices(self) -> tuple[Choice, ...]:
        return (Choice.NEW_FILE, Choice.OTHER_FILE, Choice.QUIT)


@dataclass(frozen=True, eq=False)
class Locked(Question):
    """The file is encrypted and no passphrase known yet opens it (`tried`: one was given and failed). It was not
    changed; a wrong passphrase never writes anything."""

    path: Path
    tried: bool
    can_remember: bool  # an OS keyring works here, so "remember" may be offered

    @property
    def choices(self) -> tuple[Choice, ...]:
        return (Choice.PASSPHRASE, Choice.OTHER_FILE, Choice.QUIT)


@dataclass(frozen=True, eq=False)
class LoginNeeded(Question):
    """The server asks for a password that libpq's own sources (the URL, PGPASSWORD, ~/.pgpass, a service file)
    and the OS keyring did not give, or it refused the one given (`tried`); `reason` is the server's or libpq's
    words. `user` logs in at `server` (host:port/db); `url` never holds a password."""

    user: str
    server: str
    reason: str
    tried: bool
    can_remember: bool  # an OS keyring works here, so "remember" may be offered

    @property
    def choices(self) -> tuple[Choice, ...]:
        return (Choice.LOGIN, Choice.QUIT)


@dataclass(frozen=True, eq=False)
class CannotOpen(Question):
    """The database cannot be used (`problem` says why); another file, a new one, or quit."""

    problem: Problem

    @property
    def choices(self) -> tuple[Choice, ...]:
        return (Choice.OTHER_FILE, Choice.NEW_FILE, Choice.QUIT)


@dataclass(frozen=True, slots=True)
class Answer:
    choice: Choice
    url: str | None = None  # OTHER_FILE, NEW_FILE
    backup: Path | None = None  # CHOOSE_BACKUP
    passphrase: Passphrase | None = None  # PASSPHRASE; LOGIN: the password
    remember: bool = False  # PASSPHRASE, LOGIN: keep it in the OS keyring
    user: str | None = None  # LOGIN: the user name to log in as (None: the URL's)


QUIT = Answer(Choice.QUIT)
Ask = Callable[[Question], Answer]


class NeedsAnswer(RuntimeError):
    """Raised by DatabaseSessions.open() without `ask` when a person has to decide; `question` says what."""

    def __init__(self, question: Question) -> None:
        self.question = question
        super().__init__(question.message)


class OpenElsewhereError(RuntimeError):
    """Another running Incident Logger has the database open, so it may not be replaced now."""
