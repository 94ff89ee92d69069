"""A database made by a released version (tests/data/release-NNNN.sqlite), copied with the audit key it had."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from desktop.persistence.chain_keys import KEY_FOLDER_VARIABLE

DATA = Path(__file__).parent.parent / "data"


def released_copy(tmp_path: Path, revision: str) -> Path:
    """A copy of release-`revision`.sqlite in `tmp_path`, its key file copied to the tests' key folder."""
    copy = tmp_path / "release.sqlite"
    shutil.copyfile(DATA / f"release-{revision}.sqlite", copy)
    keys = Path(os.environ[KEY_FOLDER_VARIABLE])
    for key in (DATA / f"release-{revision}-keys").iterdir():
        shutil.copyfile(key, keys / key.name)
        (keys / key.name).chmod(0o600)
    return copy
