"""Subcommand `timeline`: an incident's chronology shown, exported as CSV, or a dated event added to it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands import command, partial_date
from desktop.commands.protection import ProtectionError, export_passphrase, protection_arguments, warn_if_plain
from desktop.domain.errors import RecordNotFoundError
from desktop.domain.evidence import TimelineEvent, TimelineKind
from desktop.persistence.unit_of_work import Database
from desktop.services.output_targets import is_stdout
from desktop.services.protected_zip import protected_target
from desktop.services.records import IncidentService
from desktop.services.timeline import TimelineError, TimelineService

KIND_NAMES = {kind.value: kind for kind in TimelineKind}


def _arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    show = actions.add_parser("show", help="print an incident's chronology, oldest first")
    show.add_argument("incident", metavar="UUID_OR_CASE_NUMBER")
    show.add_argument("--kind", action="append", choices=sorted(KIND_NAMES), default=[],
                      help="only lines of this kind; repeat for several (default: all)")  # fmt: skip
    show.add_argument("--include-sensitive", action="store_true",
                      help="name sensitive attachments (left out by default)")  # fmt: skip
    show.set_defaults(reads_only=True)
    export = actions.add_parser("export", help="write an incident's chronology as CSV")
    export.add_argument("incident", metavar="UUID_OR_CASE_NUMBER")
    export.add_argument("--output", "-o", type=Path, required=True, help="the CSV file to write (replaced)")
    export.add_argument("--include-sensitive", action="store_true",
                        help="name sensitive attachments (left out by default); the audit records it")  # fmt: skip
    protection_arguments(export, "NAME.csv.zip")
    add = actions.add_parser("add", help="add a dated event to an incident's timeline")
    add.add_argument("incident", metavar="UUID_OR_CASE_NUMBER")
    add.add_argument(
        "--date",
        type=partial_date,
        required=True,
        metavar="DATE",
        help="when: 2019-08-25, 2019-08-25T14:30, 2019-08, about 2019-08, 2019-08-20/2019-08-31",
    )
    add.add_argument("--text", required=True, help="what happened")
    add.add_argument("--source", default="", help="where that is known from")


def _fail(message: str, status: int = 1) -> int:
    print(f"incident-logger timeline: {message}", file=sys.stderr)
    return status


@command("timeline", "an incident's chronology: show, export as CSV, add an event", _arguments, writes=True)
def timeline(database: Database, args: argparse.Namespace) -> int:
    found = IncidentService(database).named(args.incident)
    if len(found) != 1:
        several = f"{len(found)} incidents have the case number {args.incident!r}; give the uuid"
        return _fail(several if found else f"there is no incident {args.incident!r} (give its uuid or case number)", 2)
    incident = found[0]
    service = TimelineService(database)
    try:
        if args.action == "add":
            event = service.add(TimelineEvent(incident.uuid, args.date, args.text, args.source))
            print(f"{event.uuid}  {event.happened.label()}  {event.text}")
            return 0
        if args.action == "export":
            try:
                protect = export_passphrase(args)
            except ProtectionError as error:
                return _fail(str(error), 2)
            warn_if_plain("timeline", database, args.include_sensitive, protect)
            rows = service.export_csv(incident.uuid, args.output, redact=not args.include_sensitive, protect=protect)
            told = sys.stderr if is_stdout(args.output) else sys.stdout
            written = protected_target(args.output) if protect is not None else args.output
            protected = ", in a ZIP protected by the passphrase" if protect is not None else ""
            print(f"{rows} timeline lines written to {written}{protected}", file=told)
            return 0
        kinds = [KIND_NAMES[name] for name in args.kind] or None
        for line in service.chronology(incident.uuid, redact=not args.include_sensitive, kinds=kinds):
            source = f"  [{line.source}]" if line.source else ""
            print(f"{line.happened.label():<32} {line.kind.label:<12} {line.text}{source}")
        return 0
    except (TimelineError, RecordNotFoundError) as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"cannot write {args.output}: {error.strerror or error}")
