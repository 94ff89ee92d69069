"""Subcommands over the records: demo, list, stats, check."""

from __future__ import annotations

import argparse
import sys

from desktop.commands import command, whole_number
from desktop.domain import figure_text
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import IncidentFilter, Page
from desktop.domain.search import SearchSyntaxError, parse_search
from desktop.paths import AppPaths
from desktop.persistence.engine import sqlite_file
from desktop.persistence.unit_of_work import Database
from desktop.services.demo import load_demo
from desktop.services.leftovers import sweep
from desktop.services.maintenance import check_database
from desktop.services.records import IncidentService
from desktop.services.statistics import summarize

MAX_LIMIT = 1_000_000


@command("demo", "load the three 2019 incidents of the DHS memo, their facilities and the plan item", writes=True,
         creates=True)  # fmt: skip
def demo(database: Database, _args: argparse.Namespace) -> int:
    added = load_demo(database)
    print(f"demo data: {added} incidents added" if added else "demo data is already present")
    return 0


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--limit", type=whole_number(1, MAX_LIMIT), default=50,
                        help=f"at most this many incidents, 1 to {MAX_LIMIT:,} (default 50)")  # fmt: skip
    parser.add_argument("--search", default="", help='search title, description, case number, sources: words, '
                        '"a phrase", a OR b, -word, facility:, state:, status:, type:, severity:, case:')  # fmt: skip


@command("list", "print incidents, newest first", _list_arguments)
def list_incidents(database: Database, args: argparse.Namespace) -> int:
    try:
        parse_search(args.search, RecordKind.INCIDENT)
    except SearchSyntaxError as error:
        print(f"incident-logger list: --search: {error}", file=sys.stderr)
        return 2
    service = IncidentService(database)
    where = IncidentFilter(text=args.search)
    for incident in service.page(where, Page(limit=args.limit, sort="occurred", descending=True)):
        occurred = incident.occurred.text() or "unknown"  # EDTF, with the band of the day
        print(f"{occurred:<24} {incident.status.label:<24} {incident.facility_name:<36} {incident.title}")
    return 0


@command("stats", "print summary figures")
def stats(database: Database, _args: argparse.Namespace) -> int:
    summary = summarize(database)
    print(f"incidents: {summary.incidents} ({summary.open_cases} open)")
    for line in figure_text.summary_lines(summary.casualties):  # who was killed, what is unknown; never "$0"
        print(line)
    for title, counts in (
        ("status", summary.by_status),
        ("attack type", summary.by_attack_type),
        ("severity", summary.by_severity),
        (RecordKind.PLAN_ITEM.plural, summary.plan_items_by_status),
    ):
        print(f"by {title}: " + ", ".join(f"{k.label} {v}" for k, v in counts.items()))  # fmt: skip
    return 0


@command("check", "check storage integrity, foreign keys, the full-text index and the audit chain; remove what "
         "interrupted backups, restores and exports left beside the database and in the backup folder")  # fmt: skip
def check(database: Database, args: argparse.Namespace) -> int:
    """Exit 1 for a problem of the database; leftovers of killed runs are no damage to it: they are removed and
    told (a live process's left alone), and the exit status stays 0."""
    problems = check_database(database)
    for problem in problems:
        print(problem)
    cleaned = _sweep(database, args)
    if not problems:
        print(f"ok{cleaned}")
    else:
        print(f"{len(problems)} problem(s) found{cleaned}")
    return 0 if not problems else 1


def _sweep(database: Database, args: argparse.Namespace) -> str:
    """Remove the leftovers of interrupted runs, a line for each; returns the note for the last line."""
    path = sqlite_file(database.url)
    if path is None:
        return ""
    app_paths: AppPaths | None = getattr(args, "app_paths", None)
    found = sweep(path, app_paths.backup_dir if app_paths is not None else None)
    for leftover in found.removed:
        print(f"removed {leftover.describe(full=True)}")
    for leftover in found.live:
        print(f"in progress: {leftover.describe_live()}")
    for leftover in found.kept:
        print(f"could not remove {leftover.describe(full=True)}; remove it by hand")
    if not found.removed:
        return ""
    count = len(found.removed)
    return f" ({count} leftover{'s' if count != 1 else ''} of interrupted runs removed)"
