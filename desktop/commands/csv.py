"""Subcommands `export` and `import`: CSV files of incidents, facilities, plan items or directives."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from desktop.commands import command
from desktop.commands.period import period_counts, possibly_text
from desktop.domain.enums import Agency, AttackType, CaseStatus, PlanStatus, Severity, WeaponType
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import IncidentFilter
from desktop.domain.search import SearchSyntaxError, parse_search
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.detect import DELIMITER_NAMES, FileProblem, auto_mapping
from desktop.services.csv.export import ExportOptions, Redaction, export_records
from desktop.services.csv.format import COLUMNS
from desktop.services.csv.importer import ImportOptions, import_csv, read_layout
from desktop.services.records import FacilityService

FILTER_KEYS = {
    RecordKind.INCIDENT: ("facility", "attack_type", "weapon_type", "severity", "status", "state", "from", "to",
                          "occurred_from", "occurred_to", "open"),
    RecordKind.FACILITY: ("agency", "state", "reassessment_due_by"),
    RecordKind.PLAN_ITEM: ("facility", "incident", "directive", "status", "due_before", "open"),
    RecordKind.DIRECTIVE: ("reaches", "overdue_on"),
}  # fmt: skip
DELIMITER_CHOICES = {"comma": ",", "semicolon": ";", "tab": "\t", "bar": "|"}


def _kind(text: str) -> RecordKind:
    try:
        return RecordKind.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _entity(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--entity", "-e", type=_kind, default=RecordKind.INCIDENT,
                        metavar="{" + ",".join(kind.table for kind in RecordKind) + "}",
                        help="what the file holds (default incidents)")  # fmt: skip


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    _entity(parser)
    parser.add_argument("--output", "-o", type=Path, required=True, help="the CSV file to write (replaced)")
    parser.add_argument("--columns", help="comma-separated column keys, in any order (default: all); "
                                          "--columns help lists them")  # fmt: skip
    parser.add_argument("--bom", action="store_true", help="start with a UTF-8 byte order mark (for spreadsheets)")
    parser.add_argument("--redact", nargs="?", const="omit", choices=["omit", "mask"], default=None,
                        help="redacted is the default: the sensitive fields (suspect names, personal details) "
                             "are left out (omit) or, with --redact mask, their columns stay with "
                             "[redacted] in them")  # fmt: skip
    parser.add_argument("--include-sensitive", action="store_true",
                        help="write suspect names and personal details as they are; the file may be shared, "
                             "and the audit trail records that they were included")  # fmt: skip
    parser.add_argument("--search", default="", help='only rows this search finds, as in the search field: words, '
                        '"a phrase", a OR b, -word, field:value')  # fmt: skip
    parser.add_argument("--filter", "--filters", dest="filters", action="append", default=[],
                        metavar="KEY=VALUE[,VALUE]",
                        help="only matching rows; repeat for several. Incidents: " + ", ".join(
                            FILTER_KEYS[RecordKind.INCIDENT]) + "; facilities: " + ", ".join(
                            FILTER_KEYS[RecordKind.FACILITY]) + "; plan items: " + ", ".join(
                            FILTER_KEYS[RecordKind.PLAN_ITEM]) + "; directives: " + ", ".join(
                            FILTER_KEYS[RecordKind.DIRECTIVE]))  # fmt: skip


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    _entity(parser)
    parser.add_argument("--input", "-i", type=Path, required=True, help="the CSV file to read")
    parser.add_argument("--dry-run", action="store_true", help="check the file and report; write nothing")
    parser.add_argument("--create-facilities", action="store_true",
                        help="create facilities that rows name but the database lacks")  # fmt: skip
    parser.add_argument("--encoding", choices=["utf-8", "utf-8-sig", "cp1252"], help="(default: detected)")
    parser.add_argument("--delimiter", choices=list(DELIMITER_CHOICES), help="(default: detected)")
    parser.add_argument("--map", action="append", default=[], metavar="HEADER=COLUMN",
                        help="read the file column HEADER as COLUMN (a column key, or - to ignore it); "
                             "repeat for several; the other columns are matched by name")  # fmt: skip
    parser.add_argument("--take", choices=["mine", "theirs"], default="mine",
                        help="a row that differs from the stored record without being newer (edited in the file, "
                             "or the record changed since the export) is a conflict, listed field by field: keep "
                             "the database's version (mine, the default) or take the file's (theirs)")  # fmt: skip


class FilterError(ValueError):
    pass


def _values(text: str) -> list[str]:
    return [v.strip() for v in text.split(",") if v.strip()]


def _day(key: str, text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise FilterError(f"{key}: {text!r} is not a date like 2019-09-12") from None


def _facilities(database: Database, names: list[str]) -> tuple[str, ...]:
    known = FacilityService(database).names()
    found = []
    for wanted in names:
        match = [u for u, n in known if wanted in (u, n) or n.casefold() == wanted.casefold()]
        if not match:
            raise FilterError(f"facility: no facility is named {wanted!r}")
        found.extend(match)
    return tuple(dict.fromkeys(found))


def build_filter(database: Database, entity: RecordKind, search: str, filters: list[str]) -> Any:
    """The IncidentFilter / FacilityFilter / PlanItemFilter / DirectiveFilter --search and --filter describe."""
    try:
        parse_search(search, entity)
    except SearchSyntaxError as error:
        raise FilterError(f"--search: {error}") from None
    settings: dict[str, Any] = {"text": search} if search else {}
    for item in filters:
        key, equals, text = item.partition("=")
        key = key.strip().replace("-", "_")
        if not equals or key not in FILTER_KEYS[entity]:
            raise FilterError(f"{item!r}: use KEY=VALUE with KEY one of {', '.join(FILTER_KEYS[entity])}")
        try:
            _setting(database, entity, key, text, settings)
        except ValueError as error:
            raise FilterError(f"{key}: {error}") from None
    return entity.filter_class(**settings)


def _setting(database: Database, entity: RecordKind, key: str, text: str, settings: dict[str, Any]) -> None:
    enums: dict[str, tuple[str, Any]] = {
        "attack_type": ("attack_types", AttackType), "weapon_type": ("weapon_types", WeaponType),
        "severity": ("severities", Severity), "agency": ("agencies", Agency),
        "status": ("statuses", CaseStatus if entity is RecordKind.INCIDENT else PlanStatus),
    }  # fmt: skip
    if key in enums:
        name, enum = enums[key]
        settings[name] = tuple(enum.parse(v) for v in _values(text))
    elif key == "state":
        settings["states"] = tuple(v.upper() for v in _values(text))
    elif key == "facility":
        settings["facility_uuids"] = _facilities(database, _values(text))
    elif key in ("from", "to", "occurred_from", "occurred_to"):  # overlap: a date that may lie in the period
        settings["occurred_" + key.removeprefix("occurred_")] = _day(key, text)
    elif key in ("reassessment_due_by", "due_before", "overdue_on"):
        settings[key] = _day(key, text)
    elif key == "incident":
        settings["incident_uuid"] = text.strip()
    elif key == "directive":
        settings["directive_uuid"] = text.strip()
    elif key == "reaches":
        settings["facility_uuid"] = _facilities(database, [text.strip()])[0]
    elif key == "open":
        settings["open_only"] = text.strip().casefold() in ("yes", "true", "1", "")


def _fail(name: str, message: str, status: int = 2) -> int:
    print(f"incident-logger {name}: {message}", file=sys.stderr)
    return status


@command("export", "write incidents, facilities, plan items or directives to a CSV file", _export_arguments)
def export(database: Database, args: argparse.Namespace) -> int:
    entity: RecordKind = args.entity
    if args.columns == "help":
        for column in COLUMNS[entity]:
            print(f"{column.key:<24} {column.title}{'  (sensitive)' if column.sensitive else ''}")
        return 0
    if args.include_sensitive and args.redact:
        return _fail("export", f"--include-sensitive and --redact {args.redact} contradict each other; give one")
    columns = tuple(c.strip() for c in args.columns.split(",") if c.strip()) if args.columns else None
    redaction = Redaction.NONE if args.include_sensitive else Redaction(args.redact or "omit")
    try:
        where = build_filter(database, entity, args.search, args.filters)
        options = ExportOptions(entity, columns, where, args.bom, redaction)
        options.chosen_columns()
    except (FilterError, ValueError) as error:
        return _fail("export", str(error))
    result = export_records(database, args.output, options)
    print(f"{result.rows} {entity.plural} written to {args.output} ({len(result.columns)} columns"
          f"{_sensitive_note(options)})")  # fmt: skip
    if isinstance(where, IncidentFilter) and (possibly := period_counts(database, where)[1]):
        print(possibly_text(possibly))
    return 0


def _sensitive_note(options: ExportOptions) -> str:
    """ ", redacted" or ", WITH sensitive fields" for a kind that has sensitive fields (incidents)."""
    if not any(column.sensitive for column in COLUMNS[options.entity]):
        return ""
    return ", WITH sensitive fields" if options.sensitive_included() else ", redacted"


def _mapping(
    header: tuple[str, ...], automatic: tuple[str | None, ...], overrides: list[str]
) -> tuple[str | None, ...]:
    mapping = list(automatic)
    for item in overrides:
        source, equals, target = item.rpartition("=")
        if not equals:
            raise ValueError(f"--map {item!r}: use HEADER=COLUMN")
        indexes = [i for i, h in enumerate(header) if h.strip() == source.strip()]
        if not indexes:
            raise ValueError(f"--map {item!r}: the file has no column {source!r}")
        chosen = None if target.strip() in ("-", "") else target.strip()
        for index, key in enumerate(mapping):
            if chosen is not None and key == chosen:
                mapping[index] = None  # the column that had it automatically gives it up
        mapping[indexes[0]] = chosen
    return tuple(mapping)


@command("import", "read incidents, facilities, plan items or directives from a CSV file (all or nothing)",
         _import_arguments, writes=True)  # fmt: skip
def import_(database: Database, args: argparse.Namespace) -> int:
    options = ImportOptions(entity=args.entity, encoding=args.encoding, create_facilities=args.create_facilities,
                            delimiter=DELIMITER_CHOICES.get(args.delimiter or ""), dry_run=args.dry_run,
                            take=args.take)  # fmt: skip
    if args.map:
        try:
            layout = read_layout(args.input, args.entity)
            mapping = _mapping(layout.header, tuple(auto_mapping(args.entity, layout.header)), args.map)
        except FileProblem as error:
            print(f"{args.input}: {error}", file=sys.stderr)
            return 1
        except (OSError, ValueError) as error:
            return _fail("import", str(error))
        options = replace(options, mapping=mapping)
    report = import_csv(database, args.input, options)
    detected = f"{report.encoding or '?'}, {DELIMITER_NAMES.get(report.delimiter, 'unknown')}-separated"
    stream = sys.stdout if report.accepted else sys.stderr
    print(f"{args.input} ({detected})", file=stream)
    for line in report.lines():
        print(line, file=stream)
    if report.accepted and args.take == "mine" and report.conflicts:
        print("(--take theirs applies the file's version of these records)", file=stream)
    return 0 if report.accepted else 1
