"""Team roles on a server database: set them up, put a login in one, list who holds which (persistence/team_roles)."""

from __future__ import annotations

from desktop.domain.roles import TeamRole
from desktop.persistence import team_roles
from desktop.persistence.team_roles import TeamMember, TeamSetupError
from desktop.persistence.unit_of_work import Database

__all__ = ["TeamMember", "TeamSetupError", "add_member", "members", "set_up_roles"]


def set_up_roles(database: Database) -> list[str]:
    """Create the group roles and grant them their privileges (idempotent; run again after an upgrade adds
    tables). Returns the statements run."""
    done = team_roles.init_roles(database.engine)
    database.forget_capabilities()
    return done


def add_member(database: Database, name: str, role: TeamRole, password: str | None = None) -> bool:
    """Put login `name` in `role` (created when new, moved out of the other team roles otherwise); True: new."""
    return team_roles.add_user(database.engine, name, role, password)


def members(database: Database) -> list[TeamMember]:
    return team_roles.members(database.engine)
