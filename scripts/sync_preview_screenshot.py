"""Prepare what docs/sync-preview.png shows and open the real window on it: a laptop's file and a throw-away
PostgreSQL server that have drifted apart since their first synchronization (new, changed and deleted records on
each side; a facility's notes changed on both, an incident deleted on the server and edited here).

Run under a display; it prints the server's address, then waits for the window to close (the server stops with it).
Use File › Synchronize… (xdotool), type the address, take the picture (import). Needs PostgreSQL's binaries (as the
tests' throw-away server). Usage: .venv/bin/python scripts/sync_preview_screenshot.py FOLDER
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support.pg_server import PostgresServer  # noqa: E402

from desktop.domain.records import Directive, Facility  # noqa: E402
from desktop.persistence.engine import sqlite_url  # noqa: E402
from desktop.persistence.unit_of_work import Database  # noqa: E402
from desktop.services.demo import load_demo  # noqa: E402
from desktop.services.records import RecordServices  # noqa: E402
from desktop.services.session.service import DatabaseSessions  # noqa: E402
from desktop.services.sync import synchronize  # noqa: E402


def drift(laptop: Database, server: Database) -> None:
    """Work on both sides after their first synchronization."""
    here, there = RecordServices.of(laptop), RecordServices.of(server)
    incidents = sorted(here.incidents.page(), key=lambda incident: incident.title)
    facilities = sorted(here.facilities.page(), key=lambda facility: facility.name)
    tacoma = next(f for f in facilities if "Tacoma" in f.name)
    here.facilities.update(replace(tacoma, notes="Fence along the east side; camera 4 out since 12/02."))
    there.facilities.update(replace(there.facilities.get(tacoma.uuid), notes="Fence repaired on 11/30."))
    for name, state in (("CBP station, El Paso", "TX"), ("ICE office, Portland", "OR")):
        there.facilities.create(Facility(name=name, state=state))
    here.facilities.create(Facility(name="USCIS field office, Seattle", state="WA"))
    gone = incidents[0]
    there.incidents.delete(gone.uuid)
    here.incidents.update(replace(gone, description=gone.description + " Suspect vehicle identified."))
    for number, incident in enumerate(incidents[1:], start=1):
        here.incidents.create(replace(incident, uuid="", version=0, title=f"{incident.title} (follow-up {number})"))
    there.incidents.update(replace(there.incidents.get(incidents[1].uuid), case_number="SA-2019-0113"))
    here.directives.create(Directive(title="Report every breach of the perimeter within the hour"))


def main() -> int:
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    sessions = DatabaseSessions(None)
    with PostgresServer() as postgres:
        name = postgres.create_database()
        url = postgres.url(name)
        server = sessions.open(url, lock=False)
        laptop = sessions.open(sqlite_url(folder / "laptop.incidents"), lock=False)
        load_demo(laptop)
        synchronize(laptop, server)
        drift(laptop, server)
        sessions.close(laptop)
        sessions.close(server)
        print(url, flush=True)
        env = os.environ | {"HOME": str(folder), "XDG_CONFIG_HOME": str(folder / "config")}
        command = [sys.executable, "-m", "desktop", "--data-dir", str(folder / "data"),
                   "--database-url", sqlite_url(folder / "laptop.incidents")]  # fmt: skip
        return subprocess.run(command, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
