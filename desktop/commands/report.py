"""Subcommand `report`: the briefing PDF for a period and facilities, marked, redacted unless --include-sensitive."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from desktop.commands import command, whole_number
from desktop.commands.period import incidents_line
from desktop.commands.protection import (
    ProtectionError,
    export_passphrase,
    protection_arguments,
    refuse_withheld,
    warn_if_plain,
)
from desktop.persistence.unit_of_work import Database
from desktop.services.briefing import MAX_ROWS, BriefingOptions
from desktop.services.output_targets import is_stdout
from desktop.services.protected_zip import protected_target
from desktop.services.records import FacilityService

MAX_ROWS_LIMIT = 100_000


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2019-09-12") from None


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", "-o", type=Path, required=True, help="the PDF file to write (replaced)")
    parser.add_argument("--from", dest="occurred_from", type=iso_date, metavar="YYYY-MM-DD",
                        help="first day of the period (default: no lower limit); an incident whose date overlaps "
                             "the period is in it, marked 'possibly' when its date is approximate or reaches "
                             "outside")  # fmt: skip
    parser.add_argument("--to", dest="occurred_to", type=iso_date, metavar="YYYY-MM-DD",
                        help="last day of the period (default: no upper limit)")  # fmt: skip
    parser.add_argument("--facility", action="append", default=[], metavar="NAME_OR_UUID",
                        help="limit to this facility; repeat for several (default: all)")  # fmt: skip
    parser.add_argument("--redact", action="store_true",
                        help="redacted is the default (suspect names and personal details left out); accepted "
                             "for older scripts")  # fmt: skip
    parser.add_argument("--include-sensitive", action="store_true",
                        help="show suspect names and personal details; the PDF may be shared, and the audit "
                             "trail records that they were included")  # fmt: skip
    parser.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD",
                        help="the day plan deadlines and reassessments are measured on (default: today)")  # fmt: skip
    parser.add_argument("--max-rows", type=whole_number(0, MAX_ROWS_LIMIT), default=MAX_ROWS,
                        help=f"at most this many incidents and plan items listed, 0 to {MAX_ROWS_LIMIT:,} "
                             f"(default {MAX_ROWS})")  # fmt: skip
    parser.add_argument("--marking", default="", metavar="TEXT",
                        help="handling marking printed at the top and bottom of every page, e.g. CUI or "
                             "'LAW ENFORCEMENT SENSITIVE' (default: none)")  # fmt: skip
    parser.add_argument("--prepared-by", default="", metavar="NAME",
                        help="the name printed as having prepared the briefing (default: the computer's "
                             "user)")  # fmt: skip
    protection_arguments(parser, "NAME.pdf.zip")


def _fail(message: str, status: int = 2) -> int:
    print(f"incident-logger report: {message}", file=sys.stderr)
    return status


def resolve_facilities(database: Database, wanted: list[str]) -> tuple[list[str], list[str]]:
    """The uuids of facilities given by uuid or name (case-insensitive), and the ones not found."""
    known = FacilityService(database).names()
    by_uuid = {uuid: uuid for uuid, _ in known}
    by_name = {name.casefold(): uuid for uuid, name in known}
    found: list[str] = []
    missing: list[str] = []
    for text in wanted:
        uuid = by_uuid.get(text.strip()) or by_name.get(text.strip().casefold())
        (found if uuid else missing).append(uuid or text)
    return found, missing


@command("report", "write a briefing PDF: summary figures, charts, incidents and plan items", _arguments)
def report(database: Database, args: argparse.Namespace) -> int:
    if args.include_sensitive and args.redact:
        return _fail("--include-sensitive and --redact contradict each other; give one")
    uuids, missing = resolve_facilities(database, args.facility)
    if missing:
        return _fail(f"no facility named {', '.join(repr(m) for m in missing)}; `incident-logger list` shows incidents "
                     "with their facilities")  # fmt: skip
    options = BriefingOptions(occurred_from=args.occurred_from, occurred_to=args.occurred_to,
                              facility_uuids=tuple(dict.fromkeys(uuids)), redact=not args.include_sensitive,
                              as_of=args.as_of, max_rows=args.max_rows)  # fmt: skip
    options = replace(options, marking=args.marking, prepared_by=args.prepared_by)
    if problems := options.problems():
        return _fail("; ".join(problems))
    refuse_withheld(database, args.include_sensitive)  # before a passphrase is asked
    try:
        protect = export_passphrase(args)
    except ProtectionError as error:
        return _fail(str(error))
    warn_if_plain("report", database, args.include_sensitive, protect)
    from desktop.ui.report import BriefingError  # PySide6 is loaded for this command only
    from desktop.ui.report.headless import write_briefing_headless

    try:
        pages = write_briefing_headless(
            database,
            args.output,
            options,
            told=lambda leftover: print(f"incident-logger report: removed {leftover.describe()}", file=sys.stderr),
            protect=protect,
        )
    except BriefingError as error:
        return _fail(str(error), 1)
    sensitive = "WITH suspect names and personal details" if args.include_sensitive else "redacted"
    told = sys.stderr if is_stdout(args.output) else sys.stdout  # never into the PDF written to stdout
    if protect is not None:
        written, sensitive = protected_target(args.output), f"{sensitive}, in a ZIP protected by the passphrase"
    else:
        written = args.output
    print(f"briefing written to {written} ({pages} pages, {sensitive})", file=told)
    print(
        incidents_line(database, options.incident_filter()), file=told
    )  # those of a period that overlap it "possibly"
    return 0
