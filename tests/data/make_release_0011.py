"""Makes tests/data/release-0011.sqlite and its audit key with the released code (schema 0011): run from a checkout.

    git worktree add /tmp/rel11 f4bf2e5 && cd /tmp/rel11 && \
        INCIDENT_LOGGER_KEY_DIR=/path/to/tests/data/release-0011-keys PYTHONPATH=/tmp/rel11 \
        python /path/to/tests/data/make_release_0011.py /path/to/tests/data/release-0011.sqlite

The same records as release-0007 (every kind, an edit of each, links, a deletion, evidence with custody, a timeline
event, a CSV import), now written with users: entries carry the actor "release-0011-analyst" (the OS user that
computer reported) and records created_by / updated_by.
"""

from __future__ import annotations

import sys
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).parent))
import make_release_0007

ANALYST = "release-0011-analyst"

if __name__ == "__main__":
    with mock.patch("desktop.persistence.identity.os_user", return_value=ANALYST):
        make_release_0007.main(Path(sys.argv[1]))
