"""The price of encryption: the same queries and CSV import on a SQLCipher copy, as ratios to the plain file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from bench.generate import COMMON_WORD, BenchDatabase
from bench.measure_csv import TENTH
from bench.timing import Figure, skipped, timed
from desktop.domain.enums import Severity
from desktop.domain.queries import IncidentFilter, Page
from desktop.persistence.cipher import KEYCHAIN, Passphrase, derive
from desktop.persistence.engine import sqlite_url
from desktop.persistence.opening import open_database
from desktop.persistence.unit_of_work import Database
from desktop.services.records import IncidentService

AREA = "encrypted"
TARGET_RATIO = 1.3  # the issue: queries and import at most 1.3 × the plain database's time
START_TARGET = 1.0  # the start's own target (bench/measure_start.py), the key's derivation included
PASSPHRASE = Passphrase("bench passphrase, not a secret")
NOTE = "the 'sqlite3 s' column: the plain file's time"


def encrypted_copy(bench: BenchDatabase) -> tuple[Path, float | None]:
    """An encrypted copy of the bench database beside it (kept and reused with it), made with sqlcipher_export;
    the seconds it took, None when reused."""
    target = bench.path.with_name(bench.path.name + ".encrypted")
    salt_file = target.with_name(target.name + ".salt")
    if target.exists() and salt_file.exists():
        KEYCHAIN.add(PASSPHRASE)
        return target, None
    target.unlink(missing_ok=True)
    key = derive(PASSPHRASE, os.urandom(16))
    started = time.perf_counter()
    connection = sqlcipher.connect(str(bench.path))
    try:
        connection.execute(f"ATTACH DATABASE '{target}' AS encrypted KEY {key.pragma()}")
        connection.execute("SELECT sqlcipher_export('encrypted')").fetchall()
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        connection.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        connection.execute("DETACH DATABASE encrypted")
    finally:
        connection.close()
    seconds = time.perf_counter() - started
    salt_file.write_text(key.salt.hex(), encoding="ascii")
    KEYCHAIN.learn(key, PASSPHRASE)
    return target, seconds


def measure(bench: BenchDatabase) -> list[Figure]:
    target, made = encrypted_copy(bench)
    size = target.stat().st_size / 2**20
    figures = [Figure(AREA, "encrypted copy of the bench database (sqlcipher_export)", made,
                      note=f"{size:,.0f} MiB" + ("" if made is not None else ", reused"))]  # fmt: skip
    plain = open_database(bench.url)
    encrypted = open_database(sqlite_url(target))
    try:
        assert encrypted.encrypted and not plain.encrypted
        figures += _queries(plain, encrypted)
    finally:
        plain.close()
        encrypted.close()
    figures += _start(bench, target)
    figures += _imports(bench)
    return figures


def _start(bench: BenchDatabase, target: Path) -> list[Figure]:
    """Process start → first page shown, the file cached, plain and encrypted (its passphrase remembered in a
    keyring: the test suite's file backend), each a new process."""
    import statistics
    import tempfile

    from bench.measure_start import _run
    from desktop.persistence.cipher import read_salt
    from desktop.persistence.remembered_passphrases import KEYRING_SERVICE, account
    from desktop.timing import QUIT_AFTER_SHOW_ENV, TIMING_ENV

    salt = read_salt(target)
    assert salt is not None
    tests = str(Path(__file__).resolve().parent.parent / "tests")
    with tempfile.TemporaryDirectory(prefix="bench-encrypted-start-") as folder:
        store = Path(folder) / "keyring.json"
        store.write_text(json.dumps({f"{KEYRING_SERVICE}\x00{account(salt)}": PASSPHRASE.reveal()}), encoding="utf-8")
        env = {QUIT_AFTER_SHOW_ENV: "1", TIMING_ENV: "1", "QT_QPA_PLATFORM": "offscreen",
               "PYTHON_KEYRING_BACKEND": "support.file_keyring.FileKeyring", "INCIDENT_LOGGER_TEST_KEYRING": str(store),
               "PYTHONPATH": os.pathsep.join(filter(None, [tests, os.environ.get("PYTHONPATH")]))}  # fmt: skip
        shown = {}
        for kind, path in (("plain", bench.path), ("encrypted", target)):
            command = [sys.executable, "-m", "desktop", "--data-dir", folder, "--database-url", sqlite_url(path), "gui"]
            _run(command, env)  # warm-up: bytecode, the file's pages in the cache
            runs = [_run(command, env) for _ in range(3)]
            shown[kind] = (statistics.median(r.marks["first page shown"] for r in runs),
                           statistics.median(r.cpu_marks["first page shown"] for r in runs))  # fmt: skip
    (plain, plain_cpu), (encrypted, encrypted_cpu) = shown["plain"], shown["encrypted"]
    note = (f"passphrase from the keyring, its key derived once (PBKDF2, 256,000 rounds); CPU {encrypted_cpu:.3f} s "
            f"vs {plain_cpu:.3f} s; {NOTE}")  # fmt: skip
    return [Figure(AREA, "process start → first page shown (cached), encrypted", encrypted, START_TARGET, plain,
                   None, note, encrypted_cpu, against="plain")]  # fmt: skip


def _operations(database: Database) -> dict[str, Callable[[], object]]:
    incidents = IncidentService(database)
    everything = IncidentFilter()

    def count_and_page(where: IncidentFilter, page: Page | None = None) -> Callable[[], object]:
        return lambda: (incidents.count(where), incidents.page(where, page or Page(sort="occurred", descending=True)))

    year = {"occurred_from": date(2019, 1, 1), "occurred_to": date(2019, 12, 31)}
    return {
        "first page (occurred desc) + count": count_and_page(everything),
        "sort title asc (page)": lambda: incidents.page(everything, Page(sort="title")),
        "sort facility asc (page)": lambda: incidents.page(everything, Page(sort="facility")),
        f"search '{COMMON_WORD}' + count": count_and_page(IncidentFilter(text=COMMON_WORD)),
        "search 't' (as typed) + count": count_and_page(IncidentFilter(text="t")),
        "filter severity critical + count": count_and_page(IncidentFilter(severities=(Severity.CRITICAL,))),
        "filter date range 2019 + count": count_and_page(IncidentFilter(**year)),  # type: ignore[arg-type]
        "deep page, offset a half (page)": lambda: incidents.page(everything, Page(offset=incidents.count() // 2)),
    }


def _queries(plain: Database, encrypted: Database) -> list[Figure]:
    figures = []
    plain_operations, encrypted_operations = _operations(plain), _operations(encrypted)
    for operation, action in plain_operations.items():
        before = timed(action)
        after = timed(encrypted_operations[operation])
        note = f"CPU {after.cpu:.3f} s vs {before.cpu:.3f} s; {NOTE}"
        figures.append(Figure(AREA, f"{operation}, encrypted", after.median, None, before.median, TARGET_RATIO, note,
                              after.cpu, against="plain"))  # fmt: skip
    return figures


def _imports(bench: BenchDatabase) -> list[Figure]:
    """The same CSV file imported into a new plain and a new encrypted database, each in a child process."""
    folder = bench.path.parent / "encrypted-import"
    folder.mkdir(exist_ok=True)
    source = folder / "import.csv"
    exported = subprocess.run([sys.executable, "-m", "bench.measure_encrypted", "export", bench.url, str(source)],
                              capture_output=True, text=True, check=False)  # fmt: skip
    if exported.returncode != 0:
        return [skipped(AREA, "CSV import", (exported.stderr.strip().splitlines() or ["export failed"])[-1][:150])]
    found = {}
    for kind in ("plain", "encrypted"):
        for old in folder.glob(f"{kind}.sqlite3*"):
            old.unlink()
        target = str(folder / f"{kind}.sqlite3")
        command = [sys.executable, "-m", "bench.measure_encrypted", "import", str(source), target, kind]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            return [skipped(AREA, f"CSV import ({kind})", (done.stderr.strip().splitlines() or ["failed"])[-1][:150])]
        found[kind] = json.loads(done.stdout.strip().splitlines()[-1])
    plain, encrypted = found["plain"], found["encrypted"]
    rows = encrypted["rows"]
    note = (f"{rows / encrypted['seconds']:,.0f} rows/s encrypted, {rows / plain['seconds']:,.0f} plain; "
            f"CPU {encrypted['cpu']:.1f} s vs {plain['cpu']:.1f} s; {NOTE}")  # fmt: skip
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    return [Figure(AREA, f"CSV import, {rows:,} rows into a new database, encrypted", encrypted["seconds"], None,
                   plain["seconds"], TARGET_RATIO, note, encrypted["cpu"], against="plain")]  # fmt: skip


def _export_child(url: str, target: str) -> dict[str, int]:
    from desktop.services.csv.export import ExportOptions, export_incidents
    from desktop.services.csv.format import INCIDENT_COLUMNS

    database = open_database(url)
    try:
        columns = tuple(column.key for column in INCIDENT_COLUMNS if column.key != "related_uuids")  # links lead out
        result = export_incidents(database, target, ExportOptions(where=TENTH, columns=columns))  # 2019's incidents
    finally:
        database.close()
    return {"rows": result.rows}


def _import_child(source: str, target: str, kind: str) -> dict[str, object]:
    from desktop.services.csv.importer import ImportOptions, import_csv

    path = Path(target)
    if kind == "encrypted":
        KEYCHAIN.create_encrypted(path, PASSPHRASE)
    database = open_database(sqlite_url(path))
    try:
        assert database.encrypted == (kind == "encrypted")
        started, cpu = time.perf_counter(), time.process_time()
        report = import_csv(database, source, ImportOptions(create_facilities=True))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        database.close()
    if not report.committed:
        raise SystemExit(f"not imported: {report.summary()[:150]}")
    return {"seconds": seconds, "cpu": cpu, "rows": report.rows}


if __name__ == "__main__":  # children: export URL TARGET | import SOURCE TARGET plain|encrypted
    if sys.argv[1] == "export":
        print(json.dumps(_export_child(sys.argv[2], sys.argv[3])))
    else:
        print(json.dumps(_import_child(sys.argv[2], sys.argv[3], sys.argv[4])))
