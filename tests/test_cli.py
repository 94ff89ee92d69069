"""The command line, run as `python -m desktop` subprocesses (and in-process for the error cases)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.pg_server import PostgresServer

from desktop.cli import build_parser, main
from desktop.commands import COMMANDS


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """`python -m desktop ARGS` with HOME and XDG dirs inside the test's temp dir, never the user's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INCIDENT_LOGGER_", "XDG_"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_demo_then_list_prints_the_three_2019_incidents(tmp_path: Path) -> None:
    data = tmp_path / "data-dir"
    demo = run("--data-dir", str(data), "demo", home=tmp_path)
    assert (demo.returncode, demo.stderr) == (0, "")
    assert demo.stdout.strip() == "demo data: 3 incidents added"
    assert (data / "incidents.sqlite3").exists()

    listed = run("--data-dir", str(data), "list", home=tmp_path)
    assert (listed.returncode, listed.stderr) == (0, "")
    lines = listed.stdout.splitlines()
    assert len(lines) == 3
    assert "Florida" in lines[0] and "Molotov" in lines[0]  # newest first (by the first day a date may be)
    assert lines[0].startswith("2019-08-21~/2019-08-31~ ")  # about late August, in EDTF
    assert "San Antonio" in lines[1] and lines[1].startswith("2019-08-13 night ")
    assert "Tacoma" in lines[2] and lines[2].startswith("2019-07-13 early morning ")

    again = run("--data-dir", str(data), "demo", home=tmp_path)
    assert again.stdout.strip() == "demo data is already present"
    searched = run("--data-dir", str(data), "list", "--search", "molotov", home=tmp_path)
    assert [line for line in searched.stdout.splitlines() if line] == [lines[0]]
    assert not (tmp_path / "data").exists()  # nothing written to the (fake) user data dir


def test_list_search_reads_the_search_grammar(tmp_path: Path) -> None:
    data = tmp_path / "data-dir"
    assert run("--data-dir", str(data), "demo", home=tmp_path).returncode == 0
    either = run("--data-dir", str(data), "list", "--search", "Molotov OR Tacoma", home=tmp_path)
    assert (either.returncode, either.stderr) == (0, "")
    assert [line.split()[0] for line in either.stdout.splitlines()] == ["2019-08-21~/2019-08-31~", "2019-07-13"]
    assert "Molotov" in either.stdout and "Tacoma" in either.stdout and "San Antonio" not in either.stdout
    search = 'state:tx OR "fuse failed" -status:referred_for_prosecution'
    fields = run("--data-dir", str(data), "list", "--search", search, home=tmp_path)
    assert [line.split()[0] for line in fields.stdout.splitlines()] == ["2019-08-13"]

    refused = run("--data-dir", str(data), "list", "--search", 'Molotov "fuse', home=tmp_path)
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == "incident-logger list: --search: unclosed quote at character 9\n"


def test_help_names_every_subcommand(tmp_path: Path) -> None:
    result = run("--help", home=tmp_path)
    assert result.returncode == 0
    build_parser()  # loads the command modules
    for name in ["gui", *COMMANDS]:
        assert name in result.stdout, name
    assert {"demo", "list", "stats", "check"} <= set(COMMANDS)


def test_a_command_line_loads_only_its_commands_module(tmp_path: Path) -> None:
    """MODULE_OF names the module of every command (a command missing there still works: all modules load)."""
    from desktop.commands import MODULE_OF

    build_parser()
    assert {name: spec.run.__module__ for name, spec in COMMANDS.items()} == {
        name: f"desktop.commands.{module}" for name, module in MODULE_OF.items()
    }
    probe = "import sys; from desktop.cli import main; main(sys.argv[1:]); print(sorted(sys.modules))"
    listed = subprocess.run([sys.executable, "-c", probe, "--data-dir", str(tmp_path), "--create", "list"],
                            capture_output=True, text=True, check=True, timeout=120)  # fmt: skip
    assert "'desktop.commands.records'" in listed.stdout and "'desktop.commands.csv'" not in listed.stdout
    typo = run("lisst", home=tmp_path)  # the message of the parser that knows every command
    assert typo.returncode == 2 and "invalid choice: 'lisst'" in typo.stderr and "'import'" in typo.stderr


def test_check_prints_ok_and_stats_sums_up(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    assert main(["--data-dir", data, "demo"]) == 0
    assert main(["--data-dir", data, "check"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "ok"
    assert main(["--data-dir", data, "stats"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:4] == [
        "incidents: 3 (2 open)",
        "killed: 0 victims killed, 1 perpetrator killed; perpetrators killed not known in 2 incidents",
        "injured: 0 victims injured, 0 perpetrators injured; perpetrators injured not known in 2 incidents",
        "property damage: damage of unknown value in 2 incidents",
    ]  # the attacker killed at Tacoma is no victim; damage of unknown value is not "$0"
    assert "$0" not in out and "Proposed 1" in out


def test_check_reports_a_broken_audit_chain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    data = tmp_path / "d"
    main(["--data-dir", str(data), "demo"])
    with sqlite3.connect(data / "incidents.sqlite3") as connection:
        connection.execute("UPDATE audit_entries SET entity_uuid = 'forged' WHERE id = 2")
    connection.close()
    capsys.readouterr()
    assert main(["--data-dir", str(data), "check"]) == 1
    out = capsys.readouterr().out
    assert "audit: entry 2" in out and "was edited" in out
    assert "was inserted outside the program" in out  # the record entry 2 made no longer has an entry
    assert " forged was deleted outside the program" in out  # and the trail names one that is not stored
    assert out.splitlines()[-1] == "3 problem(s) found"


def test_bad_database_url_exits_with_one_line(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "--database-url", "nosuchdb://x/y", "list", home=tmp_path)
    assert result.returncode != 0
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("incident-logger: cannot open nosuchdb://x/y: ")


@pytest.mark.parametrize(
    "url",
    [
        "/proc/no/such/dir/plain-path.sqlite3",  # a file path, as --database-url also takes
        "nosuchdb://x/y",
        "postgresql+psycopg://nobody:secret@127.0.0.1:1/none",  # nothing listens on port 1
        "sqlite+pysqlite:////proc/no/such/dir/x.sqlite3",
    ],
)
def test_unusable_database_url_gives_one_line_without_traceback(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "--database-url", url, "--create", "list"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("incident-logger: cannot open ")
    assert "secret" not in captured.err  # passwords are not printed


def test_not_a_database_file_gives_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("not a database\n" * 100)
    assert main(["--data-dir", str(tmp_path), "--database-url", f"sqlite+pysqlite:///{path}", "list"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "is not an Incident Logger database (it is a text file)" in err and "damaged" not in err


def test_busy_database_gives_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from desktop.persistence import engine

    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "--create", "list"]) == 0  # creates the database
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(data / "incidents.sqlite3", isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program is writing
        assert main(["--data-dir", str(data), "demo"]) == 1
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert capsys.readouterr().err == "incident-logger demo: database is locked\n"
    assert main(["--data-dir", str(data), "list"]) == 0
    assert capsys.readouterr().out == ""


def test_refused_input_in_a_command_gives_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.commands import Command
    from desktop.domain.validation import FieldError, ValidationError

    def refuse(_database: object, _args: object) -> int:
        raise ValidationError([FieldError("victims_injured", "must be 0 or more")])

    build_parser()
    monkeypatch.setitem(COMMANDS, "list", Command("list", refuse, lambda parser: None))
    assert main(["--data-dir", str(tmp_path), "--create", "list"]) == 1
    assert capsys.readouterr().err == "incident-logger list: victims_injured: must be 0 or more\n"


@pytest.mark.parametrize("folder", ["with space", "what?", "hash#tag", "percent%20", "ünïcødé", "semi;colon&amp"])
def test_awkward_data_folder_names(tmp_path: Path, folder: str, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.persistence.engine import sqlite_file, sqlite_url

    data = tmp_path / folder / folder
    assert sqlite_file(sqlite_url(data / "incidents.sqlite3")) == data / "incidents.sqlite3"
    assert main(["--data-dir", str(data), "demo"]) == 0
    assert main(["--data-dir", str(data), "list"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 4  # the demo line and three incidents
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert written == [Path(folder, folder, "incidents.sqlite3")]


def test_a_period_selects_the_incidents_whose_dates_overlap_it_and_says_which_only_possibly_lie_in_it(
    tmp_path: Path,
) -> None:
    """Demo: Tacoma 2019-07-13, San Antonio 2019-08-13 (night), Lake Worth about 2019-08-21/2019-08-31."""
    data = tmp_path / "data-dir"
    assert run("--data-dir", str(data), "demo", home=tmp_path).returncode == 0
    pdf = tmp_path / "period.pdf"

    report = run("--data-dir", str(data), "report", "-o", str(pdf), "--from", "2019-08-10", "--to", "2019-12-31",
                 home=tmp_path)  # fmt: skip

    assert (report.returncode, report.stderr) == (0, "")
    assert report.stdout.splitlines()[1:] == ["Incidents 2 (1 possibly in the period: dates overlap it)"]
    whole = run("--data-dir", str(data), "report", "-o", str(pdf), "--to", "2019-12-31", home=tmp_path)
    assert whole.stdout.splitlines()[1:] == ["Incidents 3 (1 possibly in the period: dates overlap it)"]
    everything = run("--data-dir", str(data), "report", "-o", str(pdf), home=tmp_path)
    assert everything.stdout.splitlines()[1:] == ["Incidents 3"]  # no period: nothing to be possibly in

    csv_file = tmp_path / "late-august.csv"
    period = ("--filter", "occurred_from=2019-08-25", "--filter", "occurred_to=2019-09-30")
    exported = run("--data-dir", str(data), "export", "-o", str(csv_file), "--columns", "title,occurred", *period,
                   home=tmp_path)  # fmt: skip
    assert (exported.returncode, exported.stderr) == (0, "")
    assert exported.stdout.splitlines() == [f"1 incidents written to {csv_file} (2 columns, redacted)",
                                            "(1 possibly in the period: dates overlap it)"]  # fmt: skip
    assert csv_file.read_text(encoding="utf-8").splitlines()[1].endswith(",2019-08-21~/2019-08-31~")
    plain = run("--data-dir", str(data), "export", "-o", str(csv_file), "--filter", "from=2019-08-01",
                "--filter", "to=2019-08-15", home=tmp_path)  # fmt: skip
    assert plain.stdout.splitlines() == [f"1 incidents written to {csv_file} (54 columns, redacted)"]  # San Antonio


def test_database_url_takes_a_plain_file_path_and_libpq_urls(tmp_path: Path, postgres_server: PostgresServer,
                                                            capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """`--database-url laptop.sqlite3` (as the README writes it) is that file; `postgresql://` and `postgres://`
    (libpq's forms, psql's) reach the server through psycopg 3, not SQLAlchemy's default psycopg2 (not installed)."""
    monkeypatch.chdir(tmp_path)
    assert main(["--database-url", "laptop.sqlite3", "--create", "demo"]) == 0
    assert (tmp_path / "laptop.sqlite3").is_file()
    assert main(["--database-url", "laptop.sqlite3", "list"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 4  # the demo line, then its three incidents
    with postgres_server.fresh_database() as name:
        plain = postgres_server.url(name).removeprefix("postgresql+psycopg://")
        for scheme in ("postgresql://", "postgres://"):
            assert main(["--database-url", scheme + plain, "list"]) == 0, capsys.readouterr().err
        assert main(["--database-url", "laptop.sqlite3", "sync", "--to", "postgresql://" + plain]) == 0
        capsys.readouterr()
        assert main(["--database-url", "postgres://" + plain, "list"]) == 0
        listed = capsys.readouterr().out.strip().splitlines()
        assert len(listed) == 3 and "Molotov" in listed[0]  # the laptop's three incidents, now on the server
