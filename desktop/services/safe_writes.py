"""Writes run again only when that is safe (a serialization failure), and a COMMIT lost with the connection checked."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from desktop.domain.errors import CommitUnknownError, SerializationConflictError, ServerUnreachableError

T = TypeVar("T")
ATTEMPTS = 4  # the first run and three more
FIRST_PAUSE_S = 0.05  # doubled each time, with jitter, so that two clients do not collide again in step
log = logging.getLogger(__name__)


def retrying(work: Callable[[], T], *, attempts: int = ATTEMPTS, sleep: Callable[[float], None] = time.sleep) -> T:
    """`work()` (one whole unit of work: its reads, writes and COMMIT); run again after a serialization failure or
    deadlock, which the server rolled back entirely, up to `attempts` times. Nothing else is run again."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except SerializationConflictError:
            if attempt == attempts:
                raise
            log.info("serialization failure; running the unit of work again (attempt %d)", attempt + 1)
            sleep(FIRST_PAUSE_S * 2 ** (attempt - 1) * (1 + random.random()))
    raise AssertionError("unreachable")


def confirmed(error: CommitUnknownError, happened: Callable[[], bool], what: str) -> None:
    """After a connection lost at COMMIT: ask the server (a new connection) whether the change happened. Returns
    when it did; raises ServerUnreachableError saying it did not, or CommitUnknownError when the server still
    cannot say."""
    try:
        saved = happened()
    except ServerUnreachableError as still:
        raise CommitUnknownError(
            f"The connection to the database server dropped while saving {what}, and the server cannot be "
            "reached to check whether it was saved. Your entries are kept; once the server is back, look for the "
            "record before saving again.",
            writing=True,
        ) from still
    if saved:
        log.warning("the connection dropped at COMMIT of %s; the server shows it saved", what)
        return
    raise ServerUnreachableError(
        f"The connection to the database server dropped while saving {what}; the server shows it was not saved. "
        "Your entries are kept; save again.",
        writing=True,
    ) from error
