"""Subcommands `export` and `import`: CSV (or ZIP, XLSX) files of incidents, facilities, plan items or directives."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from desktop.commands import command
from desktop.commands.period import period_counts, possibly_text
from desktop.commands.protection import export_passphrase, protection_arguments, refuse_withheld, warn_if_plain
from desktop.domain.enums import Agency, AttackType, CaseStatus, PlanStatus, Severity, WeaponType
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import IncidentFilter
from desktop.domain.search import SearchSyntaxError, parse_search
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.detect import DELIMITER_NAMES, FileProblem, auto_mapping
from desktop.services.csv.export import ExportOptions, FileFormat, Redaction
from desktop.services.csv.files import export_file, written_files
from desktop.services.csv.format import COLUMNS
from desktop.services.csv.importer import ImportOptions, import_csv, read_layout
from desktop.services.csv.protected import protected_path
from desktop.services.csv.sheet import SHEET_COLUMNS, Profile
from desktop.services.output_targets import is_stdout, write_failure
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
    parser.add_argument("--output", "-o", type=Path, required=True,
                        help="the file to write (replaced): .csv, .zip or .xlsx chooses the format")  # fmt: skip
    parser.add_argument("--profile", choices=[p.value for p in Profile], default=Profile.ROUND_TRIP.value,
                        help="roundtrip (the default, for scripts: column keys, codes and labels, the legal history "
                             "in one cell; unchanged between releases) or spreadsheet (for people: names as "
                             "headers, labels, exact dates as dates, the incidents' legal history in its own file "
                             "NAME-legal-history.csv or sheet)")  # fmt: skip
    parser.add_argument("--format", choices=[f.value for f in FileFormat], default=None,
                        help="csv, zip (the CSV files and a README.txt) or xlsx (a workbook); default: by the "
                             "extension of --output, else csv")  # fmt: skip
    parser.add_argument("--columns", help="comma-separated column keys, in any order (default: all); "
                                          "--columns help lists them")  # fmt: skip
    parser.add_argument("--bom", action="store_true", help="start with a UTF-8 byte order mark (the spreadsheet "
                                                           "profile always writes one)")  # fmt: skip
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
    protection_arguments(parser, "NAME.csv.zip, NAME.xlsx.zip; a .zip export keeps its name")


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    _entity(parser)
    parser.add_argument("--input", "-i", type=Path, required=True,
                        help="the CSV file to read (either profile), or a ZIP file holding it")  # fmt: skip
    parser.add_argument("--legal-history", type=Path, default=None,
                        help="the incidents' legal history file (spreadsheet profile); default: "
                             "NAME-legal-history.csv beside the input, or the one in the ZIP file")  # fmt: skip
    parser.add_argument("--dry-run", action="store_true", help="check the file and report; write nothing")
    parser.add_argument("--create-facilities", action="store_true",
                        help="create facilities that rows name but the database lacks")  # fmt: skip
    parser.add_argument("--encoding", choices=["utf-8", "utf-8-sig", "cp1252", "mac_roman"], help="(default: detected)")
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


@command("export", "write incidents, facilities, plan items or directives to a CSV, ZIP or XLSX file",
         _export_arguments)  # fmt: skip
def export(database: Database, args: argparse.Namespace) -> int:
    entity: RecordKind = args.entity
    profile = Profile(args.profile)
    if args.columns == "help":
        if profile is Profile.SPREADSHEET:
            for sheet in SHEET_COLUMNS[entity]:
                print(f"{sheet.key:<24} {sheet.header}{'  (sensitive)' if sheet.sensitive else ''}")
            return 0
        for column in COLUMNS[entity]:
            print(f"{column.key:<24} {column.title}{'  (sensitive)' if column.sensitive else ''}")
        return 0
    if args.include_sensitive and args.redact:
        return _fail("export", f"--include-sensitive and --redact {args.redact} contradict each other; give one")
    columns = tuple(c.strip() for c in args.columns.split(",") if c.strip()) if args.columns else None
    redaction = Redaction.NONE if args.include_sensitive else Redaction(args.redact or "omit")
    file_format = FileFormat(args.format) if args.format else None
    try:
        where = build_filter(database, entity, args.search, args.filters)
        options = ExportOptions(entity, columns, where, args.bom, redaction, profile, file_format)
        if profile is Profile.SPREADSHEET:
            options.chosen_sheet_columns()
        else:
            options.chosen_columns()
        refuse_withheld(database, options.sensitive_included())  # before a passphrase is asked
        protect = export_passphrase(args)
        warn_if_plain("export", database, options.sensitive_included(), protect)
        result = export_file(database, args.output, options, protect=protect)
    except (FilterError, ValueError) as error:
        return _fail("export", str(error))
    except OSError as error:
        written = protected_path(args.output, options) if args.protect else args.output
        return _fail("export", f"cannot write {written}: {write_failure(error)}", 1)
    for leftover in result.leftovers_removed:
        print(f"incident-logger export: removed {leftover.describe()}", file=sys.stderr)
    if protect is not None:
        shown, also = protected_path(args.output, options), ", in a ZIP protected by the passphrase"
    else:
        files = written_files(args.output, options)
        shown, also = args.output, f"; the legal history in {files[1]}" if len(files) > 1 else ""
    told = sys.stderr if is_stdout(args.output) else sys.stdout  # never into the data written to stdout
    print(f"{result.rows} {entity.plural} written to {shown} ({len(result.columns)} columns"
          f"{_sensitive_note(options)}{also})", file=told)  # fmt: skip
    if isinstance(where, IncidentFilter) and (possibly := period_counts(database, where)[1]):
        print(possibly_text(possibly), file=told)
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
         _import_arguments, writes=True, creates=True)  # fmt: skip
def import_(database: Database, args: argparse.Namespace) -> int:
    options = ImportOptions(entity=args.entity, encoding=args.encoding, create_facilities=args.create_facilities,
                            delimiter=DELIMITER_CHOICES.get(args.delimiter or ""), dry_run=args.dry_run,
                            take=args.take,
                            legal_history=str(args.legal_history) if args.legal_history else None)  # fmt: skip
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
