"""A settable fake clock: a callable returning naive UTC datetimes, like persistence's utc_now."""

from __future__ import annotations

from datetime import datetime, timedelta

DEFAULT_START = datetime(2024, 3, 1, 12, 0, 0)


class FakeClock:
    """`clock()` returns the current fake time; `set()` jumps, `advance()` moves forward.

    With `step`, every call returns the current time and then moves on by `step`, so that
    consecutive timestamps differ (useful to check orderings by time).

    It overrides a database server's clock (`overrides_server`, persistence/identity.py): on PostgreSQL the
    stamps are the server's unless the clock says so, and the tests that inject this one rely on its times."""

    overrides_server = True

    def __init__(self, start: datetime = DEFAULT_START, step: timedelta = timedelta(0)) -> None:
        self.now = start
        self.step = step

    def __call__(self) -> datetime:
        current = self.now
        self.now = current + self.step
        return current

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is not None:
            raise ValueError("the fake clock holds naive UTC datetimes")
        self.now = moment

    def advance(self, delta: timedelta | None = None, **units: float) -> datetime:
        """Move forward by `delta` or by timedelta keywords (days=1, seconds=30); returns the new time."""
        self.now += (delta or timedelta(0)) + timedelta(**units)
        return self.now
