"""Makes tests/data/release-0011-postgres.sql (a plain pg_dump) and its audit key with the released code (schema 0011)
on a throw-away PostgreSQL server: the records of make_release_0007.py (every kind), written there by the server
login `postgres` (a server records its session_user, not the OS user).

    git worktree add /tmp/rel11 f4bf2e5 && cd /tmp/rel11 && \
        INCIDENT_LOGGER_KEY_DIR=/path/to/tests/data/release-0011-postgres-keys PYTHONPATH=/tmp/rel11:/tmp/rel11/tests \
        python /path/to/tests/data/make_release_0011_postgres.py /path/to/tests/data/release-0011-postgres.sql
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import make_release_0007
from support.pg_server import PostgresServer

if __name__ == "__main__":
    target = Path(sys.argv[1])
    with PostgresServer() as server, tempfile.TemporaryDirectory() as scratch:
        server.execute('CREATE DATABASE "release"')
        make_release_0007.main(Path(scratch) / "release", server.url("release"))
        dump = subprocess.run(["pg_dump", "--no-owner", "--no-privileges", server.conninfo("release")],
                              capture_output=True, text=True, check=True)  # fmt: skip
        target.write_text(dump.stdout, encoding="utf-8")
