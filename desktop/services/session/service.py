"""DatabaseSessions: open (the instance lock, the file check, a verified backup before migrating, the engine),
ask about problems and carry out the answers, switch, restore, the automatic backup in the background, and close
(at most CLOSE_WAIT for a running backup, dispose, unlock)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import overload

from desktop.persistence import cipher, remembered_passphrases
from desktop.persistence.backup_copy import PAGES_PER_STEP
from desktop.persistence.cipher import KEYCHAIN, Passphrase
from desktop.persistence.disk_space import no_room
from desktop.persistence.engine import display_url, sqlite_file
from desktop.persistence.instance_lock import InstanceLock, InstanceLockedError, current_owner
from desktop.persistence.integrity import FileCheck, FileState, check_database_file
from desktop.persistence.opening import DatabaseFileError, describe_error, open_checked
from desktop.persistence.private_files import make_private_folder
from desktop.persistence.schema import SchemaTooNewError
from desktop.persistence.server_upgrades import UpgradeRefusedError
from desktop.persistence.unit_of_work import Database, utc_now
from desktop.services.backup import (
    BackupError,
    BackupInfo,
    BackupLabel,
    BackupSummary,
    RestoreResult,
    RotationPolicy,
    back_up,
    list_backups,
    move_aside,
    newest_good_backup,
    restore_backup,
    verify_backup,
)
from desktop.services.backup_worker import CLOSE_WAIT, BackupJob, backup_due, finish_or_cancel
from desktop.services.server_backup import before_migration as server_backup_first
from desktop.services.server_backup import is_server
from desktop.services.session.login import ServerLogin, drop_frames, login_question
from desktop.services.session.questions import (
    AlreadyOpen,
    Answer,
    Ask,
    Busy,
    CannotOpen,
    Choice,
    Damaged,
    Locked,
    LoginNeeded,
    Missing,
    NeedsAnswer,
    OpenElsewhereError,
    Problem,
    Question,
    UpgradeRefused,
)

log = logging.getLogger(__name__)

_PROBLEM_OF_STATE = {
    FileState.NEWER_SCHEMA: Problem.NEWER_SCHEMA,
    FileState.NOT_OURS: Problem.NOT_OURS,
    FileState.READ_ONLY: Problem.READ_ONLY,
    FileState.NO_ACCESS: Problem.NO_ACCESS,
    FileState.DISK_FULL: Problem.DISK_FULL,
}


@dataclass
class _Opened:
    database: Database
    lock: InstanceLock | None  # None: opened without the lock (Open anyway, a headless command, a server)


class DatabaseSessions:
    """Opens databases and closes them again; holds the instance lock of every SQLite file it opened with one.

    `backup_dir`: where the backups before a migration and the automatic backups go (None: none). The automatic
    backup is taken in the background (`start_backup`, when `backup_due`); closing waits for it at most a second."""

    def __init__(self, backup_dir: Path | None, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.backup_dir = backup_dir
        self.clock = clock
        self._opened: dict[int, _Opened] = {}
        self._backups: dict[int, BackupJob] = {}  # the background backup of an open database, while it runs

    # ---- opening ------------------------------------------------------------------------------------------------

    @overload
    def open(self, url: str, ask: None = None, *, lock: bool = True, create: bool = True) -> Database: ...

    @overload
    def open(self, url: str, ask: Ask, *, lock: bool = True, create: bool = True) -> Database | None: ...

    def open(self, url: str, ask: Ask | None = None, *, lock: bool = True, create: bool = True) -> Database | None:
        """Open `url`, asking `ask` about every problem and carrying out its answers, until the database opens
        (returned) or the answer is to quit (None; every file is then as it was, nothing stays locked).
        Without `ask` a problem raises NeedsAnswer. `lock=False` opens without the instance lock (and so
        without automatic backups), as a headless command or "Open anyway" does. `create=False`
        asks (Missing) before creating a SQLite file that does not exist; NEW_FILE is the answer that creates it."""
        pending: Question | None = None
        remember: Passphrase | None = None
        login = ServerLogin()
        while True:
            if pending is None:
                missing = None if create else self._missing(url)
                found = missing if missing is not None else self._attempt(url, lock=lock, password=login.password)
                if isinstance(found, Database):
                    if remember is not None:
                        _remember(found, remember)
                    login.opened(url)
                    return found
                if isinstance(found, LoginNeeded):
                    if login.try_remembered(url):
                        continue  # the password the OS keyring remembers for this login
                    found = login.refused(url, found)
                pending = found
            question, pending = pending, None
            if ask is None:
                raise NeedsAnswer(question)
            answer = ask(question)
            if answer.choice not in question.choices:
                raise ValueError(f"{answer.choice} is no answer to {type(question).__name__}")
            if answer.choice == Choice.QUIT:
                return None
            if answer.choice == Choice.OPEN_ANYWAY:
                lock = False
            elif answer.choice in (Choice.OTHER_FILE, Choice.NEW_FILE):
                if not answer.url:
                    raise ValueError(f"{answer.choice} needs the URL to open")
                url, lock = answer.url, True
                create = create or answer.choice == Choice.NEW_FILE
            elif answer.choice == Choice.LOGIN:
                url = login.answered(url, answer)
            elif answer.choice == Choice.PASSPHRASE:
                if answer.passphrase is None:
                    raise ValueError("PASSPHRASE needs the passphrase to try")
                KEYCHAIN.add(answer.passphrase)
                remember = answer.passphrase if answer.remember else None
            elif isinstance(question, Damaged):
                pending = self.repair(question, answer)  # None: repaired, open again

    @staticmethod
    def _missing(url: str) -> Missing | None:
        """The question when `url` names a SQLite file that does not exist, else None."""
        try:
            path = sqlite_file(url)
            if path is None or path.exists():
                return None
        except Exception:  # not a URL, or a folder that may not be looked into: the attempt says so
            return None
        error = FileNotFoundError(f"there is no database at {path}")
        message = f"There is no database at {path}. Nothing has been created."
        return Missing(url, error, message, path)

    def _attempt(self, url: str, *, lock: bool, password: Passphrase | None = None) -> Database | Question:
        """One try: the lock, the file check, a backup before migrating, the engine (logging in to a server with
        `password`, else libpq's own sources); a Question when it fails."""
        held: InstanceLock | None = None
        try:
            path = sqlite_file(url)
        except Exception as error:  # not a URL at all
            return self._question(url, error)
        if path is not None:
            _recall_passphrase(path)
        if lock and path is not None:
            held = InstanceLock(path)
            try:
                make_private_folder(path.parent)
                held.acquire()
            except InstanceLockedError as error:
                return AlreadyOpen(url, error, str(error), error.database, error.owner)
            except OSError:
                held = None  # a read-only folder: the file check says so clearly
        try:
            database = open_for_use(url, self.backup_dir, clock=self.clock, password=password)
        except Exception as error:
            if held is not None:
                held.release()
            if password is not None:
                drop_frames(error)  # the driver's frames hold the password in their locals
            return self._question(url, error)
        except BaseException:
            if held is not None:
                held.release()
            raise
        self._opened[id(database)] = _Opened(database, held)
        return database

    def _question(self, url: str, error: Exception) -> Question:
        log.info("cannot open %s: %s", display_url(url), error)
        if (login := login_question(url, error)) is not None:
            return login
        if isinstance(error, DatabaseFileError):
            check = error.check
            backups = tuple(list_backups(self.backup_dir, check.path)) if self.backup_dir is not None else ()
            if check.state == FileState.NOT_OURS and backups:  # it was ours: overwritten or its header wiped
                detail = f"{check.detail}, yet it has backups, so it was an Incident Logger database"
                check = replace(check, state=FileState.DAMAGED, detail=detail)
            if check.state == FileState.LOCKED:
                opened = _backup_with_same_key(check.path, backups)
                if opened is None:
                    return Locked(url, error, check.message, check.path, "does not open" in check.detail,
                                  remembered_passphrases.keyring_available())  # fmt: skip
                detail = (f"its first page cannot be read, yet the passphrase opens its backup of "
                          f"{opened.info.taken_at:%Y-%m-%d %H:%M} UTC, made with the same key")  # fmt: skip
                check = replace(check, state=FileState.DAMAGED, detail=detail)
            if check.state == FileState.DAMAGED:
                newest = newest_good_backup(self.backup_dir, check.path) if backups and self.backup_dir else None
                return Damaged(url, error, check.message, check, newest, backups, self.backup_dir)
            if check.state == FileState.BUSY:
                return Busy(url, error, check.message, check)
            return CannotOpen(url, error, check.message, _PROBLEM_OF_STATE.get(check.state, Problem.OPEN_FAILED))
        if isinstance(error, BackupError):
            return CannotOpen(url, error, f"The database was not upgraded because its backup failed: {error}",
                              Problem.BACKUP_FAILED)  # fmt: skip
        if isinstance(error, UpgradeRefusedError):  # a shared server: older clients connected, or a long upgrade
            return UpgradeRefused(url, error, f"Cannot open {display_url(url)}: {error}")
        if isinstance(error, SchemaTooNewError):
            return CannotOpen(url, error, f"Cannot open {display_url(url)}: {error}", Problem.NEWER_SCHEMA)
        path = _sqlite_path(url)
        if path is not None and no_room(error, path):  # the -shm file cannot grow: a full disk, nothing damaged
            full = FileCheck(path, FileState.DISK_FULL, " ".join(str(getattr(error, "orig", None) or error).split()))
            return CannotOpen(url, error, full.message, Problem.DISK_FULL)
        return CannotOpen(url, error, f"Cannot open {display_url(url)}: {describe_error(error)}", Problem.OPEN_FAILED)

    # ---- repairing a damaged file -------------------------------------------------------------------------------

    def repair(self, question: Damaged, answer: Answer) -> CannotOpen | None:
        """Carry out the answer to a damaged file: move it aside (only on this answer) and restore the newest good
        backup, the chosen one, or nothing (an empty start). None when done (open again); otherwise the question
        that says why nothing was restored."""
        if answer.choice == Choice.RESTORE_NEWEST and question.newest is not None:
            backup: Path | None = question.newest.info.path
        elif answer.choice == Choice.CHOOSE_BACKUP and answer.backup is not None:
            backup = answer.backup
        elif answer.choice == Choice.START_EMPTY:
            backup = None
        else:
            raise ValueError(f"{answer} does not say how to repair {question.path}")
        path = question.path
        lock = _try_lock(path)  # nobody may open the file while it is being replaced
        if isinstance(lock, InstanceLockedError):  # opened anyway: the other window has it; leave it alone
            return self._restore_failed(question.url, lock)
        try:
            moved = move_aside(path)  # the answer agreed: keep the damaged file beside the new one
            if backup is not None:
                restore_backup(backup, path, self.backup_dir or path.parent, kept_as=moved, clock=self.clock)
        except (BackupError, OSError) as error:
            return self._restore_failed(question.url, error)
        finally:
            if lock is not None:
                lock.release()
        return None

    @staticmethod
    def _restore_failed(url: str, error: Exception) -> CannotOpen:
        return CannotOpen(url, error, f"Nothing was restored: {error}", Problem.RESTORE_FAILED)

    # ---- switching, restoring, closing --------------------------------------------------------------------------

    def switch(self, current: Database, url: str, ask: Ask | None = None, *, create: bool = True) -> Database | None:
        """Open `url` (asking as open() does; `create=False` asks before creating a file that is not there) and then
        close `current`; None (and `current` still open) when the answer was not to open it after all."""
        if url == current.url:
            return current
        database = self.open(url, ask, create=create)
        if database is not None:
            self.close(current)
        return database

    def restore(
        self, database: Database, backup: Path, backup_dir: Path | None = None, *, move_damaged: bool = False
    ) -> RestoreResult:
        """Replace the open SQLite `database` by `backup` (the data it holds now is first saved as a backup in
        `backup_dir`, default this service's; with `move_damaged`, a file the check finds damaged is kept beside it
        as `<name>.damaged` instead). Refused (OpenElsewhereError) while another Incident Logger has it open; raises
        BackupError when nothing was restored."""
        path = sqlite_file(database.url)
        folder = backup_dir or self.backup_dir
        if path is None or folder is None:
            raise BackupError("only SQLite databases are restored from backups, into a backup folder")
        owner = current_owner(path)
        if owner is not None and not owner.is_this_process:
            raise OpenElsewhereError(f"Incident Logger is also open on this database ({owner.describe()}). "
                                     "Close it there, then restore.")  # fmt: skip
        lock = InstanceLock(path) if owner is None else None  # this process holds it already, or take it now
        try:
            if lock is not None:
                lock.acquire()
            self._stop_backup(database, 0.0)  # nor the background backup's
            database.engine.dispose()  # no connection of ours may stay on the file being replaced
            kept_as = None
            if move_damaged and check_database_file(path).state == FileState.DAMAGED:
                verified = verify_backup(backup)  # never move the file aside for a backup that cannot replace it
                if not verified.ok:
                    raise BackupError(f"the backup {backup} cannot be restored: {verified.check.message}")
                kept_as = move_aside(path)
            return restore_backup(backup, path, folder, clock=database.clock, kept_as=kept_as)
        finally:
            if lock is not None:
                lock.release()

    def remember_passphrase(self, database: Database, passphrase: Passphrase) -> bool:
        """Keep the passphrase of the open encrypted `database` in the OS keyring, as "remember" does at opening
        (File › New database… asks it after creating the file); False when it was not kept."""
        return _remember(database, passphrase)

    def closed_uncleanly(self, database: Database) -> bool:
        """True when the previous program on `database` did not close it (it left its lock file behind: a crash,
        a kill, a power cut): the background check then runs the full integrity_check."""
        opened = self._opened.get(id(database))
        return opened is not None and opened.lock is not None and opened.lock.stale_owner is not None

    def holds_lock(self, database: Database) -> bool:
        """True when this service opened `database` with its instance lock (so it takes its automatic backups)."""
        opened = self._opened.get(id(database))
        return opened is not None and opened.database is database and opened.lock is not None

    def close(self, database: Database, *, wait: float = CLOSE_WAIT) -> BackupInfo | None:
        """Give a running background backup up to `wait` seconds to finish, else cancel it (its temporary file is
        removed); never take one here: a backup still due is taken at the next start (`backup_due`). Then dispose
        the engine and release the lock. Returns the background backup that finished while closing, if one did."""
        opened = self._opened.pop(id(database), None)
        lock = opened.lock if opened is not None and opened.database is database else None
        try:
            return self._stop_backup(database, wait)
        finally:
            database.close()
            if lock is not None:
                lock.release()

    # ---- the automatic backup, in the background ----------------------------------------------------------------

    def backup_due(self, database: Database) -> bool:
        """True when `database` (a SQLite file opened with its lock; a window opened anyway leaves its backups to
        the first) changed since its newest backup: the automatic backup is due."""
        path = self._backed_up_file(database)
        try:
            return path is not None and self.backup_dir is not None and backup_due(path, self.backup_dir)
        except OSError as error:
            log.warning("cannot tell whether a backup is due: %s", error)
            return False

    def start_backup(
        self, database: Database, *, pages_per_step: int = PAGES_PER_STEP, throttle: float = 0.0
    ) -> BackupJob | None:
        """Start the automatic backup of `database` in a background thread when it is due and none runs; returns
        the job (the running one, if any), or None when none is due. `throttle`: seconds of rest after each step."""
        running = self.running_backup(database)
        if running is not None:
            return running
        path = self._backed_up_file(database)
        if path is None or self.backup_dir is None or not self.backup_due(database):
            return None
        job = BackupJob(path, self.backup_dir, now=database.clock(), pages_per_step=pages_per_step, throttle=throttle)
        self._backups[id(database)] = job
        log.info("backing up %s in the background", database.display_name)
        return job.start()

    def running_backup(self, database: Database) -> BackupJob | None:
        job = self._backups.get(id(database))
        return job if job is not None and job.running else None

    def newest_backup(self, database: Database) -> BackupInfo | None:
        """The newest backup of `database` (a SQLite file) in this service's backup folder, or None."""
        path = _sqlite_path(database.url)
        if path is None or self.backup_dir is None:
            return None
        found = list_backups(self.backup_dir, path)
        return found[0] if found else None

    def _backed_up_file(self, database: Database) -> Path | None:
        path = _sqlite_path(database.url) if self.holds_lock(database) else None
        return path if path is not None and path.exists() else None

    def _stop_backup(self, database: Database, wait: float) -> BackupInfo | None:
        job = self._backups.pop(id(database), None)
        if job is None or not job.running:
            return None
        taken = finish_or_cancel(job, wait)
        if taken is not None:
            log.info("backed up %s to %s", database.display_name, taken.path)
        elif job.cancelled:
            log.info("the background backup of %s was cancelled; it is taken at the next start", database.display_name)
        elif job.running:
            log.warning("the background backup of %s is still finishing; a leftover is removed next time",
                        database.display_name)  # fmt: skip
        return taken


def _sqlite_path(url: str) -> Path | None:
    try:
        return sqlite_file(url)
    except Exception:  # not a URL at all
        return None


def _recall_passphrase(path: Path) -> None:
    """The passphrase of an encrypted file that the OS keyring remembers, made known before the file is opened."""
    salt = cipher.read_salt(path)
    if salt is None or KEYCHAIN.passphrase_of(salt) is not None:
        return
    remembered = remembered_passphrases.recall(salt)
    if remembered is not None:
        KEYCHAIN.add(remembered)


def _remember(database: Database, passphrase: Passphrase) -> bool:
    """Keep in the OS keyring the passphrase that opened `database` (the user ticked "remember"); False when it
    did not open it or no keyring took it."""
    path = _sqlite_path(database.url)
    salt = cipher.read_salt(path) if path is not None else None
    opened_by_it = salt is not None and KEYCHAIN.passphrase_of(salt) == passphrase
    if not opened_by_it or salt is None:
        return False
    if remembered_passphrases.remember(salt, passphrase):
        return True
    log.warning("the OS keyring did not keep the passphrase of %s; it will be asked again", path)
    return False


def _backup_with_same_key(path: Path, backups: tuple[BackupInfo, ...]) -> BackupSummary | None:
    """A backup of the locked file `path` that shares its salt (so its key) and opens with a passphrase given:
    then the passphrase is right and the file itself is damaged. None when there is none."""
    salt = cipher.read_salt(path)
    if salt is None or not KEYCHAIN.known:
        return None
    for info in backups:
        if cipher.read_salt(info.path) == salt:
            summary = verify_backup(info.path)
            if summary.ok:
                return summary
    return None


def _try_lock(path: Path) -> InstanceLock | InstanceLockedError | None:
    """The lock of `path`, taken; the error when another process holds it; None when it cannot be made (a
    read-only folder: what comes next fails and says so)."""
    lock = InstanceLock(path)
    try:
        lock.acquire()
    except InstanceLockedError as error:
        return error
    except OSError:
        return None
    return lock


# ---- the steps ----------------------------------------------------------------------------------------------------


def open_for_use(
    url: str,
    backup_dir: Path | None,
    *,
    clock: Callable[[], datetime] = utc_now,
    password: Passphrase | None = None,
) -> Database:
    """Check the file (raises DatabaseFileError when it is damaged, newer, foreign or read-only: its header, schema
    and the first page of every table, never the whole file), back it up before any migration (a server database
    with pg_dump), and open it (`password`: a server login's)."""
    path = sqlite_file(url)
    before_migration = None
    if path is None and backup_dir is not None and is_server(url):
        before_migration = server_backup_first(url, backup_dir, clock, password)
    elif path is not None and backup_dir is not None:
        folder, database = backup_dir, path

        def before_migration() -> None:
            back_up(database, folder, BackupLabel.BEFORE_MIGRATION, now=clock())

    return open_checked(url, before_migration=before_migration, clock=clock, password=password)


def automatic_backup(database: Database, backup_dir: Path, policy: RotationPolicy | None = None) -> BackupInfo | None:
    """The automatic backup taken now, in the calling thread (the background job run to its end): when the data
    changed since the newest backup, a verified backup, then the old ones rotated. Returns it, or None (nothing
    changed, or not a SQLite file); raises BackupError when it failed."""
    path = sqlite_file(database.url)
    if path is None or not path.exists() or not backup_due(path, backup_dir):
        return None
    return BackupJob(path, backup_dir, now=database.clock(), policy=policy).run()
