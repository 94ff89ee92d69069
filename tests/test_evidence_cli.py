"""The evidence commands: `attachments add/list/get/custody`, `timeline add/show/export`, `evidence verify`; bad
input told in one line, nothing stored."""

from __future__ import annotations

import csv
import hashlib
import os
from pathlib import Path

import pytest
from support.raw import Run, cli_runner, sql

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return cli_runner(tmp_path / "data", capsys)


@pytest.fixture
def demo(run: Run, tmp_path: Path) -> Path:
    assert run("demo")[0] == 0
    return tmp_path / "data" / "incidents.sqlite3"


def incident(demo: Path, title: str = "Molotov%") -> str:
    [(uuid,)] = sql(demo, "SELECT uuid FROM incidents WHERE title LIKE ?", title)
    return str(uuid)


def test_attach_list_get_and_custody(run: Run, demo: Path, tmp_path: Path) -> None:
    picture, note = tmp_path / "damage.jpg", tmp_path / "note.txt"
    picture.write_bytes(JPEG + os.urandom(1_500_000))
    note.write_text("Window broken at 02:10\n", encoding="utf-8")
    status, out, err = run("attachments", "add", "--incident", incident(demo), str(picture), str(note),
                           "--description", "from the scene")  # fmt: skip
    assert status == 0, err
    lines = out.splitlines()
    assert len(lines) == 2
    uuid, sha256 = lines[0].split()[:2]
    assert sha256 == hashlib.sha256(picture.read_bytes()).hexdigest() and "image/jpeg" in lines[0]
    assert "text/plain" in lines[1] and lines[1].endswith("note.txt")
    status, out, _ = run("attachments", "list", "--incident", incident(demo))
    assert status == 0 and out.splitlines() == lines
    copy = tmp_path / "copy.jpg"
    status, out, _ = run("attachments", "get", uuid, "-o", str(copy))
    assert status == 0 and "SHA-256 verified" in out and copy.read_bytes() == picture.read_bytes()
    status, out, err = run("attachments", "custody", uuid, "--from", "Officer Diaz", "--by", "Analyst Kim",
                           "--date", "2019-08-25T14:30", "--purpose", "lab review")  # fmt: skip
    assert status == 0, err
    assert out.splitlines() == ["2019-08-25 14:30  from Officer Diaz to Analyst Kim  (lab review)"]
    assert run("evidence", "verify")[0] == 0
    assert run("check")[1].splitlines()[-1] == "ok"


def test_bad_input_is_told_in_one_line_and_stores_nothing(
    run: Run, demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.jpg"
    good.write_bytes(JPEG + b"x" * 100)
    status, _, err = run("attachments", "add", "--incident", "no-such-case", str(good))
    assert status == 2 and err.strip() == "incident-logger attachments: there is no incident 'no-such-case'"
    status, _, err = run("attachments", "add", "--incident", incident(demo), str(good), str(tmp_path / "gone.jpg"))
    assert status == 1 and err.strip().endswith(f"cannot read {tmp_path / 'gone.jpg'}: No such file or directory")
    status, _, err = run("attachments", "custody", "00000000-0000-0000-0000-000000000000", "--from", "A")
    assert status == 2 and "give --from, --by and --date" in err
    with pytest.raises(SystemExit) as refused:
        run("timeline", "add", incident(demo), "--date", "2019-13", "--text", "x")
    assert refused.value.code == 2 and "argument --date: '2019-13'" in capsys.readouterr().err
    assert sql(demo, "SELECT COUNT(*) FROM attachments") == [(0,)]
    assert sql(demo, "SELECT COUNT(*) FROM timeline_events") == [(0,)]


def test_timeline_add_show_and_export(run: Run, demo: Path, tmp_path: Path) -> None:
    uuid = incident(demo)
    status, out, err = run("timeline", "add", uuid, "--date", "late August 2019", "--text", "Hearing")
    assert status == 0 and out.split()[1:] == ["about", "2019-08-21", "to", "2019-08-31", "Hearing"], err
    status, out, err = run("timeline", "add", uuid, "--date", "about 2019-08", "--text", "Call with the FBI",
                           "--source", "phone log")  # fmt: skip
    assert status == 0, err
    status, out, _ = run("timeline", "show", uuid, "--kind", "event")
    assert status == 0 and [line.split() for line in out.splitlines()] == [
        ["about", "2019-08", "Event", "Call", "with", "the", "FBI", "[phone", "log]"],
        ["about", "2019-08-21", "to", "2019-08-31", "Event", "Hearing"]]  # fmt: skip
    status, shown, _ = run("timeline", "show", uuid)
    assert "Legal status" in shown and "Occurred:" in shown
    target = tmp_path / "timeline.csv"
    status, out, _ = run("timeline", "export", uuid, "-o", str(target))
    assert status == 0
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {"date": "2019-08~", "kind": "Event", "text": "Call with the FBI", "source": "phone log"}.items() <= \
        next(row for row in rows if row["kind"] == "Event").items()  # fmt: skip
    assert len(rows) == len(shown.splitlines()) and out.startswith(f"{len(rows)} timeline lines written to")
    for row, line in zip(rows, shown.splitlines(), strict=True):
        assert f" {row['kind']} " in line and row["text"] in line


def test_every_evidence_command_finds_an_incident_by_its_case_number_whatever_its_case(
    run: Run, demo: Path, tmp_path: Path
) -> None:
    from dataclasses import replace

    from desktop.services.records import IncidentService
    from desktop.services.session.service import DatabaseSessions

    database = DatabaseSessions(None).open(f"sqlite:///{demo}", lock=False)
    try:
        service = IncidentService(database)
        service.update(replace(service.get(incident(demo)), case_number="FL-2019-0831"))
    finally:
        database.close()
    note = tmp_path / "note.txt"
    note.write_text("seen\n", encoding="utf-8")
    assert run("attachments", "add", "--incident", "fl-2019-0831", str(note))[0] == 0
    assert run("timeline", "add", "Fl-2019-0831", "--date", "2019-09", "--text", "Hearing")[0] == 0
    assert run("evidence", "export", "--incident", "FL-2019-0831", "-o", str(tmp_path / "case.zip"))[0] == 0
    assert sql(demo, "SELECT COUNT(*) FROM attachments") == [(1,)]
    assert sql(demo, "SELECT COUNT(*) FROM timeline_events") == [(1,)]
