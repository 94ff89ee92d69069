"""Passphrases typed at a terminal (a pseudo-terminal here): asked with getpass, never echoed; a new one asked twice
and refused when the two differ; a wrong current one asked again."""

from __future__ import annotations

import os
import select
import subprocess
import time
from pathlib import Path

import pytest
from support.encrypted_cli import SQLITE_HEADER, command, environment, opening_passphrases, run

from desktop.persistence import cipher

FIRST, SECOND = "typed passphrase one", "typed passphrase two"
WAIT = 60.0

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")


class Terminal:
    """A command whose standard input and error are a pseudo-terminal (standard output a pipe)."""

    def __init__(self, data: Path, *args: str) -> None:
        self.master, slave = os.openpty()
        self.process = subprocess.Popen(command(data, *args), stdin=slave, stderr=slave, stdout=subprocess.PIPE,
                                        env=environment(), start_new_session=True)  # fmt: skip
        os.close(slave)
        self.screen = ""
        self.answered = 0  # how much of the screen was shown before the last answer

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 4096)
        except OSError:  # EIO: the command ended and closed the terminal
            return False
        self.screen += chunk.decode("utf-8", "replace")
        return bool(chunk)

    def type_after(self, prompt: str, text: str) -> None:
        """Wait until `prompt` is on the screen after the last answer (echo is off by then), then type `text`."""
        deadline = time.monotonic() + WAIT
        while prompt not in self.screen[self.answered :]:
            assert time.monotonic() < deadline and self._read(0.2), f"no {prompt!r} on the screen: {self.screen!r}"
        self.answered = len(self.screen)
        os.write(self.master, f"{text}\n".encode())

    def finish(self) -> tuple[int, str, str]:
        deadline = time.monotonic() + WAIT
        while self.process.poll() is None and time.monotonic() < deadline:
            self._read(0.2)
        while self._read(0.1):
            pass
        out = ""
        if self.process.stdout is not None:
            out = self.process.stdout.read().decode()
            self.process.stdout.close()
        os.close(self.master)
        return self.process.wait(timeout=WAIT), out, self.screen


def test_a_new_passphrase_is_asked_twice_and_never_echoed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    terminal = Terminal(data, "--encrypt", "demo")
    terminal.type_after("New passphrase for", FIRST)
    terminal.type_after("The same passphrase again:", FIRST)
    status, out, screen = terminal.finish()
    assert status == 0, screen
    assert "demo data: 3 incidents added" in out
    assert FIRST not in screen and FIRST not in out  # never echoed
    database = data / "incidents.sqlite3"
    assert not database.read_bytes().startswith(SQLITE_HEADER)
    assert opening_passphrases(database, FIRST, SECOND) == [FIRST]


def test_two_different_new_passphrases_create_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    terminal = Terminal(data, "--encrypt", "demo")
    terminal.type_after("New passphrase for", FIRST)
    terminal.type_after("The same passphrase again:", SECOND)
    status, _, screen = terminal.finish()
    assert status == 2 and "the two passphrases typed differ; nothing was changed" in screen
    assert not (data / "incidents.sqlite3").exists()


def test_a_short_new_passphrase_is_refused_and_asked_again(tmp_path: Path) -> None:
    data = tmp_path / "data"
    terminal = Terminal(data, "--encrypt", "demo")
    terminal.type_after("New passphrase for", "short")
    terminal.type_after("New passphrase for", FIRST)
    terminal.type_after("The same passphrase again:", FIRST)
    status, _, screen = terminal.finish()
    assert status == 0 and f"Refused: a passphrase needs at least {cipher.MIN_PASSPHRASE} characters" in screen


def test_a_wrong_passphrase_is_asked_again_then_the_command_runs(tmp_path: Path) -> None:
    data = tmp_path / "data"
    secret = tmp_path / "secret"
    secret.write_text(FIRST + "\n", encoding="utf-8")
    assert run(data, "--encrypt", "--new-passphrase-file", str(secret), "demo").returncode == 0
    terminal = Terminal(data, "list")
    terminal.type_after("Passphrase of", "wrong passphrase")
    terminal.type_after("Passphrase of", FIRST)  # after "try again"
    status, out, screen = terminal.finish()
    assert status == 0 and out.count("\n") == 3, screen
    assert "That passphrase does not open it; try again." in screen and FIRST not in screen


def test_rekey_asks_the_current_passphrase_then_the_new_one_twice(tmp_path: Path) -> None:
    data = tmp_path / "data"
    secret = tmp_path / "secret"
    secret.write_text(FIRST + "\n", encoding="utf-8")
    assert run(data, "--encrypt", "--new-passphrase-file", str(secret), "demo").returncode == 0
    terminal = Terminal(data, "rekey")
    terminal.type_after("Passphrase of", FIRST)
    terminal.type_after("New passphrase for", SECOND)
    terminal.type_after("The same passphrase again:", SECOND)
    status, out, screen = terminal.finish()
    assert status == 0 and "given the new passphrase" in out, screen
    assert opening_passphrases(data / "incidents.sqlite3", FIRST, SECOND) == [SECOND]
    assert FIRST not in screen and SECOND not in screen
