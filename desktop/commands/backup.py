"""Subcommands for safety: backup, restore (with --list, --latest, --move-damaged; on a server pg_dump and
pg_restore), audit verify / history."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands import command, fail
from desktop.domain.changes import SENSITIVE_SHOWN, is_fingerprint
from desktop.paths import AppPaths
from desktop.persistence.engine import display_url, sqlite_file
from desktop.persistence.integrity import FileState, check_database_file
from desktop.persistence.unit_of_work import Database
from desktop.services.audit import Receipt, history, keep_sensitive_values, receipt, verify_chain
from desktop.services.backup import (
    BackupError,
    BackupLabel,
    BackupSummary,
    back_up,
    back_up_to,
    incomplete_backups,
    list_backups,
    move_aside,
    newest_good_backup,
    restore_backup,
    verify_backup,
)
from desktop.services.leftovers import Leftover
from desktop.services.output_targets import is_stdout
from desktop.services.server_backup import (
    back_up_server,
    back_up_server_to,
    check_may_dump,
    restore_server,
    server_url,
)


def tell_removed(name: str, removed: tuple[Leftover, ...]) -> None:
    """One line on stderr for each leftover of an interrupted run that was removed."""
    for leftover in removed:
        print(f"incident-logger {name}: removed {leftover.describe()}", file=sys.stderr)


def describe_incomplete(leftover: Leftover) -> str:
    if leftover.alive:
        return f"{leftover.path}  INCOMPLETE (being written by process {leftover.pid}, not usable yet)"
    return f"{leftover.path}  INCOMPLETE (interrupted backup, not usable)"


def describe(summary: BackupSummary) -> str:
    info = summary.info
    when = info.taken_at.strftime("%Y-%m-%d %H:%M:%S UTC")
    kind = info.label.label if info.label else "other"
    if not summary.ok:
        return f"{info.path}  {when}  {kind}  NOT USABLE: {summary.check.detail or summary.check.state.value}"
    return (f"{info.path}  {when}  {kind}  {info.size:,} bytes, {summary.facilities} facilities, "
            f"{summary.incidents} incidents, {summary.plan_items} plan items")  # fmt: skip


def _backup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--to", type=Path, metavar="FILE", help="write the backup to FILE (default: the backup folder)")


@command("backup", "write a verified backup of the database (SQLite backup API, integrity_check; on a PostgreSQL "
         "server pg_dump -Fc, checked with pg_restore --list)", _backup_arguments,
         writes=True)  # fmt: skip
def backup(database: Database, args: argparse.Namespace) -> int:
    path = sqlite_file(database.url)
    app_paths: AppPaths = args.app_paths
    if path is None:
        return _backup_server(database, args.to, app_paths)
    try:
        taken = back_up_to(path, args.to) if args.to else back_up(path, app_paths.backup_dir, BackupLabel.MANUAL)
    except BackupError as error:
        return fail("backup", str(error))
    tell_removed("backup", taken.leftovers_removed)
    if args.to is not None and not args.to.is_file():  # a device or pipe: checked before it was sent through
        told = sys.stderr if is_stdout(args.to) else sys.stdout
        print(f"backup verified and written to {args.to} ({taken.size:,} bytes)", file=told)
        return 0
    print(f"backup written and verified: {describe(verify_backup(taken.path))}")
    return 0


def _backup_server(database: Database, to: Path | None, app_paths: AppPaths) -> int:
    """`pg_dump -Fc` of a server database to `to` or the backup folder, checked with `pg_restore --list`."""
    check_may_dump(database)  # a team reader: the role's refusal in one line, not pg_dump's SQL
    url = server_url(database)  # with its password (database.url masks it), for pg_dump's environment
    try:
        taken = back_up_server_to(url, to) if to else back_up_server(url, app_paths.backup_dir, BackupLabel.MANUAL)
    except BackupError as error:
        return fail("backup", str(error))
    tell_removed("backup", taken.leftovers_removed)
    told = sys.stderr if to is not None and is_stdout(to) else sys.stdout
    print(f"backup written and checked: {taken.path}  {taken.size:,} bytes, pg_dump custom-format archive of "
          f"{taken.database}, data of {len(taken.tables)} tables in {taken.seconds:.1f} s; restore it with "
          "`incident-logger restore FILE --database-url URL-OF-AN-EMPTY-DATABASE` or pg_restore",
          file=told)  # fmt: skip
    return 0


def _restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", nargs="?", type=Path, help="the backup file to restore")
    parser.add_argument("--latest", action="store_true", help="restore the newest backup that passes its check")
    parser.add_argument("--list", action="store_true", help="list the backups of this database with their check")
    parser.add_argument("--move-damaged", action="store_true",
                        help="when the database is damaged, keep it as <name>.damaged and restore over it")  # fmt: skip


@command("restore", "replace the database by a backup (the current one is saved first)", _restore_arguments,
         opens_database=False, writes=True, missing_ok=True)  # fmt: skip
def restore(_database: Database | None, args: argparse.Namespace) -> int:
    app_paths: AppPaths = args.app_paths
    path = sqlite_file(args.database_url)
    if path is None:
        return _restore_server(args)
    if args.list:
        backups = list_backups(app_paths.backup_dir, path)
        for info in backups:
            print(describe(verify_backup(info.path)))
        incomplete = incomplete_backups(app_paths.backup_dir, path)
        for leftover in incomplete:
            print(describe_incomplete(leftover))
        more = f", and {len(incomplete)} incomplete" if incomplete else ""
        print(f"{len(backups)} backup(s) of {path}{more} in {app_paths.backup_dir}")
        return 0
    try:
        return _restore_locked(path, app_paths, args)  # the instance lock is held (desktop.cli: writes=True)
    except (BackupError, OSError) as error:
        return fail("restore", str(error))


def _restore_server(args: argparse.Namespace) -> int:
    """pg_restore of an archive into the empty server database of --database-url (never over data)."""
    if args.list or args.latest or args.move_damaged or args.backup is None:
        return fail("restore", "on a server, name the pg_dump archive to restore into an empty database: "
                    "`incident-logger restore FILE.dump --database-url postgresql+psycopg://…/NEW_DATABASE` "
                    "(make it with createdb first)", 2)  # fmt: skip
    if not args.backup.is_file():
        return fail("restore", f"there is no backup file {args.backup}")
    try:
        restored = restore_server(args.backup, args.database_url)
    except BackupError as error:
        return fail("restore", str(error))
    problems = restored.chain.problems
    chain = "audit trail intact" if restored.chain.ok else (
        f"AUDIT TRAIL PROBLEMS ({len(problems):,}): {'; '.join(problems[:3])}{' …' if len(problems) > 3 else ''} "
        "(`incident-logger audit verify` lists them all)")  # fmt: skip
    print(f"restored {args.backup} into {display_url(args.database_url)} in {restored.seconds:.1f} s: "
          f"{restored.facilities} facilities, {restored.incidents} incidents; {chain} "
          f"({restored.chain.entries} entries)")  # fmt: skip
    return 0 if restored.chain.ok else 1


def _restore_locked(path: Path, app_paths: AppPaths, args: argparse.Namespace) -> int:
    if args.backup is not None:
        chosen = verify_backup(args.backup) if args.backup.exists() else None
        if chosen is None:
            return fail("restore", f"there is no backup file {args.backup}")
    elif args.latest:
        chosen = newest_good_backup(app_paths.backup_dir, path)
        if chosen is None:
            return fail("restore", f"no usable backup of {path} in {app_paths.backup_dir}")
    else:
        return fail("restore", "name a backup file, or use --latest (see --list)", 2)
    if not chosen.ok:
        return fail("restore", f"the backup cannot be used: {chosen.check.message}")
    current = check_database_file(path)
    kept_as = None
    if current.state == FileState.DAMAGED:
        if not args.move_damaged:
            return fail("restore", f"{current.message} Add --move-damaged to keep it as {path.name}.damaged "
                                    "and restore the backup in its place.")  # fmt: skip
        kept_as = move_aside(path)
        print(f"the damaged database was kept as {kept_as}")
    elif current.state not in (FileState.OK, FileState.NEW):
        return fail("restore", current.message)
    result = restore_backup(chosen.info.path, path, app_paths.backup_dir, kept_as=kept_as)
    tell_removed("restore", result.leftovers_removed)
    print(f"restored {describe(chosen)}")
    if result.previous is not None:
        print(f"the replaced database was saved as {result.previous.path}")
    return 0


def _shown(value: object) -> str:
    return SENSITIVE_SHOWN if is_fingerprint(value) else repr(value)


def _audit_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="audit_action", required=True,
                                    metavar="{verify,receipt,history,sensitive}")  # fmt: skip
    verify = actions.add_parser("verify", help="recompute the keyed hash chain and replay it against every record: "
                                "exit 1 and name each edited, inserted or deleted entry or record")  # fmt: skip
    verify.add_argument("--receipt", metavar="N:HASH", help="also check that the trail still begins with the entries "
                        "of this receipt (as `audit receipt` printed it)")  # fmt: skip
    actions.add_parser("receipt", help="print the chain head (entries, last hash) to write down or send elsewhere")
    record = actions.add_parser("history", help="print the audit entries of one record")
    record.add_argument("uuid", help="the record's uuid")
    sensitive = actions.add_parser("sensitive", help="whether new entries keep suspect names and personal details "
                                   "(keep) or only their keyed fingerprints (fingerprint, the default)")  # fmt: skip
    sensitive.add_argument("rule", choices=("keep", "fingerprint"))


@command("audit", "the audit trail: `audit verify` checks the chain and the records, `audit receipt` prints its "
         "head, `audit history UUID` lists changes", _audit_arguments)  # fmt: skip
def audit(database: Database, args: argparse.Namespace) -> int:
    if args.audit_action == "receipt":
        taken = receipt(database)
        print(f"{taken}\n({taken.entries:,} entries; keep this line elsewhere and check it later with "
              f"`audit verify --receipt {taken}`)")  # fmt: skip
        return 0
    if args.audit_action == "sensitive":
        keep_sensitive_values(database, args.rule == "keep")
        print("new audit entries keep sensitive values as typed" if args.rule == "keep"
              else "new audit entries keep only keyed fingerprints of sensitive values")  # fmt: skip
        return 0
    if args.audit_action == "history":
        entries = history(database, args.uuid)
        for entry in entries:
            changes = "; ".join(f"{name}: {_shown(old)} → {_shown(new)}" for name, (old, new) in entry.changes.items())
            by = entry.actor if entry.actor is not None else "unknown"  # entries from before users were recorded
            when = f"{entry.at:%Y-%m-%d %H:%M:%S}"
            print(f"{when}  #{entry.id}  {entry.action.value:<7} {entry.entity}  by {by}  {changes}")
        print(f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'} for {args.uuid}")
        return 0
    try:
        against = Receipt.parse(args.receipt) if args.receipt else None
    except ValueError as error:
        return fail("audit", str(error), 2)
    report = verify_chain(database, against=against)
    for problem in report.problems:
        print(f"TAMPERED: {problem}")
    if report.ok:
        signed = "signed with this database's key, " if report.signed else ""
        matched = " and the receipt" if against is not None else ""
        compared = report.records_skipped or f"{report.records:,} records match their entries"
        print(f"audit trail intact: {report.entries} entries {signed}hash chain, chain head{matched} verified; "
              f"{compared}")  # fmt: skip
        return 0
    print(f"audit trail tampered: {len(report.problems)} problem(s) in {report.entries} entries")
    return 1
