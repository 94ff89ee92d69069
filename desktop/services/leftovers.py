"""Temporary files of backups, restores, exports and reports: named after their owner's pid, found when left by a
killed run, removed once that process is gone.

Every file the app writes in place is first written under a hidden temporary name beside it and renamed when
complete. The temporary name says what it was to become, what kind of work made it and which process:

    .<target name>.partial-<pid>[-<n>]      a backup (target *.sqlite3), an export (.csv, .zip, .xlsx) or a
                                            briefing (.pdf); SQLite adds -journal, -wal, -shm beside a backup
    .<target name>.restoring-<pid>[-<n>]    the restored copy of a database, beside it (with -wal, -shm)
    .<target name>.parts-<pid>[-<n>]/       a folder of the pieces of a ZIP or XLSX export (CSV tables, sheets)
    .<target name>.converting-<pid>[-<n>]   a database or backup encrypted, decrypted or rekeyed, beside it

A run killed with SIGKILL (or by a power cut) cannot remove its temporary file. The next run of the same work
and `check` find such leftovers and remove those whose process no longer exists (`process_alive`: `os.kill(pid, 0)`
on POSIX, OpenProcess on Windows); a live process's file is its work in progress and is left alone, and so is a file
of this process. A pid reused by an unrelated process keeps its leftover until that process ends (the safe mistake);
a folder shared between computers should not be given to two of them at once (a pid is only known on its host).
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable, Collection, Iterable
from contextlib import suppress
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from desktop.persistence.file_locking import process_alive


class Work(StrEnum):
    """What a leftover was part of."""

    BACKUP = "backup"
    RESTORE = "restore"
    EXPORT = "export"  # CSV, ZIP, XLSX, and the briefing PDF
    CONVERT = "convert"  # encrypt, decrypt, rekey: the converted copy of a database or backup

    @property
    def words(self) -> str:
        return {
            Work.BACKUP: "an incomplete backup left by an interrupted run",
            Work.RESTORE: "an incomplete restore left by an interrupted run",
            Work.EXPORT: "an incomplete export left by an interrupted run",
            Work.CONVERT: "an incomplete encryption, decryption or rekeying left by an interrupted run",
        }[self]


PARTIAL, RESTORING, PARTS, CONVERTING = "partial", "restoring", "parts", "converting"
SIDE_FILES = ("-journal", "-wal", "-shm")
DATABASE_SUFFIXES = (".sqlite3", ".sqlite", ".db", ".dump")  # .dump: a server database's pg_dump archive
EXPORT_SUFFIXES = (".csv", ".zip", ".xlsx", ".pdf")
_NAME = re.compile(
    r"^\.(?P<target>.+)\.(?P<marker>partial|restoring|parts|converting)-(?P<pid>[0-9]{1,10})(?:-(?P<n>[0-9]{1,6}))?"
    r"(?P<side>-journal|-wal|-shm)?$"
)
# Before the names carried the pid (earlier versions), exports and briefings were written through mkstemp
# names: `.incidents.csv.k2j4h5g6.partial`, `.briefing-k2j4h5g6.pdf`, and a folder `.export-k2j4h5g6` for a ZIP's
# tables. They name no process: one is removed when nothing has written to it for LEGACY_AGE seconds.
_LEGACY = re.compile(
    r"^\.(?:(?P<target>.+\.(?:csv|zip|xlsx))\.[a-z0-9_]{8}\.partial|briefing-[a-z0-9_]{8}\.pdf|export-[a-z0-9_]{8})$"
)
LEGACY_AGE = 24 * 3600


@dataclass(frozen=True, slots=True)
class Leftover:
    """A temporary file (or folder, with its SQLite side files) of one run, found in `path.parent`."""

    path: Path  # the temporary file or folder itself (it may be gone while a side file stays)
    work: Work
    target: str  # the name of the file it was to become
    pid: int
    files: tuple[Path, ...]  # every file or folder that belongs to it
    size: int  # bytes, side files and a folder's contents included
    alive: bool  # its process still runs: work in progress, never removed

    def describe(self, *, full: bool = False) -> str:
        """E.g. "an incomplete backup left by an interrupted run: .x.sqlite3.partial-4242 (212 MB)" (`full`: the
        whole path)."""
        return f"{self.work.words}: {self.path if full else self.path.name} ({human_size(self.size)})"

    def describe_live(self) -> str:
        if self.pid == 0:
            return f"{self.path} ({human_size(self.size)}) was written less than a day ago; left alone"
        return f"{self.path} ({human_size(self.size)}) is being written by process {self.pid}; left alone"


# ---- naming -------------------------------------------------------------------------------------------------------


def temporary_name(target: Path, marker: str = PARTIAL, attempt: int = 1) -> Path:
    """The hidden temporary name beside `target` for this process: `.<name>.<marker>-<pid>` (-2, -3 … after)."""
    counter = f"-{attempt}" if attempt > 1 else ""
    folder = target.parent if str(target.parent) else Path(".")
    return folder / f".{target.name}.{marker}-{os.getpid()}{counter}"


def free_temporary_name(target: Path, marker: str = PARTIAL) -> Path:
    """The first temporary name of this process beside `target` that no file holds yet (neither its side files)."""
    attempt = 1
    while True:
        candidate = temporary_name(target, marker, attempt)
        if not any(os.path.lexists(f"{candidate}{side}") for side in ("", *SIDE_FILES)):
            return candidate
        attempt += 1


def create_temporary_file(target: Path, marker: str = PARTIAL) -> Path:
    """Create (owner-only, exclusively) and return a new temporary file of this process for `target`."""
    while True:
        path = free_temporary_name(target, marker)
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:  # another thread of this process took it meanwhile
            continue
        return path


def create_temporary_folder(target: Path) -> Path:
    """Create (owner-only) and return a new folder of this process for the pieces of `target`."""
    while True:
        path = free_temporary_name(target, PARTS)
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            continue
        return path


# ---- finding and removing -----------------------------------------------------------------------------------------


def find_leftovers(
    folder: Path, works: Collection[Work] = tuple(Work), *, targets: Collection[str] = ()
) -> list[Leftover]:
    """The temporary files in `folder` of `works` (a backup or restore only when its target looks like a database
    file, or is named in `targets`) and of any work for a target named in `targets`; live ones included."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    groups: dict[tuple[str, str, str, str], list[Path]] = {}
    found_legacy: list[Leftover] = []
    for name in names:
        match = _NAME.match(name)
        if match is None:
            if Work.EXPORT in works and (legacy := _LEGACY.match(name)) is not None:
                found_legacy.append(_legacy(folder / name, legacy["target"] or name))
            continue
        work = _work(match["marker"], match["target"])
        wanted = match["target"] in targets or (work in works and _plausible(work, match["target"]))
        if wanted:
            key = (match["target"], match["marker"], match["pid"], match["n"] or "")
            groups.setdefault(key, []).append(folder / name)
    found = []
    for (target, marker, pid, n), files in sorted(groups.items()):
        main = folder / f".{target}.{marker}-{pid}{'-' + n if n else ''}"
        found.append(Leftover(main, _work(marker, target), target, int(pid), tuple(sorted(files)),
                              sum(_size(f) for f in files), process_alive(int(pid))))  # fmt: skip
    return sorted(found_legacy, key=lambda leftover: leftover.path) + found


def _legacy(path: Path, target: str) -> Leftover:
    """A temporary file or folder named by an older version: taken for alive while it was written to lately."""
    try:
        written = path.lstat().st_mtime
        if path.is_dir() and not path.is_symlink():
            written = max([written, *(child.lstat().st_mtime for child in path.iterdir())])
    except OSError:
        written = time.time()
    alive = time.time() - written < LEGACY_AGE
    return Leftover(path, Work.EXPORT, target, 0, (path,), _size(path), alive)


def remove_leftovers(found: Iterable[Leftover]) -> list[Leftover]:
    """Remove the leftovers whose process is gone (a live one is skipped); returns those removed. A file that
    cannot be removed (a read-only folder) is skipped too: it is told again next time."""
    removed = []
    for leftover in found:
        if leftover.alive or (leftover.pid != 0 and process_alive(leftover.pid)):
            continue
        try:
            for path in leftover.files:
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink(missing_ok=True)
        except OSError:
            continue
        removed.append(leftover)
    return removed


def clean_leftovers(
    folder: Path,
    works: Collection[Work] = tuple(Work),
    *,
    targets: Collection[str] = (),
    told: Callable[[Leftover], None] | None = None,
) -> list[Leftover]:
    """find_leftovers then remove_leftovers; `told` hears of each one removed. Never raises for a file problem."""
    removed = remove_leftovers(find_leftovers(folder, works, targets=targets))
    if told is not None:
        for leftover in removed:
            told(leftover)
    return removed


@dataclass(frozen=True, slots=True)
class Sweep:
    """What `sweep` found: removed (their process was gone), live (work in progress), kept (could not be removed)."""

    removed: tuple[Leftover, ...]
    live: tuple[Leftover, ...]
    kept: tuple[Leftover, ...]


def sweep(database: Path, backup_dir: Path | None) -> Sweep:
    """Every leftover beside `database` (of it, of backups and of exports) and in `backup_dir`; the dead ones are
    removed. What `check` does."""
    found: dict[Path, Leftover] = {}
    places: list[tuple[Path, tuple[str, ...]]] = [(database.parent, (database.name,))]
    if backup_dir is not None:
        places.append((backup_dir, ()))
    for folder, targets in places:
        for leftover in find_leftovers(folder, targets=targets):
            found.setdefault(leftover.path, leftover)
    removed = remove_leftovers(found.values())
    live = tuple(leftover for leftover in found.values() if leftover.alive)
    kept = tuple(leftover for leftover in found.values() if not leftover.alive and leftover not in removed)
    return Sweep(tuple(removed), live, kept)


def human_size(size: int) -> str:
    """212 MB, 58 MB, 1.5 MB, 12 kB, 300 bytes (decimal units, as file managers show them)."""
    if size < 1000:
        return f"{size} byte{'s' if size != 1 else ''}"
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            value = size / scale
            return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"
    return f"{size} bytes"  # pragma: no cover - unreachable


def _work(marker: str, target: str) -> Work:
    if marker == RESTORING:
        return Work.RESTORE
    if marker == CONVERTING:
        return Work.CONVERT
    if marker == PARTS or target.lower().endswith(EXPORT_SUFFIXES):
        return Work.EXPORT
    return Work.BACKUP


def _plausible(work: Work, target: str) -> bool:
    """A backup or restore leftover of an unknown target is only taken for ours when it names a database file."""
    return work is Work.EXPORT or target.lower().endswith(DATABASE_SUFFIXES)


def _size(path: Path) -> int:
    with suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            return sum(_size(child) for child in path.iterdir())
        return path.lstat().st_size
    return 0
