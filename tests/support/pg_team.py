"""A team database for the role tests: the demo records, one incident with sensitive fields, `team init` and the
logins added with `team add-user`, all through the app's own commands."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.cli import main
from desktop.domain.records import Incident
from desktop.services.demo import load_demo
from desktop.services.records import RecordServices
from desktop.services.session.service import DatabaseSessions


def make_team(url: str, logins: Sequence[tuple[str, str]], *, title: str, suspect: str, personal: str,
              init_twice: bool = False) -> str:  # fmt: skip
    """Fill the empty database at `url` (as its owner) and make the team; returns the sensitive incident's uuid."""
    sessions = DatabaseSessions(None)
    owner = sessions.open(url, lock=False)
    try:
        load_demo(owner)
        services = RecordServices.of(owner)
        facility = services.facilities.page()[0]
        secret = services.incidents.create(
            Incident(facility_uuid=facility.uuid, title=title, suspect_names=suspect, personal_details=personal)
        )
    finally:
        sessions.close(owner)
    for _ in range(2 if init_twice else 1):  # twice: nothing breaks, nothing doubles
        assert main(["--database-url", url, "team", "init"]) == 0
    for login, role in logins:
        assert main(["--database-url", url, "team", "add-user", login, role]) == 0
    return secret.uuid
