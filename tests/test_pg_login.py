"""Logging in to a PostgreSQL server that asks for a password: libpq's own sources (PGPASSWORD, ~/.pgpass, a
service file) open it untouched; otherwise the session service asks LoginNeeded, retries with the answer, keeps the
password in the OS keyring only when "remember" was ticked, and never writes it in a URL, a log or the settings; the
URL's TLS settings reach libpq; a headless command without a terminal says where to put the password."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from sqlalchemy import Engine, event, text
from support import pg_login
from support.pg_login import LOGIN_PASSWORD
from support.pg_older import make_older_database, require_client_programs
from support.pg_server import PostgresServer

from desktop.commands import cannot_open
from desktop.domain.passphrases import Passphrase
from desktop.persistence.engine import display_url
from desktop.persistence.server_login import KEYRING_SERVICE
from desktop.persistence.unit_of_work import Database
from desktop.services.server_backup import back_up_server_to, server_url
from desktop.services.session.questions import (
    QUIT,
    Answer,
    CannotOpen,
    Choice,
    LoginNeeded,
    NeedsAnswer,
    Question,
)
from desktop.services.session.service import DatabaseSessions

pytestmark = pytest.mark.postgres
LIBPQ_VARIABLES = ("PGPASSWORD", "PGPASSFILE", "PGSERVICE", "PGSERVICEFILE", "PGUSER", "PGHOST", "PGPORT",
                   "PGDATABASE", "PGSSLMODE")  # fmt: skip


@pytest.fixture(autouse=True)
def _no_libpq_password(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No password from this machine: no libpq variables, and HOME (so ~/.pgpass) an empty folder."""
    for name in LIBPQ_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))


@pytest.fixture
def team_url(password_server: PostgresServer) -> str:
    """The `team` database of the password server (migrated; the URL holds no password)."""
    return pg_login.team_url(password_server)


class Person:
    """Answers the session service's questions as a person would, from a list of answers; keeps what was asked."""

    def __init__(self, *answers: Answer) -> None:
        self.answers = list(answers)
        self.asked: list[Question] = []

    def __call__(self, question: Question) -> Answer:
        self.asked.append(question)
        return self.answers.pop(0) if self.answers else QUIT


def login(password: str, *, remember: bool = False, user: str | None = None) -> Answer:
    return Answer(Choice.LOGIN, passphrase=Passphrase(password), remember=remember, user=user)


def session_user(database: Database) -> str:
    with database.engine.connect() as connection:
        return str(connection.execute(text("SELECT session_user")).scalar_one())


def stored(keyring_file: Path) -> str:
    return keyring_file.read_text() if keyring_file.exists() else ""


def test_pgpassword_opens_without_asking(team_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSWORD", LOGIN_PASSWORD)
    database = DatabaseSessions(None).open(team_url)  # no `ask`: any question would raise NeedsAnswer
    try:
        assert session_user(database) == "analyst"
    finally:
        database.close()


def test_pgpass_in_home_opens_without_asking(team_url: str, password_server: PostgresServer) -> None:
    pgpass = Path(os.environ["HOME"]) / ".pgpass"
    pgpass.write_text(f"127.0.0.1:{password_server.port}:team:analyst:{LOGIN_PASSWORD}\n")
    pgpass.chmod(0o600)  # libpq ignores a .pgpass that others may read
    database = DatabaseSessions(None).open(team_url)
    try:
        assert session_user(database) == "analyst"
    finally:
        database.close()


def test_a_service_file_opens_without_asking(
    team_url: str, password_server: PostgresServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[team]\nhost=127.0.0.1\nport={password_server.port}\ndbname=team\nuser=analyst\n"
                        f"password={LOGIN_PASSWORD}\n")  # fmt: skip
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    database = DatabaseSessions(None).open("postgresql+psycopg://?service=team")
    try:
        assert session_user(database) == "analyst"
    finally:
        database.close()


def test_without_a_password_the_service_asks_login_needed(team_url: str, password_server: PostgresServer) -> None:
    with pytest.raises(NeedsAnswer) as raised:
        DatabaseSessions(None).open(team_url)
    question = raised.value.question
    assert isinstance(question, LoginNeeded)
    assert (question.user, question.server) == ("analyst", f"127.0.0.1:{password_server.port}/team")
    assert question.reason == "no password supplied"
    assert not question.tried
    assert not question.can_remember  # the suite's keyring is the fail backend: "remember" is not offered
    assert question.choices == (Choice.LOGIN, Choice.QUIT)


def test_the_right_password_in_the_answer_opens_and_nothing_is_stored(team_url: str, file_keyring: Path) -> None:
    person = Person(login(LOGIN_PASSWORD))
    database = DatabaseSessions(None).open(team_url, person)
    assert database is not None
    try:
        assert session_user(database) == "analyst"
        assert [type(q) for q in person.asked] == [LoginNeeded]
        assert person.asked[0].can_remember  # a keyring works now: the dialog may offer "remember"
    finally:
        database.close()
    assert LOGIN_PASSWORD not in stored(file_keyring)


def test_a_wrong_password_asks_again_with_the_servers_reason(team_url: str) -> None:
    person = Person(login("not the password"), login(LOGIN_PASSWORD))
    database = DatabaseSessions(None).open(team_url, person)
    assert database is not None
    database.close()
    first, second = person.asked
    assert isinstance(first, LoginNeeded) and isinstance(second, LoginNeeded)
    assert not first.tried
    assert second.tried
    assert second.reason == 'password authentication failed for user "analyst"'


def test_quit_gives_up_and_another_user_may_be_typed(team_url: str, password_server: PostgresServer) -> None:
    assert DatabaseSessions(None).open(team_url, Person(QUIT)) is None
    nobody = f"postgresql+psycopg://127.0.0.1:{password_server.port}/team"  # libpq's default user: the OS user
    person = Person(login(LOGIN_PASSWORD, user="analyst"))
    database = DatabaseSessions(None).open(nobody, person)
    assert database is not None
    try:
        assert session_user(database) == "analyst"
        assert database.url == team_url  # the user typed is in the URL; the password is not
    finally:
        database.close()


def test_remember_keeps_it_in_the_keyring_and_the_next_open_does_not_ask(
    team_url: str, password_server: PostgresServer, file_keyring: Path
) -> None:
    import keyring

    database = DatabaseSessions(None).open(team_url, Person(login(LOGIN_PASSWORD, remember=True)))
    assert database is not None
    database.close()
    account = f"analyst@127.0.0.1:{password_server.port}/team"
    assert keyring.get_password(KEYRING_SERVICE, account) == LOGIN_PASSWORD
    again = DatabaseSessions(None).open(team_url)  # no `ask`: a question would raise
    try:
        assert session_user(again) == "analyst"
    finally:
        again.close()


def test_a_wrong_remembered_password_is_forgotten_and_asked_again(
    team_url: str, password_server: PostgresServer, file_keyring: Path
) -> None:
    import keyring

    account = f"analyst@127.0.0.1:{password_server.port}/team"
    keyring.set_password(KEYRING_SERVICE, account, "an old password")
    person = Person(login(LOGIN_PASSWORD))
    database = DatabaseSessions(None).open(team_url, person)
    assert database is not None
    database.close()
    (question,) = person.asked
    assert isinstance(question, LoginNeeded) and question.tried
    assert "password authentication failed" in question.reason
    assert keyring.get_password(KEYRING_SERVICE, account) is None  # forgotten; not ticked: nothing new kept


def test_the_password_is_never_in_the_url_the_logs_or_the_questions(
    team_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    person = Person(login("wrong horse"), login(LOGIN_PASSWORD))
    database = DatabaseSessions(None).open(team_url, person)
    assert database is not None
    try:
        shown = [database.url, display_url(database.url), database.display_name, repr(database.engine),
                 str(database.engine.url), caplog.text, *(repr(q) + q.message for q in person.asked)]  # fmt: skip
        errors = ["".join(traceback.TracebackException.from_exception(q.error, capture_locals=True).format())
                  for q in person.asked]  # fmt: skip
        shown += errors
        assert "password authentication failed" in errors[1]
        for secret in (LOGIN_PASSWORD, "wrong horse"):
            assert all(secret not in text for text in shown)
        assert repr(login(LOGIN_PASSWORD)).count("Passphrase(<hidden>)") == 1
    finally:
        database.close()


def test_a_password_written_in_the_url_is_left_out_of_the_databases_url(team_url: str) -> None:
    written = team_url.replace("analyst@", f"analyst:{LOGIN_PASSWORD.replace(' ', '%20')}@")
    database = DatabaseSessions(None).open(written)
    try:
        assert database.url == team_url  # what the window keeps among the recent databases
    finally:
        database.close()


# ---- TLS settings in the URL --------------------------------------------------------------------------------------


def test_sslmode_disable_and_prefer_open_a_server_without_tls(team_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSWORD", LOGIN_PASSWORD)
    for mode in ("disable", "prefer"):
        database = DatabaseSessions(None).open(f"{team_url}?sslmode={mode}")
        try:
            assert session_user(database) == "analyst"
        finally:
            database.close()


def test_sslmode_require_fails_with_a_clear_message(team_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSWORD", LOGIN_PASSWORD)
    with pytest.raises(NeedsAnswer) as raised:
        DatabaseSessions(None).open(f"{team_url}?sslmode=require")
    question = raised.value.question
    assert isinstance(question, CannotOpen)
    assert "server does not support SSL, but SSL was required" in question.message
    assert "sslmode=prefer" in question.message  # and what to do


def test_tls_settings_reach_libpq(team_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PGPASSWORD", LOGIN_PASSWORD)
    files = {name: tmp_path / f"{name}.pem" for name in ("sslrootcert", "sslcert", "sslkey")}
    query = "&".join(f"{name}={path}" for name, path in files.items())
    received: list[dict[str, Any]] = []

    def seen(_dialect: Any, _record: Any, _args: Any, kwargs: dict[str, Any]) -> None:
        received.append(dict(kwargs))

    event.listen(Engine, "do_connect", seen)
    try:
        database = DatabaseSessions(None).open(f"{team_url}?sslmode=prefer&{query}")
        database.close()
    finally:
        event.remove(Engine, "do_connect", seen)
    assert received
    assert {name: received[0].get(name) for name in files} == {name: str(path) for name, path in files.items()}
    assert received[0]["sslmode"] == "prefer"


# ---- the command line ---------------------------------------------------------------------------------------------


def test_a_command_without_a_terminal_names_pgpassword_and_pgpass(team_url: str, tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key not in LIBPQ_VARIABLES}
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "data"), "--database-url", team_url, "list"],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, start_new_session=True,  # no controlling terminal
        env=env, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    line = result.stderr.strip()
    assert "\n" not in line
    assert "the server needs the password of analyst at 127.0.0.1:" in line
    assert "PGPASSWORD" in line and "~/.pgpass" in line


def test_every_command_that_cannot_ask_names_the_password_sources(team_url: str) -> None:
    with pytest.raises(NeedsAnswer) as raised:
        DatabaseSessions(None).open(team_url)
    line = cannot_open("migrate", team_url, raised.value)
    assert line.startswith("incident-logger migrate: the server needs the password of analyst at 127.0.0.1:")
    assert "(no password supplied)" in line and "PGPASSWORD" in line and "~/.pgpass" in line


def test_a_command_asks_the_password_at_the_terminal(team_url: str, tmp_path: Path) -> None:
    import pty

    env = {key: value for key, value in os.environ.items() if key not in LIBPQ_VARIABLES}
    pid, fd = pty.fork()  # the child's controlling terminal is this pty: getpass reads /dev/tty
    if pid == 0:  # pragma: no cover - the child
        os.execve(sys.executable, [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "data"),
                                   "--database-url", team_url, "stats"], env)  # fmt: skip
    output = _read_until(fd, b"Password of analyst at ")
    os.write(fd, b"wrong\n")
    output += _read_until(fd, b"Password of analyst at ")
    os.write(fd, LOGIN_PASSWORD.encode() + b"\n")
    output += _read_until(fd, None)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    shown = output.decode(errors="replace")
    assert os.waitstatus_to_exitcode(status) == 0, shown
    assert 'password authentication failed for user "analyst"' in shown
    assert "wrong" not in shown and LOGIN_PASSWORD not in shown  # never echoed


def _read_until(fd: int, wanted: bytes | None, timeout: float = 60.0) -> bytes:
    import select
    import time

    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            return seen
        if not chunk:
            return seen
        seen += chunk
        if wanted is not None and wanted in seen:
            return seen
    raise AssertionError(f"waited {timeout:.0f} s for {wanted!r}; got {seen!r}")


def test_an_upgrade_after_the_login_dialog_gives_pg_dump_the_typed_password(
    password_server: PostgresServer, tmp_path: Path
) -> None:
    """The pg_dump taken before a schema upgrade logs in with the password typed in the dialog (not in any URL)."""
    require_client_programs()
    password_server.execute("CREATE DATABASE older_team OWNER analyst")
    url = f"postgresql+psycopg://analyst@127.0.0.1:{password_server.port}/older_team"
    make_older_database(url.replace("analyst@", f"analyst:{quote(LOGIN_PASSWORD)}@"))
    backups = tmp_path / "backups"
    person = Person(login(LOGIN_PASSWORD))
    database = DatabaseSessions(backups).open(url, person, lock=False)
    assert database is not None
    try:
        assert [type(q) for q in person.asked] == [LoginNeeded]
    finally:
        database.close()
    dumps = sorted(backups.glob("*.dump"))
    assert len(dumps) == 1 and dumps[0].stat().st_size > 0


def test_a_backup_of_a_database_opened_with_a_typed_password_logs_pg_dump_in(team_url: str, tmp_path: Path) -> None:
    """`backup` on a server opened through the login dialog (or the terminal prompt): pg_dump gets that password."""
    require_client_programs()
    database = DatabaseSessions(None).open(team_url, Person(login(LOGIN_PASSWORD)), lock=False)
    assert database is not None
    try:
        assert LOGIN_PASSWORD not in database.url
        taken = back_up_server_to(server_url(database), tmp_path / "team.dump")
    finally:
        database.close()
    assert taken.path.stat().st_size > 0 and taken.tables
