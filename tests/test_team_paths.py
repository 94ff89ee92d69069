"""The commands a team login runs on the server, each as the role it is: what the role may do succeeds, what it may
not is refused in the app's one line naming the role (never SQL nor a traceback), the database left as it was."""

from __future__ import annotations

import csv as csv_module
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import psycopg
import pytest
from support.pg_server import PostgresServer
from support.pg_team import make_team

from desktop.cli import main
from desktop.services.briefing import BriefingOptions, briefing_content
from desktop.services.session.service import DatabaseSessions

pytestmark = pytest.mark.postgres

READER, ANALYST, SUPERVISOR = "paths_reader_rae", "paths_analyst_al", "paths_supervisor_su"
SECRET = "Jane Q. Suspect"


class Team:
    def __init__(self, server: PostgresServer, name: str) -> None:
        self.server, self.name = server, name
        self.owner_url = server.url(name)

    def url(self, login: str) -> str:
        return self.owner_url.replace("postgres@", f"{login}@")

    def rows(self, statement: str) -> list[tuple[object, ...]]:
        """The rows of `statement` run as the owner (no app code in the way)."""
        conninfo = f"host=127.0.0.1 port={self.server.port} user=postgres dbname={self.name}"
        with psycopg.connect(conninfo, autocommit=True) as connection:
            return connection.execute(statement).fetchall()  # type: ignore[arg-type]

    def snapshot(self) -> dict[str, object]:
        """Every table's rows, as text, to tell that a refused command changed nothing."""
        tables = [t for (t,) in self.rows("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")]
        return {str(t): self.rows(f"SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM {t} x")
                for t in sorted(tables)}  # fmt: skip


@pytest.fixture(scope="module")
def team(postgres_server: PostgresServer) -> Iterator[Team]:
    with postgres_server.fresh_database() as name:
        logins = ((READER, "reader"), (ANALYST, "analyst"), (SUPERVISOR, "supervisor"))
        make_team(postgres_server.url(name), logins, title="Threat letter", suspect=SECRET, personal="born 1990")
        yield Team(postgres_server, name)


def refused(capsys: pytest.CaptureFixture[str], role: str) -> str:
    """The command's stderr, checked to be the app's one-line refusal naming `role`."""
    error = capsys.readouterr().err
    assert f"The server refused this for your role, {role}" in error, error
    assert "Traceback" not in error and "SQL:" not in error and "Session" not in error, error
    return error


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as file:
        csv_module.writer(file).writerows(rows)
    return path


@pytest.mark.parametrize("dry_run", [False, True])
def test_an_import_the_role_may_not_make_is_refused_in_one_line(
    team: Team, tmp_path: Path, dry_run: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reader's facilities or incidents and an analyst's directives: the server's refusal of the first row, told
    as the role's refusal (it was the SQLAlchemy session's "rolled back due to a previous exception" with SQL)."""
    facilities = write_csv(tmp_path / "facilities.csv", [["name", "city"], ["Paths depot", "Tacoma"]])
    gate = ["Paths gate", "ICE office, San Antonio", "2024-02-10"]
    incidents = write_csv(tmp_path / "incidents.csv", [["Title", "Facility", "Occurred"], gate])
    directives = write_csv(tmp_path / "directives.csv", [["title", "scope"], ["Paths directive", "all"]])
    dry = ["--dry-run"] if dry_run else []
    before = team.snapshot()
    for login, role, entity, source in ((READER, "incident_reader", "facilities", facilities),
                                        (READER, "incident_reader", "incidents", incidents),
                                        (ANALYST, "incident_analyst", "directives", directives)):  # fmt: skip
        status = main(["--database-url", team.url(login), "import", "-e", entity, "-i", str(source), *dry])
        assert status == 1
        refused(capsys, role)
    assert team.snapshot() == before


def test_an_analyst_and_a_supervisor_back_up_the_server(team: Team, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    """pg_dump locks every table it dumps (LOCK TABLE … ACCESS SHARE needs table-level SELECT, column privileges
    are not enough): `incidents` and, while entries keep sensitive values, `audit_entries` were refused to both."""
    assert main(["--database-url", team.owner_url, "audit", "sensitive", "keep"]) == 0
    try:
        for login in (ANALYST, SUPERVISOR):
            archive = tmp_path / f"{login}.dump"
            status = main(["--database-url", team.url(login), "backup", "--to", str(archive)])
            out, err = capsys.readouterr()
            assert status == 0, err
            assert "backup written and checked" in out and archive.stat().st_size > 0
    finally:
        assert main(["--database-url", team.owner_url, "audit", "sensitive", "fingerprint"]) == 0


def test_a_reader_is_refused_a_backup_in_one_line(team: Team, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    """A dump holds every column: the suspect names a reader may not read (it was pg_dump's own error text)."""
    archive = tmp_path / "reader.dump"
    assert main(["--database-url", team.url(READER), "backup", "--to", str(archive)]) == 1
    error = refused(capsys, "incident_reader")
    assert "pg_dump:" not in error
    assert not archive.exists()


@pytest.mark.parametrize("command", ["export", "report"])
def test_a_reader_asking_for_the_sensitive_fields_is_refused(team: Team, tmp_path: Path, command: str,
                                                             capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    """--include-sensitive asks for what a reader may not read: refused, no file (it wrote a redacted file and said
    "WITH sensitive fields"; the briefing was stamped NOT REDACTED)."""
    target = tmp_path / ("out.csv" if command == "export" else "out.pdf")
    status = main(["--database-url", team.url(READER), command, "--include-sensitive", "-o", str(target)])
    assert status == 1
    error = refused(capsys, "incident_reader")
    assert "suspect names and personal details" in error
    assert not target.exists()


def test_a_readers_briefing_is_redacted_and_says_so(team: Team) -> None:
    """The window's briefing asked unredacted by a reader: the names are not there to show, and it says redacted."""
    sessions = DatabaseSessions(None)
    reader = sessions.open(team.url(READER), lock=False)
    try:
        content = briefing_content(reader, BriefingOptions(redact=False))
    finally:
        sessions.close(reader)
    assert content.redacted
    assert all(incident.suspect_names == "" for incident in content.incidents)


def _commands(login: str, tmp_path: Path, incident: str) -> list[list[str]]:
    """What a login of any team role runs that only reads (and writes files of its own)."""
    out = tmp_path / login
    out.mkdir()
    runs = [
        ["export", "-e", entity, "-o", str(out / f"{entity}.{suffix}")]
        for entity in ("incidents", "facilities", "plan_items", "directives")
        for suffix in ("csv", "zip", "xlsx")
    ]
    return [*runs, ["export", "--profile", "spreadsheet", "-o", str(out / "sheet.zip")], ["list", "--search", "letter"],
            ["stats"], ["report", "-o", str(out / "briefing.pdf")], ["audit", "verify"], ["audit", "receipt"],
            ["audit", "history", incident], ["check"], ["evidence", "verify"], ["attachments", "list"],
            ["timeline", "show", incident], ["timeline", "export", "-o", str(out / "timeline.csv"), incident],
            ["evidence", "export", "--incident", incident, "-o", str(out / "evidence.zip")]]  # fmt: skip


@pytest.mark.parametrize("login", [READER, ANALYST, SUPERVISOR])
def test_every_reading_command_runs_for_every_role(team: Team, tmp_path: Path, login: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    [(incident,)] = team.rows("SELECT uuid FROM incidents WHERE title = 'Threat letter'")
    for command in _commands(login, tmp_path, str(incident)):
        status = main(["--database-url", team.url(login), *command])
        err = capsys.readouterr().err
        assert status == 0, (command, err)
        assert "Traceback" not in err, (command, err)


def _newer(path: Path, target: Path, change: dict[str, str], *, fresh: bool, stamp: str) -> Path:
    """The export at `path` with `change` made to every row, updated at `stamp` (`fresh`: as new records, with new
    uuids), written to `target`."""
    with path.open(newline="", encoding="utf-8-sig") as file:
        rows = list(csv_module.DictReader(file))
    for number, row in enumerate(rows):
        row.update(change, updated_at=stamp)
        if fresh:
            row.update(uuid=str(uuid4()), **{key: f"{value} {number}" for key, value in change.items()})
    with target.open("w", newline="", encoding="utf-8") as file:
        writer = csv_module.DictWriter(file, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return target


def _legal_history_zip(team: Team, tmp_path: Path) -> tuple[Path, int]:
    """The incidents as the spreadsheet profile writes them, with their legal history file, each a new incident;
    how many."""
    exported = tmp_path / "sheet.zip"
    assert main(["--database-url", team.owner_url, "export", "--profile", "spreadsheet", "-o", str(exported)]) == 0
    renamed: dict[str, str] = {}
    target = tmp_path / "sheet-new.zip"
    with zipfile.ZipFile(exported) as source, zipfile.ZipFile(target, "w") as out:
        for name, key in (("sheet.csv", "UUID"), ("sheet-legal-history.csv", "Incident UUID")):
            rows = list(csv_module.DictReader(io.StringIO(source.read(name).decode("utf-8-sig"))))
            for row in rows:
                row[key] = renamed.setdefault(row[key], str(uuid4()))
                row.update({"Title": f"{row['Title']} (sheet)"} if key == "UUID" else {"Incident": ""})
                row.pop("Related incident UUIDs", None)
            text = io.StringIO()
            writer = csv_module.DictWriter(text, list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
            out.writestr(name.replace("sheet", "sheet-new"), text.getvalue())
    return target, len(renamed)


@pytest.mark.parametrize("login", [ANALYST, SUPERVISOR])
def test_every_writing_command_runs_for_an_analyst_and_a_supervisor(
    team: Team, tmp_path: Path, login: str, capsys: pytest.CaptureFixture[str]
) -> None:
    owner = ["--database-url", team.owner_url]
    kinds = [("facilities", {"notes": f"by {login}"}), ("plan_items", {"notes": f"by {login}"})]
    if login == SUPERVISOR:
        kinds.append(("directives", {"notes": f"by {login}"}))
    sheet, incidents = _legal_history_zip(team, tmp_path)
    runs: list[list[str]] = [["import", "-i", str(sheet)]]
    stored: dict[str, int] = {}
    stamp = "2031-01-01 00:00:00" if login == ANALYST else "2032-01-01 00:00:00"  # newer than the analyst's
    for entity, change in kinds:
        exported = tmp_path / f"{entity}.csv"
        assert main([*owner, "export", "-e", entity, "-o", str(exported)]) == 0
        with exported.open(encoding="utf-8") as file:
            stored[entity] = len(list(csv_module.DictReader(file)))
        runs += [["import", "-e", entity, "-i", str(_newer(exported, tmp_path / f"{entity}-{kind}.csv", change,
                                                            fresh=kind == "new", stamp=stamp))]
                 for kind in ("new", "newer")]  # fmt: skip
    [(incident,)] = team.rows("SELECT uuid FROM incidents WHERE title = 'Threat letter'")
    evidence = tmp_path / "photo.txt"
    evidence.write_text(f"seen by {login}", encoding="utf-8")
    runs += [["attachments", "add", "--incident", str(incident), str(evidence)],
             ["timeline", "add", "--date", "2024-03-01", "--text", f"{login} called", str(incident)]]  # fmt: skip
    capsys.readouterr()
    for command in runs:
        status = main(["--database-url", team.url(login), *command])
        err = capsys.readouterr().err
        assert status == 0, (command, err)
    for entity, _change in kinds:  # every stored row updated by the newer file
        assert team.rows(f"SELECT count(*) FROM {entity} WHERE notes = 'by {login}'") == [(stored[entity],)]
    made = team.rows(f"SELECT count(*) FROM incidents WHERE title LIKE '%(sheet)' AND created_by = '{login}'")
    assert made == [(incidents,)]
    assert main(["--database-url", team.url(login), "audit", "verify"]) == 0
