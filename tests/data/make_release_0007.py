"""Makes tests/data/release-0007.sqlite and its audit key with the released code (schema 0007): run from a checkout.

    git worktree add /tmp/rel7 5811219 && cd /tmp/rel7 && \
        INCIDENT_LOGGER_KEY_DIR=/path/to/tests/data/release-0007-keys \
        python /path/to/tests/data/make_release_0007.py /path/to/tests/data/release-0007.sqlite

Records of every kind written before entries and records named a user: the demo records (facilities, incidents,
plan items, a directive), a facility, a directive and a plan item (now answering an incident) edited, two incidents
linked, a sensitive value changed, an incident deleted, an attachment with a custody entry, a timeline event, and a
CSV import of two incidents (proven by the import's one entry, schema 0006), one edited after it. The key file
(release-0007-keys/) is what that computer kept. PYTHONPATH=/tmp/rel7 when the venv holds another checkout.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from desktop.domain.evidence import CustodyEntry, TimelineEvent
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import Page
from desktop.domain.records import Incident
from desktop.domain.values import PartialDate
from desktop.services.attachments import AttachmentService, NewFile
from desktop.services.csv.importer import ImportOptions, import_csv
from desktop.services.demo import load_demo
from desktop.services.records import RecordServices
from desktop.services.session.service import DatabaseSessions
from desktop.services.timeline import TimelineService


def fixed_clock() -> datetime:
    return datetime(2026, 12, 3, 9, 0, 0)


def main(target: Path, url: str | None = None) -> None:
    """The records into the SQLite file `target`, or into the database at `url` (`target`: a scratch file's name)."""
    target.unlink(missing_ok=True)
    database = DatabaseSessions(None, clock=fixed_clock).open(url or f"sqlite:///{target}", lock=False)
    load_demo(database)
    services = RecordServices.of(database)
    incidents = sorted(services.incidents.page(page=Page(limit=50)), key=lambda i: i.title)
    first = services.incidents.get(incidents[0].uuid)
    services.incidents.update(replace(first, suspect_names="RELEASE-0007-SUSPECT",
                                      personal_details="RELEASE-0007-DETAILS"))  # fmt: skip
    extra = services.incidents.create(Incident(first.facility_uuid, "Deleted before the release",
                                               suspect_names="RELEASE-0007-DELETED"))  # fmt: skip
    services.incidents.delete(extra.uuid)
    facility = services.facilities.get(first.facility_uuid)
    services.facilities.update(replace(facility, notes="Edited before the release"))
    directive = services.directives.page()[0]
    services.directives.update(replace(directive, notes="Directive edited before the release"))
    plan = services.plan_items.page()[0]
    services.plan_items.update(replace(plan, notes="Edited before the release", incident_uuids=(first.uuid,)))
    second = services.incidents.get(incidents[1].uuid)
    services.incidents.update(replace(second, related_uuids=(first.uuid,)))
    attachments = AttachmentService(database, user=lambda: "analyst")
    photo = attachments.add(RecordKind.INCIDENT, first.uuid, [NewFile.of_bytes("scene.txt", b"RELEASE-0007 scene\n")])
    handed = PartialDate.of_day(date(2019, 8, 26))
    attachments.add_custody(CustodyEntry(photo[0].uuid, "Officer Diaz", "analyst", handed, purpose="analysis"))
    TimelineService(database).add(TimelineEvent(first.uuid, PartialDate.of_day(date(2019, 8, 27)), "Site visit",
                                                "field notes"))  # fmt: skip
    rows = target.with_suffix(".csv")
    rows.write_text("title,facility_name,occurred,status\r\n"
                    f'Imported before the release,"{first.facility_name}",2019-08-28,reported\r\n'
                    f'Imported and edited before the release,"{first.facility_name}",2019-08,reported\r\n',
                    encoding="utf-8")  # fmt: skip
    report = import_csv(database, rows, ImportOptions(RecordKind.INCIDENT))
    rows.unlink()
    assert report.committed, report.problems
    edited = next(i for i in services.incidents.page(page=Page(limit=50)) if i.title.startswith("Imported and"))
    services.incidents.update(replace(edited, description="Edited after its import"))
    database.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
