"""Subcommand `team`: `team init` (the group roles and their GRANTs), `team add-user NAME ROLE`, `team list`."""

from __future__ import annotations

import argparse
import getpass
import sys

from desktop.commands import command, fail
from desktop.domain.roles import TeamRole
from desktop.persistence.unit_of_work import Database
from desktop.services.team import TeamSetupError, add_member, members, set_up_roles

ROLE_HELP = {
    TeamRole.READER: "reads everything but suspect names and personal details; changes nothing",
    TeamRole.ANALYST: "reads everything, creates and edits records; deletes nothing, changes no directive",
    TeamRole.SUPERVISOR: "an analyst who also deletes and restores records and changes directives",
}


def _team_role(text: str) -> TeamRole:
    try:
        return TeamRole.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="team_action", required=True, metavar="{init,add-user,list}")
    actions.add_parser("init", help="create the roles incident_reader, incident_analyst, incident_supervisor and "
                                    "grant them their privileges (run by the database's owner; again after an "
                                    "upgrade)")  # fmt: skip
    add = actions.add_parser("add-user", help="create a login in a role, or move an existing login to it")
    add.add_argument("name", help="the login name (a PostgreSQL role)")
    roles = "; ".join(f"{role.value.removeprefix('incident_')}: {text}" for role, text in ROLE_HELP.items())
    add.add_argument("role", type=_team_role, help=f"reader, analyst or supervisor ({roles})")
    add.add_argument("--password-prompt", action="store_true",
                     help="ask for the login's password (typed twice; hashed here, never sent as typed)")  # fmt: skip
    actions.add_parser("list", help="the logins and the team role each holds")


@command("team", "team roles on a PostgreSQL server: init, add-user NAME ROLE, list", _arguments)
def team(database: Database, args: argparse.Namespace) -> int:
    try:
        if args.team_action == "init":
            done = set_up_roles(database)
            print(f"team roles ready on {database.display_name} ({len(done)} statements):")
            for group, text in ROLE_HELP.items():
                print(f"  {group.value}: {text}")
            return 0
        if args.team_action == "add-user":
            password = _password(args.name) if args.password_prompt else None
            role = TeamRole(args.role)
            created = add_member(database, args.name, role, password)
            print(f"{'created login' if created else 'moved login'} {args.name} to {role.value}"
                  + (" (password set)" if password is not None else ""))  # fmt: skip
            return 0
        found = members(database)
        if not found:
            print("no logins hold a team role yet (incident-logger team add-user NAME ROLE)")
        for member in found:
            note = "" if member.can_login else "  (cannot log in)"
            print(f"{member.name}\t{member.role.value}{note}")
        return 0
    except TeamSetupError as error:
        return fail(f"team {args.team_action}", str(error), 2)
    except _NoPassword as error:
        return fail(f"team {args.team_action}", str(error), 2)


class _NoPassword(Exception):
    pass


def _password(name: str) -> str:
    if not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\n")  # piped: one line
        if not line:
            raise _NoPassword("no password given on standard input")
        return line
    first = getpass.getpass(f"Password for {name}: ")
    if not first:
        raise _NoPassword("an empty password was given; nothing was changed")
    if getpass.getpass("Again: ") != first:
        raise _NoPassword("the two passwords differ; nothing was changed")
    return first
