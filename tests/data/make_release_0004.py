"""Makes tests/data/release-0004.sqlite and its audit key with the released code (schema 0004): run from a checkout.

    git worktree add /tmp/release a6a2a6c && cd /tmp/release && \
        INCIDENT_LOGGER_KEY_DIR=/path/to/tests/data/release-0004-keys \
        python /path/to/tests/data/make_release_0004.py /path/to/tests/data/release-0004.sqlite

The demo records (the memo's three 2019 incidents, their facilities, the plan item), a sensitive value changed, an
incident deleted and a plan item edited: a keyed chain with each kind of entry. The key file (release-0004-keys/)
is what that computer kept outside the database; tests copy it to their own key folder.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from desktop.domain.queries import Page
from desktop.domain.records import Incident
from desktop.services.demo import load_demo
from desktop.services.records import RecordServices
from desktop.services.session.service import DatabaseSessions


def fixed_clock() -> datetime:
    return datetime(2026, 12, 3, 9, 0, 0)


def main(target: Path) -> None:
    target.unlink(missing_ok=True)
    database = DatabaseSessions(None, clock=fixed_clock).open(f"sqlite:///{target}", lock=False)
    load_demo(database)
    services = RecordServices.of(database)
    incidents = sorted(services.incidents.page(page=Page(limit=50)), key=lambda i: i.title)
    first = services.incidents.get(incidents[0].uuid)
    services.incidents.update(replace(first, suspect_names="RELEASE-0004-SUSPECT",
                                      personal_details="RELEASE-0004-DETAILS"))  # fmt: skip
    extra = services.incidents.create(Incident(first.facility_uuid, "Deleted before the release",
                                               suspect_names="RELEASE-0004-DELETED"))  # fmt: skip
    services.incidents.delete(extra.uuid)
    plan = services.plan_items.page()[0]
    services.plan_items.update(replace(plan, notes="Edited before the release"))
    database.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
