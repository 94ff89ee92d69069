"""A server's login while a database opens: libpq's own sources first (the URL, PGPASSWORD, ~/.pgpass, a service
file), then the password remembered in the OS keyring (forgotten when the server refuses it), then a person's answer
to LoginNeeded; the password is held only as a Passphrase and goes into the keyring only when "remember" was ticked
and it opened the database."""

from __future__ import annotations

import logging
from enum import Enum

from desktop.domain.passphrases import Passphrase
from desktop.persistence.engine import display_url
from desktop.persistence.remembered_passphrases import keyring_available
from desktop.persistence.server_login import login_failure, login_target, with_user
from desktop.services.session.questions import Answer, LoginNeeded

log = logging.getLogger(__name__)


class Source(Enum):
    LIBPQ = "libpq"  # no password of ours: libpq finds its own, or the server asks
    KEYRING = "keyring"
    PERSON = "person"


def login_question(url: str, error: Exception) -> LoginNeeded | None:
    """The question when opening `url` failed because the server wants a password it did not get, or refused the
    one it got; None for any other failure."""
    reason = login_failure(error)
    target = login_target(url)
    if reason is None or target is None:
        return None
    tried = "no password supplied" not in reason  # one was given (by a source or a person) and refused
    who = target.user or "the user of the connection service"
    message = f"The server {target.server} asks for the password of {who}: {reason}."
    return LoginNeeded(url, error, message, target.user, target.server, reason, tried, keyring_available())


def drop_frames(error: BaseException) -> None:
    """Let go of the stack frames of `error` and its causes: the driver's hold the password handed to libpq in their
    local variables, and a Question keeps its error (a traceback formatted with its locals would show them)."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        one = pending.pop()
        if one is None or id(one) in seen:
            continue
        seen.add(id(one))
        one.__traceback__ = None
        pending += [one.__cause__, one.__context__, getattr(one, "orig", None)]


class ServerLogin:
    """The password of one opening: where it came from, and whether to remember it once it worked."""

    def __init__(self) -> None:
        self.password: Passphrase | None = None
        self.source = Source.LIBPQ
        self.remember = False
        self._looked_in_keyring = False

    def try_remembered(self, url: str) -> bool:
        """After the server asked for a password that libpq's sources did not give: True when the OS keyring
        remembers one for this login (it is tried next); looked at once per opening."""
        target = login_target(url)
        if self.source is not Source.LIBPQ or self._looked_in_keyring or target is None:
            return False
        self._looked_in_keyring = True
        remembered = target.recall()
        if remembered is None:
            return False
        self.password, self.source = remembered, Source.KEYRING
        return True

    def refused(self, url: str, question: LoginNeeded) -> LoginNeeded:
        """The server refused a password: a remembered one is forgotten (and the person asked)."""
        target = login_target(url)
        if self.source is Source.KEYRING and target is not None:
            log.info("the server refused the password remembered for %s; it is forgotten", target.account)
            target.forget()
            self.password, self.source = None, Source.LIBPQ
        return question

    def answered(self, url: str, answer: Answer) -> str:
        """Take a person's LOGIN answer; returns the URL to try (with the user name typed, never a password)."""
        if answer.passphrase is None:
            raise ValueError("LOGIN needs the password to try")
        target = login_target(url)
        if answer.user and target is not None and answer.user != target.user:
            url = with_user(url, answer.user)
        self.password, self.source, self.remember = answer.passphrase, Source.PERSON, answer.remember
        return url

    def opened(self, url: str) -> None:
        """The database at `url` opened: keep the typed password in the OS keyring when "remember" was ticked."""
        target = login_target(url)
        if not self.remember or self.source is not Source.PERSON or self.password is None or target is None:
            return
        if not target.remember(self.password):
            log.warning("the OS keyring did not keep the password of %s; it will be asked again", display_url(url))
