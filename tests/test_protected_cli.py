"""`--protect` on every export command of an encrypted database (export, report, timeline export, evidence export):
the passphrase from a file, the environment or the terminal; the ZIP holds what the plain file holds and no marker;
an unredacted plain export warns once on stderr and is still written; bad passphrases are refused in one line."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.protected import (
    DATABASE_PASSPHRASE,
    EXPORT_PASSPHRASE,
    FILE_MARK,
    MARKERS,
    SUSPECT,
    Case,
    marked_files,
    protected_entries,
    seven_zip_reads,
)

from desktop.cli import main
from desktop.commands.passphrase_input import ENV_PASSPHRASE as DATABASE_ENV
from desktop.commands.protection import ENV_PASSPHRASE, ProtectionError, export_passphrase
from desktop.persistence.engine import sqlite_url
from desktop.services.protected_zip import PLAIN_WARNING
from desktop.services.session.service import DatabaseSessions

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) missing")


@pytest.fixture
def case(tmp_path: Path, sessions: DatabaseSessions, monkeypatch: pytest.MonkeyPatch) -> Iterator[Case]:
    """The encrypted database; the commands get its passphrase from INCIDENT_LOGGER_PASSPHRASE."""
    monkeypatch.delenv(ENV_PASSPHRASE, raising=False)
    monkeypatch.setenv(DATABASE_ENV, DATABASE_PASSPHRASE)
    made = Case(tmp_path / "data", sessions)
    try:
        yield made
    finally:
        made.close()


class Cli:
    def __init__(self, case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.url, self.data, self.capsys = sqlite_url(case.path), tmp_path / "app", capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        status = main(["--data-dir", str(self.data), "--database-url", self.url, *args])
        captured = self.capsys.readouterr()
        return status, captured.out, captured.err


@pytest.fixture
def cli(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(case, tmp_path, capsys)


def out_folder(tmp_path: Path, name: str) -> Path:
    made = tmp_path / name
    made.mkdir()
    return made


def test_an_unredacted_plain_export_warns_once_and_is_written(cli: Cli, tmp_path: Path) -> None:
    target = out_folder(tmp_path, "out") / "incidents.csv"
    status, out, err = cli("export", "--include-sensitive", "-o", str(target))
    assert status == 0 and "written to" in out
    assert err.count(PLAIN_WARNING) == 1 and "--protect" in err and len(err.splitlines()) == 1
    assert SUSPECT.encode() in target.read_bytes()
    status, _out, err = cli("export", "-o", str(target))  # redacted: nothing to warn about
    assert status == 0 and err == ""


def test_export_protect_reads_the_passphrase_from_a_file(cli: Cli, tmp_path: Path) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(f"{EXPORT_PASSPHRASE}\nanything after the first line\n", encoding="utf-8")
    out = out_folder(tmp_path, "out")
    status, said, err = cli("export", "--include-sensitive", "--profile", "spreadsheet", "--protect",
                            "--export-passphrase-file", str(secret), "-o", str(out / "incidents.csv"))  # fmt: skip
    assert status == 0 and err == "", err
    assert f"written to {out / 'incidents.csv.zip'}" in said and "protected by the passphrase" in said
    assert [p.name for p in out.iterdir()] == ["incidents.csv.zip"]
    plain = out_folder(tmp_path, "plain")
    assert cli("export", "--include-sensitive", "--profile", "spreadsheet", "-o", str(plain / "incidents.csv"))[0] == 0
    entries = protected_entries(out / "incidents.csv.zip")
    assert entries == {p.name: p.read_bytes() for p in plain.iterdir()}
    assert seven_zip_reads(out / "incidents.csv.zip") in (None, entries)


def test_export_protect_reads_the_environment(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_PASSPHRASE, EXPORT_PASSPHRASE)
    out = out_folder(tmp_path, "out")
    status, _said, err = cli("export", "--include-sensitive", "--protect", "-o", str(out / "incidents.xlsx"))
    assert status == 0 and err == ""
    assert list(protected_entries(out / "incidents.xlsx.zip")) == ["incidents.xlsx"]
    assert [p.name for p in out.iterdir()] == ["incidents.xlsx.zip"]


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--protect"], "no terminal to ask it on"),
        (["--protect", "--export-passphrase-file", "{short}"], "at least 8 characters"),
        (["--protect", "--export-passphrase-file", "{missing}"], "No such file"),
        (["--export-passphrase-file", "{short}"], "give --protect too"),
    ],
    ids=["no-source", "short", "missing-file", "file-without-protect"],
)
def test_no_usable_passphrase_writes_nothing(cli: Cli, tmp_path: Path, arguments: list[str], words: str) -> None:
    short = tmp_path / "short.txt"
    short.write_text("1234567\n", encoding="utf-8")
    given = [a.format(short=short, missing=tmp_path / "missing.txt") for a in arguments]
    out = out_folder(tmp_path, "out")
    status, said, err = cli("export", "--include-sensitive", *given, "-o", str(out / "incidents.csv"))
    assert status == 2 and said == "" and words in err and len(err.splitlines()) == 1
    assert list(out.iterdir()) == []


def test_the_passphrase_is_asked_twice_on_a_terminal() -> None:
    args = argparse.Namespace(protect=True, export_passphrase_file=None)
    answers = iter([EXPORT_PASSPHRASE, EXPORT_PASSPHRASE])
    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    passphrase = export_passphrase(args, ask=ask, on_terminal=lambda: True)
    assert passphrase is not None and passphrase.reveal() == EXPORT_PASSPHRASE and len(asked) == 2
    assert EXPORT_PASSPHRASE not in repr(passphrase)
    different = iter([EXPORT_PASSPHRASE, "something else entirely"])
    with pytest.raises(ProtectionError, match="the two passphrases differ"):
        export_passphrase(args, ask=lambda _prompt: next(different), on_terminal=lambda: True)


@needs_poppler
def test_report_protect_holds_the_briefing_pdf(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_PASSPHRASE, EXPORT_PASSPHRASE)
    out = out_folder(tmp_path, "out")
    status, said, err = cli("report", "--include-sensitive", "--protect", "-o", str(out / "briefing.pdf"))
    assert status == 0 and err == "", err
    assert f"briefing written to {out / 'briefing.pdf.zip'}" in said
    assert [p.name for p in out.iterdir()] == ["briefing.pdf.zip"]
    entries = protected_entries(out / "briefing.pdf.zip")
    assert list(entries) == ["briefing.pdf"] and entries["briefing.pdf"].startswith(b"%PDF")
    monkeypatch.delenv(ENV_PASSPHRASE)
    plain = out_folder(tmp_path, "plain") / "briefing.pdf"
    status, _said, err = cli("report", "--include-sensitive", "-o", str(plain))
    assert status == 0 and err.count(PLAIN_WARNING) == 1
    (out / "inside.pdf").write_bytes(entries["briefing.pdf"])
    inside, outside = undated(pdf_text(out / "inside.pdf")), undated(pdf_text(plain))
    assert inside == outside, "the protected briefing's text is not the plain one's"  # no diff of two whole PDFs
    assert SUSPECT in outside


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


def undated(text: str) -> str:
    """A briefing's text without the minute it was made (two briefings made a minute apart differ only there)."""
    return re.sub(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", "<made at>", text)


def test_timeline_export_protect(cli: Cli, case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = out_folder(tmp_path, "out")
    status, _said, err = cli("timeline", "export", case.incident.uuid, "--include-sensitive", "-o",
                             str(out / "plain.csv"))  # fmt: skip
    assert status == 0 and err.count(PLAIN_WARNING) == 1
    monkeypatch.setenv(ENV_PASSPHRASE, EXPORT_PASSPHRASE)
    status, said, err = cli("timeline", "export", case.incident.uuid, "--include-sensitive", "--protect", "-o",
                            str(out / "timeline.csv"))  # fmt: skip
    assert status == 0 and err == "" and "timeline.csv.zip, in a ZIP protected by the passphrase" in said
    assert sorted(p.name for p in out.iterdir()) == ["plain.csv", "timeline.csv.zip"]
    assert protected_entries(out / "timeline.csv.zip") == {"timeline.csv": (out / "plain.csv").read_bytes()}


def test_evidence_export_protect(cli: Cli, case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_PASSPHRASE, EXPORT_PASSPHRASE)
    out = out_folder(tmp_path, "out")
    status, said, err = cli("evidence", "export", "--incident", "TAC-2019-0713", "--include-sensitive", "--protect",
                            "-o", str(out / "package.zip"))  # fmt: skip
    assert status == 0 and err == "", err
    assert "every entry protected by the passphrase" in said
    assert [p.name for p in out.iterdir()] == ["package.zip"]
    entries = protected_entries(out / "package.zip")
    manifest = json.loads(entries["manifest.json"])
    assert [f["path"] for f in manifest["files"]] == ["files/001.jpg", "files/002.txt"]
    assert manifest["files"][1]["custody"][0]["received_from"] in MARKERS
    assert entries["custody-report.pdf"].startswith(b"%PDF") and FILE_MARK.encode() in entries["files/002.txt"]
    assert marked_files(out) == []


@pytest.mark.linux_only
def test_a_protected_export_to_stdout_is_the_zip_itself(tmp_path: Path) -> None:
    """Through a pipe (a plain database: --protect protects any export), the ZIP's bytes go to stdout and the
    message to stderr; no `stdout.zip` is made anywhere."""
    run = [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "app")]
    assert subprocess.run([*run, "demo"], capture_output=True, timeout=120, check=False).returncode == 0
    environment = {**os.environ, ENV_PASSPHRASE: EXPORT_PASSPHRASE}
    done = subprocess.run([*run, "export", "--include-sensitive", "--protect", "-o", "/dev/stdout"],
                          capture_output=True, timeout=120, check=False, env=environment)  # fmt: skip
    assert done.returncode == 0 and done.stderr.decode().startswith("3 incidents written to /dev/stdout (")
    (tmp_path / "piped.zip").write_bytes(done.stdout)
    assert list(protected_entries(tmp_path / "piped.zip")) == ["incidents.csv"]
    assert not Path("/dev/stdout.zip").exists()


@pytest.mark.linux_only
def test_stdout_redirected_to_a_file_makes_no_stdout_zip(tmp_path: Path) -> None:
    """/dev/stdout that resolves to a regular file (a shell's `> file`) keeps its name: never `stdout.zip`. (A
    link of this test's own stands for /dev/stdout, so that nothing in /dev is touched.)"""
    run = [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "app")]
    assert subprocess.run([*run, "demo"], capture_output=True, timeout=120, check=False).returncode == 0
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    environment = {**os.environ, ENV_PASSPHRASE: EXPORT_PASSPHRASE}
    with (tmp_path / "redirected").open("wb") as redirected:
        done = subprocess.run([*run, "export", "--protect", "-o", str(stdout)], stdout=redirected,
                              stderr=subprocess.PIPE, timeout=120, check=False, env=environment)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "stdout.zip").exists()


def test_attachments_get_warns_in_plain_and_protects(
    cli: Cli, case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An attached file got out of an encrypted database: plain with the warning, or a protected ZIP."""
    out = out_folder(tmp_path, "out")
    status, _said, err = cli("attachments", "get", case.statement.uuid, "-o", str(out / "plain.txt"))
    assert status == 0 and err.count(PLAIN_WARNING) == 1
    monkeypatch.setenv(ENV_PASSPHRASE, EXPORT_PASSPHRASE)
    status, said, err = cli("attachments", "get", case.statement.uuid, "--protect", "-o", str(out / "statement.txt"))
    assert status == 0 and err == "" and "statement.txt.zip (SHA-256 verified, in a passphrase-protected ZIP)" in said
    assert sorted(p.name for p in out.iterdir()) == ["plain.txt", "statement.txt.zip"]
    assert protected_entries(out / "statement.txt.zip") == {"statement.txt": (out / "plain.txt").read_bytes()}
    monkeypatch.setenv(ENV_PASSPHRASE, "short")
    status, _said, err = cli("attachments", "get", case.statement.uuid, "--protect", "-o", str(out / "again.txt"))
    assert status == 2 and "at least 8 characters" in err
    assert sorted(p.name for p in out.iterdir()) == ["plain.txt", "statement.txt.zip"]
