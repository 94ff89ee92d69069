"""Where the app keeps its files (platformdirs); computed on demand, nothing at import time."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "incident-logger"
APP_AUTHOR = "IncidentLogger"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    backup_dir: Path

    @property
    def default_database(self) -> Path:
        return self.data_dir / "incidents.sqlite3"

    @property
    def default_url(self) -> str:
        from desktop.persistence.engine import sqlite_url  # a path with "?" needs a SQLite URI

        return sqlite_url(self.default_database)


def init(data_dir: Path | None = None) -> AppPaths:
    """Resolve (and create, owner-only) the app's directories; `data_dir` overrides for tests."""
    base = data_dir or Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    config = data_dir / "config" if data_dir else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    paths = AppPaths(base, config, base / "backups")
    for directory in (paths.data_dir, paths.config_dir, paths.backup_dir):
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    from desktop.persistence.chain_keys import use_key_folder

    use_key_folder(paths.config_dir / "audit-keys")  # the audit chain's keys where no keyring keeps them
    return paths
