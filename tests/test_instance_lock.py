"""A second instance on the same database is detected (lock file with pid and host, flock or LockFileEx); a stale
lock left by a killed program is taken over; concurrent writers never fail with "database is locked"."""

from __future__ import annotations

import errno
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.persistence import file_locking
from desktop.persistence.instance_lock import (
    InstanceLock,
    InstanceLockedError,
    LockOwner,
    current_owner,
    lock_path,
    read_owner,
)
from desktop.persistence.opening import open_database

HOLD_LOCK = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from desktop.persistence.instance_lock import InstanceLock\n"
    "lock = InstanceLock(Path(sys.argv[1]))\n"
    "lock.acquire()\n"
    "print('locked', flush=True)\n"
    "sys.stdin.read()\n"  # hold it until the test closes stdin (or kills the process)
    "lock.release()\n"
)


@pytest.fixture
def database_path(tmp_path: Path) -> Path:
    return tmp_path / "incidents.sqlite3"


def hold_in_other_process(database_path: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(database_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    return holder


def test_lock_file_names_the_owner_and_is_removed_on_release(database_path: Path) -> None:
    with InstanceLock(database_path) as lock:
        assert lock.held
        owner = read_owner(database_path)
        assert owner is not None and owner.pid == os.getpid() and owner.host == socket.gethostname()
        assert owner.is_this_process and owner.since.endswith("UTC")
        if sys.platform != "win32":  # a mode means nothing there
            assert lock_path(database_path).stat().st_mode & 0o777 == 0o600
        assert current_owner(database_path) == owner
    assert not lock_path(database_path).exists()
    assert current_owner(database_path) is None


def test_second_lock_in_the_same_process_is_refused(database_path: Path) -> None:
    with InstanceLock(database_path), pytest.raises(InstanceLockedError) as raised:
        InstanceLock(database_path).acquire()
    assert raised.value.owner is not None and raised.value.owner.pid == os.getpid()
    assert f"process {os.getpid()} on {socket.gethostname()}" in str(raised.value)


def test_second_instance_in_another_process_is_told_who_holds_it(database_path: Path) -> None:
    holder = hold_in_other_process(database_path)
    try:
        with pytest.raises(InstanceLockedError, match=f"already running on .*process {holder.pid} on "):
            InstanceLock(database_path).acquire()
        owner = current_owner(database_path)
        assert owner is not None and owner.pid == holder.pid and not owner.is_this_process
    finally:
        assert holder.stdin is not None and holder.stdout is not None
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()
    with InstanceLock(database_path) as lock:  # released by the other process: free again
        assert lock.stale_owner is None


def test_stale_lock_of_a_killed_instance_is_taken_over(database_path: Path) -> None:
    holder = hold_in_other_process(database_path)
    holder.kill()  # SIGKILL; TerminateProcess on Windows
    holder.wait(timeout=30)
    assert holder.stdout is not None and holder.stdin is not None
    holder.stdout.close()
    holder.stdin.close()
    assert lock_path(database_path).exists()  # left behind
    assert current_owner(database_path) is None  # but nobody holds it
    with InstanceLock(database_path) as lock:
        assert lock.stale_owner is not None and lock.stale_owner.pid == holder.pid
        owner = read_owner(database_path)
        assert owner is not None and owner.pid == os.getpid()


def test_without_flock_a_live_pid_holds_and_a_dead_one_does_not(
    database_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_locks(fd: int, *, shared: bool = False) -> bool:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(file_locking, "try_lock", no_locks)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait(timeout=30)  # a pid that no longer runs
    lock_path(database_path).write_text(LockOwner(gone.pid, socket.gethostname()).render())
    with InstanceLock(database_path) as lock:
        assert lock.stale_owner is not None and lock.stale_owner.pid == gone.pid
        with pytest.raises(InstanceLockedError):  # our own live pid now holds it
            InstanceLock(database_path).acquire()
    lock_path(database_path).write_text(LockOwner(os.getppid(), "another-host.example").render())
    with pytest.raises(InstanceLockedError, match=r"another-host\.example"):
        InstanceLock(database_path).acquire()


def test_the_file_lock_is_what_holds_the_lock(database_path: Path) -> None:
    """Guard: the lock really is a file lock on the lock file, visible to any other opener, shared or not."""
    with InstanceLock(database_path):
        fd = os.open(lock_path(database_path), os.O_RDONLY)
        try:
            assert not file_locking.try_lock(fd, shared=True)
            assert not file_locking.try_lock(fd)
        finally:
            os.close(fd)
    fd = os.open(database_path.with_name("other.lock"), os.O_RDWR | os.O_CREAT)
    try:
        assert file_locking.try_lock(fd, shared=True)  # nobody holds that one
    finally:
        os.close(fd)


@pytest.mark.skipif(sys.platform == "win32", reason="flock is the POSIX lock")
def test_flock_is_what_holds_the_lock_on_posix(database_path: Path) -> None:
    import fcntl

    with InstanceLock(database_path):
        fd = os.open(lock_path(database_path), os.O_RDONLY)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        finally:
            os.close(fd)


WRITER = (
    "import sys\n"
    "from desktop.domain.records import Facility\n"
    "from desktop.persistence.opening import open_database\n"
    "from desktop.services.records import FacilityService\n"
    "database = open_database(sys.argv[1])\n"
    "service = FacilityService(database)\n"
    "sys.stdin.readline()\n"  # start together
    "for n in range(int(sys.argv[3])):\n"
    "    service.create(Facility(name=f'{sys.argv[2]} {n}'))\n"
    "database.close()\n"
)


def test_two_instances_writing_at_once_never_fail_with_database_locked(database_path: Path) -> None:
    url = f"sqlite+pysqlite:///{database_path}"
    open_database(url).close()
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, url, name, "60"], stdin=subprocess.PIPE, stderr=subprocess.PIPE)
        for name in ("first", "second")
    ]
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write(b"go\n")
        writer.stdin.close()
    for writer in writers:
        assert writer.stderr is not None
        errors = writer.stderr.read()
        writer.stderr.close()
        assert writer.wait(timeout=120) == 0, errors.decode()
        assert b"locked" not in errors
    database = open_database(url)
    try:
        with database.unit_of_work(write=False) as uow:
            assert uow.facilities.count() == 120
    finally:
        database.close()
