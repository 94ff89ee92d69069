"""Start-up timing marks on stderr when INCIDENT_LOGGER_TIMING=1: `incident-logger timing: NAME SECONDS CPU`, SECONDS on
the system's monotonic clock (the same in every process, so the start benchmark can compare them with its own), CPU
the process's CPU time so far (what a busy machine does not inflate)."""

from __future__ import annotations

import os
import sys
import time

TIMING_ENV = "INCIDENT_LOGGER_TIMING"
QUIT_AFTER_SHOW_ENV = "INCIDENT_LOGGER_QUIT_AFTER_SHOW"  # the window closes as soon as its first page is shown
PREFIX = "incident-logger timing: "


def mark(name: str) -> None:
    if os.environ.get(TIMING_ENV) == "1":
        print(f"{PREFIX}{name} {time.monotonic():.6f} {time.process_time():.6f}", file=sys.stderr, flush=True)


def quit_after_show() -> bool:
    return os.environ.get(QUIT_AFTER_SHOW_ENV) == "1"
