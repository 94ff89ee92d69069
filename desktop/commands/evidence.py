"""Subcommand `evidence`: re-hash every stored file (verify), or write an incident's evidence package (export)."""

from __future__ import annotations

import argparse
import sys

from desktop.commands import command
from desktop.commands.evidence_export import export_arguments, run_export
from desktop.persistence.unit_of_work import Database
from desktop.services.evidence_check import verify_evidence


def _arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    actions.add_parser("verify", help="re-hash every stored file; name each that is damaged or missing")
    export_arguments(actions.add_parser("export", help="write an incident's evidence package: its files verified, "
                                        "manifests (CSV, JSON), custody report (PDF)"))  # fmt: skip


@command("evidence", "evidence kept with the records: verify every stored file, export an incident's package",
         _arguments)  # fmt: skip
def evidence(database: Database, args: argparse.Namespace) -> int:
    if args.action == "export":
        return run_export(database, args)
    report = verify_evidence(database)
    for problem in report.problems:
        print(problem)
    if report.ok:
        print(f"ok: {report.files:,} stored files ({report.size_text}) match their SHA-256; "
              f"{report.attachments:,} attachments")  # fmt: skip
        return 0
    print(f"{len(report.problems)} problem(s) found in {report.files:,} stored files", file=sys.stderr)
    return 1
