"""Subcommand `evidence`: re-hash every stored file (verify)."""

from __future__ import annotations

import argparse
import sys

from desktop.commands import command
from desktop.persistence.unit_of_work import Database
from desktop.services.evidence_check import verify_evidence


def _arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    actions.add_parser("verify", help="re-hash every stored file; name each that is damaged or missing")


@command("evidence", "evidence kept with the records: verify every stored file", _arguments)
def evidence(database: Database, args: argparse.Namespace) -> int:
    report = verify_evidence(database)
    for problem in report.problems:
        print(problem)
    if report.ok:
        print(f"ok: {report.files:,} stored files ({report.size_text}) match their SHA-256; "
              f"{report.attachments:,} attachments")  # fmt: skip
        return 0
    print(f"{len(report.problems)} problem(s) found in {report.files:,} stored files", file=sys.stderr)
    return 1
