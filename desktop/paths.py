"""Where the app keeps its files (platformdirs); computed on demand, nothing at import time."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop.persistence.private_files import blocking_file, make_private_folder

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


def user_config_dir() -> Path:
    """The user's configuration folder of the app (platformdirs), without --data-dir."""
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


class DataFolderError(ValueError):
    """A folder the app keeps its files in cannot be one (a file is in the way) or cannot be made; says which."""


def init(data_dir: Path | None = None, *, create: bool = True) -> AppPaths:
    """Resolve (and, when `create`, create owner-only) the app's directories; `data_dir` overrides the user's.
    Raises DataFolderError when one of them, or a folder above it, is a file or cannot be made."""
    base = data_dir or Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    config = data_dir / "config" if data_dir else user_config_dir()
    paths = AppPaths(base, config, base / "backups")
    for directory in (paths.data_dir, paths.config_dir, paths.backup_dir):
        if (blocked := blocking_file(directory)) is not None:
            raise DataFolderError(f"{blocked} is a file, not a folder; choose a folder with --data-dir")
        if create:
            try:
                make_private_folder(directory)
            except OSError as error:
                raise DataFolderError(f"cannot make the folder {directory}: {error.strerror or error}; "
                                      "choose another folder with --data-dir") from None  # fmt: skip
    from desktop.persistence.chain_keys import use_key_folder

    use_key_folder(paths.config_dir / "audit-keys")  # the audit chain's keys where no keyring keeps them
    return paths
