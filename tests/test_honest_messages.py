"""Honest one-line messages for what an adversarial battery found: a full disk told as a full disk (never as
damage), a data folder that is a file, a mistyped database path (never a silent new database), numbers out of
range, a device or FIFO as the output (written through, never replaced), and owner-only folders and files
whatever the umask. Each checks the exit status, the line, and that nothing was created or changed."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from desktop.cli import main
from desktop.persistence.engine import sqlite_url
from desktop.persistence.integrity import FileState, check_database_file, storage_error
from desktop.persistence.opening import describe_error
from desktop.services.session.questions import Answer, Choice, NeedsAnswer, Question
from desktop.services.session.service import DatabaseSessions

pytestmark = pytest.mark.linux_only  # /dev/full, a tmpfs mount, FIFOs, /proc, umask

REPOSITORY = Path(__file__).resolve().parent.parent


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree(folder: Path) -> list[str]:
    """Every path under `folder` (relative), to show that nothing was added."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def python(*args: str, umask: int | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m desktop ARGS` in a subprocess, offscreen, with XDG folders that are not the user's."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("INCIDENT_LOGGER_", "XDG_"))}
    environment.update(QT_QPA_PLATFORM="offscreen", **env)
    preexec = (lambda: os.umask(umask)) if umask is not None else None
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=180,
                          env=environment, preexec_fn=preexec, check=False, cwd=REPOSITORY)  # fmt: skip


@pytest.fixture
def devices(tmp_path: Path) -> dict[str, Path]:
    """A null and a full character device (1:3 and 1:7, as /dev/null and /dev/full). As root, private nodes in
    tmp_path, so that a regression (a file renamed over the device) can never replace the system's own; as anyone
    else the system's, which they cannot replace."""
    if os.geteuid() != 0:
        return {"null": Path("/dev/null"), "full": Path("/dev/full")}
    folder = tmp_path / "dev"
    folder.mkdir()
    nodes = {"null": folder / "null", "full": folder / "full"}
    try:
        os.mknod(nodes["null"], stat.S_IFCHR | 0o666, os.makedev(1, 3))
        os.mknod(nodes["full"], stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except OSError as error:
        pytest.skip(f"cannot make device nodes here: {error}")
    return nodes


def still_devices(devices: dict[str, Path]) -> bool:
    """Both nodes are character devices still, with nothing left beside them."""
    folder = devices["null"].parent
    beside = folder == Path("/dev") or sorted(os.listdir(folder)) == ["full", "null"]
    return beside and all(stat.S_ISCHR(path.stat().st_mode) for path in devices.values())


@pytest.fixture
def demo_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo"]) == 0
    return data


# ---- 1. a full disk is told as a full disk, never as damage --------------------------------------------------


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, small disk (tmpfs) holding a demo database, then filled to the last byte; root only."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a small real disk (tmpfs) needs root to mount it")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mount)],
                             capture_output=True, check=False)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        assert main(["--data-dir", str(mount / "data"), "demo"]) == 0
        filler = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while os.write(filler, b"\0" * 4096):
                pass
        except OSError:  # ENOSPC: full to the last byte
            pass
        finally:
            os.close(filler)
        assert shutil.disk_usage(mount).free == 0
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_reading_on_a_full_disk_says_the_disk_is_full_not_damaged(
    full_disk: Path, devices: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data = full_disk / "data"
    database = data / "incidents.sqlite3"
    before = digest(database)
    # The first reader cannot make the -shm file a WAL database needs; the next finds the -wal it left and
    # fails in the file check instead: both are a full disk.
    for command in (
        ["list"],
        ["list"],
        ["stats"],
        ["check"],
        ["audit", "verify"],
        ["export", "-o", str(devices["null"])],
    ):
        assert main(["--data-dir", str(data), *command]) == 2, command
        captured = capsys.readouterr()
        line = one_line(captured.err)
        assert line.startswith(f"incident-logger {command[0]}: The database {database} cannot be opened because the "
                               f"disk holding {data} is full; free some space on it and try again")  # fmt: skip
        assert "It is not damaged" in line and "is damaged" not in line
        assert captured.out == ""
    assert digest(database) == before
    assert check_database_file(database).state == FileState.DISK_FULL


def test_the_report_on_a_full_disk_says_so_and_leaves_nothing(full_disk: Path, demo_dir: Path) -> None:
    target = full_disk / "briefing.pdf"
    before = tree(full_disk)
    finished = python("--data-dir", str(demo_dir), "report", "-o", str(target))
    assert finished.returncode == 1
    assert one_line(finished.stderr) == (f"incident-logger report: cannot write {target}: the disk is full (No space "
                                         "left on device); free some space on it and try again")  # fmt: skip
    assert finished.stdout == ""
    assert tree(full_disk) == before  # no empty PDF, no temporary file


@pytest.mark.parametrize("name", ["export.csv", "export.xlsx", "export.zip"])
def test_an_export_on_a_full_disk_says_so_and_leaves_nothing(
    full_disk: Path, demo_dir: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree(full_disk)
    target = full_disk / name
    assert main(["--data-dir", str(demo_dir), "export", "-o", str(target)]) == 1
    line = one_line(capsys.readouterr().err)  # one line: no "Exception ignored" traceback of openpyxl's zip file
    assert line == (f"incident-logger export: cannot write {target}: the disk is full (No space left on device); "
                    "free some space on it and try again")  # fmt: skip
    assert tree(full_disk) == before


def test_dev_full_is_a_full_disk_for_the_report_and_the_export(demo_dir: Path, devices: dict[str, Path]) -> None:
    """The full device answers every write with ENOSPC: a full disk without a small disk to fill."""
    full = devices["full"]
    report = python("--data-dir", str(demo_dir), "report", "-o", str(full))
    assert report.returncode == 1
    assert one_line(report.stderr) == (f"incident-logger report: cannot write {full}: the disk is full (No space "
                                       "left on device); free some space on it and try again")  # fmt: skip
    export = python("--data-dir", str(demo_dir), "export", "-o", str(full))
    assert export.returncode == 1
    assert f"cannot write {full}: the disk is full" in one_line(export.stderr)
    assert still_devices(devices)


def sqlite_full_error(tmp_path: Path) -> sqlite3.OperationalError:
    """A real SQLITE_FULL, as SQLite gives it when there is no room (here: PRAGMA max_page_count, the full-disk
    simulation of test_disk_full; the same error comes when a read's temporary files find the disk full)."""
    connection = sqlite3.connect(tmp_path / "small.sqlite3")
    try:
        connection.execute("CREATE TABLE t (x)")
        connection.execute("PRAGMA max_page_count = 2")
        with pytest.raises(sqlite3.OperationalError) as raised:
            connection.execute("INSERT INTO t VALUES (?)", (b"x" * 100_000,))
    finally:
        connection.close()
    return raised.value


def test_sqlite_full_is_told_as_a_full_disk_when_reading(tmp_path: Path) -> None:
    from desktop.persistence.disk_space import no_room

    error = OperationalError("SELECT ...", {}, sqlite_full_error(tmp_path))
    assert no_room(error)
    assert describe_error(error) == "the disk is full; free some space on it and try again (database or disk is full)"
    read = storage_error(error, writing=False)
    assert read is not None
    assert str(read) == ("Could not read the database: the disk is full; free some space on it and try again "
                         "(database or disk is full). It is not damaged.")  # fmt: skip


def test_a_shm_file_that_cannot_grow_is_a_full_disk_not_an_io_fault() -> None:
    from desktop.persistence.disk_space import no_room

    shm = sqlite3.OperationalError("disk I/O error")
    shm.sqlite_errorname = "SQLITE_IOERR_SHMSIZE"
    assert no_room(shm)
    read = storage_error(OperationalError("SELECT ...", {}, shm), writing=False)
    assert read is not None and "the disk is full" in str(read) and "damaged." in str(read)
    other = sqlite3.OperationalError("disk I/O error")
    other.sqlite_errorname = "SQLITE_IOERR_READ"
    assert not no_room(other, Path("/"))  # a read fault with room on the disk is not a full disk
    assert not no_room(sqlite3.DatabaseError("database disk image is malformed"))


# ---- 2. a data folder that is a file ---------------------------------------------------------------------------


@pytest.mark.parametrize("below", ["", "sub"], ids=["the-folder", "a-folder-above"])
def test_a_data_folder_that_is_a_file_is_one_line(
    tmp_path: Path, below: str, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("not a folder\n")
    for command in ("list", "demo"):
        assert main(["--data-dir", str(file / below), command]) == 2
        captured = capsys.readouterr()
        assert (
            one_line(captured.err)
            == f"incident-logger: {file} is a file, not a folder; choose a folder with --data-dir"
        )
        assert captured.out == ""
    assert file.read_text() == "not a folder\n"
    assert tree(tmp_path) == ["notes.txt"]


def test_the_window_on_a_data_folder_that_is_a_file_says_so(tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("x")
    finished = python("--data-dir", str(file), INCIDENT_LOGGER_QUIT_AFTER_MS="200")  # closes the message box
    assert finished.returncode == 2
    assert f"incident-logger: {file} is a file, not a folder; choose a folder with --data-dir" in finished.stderr
    assert "Traceback" not in finished.stderr
    assert tree(tmp_path) == ["notes.txt"]


# ---- 3. a mistyped database path: never a silent new database ---------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["list"], ["stats"], ["check"], ["audit", "verify"], ["export", "-o", "OUT/x.csv"], ["report", "-o", "OUT/x.pdf"],
     ["demo"], ["import", "-i", "OUT/in.csv"], ["backup"], ["migrate"]],
    ids=lambda c: c[0],
)  # fmt: skip
def test_a_missing_database_is_refused_and_nothing_is_created(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "in.csv").write_text("title\n")
    typo = tmp_path / "typo" / "incidents.sqlite3"
    args = [a.replace("OUT", str(out)) for a in command]
    code = main(["--data-dir", str(tmp_path / "data"), "--database-url", sqlite_url(typo), *args])
    assert code == 2
    captured = capsys.readouterr()
    assert one_line(captured.err) == (f"incident-logger {command[0]}: there is no database at {typo}; check the path, "
                                      "or create one with --create")  # fmt: skip
    assert captured.out == ""
    assert tree(tmp_path) == ["out", "out/in.csv"]  # no folder, no file, no lock, no data folder


def test_create_makes_the_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "new" / "incidents.sqlite3"
    assert main(["--data-dir", str(tmp_path / "data"), "--database-url", sqlite_url(path), "--create", "list"]) == 0
    assert check_database_file(path).state == FileState.OK
    assert main(["--data-dir", str(tmp_path / "data"), "--database-url", sqlite_url(path), "demo"]) == 0
    assert "3 incidents added" in capsys.readouterr().out


def test_the_default_database_is_created_by_demo_but_not_by_a_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("INCIDENT_LOGGER_DATABASE_URL", raising=False)
    assert main(["list"]) == 2  # first run: nothing to list, and nothing created
    assert "there is no database at " in capsys.readouterr().err
    assert not (tmp_path / "xdg-data").exists()
    assert main(["demo"]) == 0  # the first run's demo still works with no options
    (database,) = (tmp_path / "xdg-data").rglob("incidents.sqlite3")
    assert check_database_file(database).state == FileState.OK
    assert main(["list"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 4  # the demo line and three incidents


def test_the_session_service_asks_before_creating_a_missing_file(tmp_path: Path) -> None:
    from desktop.services.session.questions import Missing

    path = tmp_path / "typo" / "incidents.sqlite3"
    sessions = DatabaseSessions(tmp_path / "backups")
    with pytest.raises(NeedsAnswer) as needed:
        sessions.open(sqlite_url(path), create=False)
    question = needed.value.question
    assert isinstance(question, Missing) and question.path == path
    assert question.message == f"There is no database at {path}. Nothing has been created."
    assert question.choices == (Choice.NEW_FILE, Choice.OTHER_FILE, Choice.QUIT)
    asked: list[Question] = []

    def quit_(question: Question) -> Answer:
        asked.append(question)
        return Answer(Choice.QUIT)

    assert sessions.open(sqlite_url(path), quit_, create=False) is None
    assert tree(tmp_path) == []
    opened = sessions.open(sqlite_url(path), lambda q: Answer(Choice.NEW_FILE, url=q.url), create=False)
    assert opened is not None
    sessions.close(opened)
    assert check_database_file(path).state == FileState.OK


# ---- 4. numbers out of range --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "option", "value", "allowed"),
    [
        ("list", "--limit", "100000000000000000000", "1 to 1,000,000"),
        ("list", "--limit", "0", "1 to 1,000,000"),
        ("list", "--limit", "-5", "1 to 1,000,000"),
        ("list", "--limit", "ten", "1 to 1,000,000"),
        ("report", "--max-rows", "99999999999999999999999", "0 to 100,000"),
        ("report", "--max-rows", "-1", "0 to 100,000"),
    ],
)
def test_numbers_are_range_checked_at_parse_time(
    tmp_path: Path, command: str, option: str, value: str, allowed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = ["-o", str(tmp_path / "x.pdf")] if command == "report" else []
    with pytest.raises(SystemExit) as exited:
        main(["--data-dir", str(tmp_path / "data"), command, *extra, f"{option}={value}"])
    assert exited.value.code == 2
    assert one_line(capsys.readouterr().err) == (f"incident-logger {command}: argument {option}: give a whole number "
                                                 f"from {allowed}, not {value!r} (see incident-logger {command} "
                                                 "--help)")  # fmt: skip
    assert tree(tmp_path) == []


def test_the_wait_is_range_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for value in ("1e400", "nan", "-1"):
        with pytest.raises(SystemExit) as exited:
            main(["--data-dir", str(tmp_path), f"--wait={value}", "list"])
        assert exited.value.code == 2
        assert "argument --wait: " in one_line(capsys.readouterr().err)


# ---- 5. devices and FIFOs as output: written through, never replaced; folders refused -------------------------


def read_fifo(path: Path, received: list[bytes]) -> threading.Thread:
    def reader() -> None:
        with open(path, "rb") as fifo:
            received.append(fifo.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("file_format", ["csv", "zip", "xlsx"])
def test_an_export_to_dev_null_leaves_the_device(demo_dir: Path, devices: dict[str, Path], file_format: str) -> None:
    assert main(["--data-dir", str(demo_dir), "export", "-o", str(devices["null"]), "--format", file_format]) == 0
    assert still_devices(devices)  # not replaced by a regular file, no temporary file or folder beside it


@pytest.mark.parametrize(("file_format", "magic"), [("csv", b"uuid,"), ("zip", b"PK"), ("xlsx", b"PK")])
def test_an_export_to_a_fifo_goes_through_it(demo_dir: Path, tmp_path: Path, file_format: str, magic: bytes) -> None:
    (tmp_path / "out").mkdir()
    fifo = tmp_path / "out" / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = read_fifo(fifo, received)
    assert main(["--data-dir", str(demo_dir), "export", "-o", str(fifo), "--format", file_format]) == 0
    reader.join(timeout=30)
    assert received and received[0].startswith(magic)
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the pipe, not a file renamed over it
    assert tree(tmp_path / "out") == ["pipe"]


def test_the_report_and_a_backup_go_through_a_fifo(demo_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    fifo = tmp_path / "out" / "pipe"
    os.mkfifo(fifo)
    for args, magic in ((["report", "-o", str(fifo)], b"%PDF-"), (["backup", "--to", str(fifo)], b"SQLite format 3\0")):
        received: list[bytes] = []
        reader = read_fifo(fifo, received)
        finished = python("--data-dir", str(demo_dir), *args)
        reader.join(timeout=30)
        assert (finished.returncode, finished.stderr) == (0, ""), args
        assert received and received[0].startswith(magic), args
        assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert tree(tmp_path / "out") == ["pipe"]


def test_a_backup_to_dev_null_leaves_the_device(
    demo_dir: Path, devices: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(demo_dir), "backup", "--to", str(devices["null"])]) == 0
    assert capsys.readouterr().out.startswith(f"backup verified and written to {devices['null']} (")
    assert still_devices(devices)


def test_an_export_to_stdout_keeps_its_messages_out_of_the_data(demo_dir: Path, tmp_path: Path) -> None:
    stdout = tmp_path / "stdout"  # what /dev/stdout is, but one a regression could replace harmlessly
    stdout.symlink_to("/proc/self/fd/1")
    finished = python("--data-dir", str(demo_dir), "export", "-e", "facilities", "-o", str(stdout))
    assert finished.returncode == 0
    assert finished.stdout.startswith("uuid,version,") and len(finished.stdout.splitlines()) == 4
    assert finished.stderr == f"3 facilities written to {stdout} (25 columns)\n"
    assert stdout.is_symlink()


def test_a_folder_as_the_output_is_refused(demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    refused = "it is a folder; give the name of a file in it"
    assert main(["--data-dir", str(demo_dir), "export", "-o", str(folder)]) == 1
    assert one_line(capsys.readouterr().err) == f"incident-logger export: cannot write {folder}: {refused}"
    assert main(["--data-dir", str(demo_dir), "backup", "--to", str(folder)]) == 1
    assert (
        one_line(capsys.readouterr().err) == f"incident-logger backup: cannot write the backup to {folder}: {refused}"
    )
    report = python("--data-dir", str(demo_dir), "report", "-o", str(folder))
    assert report.returncode == 1
    assert one_line(report.stderr) == f"incident-logger report: cannot write {folder}: {refused}"
    assert list(folder.iterdir()) == []


# ---- 6. owner-only folders and files whatever the umask -----------------------------------------------------


def test_folders_are_0700_and_files_0600_under_umask_000(tmp_path: Path) -> None:
    data = tmp_path / "new" / "deeper"
    out = tmp_path / "exports"
    out.mkdir()
    commands = [
        ["demo"],
        ["backup"],
        ["--database-url", sqlite_url(tmp_path / "new" / "other" / "folders" / "x.sqlite3"), "--create", "demo"],
        ["export", "-o", str(out / "incidents.csv")],
        ["export", "-o", str(out / "incidents.zip")],
        ["export", "-o", str(out / "incidents.xlsx")],
        ["export", "--profile", "spreadsheet", "-o", str(out / "sheet.csv")],
        ["report", "-o", str(out / "briefing.pdf")],
        ["backup", "--to", str(out / "copy.sqlite3")],
    ]
    for command in commands:
        finished = python("--data-dir", str(data), *command, umask=0)
        assert finished.returncode == 0, (command, finished.stderr)
    modes = {str(p.relative_to(tmp_path)): stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "new").rglob("*")}
    modes["new"] = stat.S_IMODE((tmp_path / "new").stat().st_mode)
    assert {name for name, mode in modes.items() if mode == 0o700} == {
        "new", "new/deeper", "new/deeper/backups", "new/deeper/config", "new/deeper/config/audit-keys", "new/other",
        "new/other/folders"}  # fmt: skip
    assert {mode for name, mode in modes.items() if Path(tmp_path / name).is_file()} == {0o600}
    written = {p.name: stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()}
    assert written == dict.fromkeys(
        ["incidents.csv", "incidents.zip", "incidents.xlsx", "sheet.csv", "sheet-legal-history.csv", "briefing.pdf",
         "copy.sqlite3"], 0o600)  # fmt: skip
