"""Owner-only folders (0700) for the app's own data, whatever the umask."""

from __future__ import annotations

from pathlib import Path


def make_private_folder(folder: Path) -> None:
    """Create `folder` and every missing folder above it, each owner-only (0700) whatever the umask (mkdir's mode
    is masked by it, and `parents=True` ignores it for the parents); folders that exist are left as they are."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    for directory in reversed(missing):
        try:
            directory.mkdir(mode=0o700)
        except FileExistsError:
            if not directory.is_dir():
                raise
            continue  # made meanwhile by another program: theirs, left as it is
        directory.chmod(0o700)


def blocking_file(folder: Path) -> Path | None:
    """The file standing where `folder`, or a folder above it, should be (so it cannot be made), or None."""
    for path in (folder, *folder.parents):
        try:
            if path.exists() and not path.is_dir():
                return path
        except OSError:  # a folder above that may not be looked into: making it says so
            return None
    return None
