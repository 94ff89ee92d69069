"""Start-up timing marks on stderr (`incident-logger timing: NAME MONOTONIC CPU`) when INCIDENT_LOGGER_TIMING=1."""

from __future__ import annotations

import os
import sys
import time

TIMING_ENV = "INCIDENT_LOGGER_TIMING"
QUIT_AFTER_SHOW_ENV = "INCIDENT_LOGGER_QUIT_AFTER_SHOW"  # the window closes as soon as its first page is shown
PREFIX = "incident-logger timing: "


def mark(name: str) -> None:
    """Print the mark: the system-wide monotonic clock (the start benchmark compares it with its own) and this
    process's CPU seconds (which a busy machine does not inflate)."""
    if os.environ.get(TIMING_ENV) == "1":
        print(f"{PREFIX}{name} {time.monotonic():.6f} {time.process_time():.6f}", file=sys.stderr, flush=True)


def quit_after_show() -> bool:
    return os.environ.get(QUIT_AFTER_SHOW_ENV) == "1"
