"""Owner-only files and folders for the app's own data, whatever the umask (on Windows: an ACL of the user alone)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def make_private_folder(folder: Path) -> None:
    """Create `folder` and every missing folder above it, each owner-only (restrict_to_owner: 0700) whatever the umask
    (mkdir's mode is masked by it, and `parents=True` ignores it for the parents); folders that exist are left as they
    are."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    for directory in reversed(missing):
        try:
            directory.mkdir(mode=0o700)
        except FileExistsError:
            if not directory.is_dir():
                raise
            continue  # made meanwhile by another program: theirs, left as it is
        restrict_to_owner(directory)


def restrict_to_owner(path: Path) -> bool:
    """Let only the current user read and write `path`: mode 0600 (a folder 0700) on POSIX. On Windows, where modes
    mean nothing, its ACL is replaced by one entry giving the user full control (inherited ACEs cut; a folder's entry
    is inherited by what is made in it), with icacls; SYSTEM and administrators keep their privileges to back up and
    take ownership, as root does on POSIX. False when the file system keeps no permissions (FAT, a USB stick)."""
    if sys.platform == "win32":
        try:
            done = subprocess.run(icacls_command(path, path.is_dir(), _windows_account()), capture_output=True,
                                  check=False, timeout=30, creationflags=subprocess.CREATE_NO_WINDOW)  # fmt: skip
        except (OSError, subprocess.SubprocessError):
            return False
        return done.returncode == 0
    try:
        os.chmod(path, 0o700 if path.is_dir() else 0o600)
    except OSError:
        return False
    return True


def icacls_command(path: Path, folder: bool, account: str) -> list[str]:
    """The icacls call that leaves `account` alone with full control of `path` (a folder's grant inherited by its
    files (OI) and folders (CI)), by the full path of the system's icacls so no other program of that name runs."""
    system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
    grant = f"{account}:(OI)(CI)F" if folder else f"{account}:F"
    return [rf"{system_root}\System32\icacls.exe", str(path), "/inheritance:r", "/grant:r", grant, "/Q"]


def _windows_account() -> str:
    """DOMAIN\\user of the person running the app (a local account's domain is the computer's name)."""
    user = os.environ.get("USERNAME", "")
    domain = os.environ.get("USERDOMAIN", "")
    return f"{domain}\\{user}" if domain else user


def blocking_file(folder: Path) -> Path | None:
    """The file standing where `folder`, or a folder above it, should be (so it cannot be made), or None."""
    for path in (folder, *folder.parents):
        try:
            if path.exists() and not path.is_dir():
                return path
        except OSError:  # a folder above that may not be looked into: making it says so
            return None
    return None
