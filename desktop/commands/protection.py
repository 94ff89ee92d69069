"""`--protect` of the export commands: the passphrase of a protected ZIP, and the warning before a plain export."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.domain.errors import PermissionDeniedError
from desktop.persistence.cipher import Passphrase, passphrase_problem
from desktop.persistence.unit_of_work import Database
from desktop.services.protected_zip import PLAIN_WARNING, warns_plain

ENV_PASSPHRASE = "INCIDENT_LOGGER_EXPORT_PASSPHRASE"
MAX_FILE = 4096  # bytes read of a passphrase file (its first line is the passphrase)


class ProtectionError(ValueError):
    """The passphrase of a protected export could not be had; one line saying why."""


def protection_arguments(parser: argparse.ArgumentParser, written: str = "NAME.zip") -> None:
    parser.add_argument("--protect", action="store_true",
                        help=f"write a ZIP protected by a passphrase instead ({written}, each file in it encrypted "
                             "with AES-256; 7-Zip and WinZip open it): the passphrase is asked on the terminal, or "
                             f"read from --export-passphrase-file or the environment variable {ENV_PASSPHRASE}; "
                             "at least 8 characters")  # fmt: skip
    parser.add_argument("--export-passphrase-file", type=Path, metavar="FILE", default=None,
                        help="with --protect: the passphrase is the first line of FILE")  # fmt: skip


def _on_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def export_passphrase(args: argparse.Namespace, *, ask: Callable[[str], str] = getpass.getpass,
                      on_terminal: Callable[[], bool] = _on_terminal) -> Passphrase | None:  # fmt: skip
    """The passphrase `--protect` asks for (None without --protect): from --export-passphrase-file, else the
    environment variable, else asked twice on the terminal. ProtectionError says why there is none. (The text is
    wrapped in a Passphrase at once: no local variable of a traceback holds it.)"""
    passphrase_file: Path | None = args.export_passphrase_file
    if not args.protect:
        if passphrase_file is not None:
            raise ProtectionError("--export-passphrase-file is the passphrase of --protect; give --protect too")
        return None
    if passphrase_file is not None:
        return _checked(_first_line(passphrase_file), f"--export-passphrase-file {passphrase_file}")
    if ENV_PASSPHRASE in os.environ:
        return _checked(os.environ[ENV_PASSPHRASE], ENV_PASSPHRASE)
    if not on_terminal():
        raise ProtectionError(f"--protect needs a passphrase and there is no terminal to ask it on: give "
                              f"--export-passphrase-file FILE or set {ENV_PASSPHRASE}")  # fmt: skip
    first = _checked(ask("Passphrase of the protected ZIP: "), "--protect")
    if _checked(ask("The same passphrase again: "), "--protect") != first:
        raise ProtectionError("--protect: the two passphrases differ; nothing was written")
    return first


def _checked(text: str, source: str) -> Passphrase:
    if problem := passphrase_problem(text):
        raise ProtectionError(f"{source}: {problem}")
    return Passphrase(text)


def _first_line(path: Path) -> str:
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE)
    except OSError as error:
        raise ProtectionError(f"--export-passphrase-file {path}: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ProtectionError(f"--export-passphrase-file {path}: byte {error.start + 1} is not UTF-8 text") from None
    lines = text.splitlines()
    return lines[0] if lines else ""


def refuse_withheld(database: Database, sensitive_included: bool) -> None:
    """--include-sensitive by a login that may not read those fields (a team reader): its role's refusal, before
    anything is written (not a file that would say it holds them)."""
    capabilities = database.capabilities
    if sensitive_included and capabilities.withheld_fields:
        raise PermissionDeniedError("--include-sensitive asks for suspect names and personal details, which it may "
                                    "not read", capabilities.role_name)  # fmt: skip


def warn_if_plain(command: str, database: Database, sensitive_included: bool, protect: Passphrase | None) -> None:
    """Say on stderr, once for this run, that an unredacted export of an encrypted database is written in plain."""
    if protect is None and warns_plain(database.encrypted, sensitive_included):
        print(f"incident-logger {command}: warning: {PLAIN_WARNING} Give --protect to write it as a "
              "passphrase-protected ZIP.", file=sys.stderr)  # fmt: skip
