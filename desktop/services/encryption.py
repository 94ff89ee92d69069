"""Encrypt, decrypt and rekey a database and its backups: a verified backup first, each file converted atomically,
the remembered passphrase kept under the new salt."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from desktop.domain.kinds import RecordKind
from desktop.persistence import cipher, remembered_passphrases
from desktop.persistence.integrity import FileState, check_database_file
from desktop.persistence.rekeying import ConversionError, convert_file
from desktop.persistence.sqlite_files import FileContents
from desktop.services.backup import BackupError, BackupInfo, BackupLabel, back_up, list_backups
from desktop.services.leftovers import CONVERTING, Leftover, Work, clean_leftovers, free_temporary_name


class EncryptionError(Exception):
    """The change failed and the database was left as it was; one line for people."""


class Refused(EncryptionError):
    """The change cannot be made to the file as it is (bad input); nothing was done at all."""


NewPassphrase = cipher.Passphrase | Callable[[], cipher.Passphrase]
"""The new passphrase, or what asks for it once the file has been found fit for the change."""


class Change(StrEnum):
    ENCRYPT = "encrypt"
    DECRYPT = "decrypt"
    REKEY = "rekey"

    @property
    def verb(self) -> str:
        return {Change.ENCRYPT: "encrypting", Change.DECRYPT: "decrypting", Change.REKEY: "rekeying"}[self]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What encrypt, decrypt or rekey did."""

    change: Change
    database: Path
    contents: FileContents  # what the database holds, the same before and after
    backup: BackupInfo  # the verified backup taken before anything changed
    backups_converted: tuple[Path, ...]  # backups of the database now keyed as it is (encrypt, rekey)
    backups_left: tuple[Path, ...]  # backups not converted: left encrypted (decrypt), or not opened by any passphrase
    old_bytes_overwritten: bool  # the replaced database file's bytes were overwritten with zeros
    remembered: bool  # the (new) passphrase is kept in the OS keyring
    old_entry_forgotten: bool  # the keyring's entry for the old salt was removed (no file has that salt any more)
    leftovers_removed: tuple[Leftover, ...]  # of killed conversions and backups, removed first

    @property
    def records(self) -> str:
        counts = self.contents.counts
        return ", ".join(f"{counts[kind]:,} {kind.label if counts[kind] == 1 else kind.plural}" for kind in RecordKind)


def encrypt_database(
    database: Path,
    backup_dir: Path,
    passphrase: NewPassphrase,
    *,
    remember: bool = False,
    now: datetime | None = None,
) -> Outcome:
    """Encrypt the plain database `database` with `passphrase` (a new salt), and its plain backups in `backup_dir`
    with the same key, so that no plain copy of the data stays in the app's folders."""
    validate(database, Change.ENCRYPT)
    return _convert(database, backup_dir, Change.ENCRYPT, _given(passphrase), remember=remember, now=now)


def decrypt_database(database: Path, backup_dir: Path, *, now: datetime | None = None) -> Outcome:
    """Make the encrypted database `database` a plain file again; its backups stay encrypted."""
    validate(database, Change.DECRYPT)
    return _convert(database, backup_dir, Change.DECRYPT, None, remember=False, now=now)


def rekey_database(
    database: Path,
    backup_dir: Path,
    passphrase: NewPassphrase,
    *,
    remember: bool = False,
    now: datetime | None = None,
) -> Outcome:
    """Give the encrypted database `database` the new passphrase (and a new salt), and its backups too. The new
    passphrase is remembered in the OS keyring when `remember`, or when the old one was."""
    validate(database, Change.REKEY)
    return _convert(database, backup_dir, Change.REKEY, _given(passphrase), remember=remember, now=now)


def _given(passphrase: NewPassphrase) -> cipher.Passphrase:
    return passphrase if isinstance(passphrase, cipher.Passphrase) else passphrase()


def validate(database: Path, change: Change) -> None:
    """Raise Refused (nothing changed) when `change` cannot be made to `database` as it is: an encrypted
    file to encrypt, a plain one to decrypt or rekey, a file no known passphrase opens, a damaged one."""
    if not database.exists():
        raise Refused(f"there is no database at {database}")
    encrypted = cipher.read_salt(database) is not None
    if change == Change.ENCRYPT and encrypted:
        raise Refused(f"{database} is encrypted already; give it another passphrase with "
                              "`incident-logger rekey`. Nothing was changed.")  # fmt: skip
    if change != Change.ENCRYPT and not encrypted:
        raise Refused(f"{database} is not encrypted; encrypt it with `incident-logger encrypt`. "
                              "Nothing was changed.")  # fmt: skip
    check = check_database_file(database)
    if check.state != FileState.OK:
        raise (Refused if check.state == FileState.LOCKED else EncryptionError)(check.message)


def _convert(
    database: Path,
    backup_dir: Path,
    change: Change,
    passphrase: cipher.Passphrase | None,
    *,
    remember: bool,
    now: datetime | None,
) -> Outcome:
    old_salt = cipher.read_salt(database)
    removed = clean_leftovers(database.parent, (Work.CONVERT,), targets=(database.name,))
    removed += clean_leftovers(backup_dir, (Work.CONVERT, Work.BACKUP))  # no stray copy of the data stays there
    try:
        backup = back_up(database, backup_dir, BackupLabel.BEFORE_ENCRYPTION, now=now)
    except BackupError as error:
        raise EncryptionError(f"the backup before {change.verb} failed, so nothing was changed: {error}") from None
    new_key = None if passphrase is None else cipher.derive(passphrase, os.urandom(cipher.SALT_SIZE))
    remembered = False
    if new_key is not None and passphrase is not None:
        cipher.KEYCHAIN.learn(new_key, passphrase)
        was_remembered = old_salt is not None and remembered_passphrases.recall(old_salt) is not None
        if remember or was_remembered:  # before the rename: a kill leaves an entry for whichever salt the file has
            remembered = remembered_passphrases.remember(new_key.salt, passphrase)
    try:
        converted = convert_file(database, new_key, free_temporary_name(database, CONVERTING),
                                 overwrite_old=change != Change.DECRYPT)  # fmt: skip
    except (ConversionError, cipher.KeyNeeded) as error:
        if remembered and new_key is not None:
            remembered_passphrases.forget(new_key.salt)
        raise EncryptionError(f"{error}; the database was not changed (its backup: {backup.path})") from None
    converted_backups, left = _convert_backups(database, backup_dir, change, new_key)
    forgotten = False
    if old_salt is not None and not _salt_in_use(old_salt, database, backup_dir):
        forgotten = remembered_passphrases.recall(old_salt) is not None
        remembered_passphrases.forget(old_salt)
    return Outcome(change, database, converted.contents, backup, converted_backups, left,
                   converted.old_bytes_overwritten, remembered, forgotten, tuple(removed))  # fmt: skip


def _convert_backups(
    database: Path, backup_dir: Path, change: Change, key: cipher.FileKey | None
) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """Give the backups of `database` the database's new key (encrypt, rekey); decrypt leaves them as they are.
    Returns (converted, left as they were)."""
    backups = [info.path for info in list_backups(backup_dir, database)]
    if change == Change.DECRYPT or key is None:
        return (), tuple(path for path in backups if cipher.read_salt(path) is not None)
    converted, left = [], []
    unknown: set[bytes] = set()  # salts no known passphrase opened: not tried again (0.2 s per passphrase)
    for path in backups:
        salt = cipher.read_salt(path)
        if salt == key.salt:
            continue
        try:
            if salt in unknown:
                raise cipher.KeyNeeded(path, tried=True)
            convert_file(path, key, free_temporary_name(path, CONVERTING), overwrite_old=True)
        except (ConversionError, cipher.KeyNeeded) as error:
            if isinstance(error, cipher.KeyNeeded) and salt is not None:
                unknown.add(salt)
            left.append(path)
            continue
        converted.append(path)
    return tuple(converted), tuple(left)


def _salt_in_use(salt: bytes, database: Path, backup_dir: Path) -> bool:
    files = [database, *(info.path for info in list_backups(backup_dir, database))]
    return any(cipher.read_salt(path) == salt for path in files)


def plain_files_beside(database: Path) -> list[Path]:
    """Plain copies of the database's data the conversion did not touch: a damaged file kept beside it."""
    return sorted(path for path in database.parent.glob(f"{database.name}.damaged*")
                  if path.is_file() and cipher.read_salt(path) is None)  # fmt: skip
