"""Encryption at rest on the command line: encrypt → decrypt → encrypt keeps every record and a verifying audit chain,
no marker of a sensitive field stays readable in the database or the backup folder, a wrong or missing passphrase
changes nothing, --encrypt creates a file stock SQLCipher opens, remembered passphrases follow the salt."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from support.encrypted_cli import (
    MARKERS,
    SQLITE_HEADER,
    files_under,
    marker_csv,
    markers_in,
    opening_passphrases,
    run,
    write_secret,
)

from desktop.cli import main
from desktop.persistence import cipher
from desktop.persistence.remembered_passphrases import KEYRING_SERVICE, account
from desktop.services.backup import BackupLabel, RotationPolicy, list_backups, rotate_backups

FIRST, SECOND, WRONG = "tangerine harbour 41", "second passphrase 77", "not the passphrase"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A plain data folder: the demo records, two incidents with the markers in their sensitive fields, a backup."""
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "demo"]) == 0
    assert main(["--data-dir", str(folder), "import", "--input", str(marker_csv(tmp_path))]) == 0
    assert main(["--data-dir", str(folder), "backup"]) == 0
    database = folder / "incidents.sqlite3"
    assert markers_in(database) == list(MARKERS)  # the control: a plain file shows them
    return folder


@pytest.fixture
def secrets(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "secrets"
    folder.mkdir()
    return {text: write_secret(folder, f"p{number}", text) for number, text in enumerate((FIRST, SECOND, WRONG))}


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` and the SHA-256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest() for path in files_under(folder)
    }


def records(data: Path, tmp_path: Path, *passphrase: str) -> tuple[str, str]:
    """`list` and a CSV export with the sensitive fields (its bytes), through subprocesses."""
    listed = run(data, *passphrase, "list", "--limit", "1000")
    assert listed.returncode == 0, listed.stderr
    csv = tmp_path / "export.csv"
    exported = run(data, *passphrase, "export", "--output", str(csv), "--include-sensitive")
    assert exported.returncode == 0, exported.stderr
    text = csv.read_text(encoding="utf-8")
    csv.unlink()
    return listed.stdout, text


def audit_verifies(data: Path, *passphrase: str) -> None:
    verified = run(data, *passphrase, "audit", "verify")
    assert verified.returncode == 0 and "audit trail intact" in verified.stdout, verified.stdout + verified.stderr


def no_plain_data(data: Path) -> None:
    """Neither the database nor any file of the backup folder holds a marker or begins as a plain SQLite file."""
    scanned = [data / "incidents.sqlite3", *files_under(data / "backups")]
    assert len(scanned) >= 3
    for path in scanned:
        assert markers_in(path) == [], path
        assert not path.read_bytes().startswith(SQLITE_HEADER), path


def test_encrypt_decrypt_encrypt_keeps_every_record_and_the_audit_chain(
    data: Path, secrets: dict[str, Path], tmp_path: Path
) -> None:
    database = data / "incidents.sqlite3"
    before = records(data, tmp_path)
    assert all(marker in before[1] for marker in MARKERS) and before[0].count("\n") == 5
    backups_before = len(list_backups(data / "backups", database))

    encrypted = run(data, "--new-passphrase-file", str(secrets[FIRST]), "encrypt")
    assert encrypted.returncode == 0, encrypted.stderr
    assert f"{backups_before + 1} backup(s) in {data / 'backups'} encrypted with the same key" in encrypted.stdout
    assert len(encrypted.stdout.splitlines()) == 2 and "5 incidents" in encrypted.stdout
    no_plain_data(data)
    assert opening_passphrases(database, FIRST, SECOND) == [FIRST]
    assert records(data, tmp_path, "--passphrase-file", str(secrets[FIRST])) == before
    audit_verifies(data, "--passphrase-file", str(secrets[FIRST]))
    searched = run(data, "--passphrase-file", str(secrets[FIRST]), "list", "--search", "drone")
    assert searched.returncode == 0 and "Drone over the yard" in searched.stdout  # the full-text index came along

    decrypted = run(data, "decrypt", INCIDENT_LOGGER_PASSPHRASE=FIRST)
    assert decrypted.returncode == 0, decrypted.stderr
    assert f"{backups_before + 2} backup(s) in {data / 'backups'} stay encrypted" in decrypted.stdout
    assert database.read_bytes().startswith(SQLITE_HEADER) and cipher.read_salt(database) is None
    assert records(data, tmp_path) == before
    audit_verifies(data)

    again = run(data, "--new-passphrase-file", str(secrets[SECOND]), "encrypt")
    assert again.returncode == 0, again.stderr
    no_plain_data(data)
    assert records(data, tmp_path, "--passphrase-file", str(secrets[SECOND])) == before
    audit_verifies(data, "--passphrase-file", str(secrets[SECOND]))
    # The backups left encrypted with the first passphrase by decrypt could not be opened with the second: told.
    assert "could not be converted (no passphrase given opens them, or damaged)" in again.stdout
    for backup in list_backups(data / "backups", database):
        assert opening_passphrases(backup.path, FIRST, SECOND) != []


def test_rekey_gives_the_database_and_its_backups_a_new_salt(data: Path, secrets: dict[str, Path]) -> None:
    database = data / "incidents.sqlite3"
    assert main(["--data-dir", str(data), "--new-passphrase-file", str(secrets[FIRST]), "encrypt"]) == 0
    old_salt = cipher.read_salt(database)
    rekeyed = run(data, "--passphrase-file", "-", "--new-passphrase-file", "-", "rekey", stdin=f"{FIRST}\n{SECOND}\n")
    assert rekeyed.returncode == 0, rekeyed.stderr
    assert "given the new passphrase" in rekeyed.stdout and "backup(s)" in rekeyed.stdout
    new_salt = cipher.read_salt(database)
    assert new_salt not in (None, old_salt)
    assert opening_passphrases(database, FIRST, SECOND) == [SECOND]
    backups = list_backups(data / "backups", database)
    assert len(backups) == 3 and all(cipher.read_salt(b.path) == new_salt for b in backups)
    no_plain_data(data)
    assert not [path for path in files_under(data) if ".converting-" in path.name]
    connection = sqlcipher.connect(str(database))  # stock SQLCipher 4 opens the converted file with the passphrase
    try:
        connection.execute(f"PRAGMA key = '{SECOND}'")
        assert connection.execute("SELECT count(*) FROM incidents").fetchone()[0] == 5
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()


def test_an_encrypted_backup_of_a_decrypted_database_is_restored_with_its_passphrase(
    data: Path, secrets: dict[str, Path]
) -> None:
    database = data / "incidents.sqlite3"
    assert main(["--data-dir", str(data), "--new-passphrase-file", str(secrets[FIRST]), "encrypt"]) == 0
    assert main(["--data-dir", str(data), "--passphrase-file", str(secrets[FIRST]), "decrypt"]) == 0
    without = run(data, "restore", "--latest")
    assert without.returncode != 0 and "is encrypted; give its passphrase with --passphrase-file" in without.stderr
    restored = run(data, "restore", "--latest", INCIDENT_LOGGER_PASSPHRASE=FIRST)
    assert restored.returncode == 0, restored.stderr
    assert opening_passphrases(database, FIRST) == [FIRST]  # the backup's key came with it
    audit_verifies(data, "--passphrase-file", str(secrets[FIRST]))


def test_a_wrong_passphrase_changes_nothing(data: Path, secrets: dict[str, Path]) -> None:
    assert main(["--data-dir", str(data), "--new-passphrase-file", str(secrets[FIRST]), "encrypt"]) == 0
    before = snapshot(data)
    wrong = ["--passphrase-file", str(secrets[WRONG])]
    for args in (["list"], ["demo"], ["backup"], ["decrypt"], ["--new-passphrase-file", str(secrets[SECOND]), "rekey"],
                 ["audit", "verify"], ["check"]):  # fmt: skip
        result = run(data, *wrong, *args)
        assert result.returncode != 0, args
        assert "the passphrase given does not open it" in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert snapshot(data) == before, args


def test_no_passphrase_and_no_terminal_is_one_line_and_changes_nothing(data: Path, secrets: dict[str, Path]) -> None:
    assert main(["--data-dir", str(data), "--new-passphrase-file", str(secrets[FIRST]), "encrypt"]) == 0
    before = snapshot(data)
    for args in (["list"], ["rekey"], ["decrypt"]):
        result = run(data, *args)  # a new session: no terminal to ask in
        assert result.returncode == 2, args
        assert result.stderr.count("\n") == 1 and "is encrypted: give its passphrase with --passphrase-file" in (
            result.stderr
        )
        assert snapshot(data) == before
    result = run(data, "rekey", INCIDENT_LOGGER_PASSPHRASE=FIRST)  # the current one given, no new one
    assert result.returncode == 2 and "a new passphrase for" in result.stderr and snapshot(data) == before


def test_bad_input_to_encrypt_decrypt_rekey_changes_nothing(data: Path, secrets: dict[str, Path]) -> None:
    before = snapshot(data)
    for args, message in (
        (["decrypt"], "is not encrypted; encrypt it with `incident-logger encrypt`"),
        (["rekey"], "is not encrypted"),
        (["encrypt"], "a new passphrase for"),
        (["encrypt"], "refused: a passphrase needs at least 8 characters"),
        (["--new-passphrase-file", str(data / "missing.txt"), "encrypt"], "cannot read it (No such file"),
    ):
        env = {"INCIDENT_LOGGER_NEW_PASSPHRASE": "short"} if "refused" in message else {}
        result = run(data, *args, **env)
        assert result.returncode == 2 and message in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and snapshot(data) == before
    assert main(["--data-dir", str(data), "--new-passphrase-file", str(secrets[FIRST]), "encrypt"]) == 0
    before = snapshot(data)
    result = run(data, "--new-passphrase-file", str(secrets[SECOND]), "encrypt")
    assert result.returncode == 2 and "is encrypted already" in result.stderr and snapshot(data) == before
    result = run(data, "--passphrase-file", str(secrets[FIRST]), "--remember", "decrypt")
    assert result.returncode == 2 and snapshot(data) == before


def test_encrypt_flag_creates_a_file_stock_sqlcipher_opens(tmp_path: Path, secrets: dict[str, Path]) -> None:
    data = tmp_path / "fresh"
    created = run(data, "--encrypt", "--new-passphrase-file", str(secrets[FIRST]), "demo")
    assert created.returncode == 0, created.stderr
    database = data / "incidents.sqlite3"
    assert database.read_bytes()[:16] != SQLITE_HEADER and cipher.read_salt(database) is not None
    connection = sqlcipher.connect(str(database))
    try:
        connection.execute(f"PRAGMA key = '{FIRST}'")
        assert connection.execute("SELECT count(*) FROM incidents").fetchone()[0] == 3
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()
    listed = run(data, "list", INCIDENT_LOGGER_PASSPHRASE=FIRST)
    assert listed.returncode == 0 and listed.stdout.count("\n") == 3
    refused = run(data, "--encrypt", "--new-passphrase-file", str(secrets[SECOND]), "demo")
    assert refused.returncode == 2 and "--encrypt creates a new database, but" in refused.stderr


def passphrases_kept(store: Path) -> dict[str, str]:
    """The passphrase entries of the test keyring (the audit chain keeps its key there too)."""
    entries = json.loads(store.read_text(encoding="utf-8"))
    return {key.split("\x00")[1]: value for key, value in entries.items() if key.startswith(KEYRING_SERVICE + "\x00")}


def test_remember_keeps_the_passphrase_under_the_salt(tmp_path: Path, secrets: dict[str, Path]) -> None:
    store = tmp_path / "keyring.json"
    keyring = {"PYTHON_KEYRING_BACKEND": "tests.support.file_keyring.FileKeyring",
               "INCIDENT_LOGGER_TEST_KEYRING": str(store)}  # fmt: skip
    data = tmp_path / "remembered"
    database = data / "incidents.sqlite3"
    created = run(data, "--encrypt", "--remember", "--new-passphrase-file", str(secrets[FIRST]), "demo", **keyring)
    assert created.returncode == 0 and "remembered in the OS keyring" in created.stderr, created.stderr
    first_salt = cipher.read_salt(database)
    assert first_salt is not None
    assert passphrases_kept(store) == {account(first_salt): FIRST}
    assert run(data, "list", **keyring).returncode == 0  # no passphrase given: the keyring's
    rekeyed = run(data, "--new-passphrase-file", str(secrets[SECOND]), "rekey", **keyring)
    assert rekeyed.returncode == 0 and "remembered in the OS keyring (the old one's entry removed)" in rekeyed.stdout
    second_salt = cipher.read_salt(database)
    assert second_salt is not None
    assert passphrases_kept(store) == {account(second_salt): SECOND}
    listed = run(data, "list", **keyring)
    assert listed.returncode == 0 and listed.stdout.count("\n") == 3
    no_keyring = run(data, "--remember", "list", INCIDENT_LOGGER_PASSPHRASE=SECOND)  # the tests' fail backend
    assert no_keyring.returncode == 2 and "no OS keyring is available here" in no_keyring.stderr


def test_the_backup_before_encryption_is_kept_like_a_manual_one(data: Path, secrets: dict[str, Path]) -> None:
    assert main(["--data-dir", str(data), "--new-passphrase-file", str(secrets[FIRST]), "encrypt"]) == 0
    database = data / "incidents.sqlite3"
    labels = sorted(str(info.label) for info in list_backups(data / "backups", database))
    assert labels == [BackupLabel.BEFORE_ENCRYPTION, BackupLabel.MANUAL]
    assert rotate_backups(data / "backups", database, RotationPolicy(daily=0, weekly=0, monthly=0)) == []
    listed = run(data, "--passphrase-file", str(secrets[FIRST]), "restore", "--list")
    assert "before encrypt, decrypt or rekey  " in listed.stdout and "NOT USABLE" not in listed.stdout
