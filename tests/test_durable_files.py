"""Durable writes on every platform: the full flush macOS needs, no folder flush on Windows, a rename retried while
the target is held for a moment, and owner-only files (a mode on POSIX, an icacls ACL on Windows)."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.persistence import durable_files
from desktop.persistence.durable_files import (
    flush_file,
    flush_folder,
    flush_to_disk,
    move_into_place,
    replace_file,
)
from desktop.persistence.private_files import icacls_command, make_private_folder, restrict_to_owner


def held_for(times: int) -> tuple[list[float], object]:
    """An os.replace that fails with PermissionError `times` times (a scanner holding the target), then renames."""
    real_replace = os.replace
    tries: list[float] = []

    def replace(source: str | Path, target: str | Path) -> None:
        tries.append(time.monotonic())
        if len(tries) <= times:
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        real_replace(source, target)

    return tries, replace


def test_a_rename_waits_out_a_brief_hold_of_the_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = tmp_path / "new", tmp_path / "old"
    source.write_text("new")
    target.write_text("old")
    tries, replace = held_for(3)
    monkeypatch.setattr(os, "replace", replace)
    replace_file(source, target, wait=2.0)
    assert target.read_text() == "new" and not source.exists()
    assert len(tries) == 4
    pauses = [later - earlier for earlier, later in itertools.pairwise(tries)]
    assert pauses[0] >= 0.01 and pauses[-1] >= pauses[0]  # growing pauses, not a busy loop


def test_a_rename_gives_up_when_the_time_is_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = tmp_path / "new", tmp_path / "old"
    source.write_text("new")
    target.write_text("old")
    tries, replace = held_for(10_000)
    monkeypatch.setattr(os, "replace", replace)
    started = time.monotonic()
    with pytest.raises(PermissionError):
        replace_file(source, target, wait=0.3)
    assert time.monotonic() - started < 0.6
    assert 2 <= len(tries) <= 10
    assert target.read_text() == "old" and source.read_text() == "new"  # both left as they were


def test_by_default_only_windows_waits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """POSIX: a PermissionError from rename is final (a mode, not a passing hold), so it fails at once there."""
    tries, replace = held_for(1)
    monkeypatch.setattr(os, "replace", replace)
    (tmp_path / "new").write_text("new")
    if sys.platform == "win32":
        replace_file(tmp_path / "new", tmp_path / "old")
        assert len(tries) == 2 and (tmp_path / "old").read_text() == "new"
    else:
        with pytest.raises(PermissionError):
            replace_file(tmp_path / "new", tmp_path / "old")
        assert len(tries) == 1


def test_other_errors_are_not_retried(tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(FileNotFoundError):
        replace_file(tmp_path / "missing", tmp_path / "target", wait=2.0)
    assert time.monotonic() - started < 0.5


def test_move_into_place_renames_and_flushes_the_folder(tmp_path: Path) -> None:
    (tmp_path / ".partial").write_bytes(b"done")
    flush_file(tmp_path / ".partial")
    move_into_place(tmp_path / ".partial", tmp_path / "final")
    assert (tmp_path / "final").read_bytes() == b"done" and not (tmp_path / ".partial").exists()
    flush_folder(tmp_path / "no such folder")  # a folder that cannot be flushed is no error


def test_flushing_a_read_only_file_works(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_bytes(b"x")
    if sys.platform != "win32":  # on POSIX it is opened read-only to be flushed (Windows needs write access)
        path.chmod(0o400)
    flush_file(path)


def test_macos_asks_the_drive_for_a_full_flush_and_falls_back_to_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """The choice between F_FULLFSYNC and fsync (the calls themselves are the system's)."""
    if sys.platform == "win32":
        pytest.skip("fcntl is POSIX only; the macOS branch is tested on POSIX")
    calls: list[str] = []
    refuse = [False]

    def full_fsync(fd: int, command: int) -> int:
        calls.append(f"fcntl {command}")
        if refuse[0]:
            raise OSError(45, "Operation not supported")
        return 0

    monkeypatch.setattr(durable_files.sys, "platform", "darwin")
    monkeypatch.setattr(durable_files.fcntl, "F_FULLFSYNC", 51, raising=False)
    monkeypatch.setattr(durable_files.fcntl, "fcntl", full_fsync)
    monkeypatch.setattr(durable_files.os, "fsync", lambda fd: calls.append("fsync"))
    flush_to_disk(7)
    assert calls == ["fcntl 51"]
    refuse[0] = True
    calls.clear()
    flush_to_disk(7)
    assert calls == ["fcntl 51", "fsync"]


def test_other_systems_use_fsync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(durable_files.os, "fsync", lambda fd: calls.append(fd) or real_fsync(fd))
    fd = os.open(tmp_path / "file", os.O_CREAT | os.O_RDWR)
    try:
        flush_to_disk(fd)
    finally:
        os.close(fd)
    assert calls == ([] if sys.platform == "darwin" else [fd])


def test_windows_flushes_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows cannot open a folder as a file: nothing is tried there (a folder fsync elsewhere)."""
    opened: list[str] = []
    real_open = os.open

    def recording_open(path: str | Path, flags: int, mode: int = 0o777) -> int:
        opened.append(str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(durable_files.os, "open", recording_open)
    flush_folder(tmp_path)
    assert opened == ([] if sys.platform == "win32" else [str(tmp_path)])
    monkeypatch.setattr(durable_files.sys, "platform", "win32")
    opened.clear()
    flush_folder(tmp_path)
    assert opened == []


@pytest.mark.skipif(sys.platform == "win32", reason="modes: POSIX")
def test_private_files_and_folders_are_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    old_umask = os.umask(0)
    try:
        folder = tmp_path / "a" / "b"
        make_private_folder(folder)
        assert [(p.stat().st_mode & 0o777) for p in (tmp_path / "a", folder)] == [0o700, 0o700]
        file = folder / "key"
        file.write_text("secret")
        assert file.stat().st_mode & 0o777 == 0o666
        assert restrict_to_owner(file)
        assert file.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old_umask)
    assert not restrict_to_owner(tmp_path / "missing")


def test_the_windows_acl_leaves_the_user_alone_with_full_control(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYSTEMROOT", r"C:\Windows")
    folder = icacls_command(Path(r"C:\Users\ana\AppData\Local\Incident Logger"), True, r"AGENCY\ana")
    assert folder == [r"C:\Windows\System32\icacls.exe", r"C:\Users\ana\AppData\Local\Incident Logger",
                      "/inheritance:r", "/grant:r", r"AGENCY\ana:(OI)(CI)F", "/Q"]  # fmt: skip
    file = icacls_command(Path(r"D:\cases\incidents.sqlite3"), False, r"AGENCY\ana")
    assert file[-2] == r"AGENCY\ana:F"


@pytest.mark.skipif(sys.platform != "win32", reason="Windows ACLs (run by the windows-latest job of ci.yml)")
def test_on_windows_a_private_file_has_one_acl_entry_the_users(tmp_path: Path) -> None:
    folder = tmp_path / "private"
    make_private_folder(folder)
    file = folder / "inherited.txt"
    file.write_text("secret")
    own = tmp_path / "own.txt"
    own.write_text("secret")
    assert restrict_to_owner(own)
    user = os.environ["USERNAME"].lower()
    for path in (folder, file, own):
        listing = subprocess.run(["icacls", str(path)], capture_output=True, text=True, check=True).stdout
        entries = [line.strip() for line in listing.splitlines() if ":(" in line]  # ACEs: DOMAIN\user:(OI)(CI)(F)
        assert len(entries) == 1 and user in entries[0].lower() and "(F)" in entries[0], listing
