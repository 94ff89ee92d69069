"""Subcommand `attachments`: add files to a record, list them, get a verified copy, read or append custody."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands import command, partial_date
from desktop.commands.protection import ProtectionError, export_passphrase, protection_arguments, warn_if_plain
from desktop.domain.errors import RecordNotFoundError
from desktop.domain.evidence import Attachment, CustodyEntry, size_text
from desktop.domain.kinds import RecordKind
from desktop.persistence.unit_of_work import Database
from desktop.services.attachments import AttachmentError, AttachmentService, NewFile
from desktop.services.output_targets import is_stdout
from desktop.services.records import DirectiveService, FacilityService, IncidentService

OWNER_OPTIONS = (("incident", RecordKind.INCIDENT, "UUID_OR_CASE_NUMBER"), ("facility", RecordKind.FACILITY,
                 "UUID_OR_NAME"), ("directive", RecordKind.DIRECTIVE, "UUID_OR_TITLE"),
                 ("plan-item", RecordKind.PLAN_ITEM, "UUID"))  # fmt: skip


def _owner_arguments(parser: argparse.ArgumentParser, *, required: bool) -> None:
    owners = parser.add_mutually_exclusive_group(required=required)
    for option, kind, metavar in OWNER_OPTIONS:
        owners.add_argument(f"--{option}", dest=f"owner_{kind.value}", metavar=metavar,
                            help=f"the {kind.label} the files belong to")  # fmt: skip


def _arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="attach files to a record (all of them, or none)")
    _owner_arguments(add, required=True)
    add.add_argument("files", nargs="+", type=Path, metavar="FILE")
    add.add_argument("--description", default="", help="what the files are (the same for each)")
    add.add_argument("--sensitive", action="store_true", help="leave them out of redacted exports and briefings")
    listing = actions.add_parser("list", help="list the attachments of a record (or of every record)")
    _owner_arguments(listing, required=False)
    listing.set_defaults(reads_only=True)
    get = actions.add_parser("get", help="write a verified copy of an attachment's file")
    get.add_argument("uuid", metavar="ATTACHMENT_UUID")
    get.add_argument("--output", "-o", type=Path, required=True, help="the file to write (replaced), or -")
    protection_arguments(get, "OUTPUT.zip")
    get.set_defaults(reads_only=True)
    custody = actions.add_parser("custody", help="show an attachment's custody log, or append an entry to it")
    custody.add_argument("uuid", metavar="ATTACHMENT_UUID")
    custody.add_argument("--from", dest="received_from", metavar="WHO", help="who handed the evidence over")
    custody.add_argument("--by", dest="received_by", metavar="WHO", help="who received it")
    custody.add_argument("--date", type=partial_date, metavar="DATE",
                         help="when: 2019-08-25, 2019-08-25T14:30, 2019-08, about 2019-08 …")  # fmt: skip
    custody.add_argument("--purpose", default="", help="why it changed hands")
    custody.add_argument("--note", default="")


def _fail(message: str, status: int = 1) -> int:
    print(f"incident-logger attachments: {message}", file=sys.stderr)
    return status


def resolve_owner(database: Database, kind: RecordKind, reference: str) -> str | None:
    """The uuid of the record named by uuid or, per kind, case number, facility name or directive title."""
    text = reference.strip()
    if kind is RecordKind.INCIDENT:
        found = IncidentService(database).named(text)
        if len(found) > 1:
            raise AttachmentError(f"{len(found)} incidents have the case number {text!r}; give the uuid")
        return found[0].uuid if found else None
    if kind is RecordKind.FACILITY:
        named = FacilityService(database).names()
    elif kind is RecordKind.DIRECTIVE:
        named = DirectiveService(database).titles()
    else:
        named = []
    for uuid, name in named:
        if text == uuid or name.casefold() == text.casefold():
            return uuid
    if kind is RecordKind.PLAN_ITEM:
        with database.unit_of_work(write=False) as uow:
            return text if uow.plan_items.existing_uuids([text]) else None
    return None


def _owner_of(database: Database, args: argparse.Namespace) -> tuple[RecordKind, str] | str | None:
    """(kind, uuid) of the record given, None when none was given, or the sentence saying it is not there."""
    for _option, kind, _metavar in OWNER_OPTIONS:
        reference = getattr(args, f"owner_{kind.value}", None)
        if reference is not None:
            uuid = resolve_owner(database, kind, reference)
            return (kind, uuid) if uuid is not None else f"there is no {kind.label} {reference!r}"
    return None


def line(attachment: Attachment) -> str:
    flag = "  sensitive" if attachment.sensitive else ""
    added = attachment.added_at.isoformat(sep=" ") if attachment.added_at else ""
    return (f"{attachment.uuid}  {attachment.sha256}  {size_text(attachment.size):>10}  {attachment.media_type:<16}  "
            f"{added}  {attachment.file_name}{flag}")  # fmt: skip


@command("attachments", "files kept with records: add, list, get a verified copy, custody log", _arguments,
         writes=True)  # fmt: skip
def attachments(database: Database, args: argparse.Namespace) -> int:
    service = AttachmentService(database)
    try:
        if args.action == "get":
            try:
                protect = export_passphrase(args)
            except ProtectionError as error:
                return _fail(str(error), 2)
            warn_if_plain("attachments get", database, True, protect)  # an attached file is evidence: sensitive
            target = service.save_copy(service.get(args.uuid), args.output, protect=protect)
            told = sys.stderr if is_stdout(args.output) else sys.stdout
            protected = ", in a passphrase-protected ZIP" if protect is not None else ""
            print(f"written to {target} (SHA-256 verified{protected})", file=told)
            return 0
        if args.action == "custody":
            return _custody(service, args)
        owner = _owner_of(database, args)
        if isinstance(owner, str):
            return _fail(owner, 2)
        if args.action == "add":
            assert owner is not None
            files = [NewFile.of_path(path, args.description, args.sensitive) for path in args.files]
            for added in service.add(owner[0], owner[1], files):
                print(line(added))
            return 0
        shown = service.of(*owner) if owner is not None else service.all()
        for attachment in shown:
            print(line(attachment))
        withheld = service.withheld(*owner) if owner is not None else 0
        more = f"; {withheld} more marked sensitive withheld: your role cannot read them" if withheld else ""
        print(f"{len(shown)} attachment{'s' if len(shown) != 1 else ''}{more}", file=sys.stderr)
        return 0
    except (AttachmentError, RecordNotFoundError) as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"cannot write {args.output}: {error.strerror or error}")


def _custody(service: AttachmentService, args: argparse.Namespace) -> int:
    given = [args.received_from, args.received_by, args.date]
    if any(value is not None for value in given):
        if None in given:
            return _fail("to append a custody entry give --from, --by and --date", 2)
        service.add_custody(CustodyEntry(args.uuid, args.received_from, args.received_by, args.date, args.purpose,
                                         args.note))  # fmt: skip
    service.get(args.uuid)
    for entry in service.custody(args.uuid):
        details = "; ".join(part for part in (entry.purpose, entry.note) if part)
        print(f"{entry.happened.label()}  from {entry.received_from} to {entry.received_by}"
              f"{f'  ({details})' if details else ''}")  # fmt: skip
    return 0
