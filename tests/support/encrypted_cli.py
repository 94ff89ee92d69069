"""Helpers of the encryption CLI tests: run `python -m desktop` in a subprocess, plant marker strings in the
sensitive fields, scan raw bytes, try passphrases on a file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import desktop
from desktop.persistence import cipher

REPO = Path(desktop.__file__).resolve().parent.parent
SQLITE_HEADER = b"SQLite format 3\x00"
MARKERS = ("MARKER-SUSPECT-R3K", "MARKER-DETAILS-R3K", "MARKER-SECOND-SUSPECT-R3K")
TIMEOUT = 180


def environment(**extra: str) -> dict[str, str]:
    """This test run's environment for a subprocess (its key folder, the fail keyring unless `extra` says
    otherwise), without any passphrase variable unless given."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("INCIDENT_LOGGER_PASSPHRASE")
           and key != "INCIDENT_LOGGER_NEW_PASSPHRASE"}  # fmt: skip
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    env.update(extra)
    return env


def command(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "desktop", "--data-dir", str(data), *args]


def run(data: Path, *args: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """`incident-logger --data-dir DATA ARGS` in a new session (no terminal to ask in), standard input `stdin`."""
    return subprocess.run(command(data, *args), input=stdin if stdin is not None else "", capture_output=True,
                          text=True, env=environment(**env), timeout=TIMEOUT, start_new_session=True)  # fmt: skip


def marker_csv(folder: Path) -> Path:
    """A CSV of two incidents at a demo facility whose suspect names and personal details hold the markers."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "markers.csv"
    path.write_text(
        "title,facility_name,suspect_names,personal_details\n"
        f'Threat letter at the gate,"Northwest Detention Center, Tacoma",{MARKERS[0]},{MARKERS[1]}\n'
        f'Drone over the yard,"Northwest Detention Center, Tacoma",{MARKERS[2]},born 1970\n',
        encoding="utf-8",
    )
    return path


def markers_in(path: Path) -> list[str]:
    data = path.read_bytes()
    return [m for m in MARKERS if m.encode() in data or m.encode("utf-16-le") in data]


def files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def opening_passphrases(path: Path, *candidates: str) -> list[str]:
    """Which of `candidates` open the encrypted file `path` (read-only; the file is not changed)."""
    salt = cipher.read_salt(path)
    if salt is None:
        return []
    return [text for text in candidates if cipher.opens(path, cipher.derive(cipher.Passphrase(text), salt))]


def write_secret(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path
