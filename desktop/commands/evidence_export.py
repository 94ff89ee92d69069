"""`evidence export`: an incident's evidence package (its files verified, manifests, custody report)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.protection import ProtectionError, export_passphrase, protection_arguments, warn_if_plain
from desktop.domain.errors import StorageError
from desktop.persistence.unit_of_work import Database
from desktop.services.evidence_package import PackageError, export_package, find_incident, withheld_text
from desktop.services.output_targets import is_stdout

NAME = "evidence export"  # how its messages name it


def export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--incident", required=True, metavar="UUID_OR_CASE_NUMBER",
                        help="the incident whose attached files go into the package")  # fmt: skip
    parser.add_argument("--output", "-o", type=Path, required=True, metavar="FILE.zip",
                        help="the ZIP file to write (replaced whole, or left as it was)")  # fmt: skip
    parser.add_argument("--include-sensitive", action="store_true",
                        help="also put in the attachments marked sensitive (left out by default, and only counted); "
                             "the audit trail records that they were included")  # fmt: skip
    protection_arguments(parser, "FILE.zip itself, every file in it encrypted and named by number")


def run_export(database: Database, args: argparse.Namespace) -> int:
    """Write the package; 0 when written, 2 for an incident that is not there, 1 when it could not be written."""
    try:
        incident = find_incident(database, args.incident)
    except PackageError as error:
        return _fail(f"--incident: {error}", 2)
    except StorageError as error:
        return _fail(str(error), 1)
    try:
        protect = export_passphrase(args)
    except ProtectionError as error:
        return _fail(str(error), 2)
    warn_if_plain("evidence export", database, args.include_sensitive, protect)
    from desktop.ui.report.custody_pdf import ensure_application, write_custody_pdf  # PySide6 for this command only

    ensure_application()
    try:
        result = export_package(database, incident.uuid, args.output, include_sensitive=args.include_sensitive,
                                custody_pdf=write_custody_pdf, protect=protect)  # fmt: skip
    except PackageError as error:
        return _fail(str(error), 1)
    except StorageError as error:
        return _fail(f"cannot write {args.output}: {error}", 1)
    manifest = result.manifest
    told = sys.stderr if is_stdout(args.output) else sys.stdout  # never into the ZIP written to stdout
    count = len(manifest.files)
    print(f"evidence package written to {args.output}: {count} file{'s' if count != 1 else ''} of "
          f"{incident.title!r}, verified ({manifest.total_bytes:,} bytes); {withheld_text(manifest)}"
          f"{'; every entry protected by the passphrase' if protect is not None else ''}",
          file=told)  # fmt: skip
    return 0


def _fail(message: str, status: int) -> int:
    print(f"incident-logger {NAME}: {message}", file=sys.stderr)
    return status
