"""Subcommand `sync --to URL`: synchronize this (local) database with the team's PostgreSQL server (issue 19)."""

from __future__ import annotations

import argparse

from desktop.commands import cannot_open, command, fail
from desktop.domain.sync import KindCounts, RecordConflict, Resolution, Side, SyncedKind
from desktop.persistence.unit_of_work import Database
from desktop.services.session.questions import NeedsAnswer
from desktop.services.session.service import DatabaseSessions
from desktop.services.sync import SyncConflictsError, preview, synchronize

CONFLICT_EXIT = 3  # conflicts listed, nothing written


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--to", required=True, metavar="URL",
                        help="the team's server, e.g. postgresql://dana@host/incidents")  # fmt: skip
    parser.add_argument("--preview", action="store_true", help="say what would be sent and received; write nothing")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--keep-mine", action="store_true",
                        help="a record changed on both sides keeps this database's values (and a deleted record "
                             "deleted here stays deleted; one edited here comes back)")  # fmt: skip
    choice.add_argument("--take-theirs", action="store_true", help="a record changed on both sides takes the server's")


def _counts_lines(counts: dict[SyncedKind, KindCounts]) -> list[str]:
    lines = []
    for kind, c in counts.items():
        if c == KindCounts():
            continue
        lines.append(f"  {kind.value}: send {c.send_new} new, {c.send_changed} changed, {c.send_deleted} deleted; "
                     f"receive {c.receive_new} new, {c.receive_changed} changed, {c.receive_deleted} deleted"
                     + (f"; {c.conflicts} conflict(s)" if c.conflicts else ""))  # fmt: skip
    return lines or ["  nothing to send or receive"]


def _conflict_lines(conflicts: tuple[RecordConflict, ...]) -> list[str]:
    lines = []
    for conflict in conflicts:
        if conflict.deleted_by is not None:
            where = "here" if conflict.deleted_by == "mine" else "on the server"
            lines.append(f"  {conflict.kind.value} {conflict.title!r} ({conflict.uuid}): deleted {where}, edited on "
                         "the other side")  # fmt: skip
            continue
        fields = ", ".join(f"{f.key} (was {f.base!r}; here {f.mine!r}; server {f.theirs!r})" for f in conflict.fields)
        lines.append(f"  {conflict.kind.value} {conflict.title!r} ({conflict.uuid}): {fields}")
    return lines


def _resolutions(conflicts: tuple[RecordConflict, ...], side: Side) -> list[Resolution]:
    """Every conflict answered for one side: its fields, or for a deletion the side's state."""
    answers = []
    for conflict in conflicts:
        if conflict.deleted_by is not None:
            answers.append(Resolution(conflict.uuid, keep_deleted=conflict.deleted_by == side))
        else:
            answers.append(Resolution(conflict.uuid, {f.key: side for f in conflict.fields}))
    return answers


def _open_server(url: str, args: argparse.Namespace) -> Database | str:
    try:
        return DatabaseSessions(args.app_paths.backup_dir).open(url, lock=False, create=False)
    except NeedsAnswer as needed:
        return cannot_open("sync", url, needed)


@command("sync", "synchronize this database with the team's PostgreSQL server (--to URL)", _arguments, writes=True)
def sync(database: Database, args: argparse.Namespace) -> int:
    if not database.is_sqlite:
        return fail("sync", "synchronize from a local database file (--database-url) to a server (--to)", 2)
    server = _open_server(args.to, args)
    if isinstance(server, str):
        print(server)
        return 2
    try:
        if server.is_sqlite:
            return fail("sync", f"{args.to} is not a PostgreSQL server", 2)
        if args.preview:
            seen = preview(database, server)
            print(f"synchronizing {database.display_name} with {server.display_name} would:")
            print("\n".join(_counts_lines(seen.counts) + _conflict_lines(seen.conflicts)))
            return 0
        side: Side | None = "mine" if args.keep_mine else "theirs" if args.take_theirs else None
        try:  # no preview first: it read both sides whole once more (a first round of 20,000 incidents: 5 s)
            try:
                result = synchronize(database, server)
            except SyncConflictsError as error:
                if side is None:
                    raise
                result = synchronize(database, server, _resolutions(error.conflicts, side))
        except SyncConflictsError as error:
            print(f"incident-logger sync: {len(error.conflicts)} record(s) changed on both sides; nothing was "
                  "written. Choose with --keep-mine or --take-theirs (or in File > Synchronize…):")  # fmt: skip
            print("\n".join(_conflict_lines(error.conflicts)))
            return CONFLICT_EXIT
        when = f"{result.finished_at:%Y-%m-%d %H:%M:%S}"
        print(f"synchronized {database.display_name} with {server.display_name} at {when} (server time); "
              f"{result.resolved} conflict(s) resolved:")  # fmt: skip
        print("\n".join(_counts_lines(result.counts)))
        return 0
    finally:
        server.close()
