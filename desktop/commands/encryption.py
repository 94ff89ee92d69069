"""Subcommands of encryption at rest: encrypt, decrypt, rekey (each with a verified backup first, atomic)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands import command, fail
from desktop.commands.passphrase_input import PassphraseInputError, new_passphrase
from desktop.paths import AppPaths
from desktop.persistence.cipher import Passphrase
from desktop.persistence.engine import sqlite_file
from desktop.persistence.sqlite_files import describe_file_error
from desktop.persistence.unit_of_work import Database
from desktop.services.encryption import (
    Change,
    EncryptionError,
    Outcome,
    Refused,
    decrypt_database,
    encrypt_database,
    plain_files_beside,
    rekey_database,
)


def _plain_file_arguments(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(keys_itself=True, needs_current=False)  # desktop.commands.passphrase_input.unlock


def _encrypted_file_arguments(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(keys_itself=True)


@command("encrypt", "encrypt the database with a new passphrase (SQLCipher); a verified backup is taken first, and "
         "its backups are encrypted too", _plain_file_arguments, opens_database=False, writes=True)  # fmt: skip
def encrypt(_database: Database | None, args: argparse.Namespace) -> int:
    return _change(args, Change.ENCRYPT)


@command("decrypt", "make the encrypted database a plain file again (a verified backup first; its backups stay "
         "encrypted)", _encrypted_file_arguments, opens_database=False, writes=True)  # fmt: skip
def decrypt(_database: Database | None, args: argparse.Namespace) -> int:
    return _change(args, Change.DECRYPT)


@command("rekey", "give the encrypted database and its backups a new passphrase (a verified backup first)",
         _encrypted_file_arguments, opens_database=False, writes=True)  # fmt: skip
def rekey(_database: Database | None, args: argparse.Namespace) -> int:
    return _change(args, Change.REKEY)


def _change(args: argparse.Namespace, change: Change) -> int:
    """Carry out `change` on the database (the instance lock is held: desktop.cli, writes=True)."""
    name = change.value
    path = sqlite_file(args.database_url)
    if path is None:
        return fail(name, "only SQLite database files are encrypted; a server keeps its own data", 2)
    if change == Change.DECRYPT and args.remember:
        return fail(name, "--remember: a decrypted database has no passphrase to remember. Nothing was changed.", 2)
    app_paths: AppPaths = args.app_paths

    def ask() -> Passphrase:
        return new_passphrase(args, path, current_sources=change == Change.ENCRYPT)

    try:
        if change == Change.ENCRYPT:
            outcome = encrypt_database(path, app_paths.backup_dir, ask, remember=args.remember)
        elif change == Change.REKEY:
            outcome = rekey_database(path, app_paths.backup_dir, ask, remember=args.remember)
        else:
            outcome = decrypt_database(path, app_paths.backup_dir)
    except (Refused, PassphraseInputError) as error:
        return fail(name, str(error), 2)
    except EncryptionError as error:
        return fail(name, str(error))
    except OSError as error:  # the backup folder or a file that cannot be written: one line, the database as it was
        return fail(name, describe_file_error(error))
    for leftover in outcome.leftovers_removed:
        print(f"incident-logger {name}: removed {leftover.describe()}", file=sys.stderr)
    print(_done(outcome))
    print(_backups(outcome, app_paths.backup_dir))
    for plain in plain_files_beside(path) if change != Change.DECRYPT else []:
        print(f"incident-logger {name}: note: {plain} is a plain copy of the data kept beside the database; "
              "delete it when it is no longer needed", file=sys.stderr)  # fmt: skip
    return 0


def _done(outcome: Outcome) -> str:
    what = {
        Change.ENCRYPT: "encrypted",
        Change.DECRYPT: "decrypted (now a plain file)",
        Change.REKEY: "given the new passphrase (and a new salt)",
    }[outcome.change]
    zeroed = "; the old file's bytes overwritten" if outcome.old_bytes_overwritten else ""
    return (f"{outcome.database} {what}: {outcome.records}, the audit chain head unchanged; verified backup "
            f"taken first: {outcome.backup.path.name}{zeroed}")  # fmt: skip


def _backups(outcome: Outcome, folder: Path) -> str:
    if outcome.change == Change.DECRYPT:
        text = f"{len(outcome.backups_left)} backup(s) in {folder} stay encrypted with the old passphrase"
        if outcome.old_entry_forgotten:
            text += "; its entry in the OS keyring was removed"
        return text
    verb = "encrypted with the same key" if outcome.change == Change.ENCRYPT else "given the new passphrase too"
    text = f"{len(outcome.backups_converted)} backup(s) in {folder} {verb}"
    if outcome.backups_left:
        names = [path.name for path in outcome.backups_left]
        more = f" and {len(names) - 3} more" if len(names) > 3 else ""
        text += (f"; {len(names)} could not be converted (no passphrase given opens them, or damaged) and were "
                 f"left as they were: {', '.join(names[:3])}{more}")  # fmt: skip
    if outcome.remembered:
        text += "; the passphrase is remembered in the OS keyring"
    if outcome.old_entry_forgotten:
        text += " (the old one's entry removed)"
    return text
