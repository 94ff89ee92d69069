"""Team roles on a server database and what a login may do (asked of the server; on a SQLite file: everything)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.records import SENSITIVE_INCIDENT_FIELDS


class TeamRole(StrEnum):
    """The group roles `incident-logger team init` creates, weakest first; each holds the one before it."""

    READER = "incident_reader"  # reads everything but the sensitive incident fields; writes nothing
    ANALYST = "incident_analyst"  # + the sensitive fields, creates and edits records; no delete, no directives
    SUPERVISOR = "incident_supervisor"  # + deletes and restores records, changes directives

    @classmethod
    def parse(cls, text: str) -> TeamRole:
        """A role by its name, with or without the `incident_` prefix ("reader", "incident_reader")."""
        name = text.strip().lower()
        for role in cls:
            if name in (role.value, role.value.removeprefix("incident_")):
                return role
        names = ", ".join(role.value.removeprefix("incident_") for role in cls)
        raise ValueError(f"{text!r} is no team role; give one of {names}")


class Ability(StrEnum):
    """What the window may offer; each is told when refused ("Your role, incident_reader, cannot change records")."""

    READ_SENSITIVE = "read suspect names and personal details"
    WRITE_RECORDS = "change records"
    DELETE_RECORDS = "delete records"
    RESTORE_RECORDS = "restore deleted records"
    CHANGE_DIRECTIVES = "change directives"
    IMPORT = "import records"


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What this login may do, as the server answered (has_table_privilege, has_column_privilege)."""

    user: str = ""
    role: TeamRole | None = None  # the strongest team role it holds; None: none (the owner, or a SQLite file)
    abilities: frozenset[Ability] = frozenset(Ability)
    writes_audit: bool = True  # may add audit entries (a reader may not: its exports leave no entry)

    def may(self, ability: Ability) -> bool:
        return ability in self.abilities

    @property
    def withheld_fields(self) -> frozenset[str]:
        """The incident fields this login may not read (never selected; shown as withheld, not as empty)."""
        return frozenset() if self.may(Ability.READ_SENSITIVE) else frozenset(SENSITIVE_INCIDENT_FIELDS)

    @property
    def role_name(self) -> str:
        """The role to name in a refusal: the team role, else the login itself."""
        return self.role.value if self.role is not None else (self.user or "this login")

    def refusal(self, ability: Ability) -> str:
        """Why it is refused, in English (the CLI's words; the window words it in its language)."""
        return f"Your role, {self.role_name}, cannot {ability.value}"


EVERYTHING = Capabilities()
