"""After a sensitive value is cleared or its incident deleted, neither the database file nor a new backup holds
it anywhere in their bytes: the trail keeps fingerprints only, and secure_delete zeroes the freed space."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from desktop.domain.records import Facility, Incident
from desktop.persistence.engine import sqlite_url
from desktop.services.backup import BackupLabel, back_up
from desktop.services.records import RecordServices
from desktop.services.session.service import DatabaseSessions

MARKERS = ("MARKER-SUSPECT-Q7X", "MARKER-DETAILS-Q7X", "MARKER-DELETED-Z9K", "MARKER-DELDETAIL-Z9K")


def contains(path: Path, markers: tuple[str, ...]) -> list[str]:
    data = path.read_bytes()
    return [m for m in markers if m.encode() in data or m.encode("utf-16-le") in data]


def test_cleared_and_deleted_sensitive_values_leave_the_file_and_new_backups(tmp_path: Path) -> None:
    path = tmp_path / "incidents.sqlite3"
    sessions = DatabaseSessions(None)
    database = sessions.open(sqlite_url(path), lock=False)
    try:
        services = RecordServices.of(database)
        site = services.facilities.create(Facility(name="Northwest Detention Center"))
        kept = services.incidents.create(Incident(site.uuid, "Fire at the gate", suspect_names=MARKERS[0],
                                                  personal_details=MARKERS[1]))  # fmt: skip
        gone = services.incidents.create(Incident(site.uuid, "Threat by phone", suspect_names=MARKERS[2],
                                                  personal_details=MARKERS[3]))  # fmt: skip
        for number in range(40):  # neighbours on the same pages, which stay in use
            services.incidents.create(Incident(site.uuid, f"Graffiti {number}", description="y" * 200))
        for _ in range(3):  # edit around them so that their pages are rewritten more than once
            services.incidents.update(replace(services.incidents.get(kept.uuid), description="x" * 500))
            services.incidents.update(replace(services.incidents.get(kept.uuid), description=""))
        database.engine.dispose()  # checkpoint: the markers are in the file now
        assert contains(path, MARKERS) == list(MARKERS)
        services.incidents.update(replace(services.incidents.get(kept.uuid), suspect_names="", personal_details=""))
        services.incidents.delete(gone.uuid)
    finally:
        sessions.close(database)
    assert not path.with_name(path.name + "-wal").exists() or path.with_name(path.name + "-wal").stat().st_size == 0
    assert contains(path, MARKERS) == []
    backup = back_up(path, tmp_path / "backups", BackupLabel.MANUAL)
    assert contains(backup.path, MARKERS) == []


def test_without_secure_delete_sqlite_would_leave_them(tmp_path: Path) -> None:
    """The control: the same kind of delete with secure_delete off leaves the bytes in the file, so the test above
    can fail (this machine's SQLite may default to on; the program sets it on every connection anyway)."""
    import sqlite3

    path = tmp_path / "plain.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA secure_delete = OFF")
    connection.execute("CREATE TABLE t (x TEXT)")
    connection.executemany("INSERT INTO t VALUES (?)", [(MARKERS[2],), *[("y" * 200,) for _ in range(40)]])
    connection.commit()
    connection.execute("DELETE FROM t WHERE x = ?", (MARKERS[2],))
    connection.commit()
    connection.close()
    assert contains(path, MARKERS) == [MARKERS[2]]
