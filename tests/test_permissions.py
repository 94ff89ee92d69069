"""Owner-only files (database, -wal, -shm, lock, every kind of backup, restored and moved-aside files) whatever
the umask; a read-only location gives a clear message, checked as a user that really cannot write there."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.clock import FakeClock

from desktop.domain.records import Facility
from desktop.persistence.engine import sqlite_url
from desktop.persistence.instance_lock import InstanceLock, lock_path
from desktop.persistence.opening import open_database
from desktop.services.backup import BackupLabel, back_up, move_aside, restore_backup
from desktop.services.demo import load_demo
from desktop.services.records import FacilityService
from desktop.services.session.service import automatic_backup, open_for_use

pytestmark = pytest.mark.linux_only  # umask and modes, runuser/setpriv as another user

REPOSITORY = Path(__file__).resolve().parent.parent


@pytest.fixture(params=[0o022, 0o002, 0o000], ids=["umask-022", "umask-002", "umask-000"])
def permissive_umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_every_file_the_app_writes_is_owner_only(tmp_path: Path, clock: FakeClock, permissive_umask: int) -> None:
    path, backups = tmp_path / "incidents.sqlite3", tmp_path / "backups"
    database = open_for_use(sqlite_url(path), backups, clock=clock)
    try:
        with InstanceLock(path):
            assert mode(lock_path(path)) == 0o600
            FacilityService(database).create(Facility(name="Tacoma ICE Processing Center"))
            side_files = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
            assert all(p.exists() for p in side_files)
            assert {p.name: mode(p) for p in [path, *side_files]} == {p.name: 0o600 for p in [path, *side_files]}
            automatic = automatic_backup(database, backups)
            assert automatic is not None
            manual = back_up(path, backups, BackupLabel.MANUAL, now=clock.advance(seconds=1))
    finally:
        database.close()
    restored = restore_backup(manual.path, path, backups, clock=clock)
    assert restored.previous is not None
    written = [path, automatic.path, manual.path, restored.previous.path]
    assert {p.name: mode(p) for p in written} == {p.name: 0o600 for p in written}
    assert mode(backups) == 0o700 & ~permissive_umask
    kept = move_aside(path)
    assert mode(kept) == 0o600


def test_backup_before_a_migration_is_owner_only(tmp_path: Path, permissive_umask: int) -> None:
    from alembic import command

    from desktop.persistence.engine import create_database_engine
    from desktop.persistence.schema import alembic_config

    url = sqlite_url(tmp_path / "incidents.sqlite3")
    engine = create_database_engine(url)
    with engine.begin() as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    open_for_use(url, tmp_path / "backups").close()
    (taken,) = (tmp_path / "backups").iterdir()
    assert "before-migration" in taken.name and mode(taken) == 0o600


# ---- a read-only location, as a user that cannot write there -------------------------------------------------

PROBE = r"""
import json, sys
from pathlib import Path
from desktop.persistence.integrity import check_database_file
from desktop.persistence.opening import DatabaseFileError, open_checked
from desktop.services.backup import verify_backup
backup = Path(sys.argv[1])
result = {"backup usable": verify_backup(backup).ok}
for name in sys.argv[2:]:
    check = check_database_file(Path(name))
    try:
        open_checked("sqlite+pysqlite:///" + name).close()
        refused = ""
    except DatabaseFileError as error:
        refused = str(error)
    result[name] = {"state": check.state.value, "message": check.message, "refused": refused}
print(json.dumps(result))
"""


def unprivileged_python() -> tuple[list[str], dict[str, str]]:
    """A command prefix that runs Python, importing the app, as someone who may not write where root may: the
    `nobody` user (runuser, else setpriv) with this Python or, when it lives under a private home such as
    /root, the system's Python of the same version with this venv's packages; failing both (the checkout
    itself unreadable to nobody), root without the capabilities that let it ignore file permissions."""
    paths = [str(REPOSITORY), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]
    env = {"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": os.pathsep.join(paths)}
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    pythons = [sys.executable, *(p for p in (shutil.which(version, path="/usr/bin:/usr/local/bin"),) if p)]
    candidates: list[list[str]] = []
    if runuser := shutil.which("runuser"):
        candidates += [[runuser, "-u", "nobody", "--", python] for python in pythons]
    setpriv = shutil.which("setpriv")
    if setpriv:
        candidates += [[setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", python] for python in pythons]
        no_override = "-dac_override,-dac_read_search"
        candidates.append([setpriv, f"--bounding-set={no_override}", f"--inh-caps={no_override}", sys.executable])
    for command in candidates:
        probe = subprocess.run([*command, "-c", "import desktop.persistence.opening"], env=env, capture_output=True,
                               timeout=60)  # fmt: skip
        if probe.returncode == 0:
            return command, env
    message = f"no unprivileged Python could import the app (tried {[c[0] for c in candidates]})"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder everyone may read (tmp_path lies in a folder only root may enter)."""
    folder = Path(tempfile.mkdtemp(prefix="incident-logger-ro-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def make_database(path: Path) -> None:
    database = open_database(sqlite_url(path))
    try:
        load_demo(database)
    finally:
        database.close()


def test_read_only_location_gives_a_clear_message_and_changes_nothing(shared_folder: Path) -> None:
    read_only_folder = shared_folder / "read-only-folder"
    read_only_folder.mkdir()
    in_read_only_folder = read_only_folder / "incidents.sqlite3"
    make_database(in_read_only_folder)
    writable_folder = shared_folder / "writable-folder"
    writable_folder.mkdir()
    read_only_file = writable_folder / "incidents.sqlite3"
    make_database(read_only_file)
    not_yet_created = read_only_folder / "new.sqlite3"
    backup = back_up(read_only_file, read_only_folder, BackupLabel.MANUAL).path  # e.g. on a read-only medium
    backup.chmod(0o444)
    in_read_only_folder.chmod(0o666)  # the file could be written, its folder (for -wal/-shm) cannot
    read_only_file.chmod(0o444)
    read_only_folder.chmod(0o555)
    writable_folder.chmod(0o777)
    before = fingerprint(shared_folder)
    names = [str(p) for p in (backup, in_read_only_folder, read_only_file, not_yet_created)]
    if os.geteuid() == 0:  # root may write anywhere: ask as a user who may not
        python, env = unprivileged_python()
        probe = subprocess.run([*python, "-c", PROBE, *names], env=env, capture_output=True, text=True, timeout=120)
    else:
        probe = subprocess.run([sys.executable, "-c", PROBE, *names], capture_output=True, text=True, timeout=120)
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    assert found.pop("backup usable") is True  # restoring only reads a backup: read-only is fine
    assert found[str(in_read_only_folder)]["state"] == "read_only"
    assert f"its folder {read_only_folder} is read-only for you" in found[str(in_read_only_folder)]["message"]
    assert found[str(read_only_file)]["state"] == "read_only"
    assert "the file is read-only for you" in found[str(read_only_file)]["message"]
    assert found[str(not_yet_created)]["state"] == "read_only"
    for result in found.values():
        assert result["refused"] == result["message"]  # opening refuses with that same message
        assert "cannot be written" in result["message"]
    assert fingerprint(shared_folder) == before  # nothing written, no -wal/-shm created
    assert not not_yet_created.exists()


def test_read_only_database_from_the_command_line(shared_folder: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("the command-line check needs root to switch to a user that cannot write")
    folder = shared_folder / "read-only-folder"
    folder.mkdir()
    database = folder / "incidents.sqlite3"
    make_database(database)
    database.chmod(0o444)
    folder.chmod(0o555)
    data_dir = shared_folder / "data"
    data_dir.mkdir()
    data_dir.chmod(0o777)
    before = fingerprint(folder)
    python, env = unprivileged_python()
    command = [*python, "-m", "desktop", "--data-dir", str(data_dir), "--database-url", sqlite_url(database), "list"]
    finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 2
    assert finished.stdout == ""
    assert finished.stderr.startswith(f"incident-logger: The database {database} cannot be written: the file is")
    assert "Traceback" not in finished.stderr
    assert fingerprint(folder) == before
