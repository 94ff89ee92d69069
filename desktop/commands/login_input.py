"""A server's password on the command line: libpq's own sources (the URL, PGPASSWORD, ~/.pgpass, a service file)
and the OS keyring first (the session service tries them), else typed at the terminal, never echoed; without a
terminal, one line naming where to put it."""

from __future__ import annotations

import getpass
import sys
import warnings

from desktop.commands import login_needed_line
from desktop.commands.passphrase_input import terminal
from desktop.domain.passphrases import Passphrase
from desktop.services.session.questions import Answer, Ask, Choice, LoginNeeded, NeedsAnswer, Question

TRIES = 3


class LoginInputError(Exception):
    """No password could be had for the server; one line saying where to give it, and that nothing was changed."""


def login_asker(command: str) -> Ask:
    """The `ask` of a headless command: a server's password typed at the terminal (up to TRIES times); every other
    question is raised as NeedsAnswer (the command tells it in one line). Raises LoginInputError when no password
    can be asked or none opens the database."""
    tries = 0

    def ask(question: Question) -> Answer:
        nonlocal tries
        if not isinstance(question, LoginNeeded):
            raise NeedsAnswer(question)
        who = f"{question.user or 'the service user'} at {question.server}"
        if not terminal():
            raise LoginInputError(login_needed_line(question))
        if question.tried:
            print(f"incident-logger {command}: {question.reason}", file=sys.stderr)
        if tries == TRIES:
            raise LoginInputError(f"no password of {who} was accepted after {TRIES} tries. Nothing was changed.")
        tries += 1
        return Answer(Choice.LOGIN, passphrase=_typed(f"Password of {who}: "))

    return ask


def _typed(prompt: str) -> Passphrase:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", getpass.GetPassWarning)
            text = getpass.getpass(prompt)
    except getpass.GetPassWarning:
        raise LoginInputError("this terminal cannot hide what is typed; give the password in PGPASSWORD or "
                              "~/.pgpass instead. Nothing was changed.") from None  # fmt: skip
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        text = ""
    if not text:
        raise LoginInputError("no password was typed. Nothing was changed.")
    return Passphrase(text)
