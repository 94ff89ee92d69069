"""Work-arounds for defects of the installed PySide6 that would otherwise crash the application."""

from __future__ import annotations

import ctypes
import sys

NONE_MARGIN = 1 << 40  # references no session can use up (one per Qt call: ~35 years at 1,000 calls/s)


def protect_none_refcount() -> bool:
    """Keep CPython < 3.12 from aborting with "none_dealloc: deallocating None".

    PySide6 6.12's limited-API (abi3) build returns None from every void method (setText,
    setEnabled, setObjectName...) without adding a reference. That is right on CPython 3.12+,
    where None is immortal, but on 3.11 each call takes one reference from None: after a few
    thousand calls its count reaches 0 and the interpreter aborts, mid-session or at exit.
    Adding a large margin to None's count makes it as good as immortal. Idempotent; does nothing
    on 3.12+ or on debug builds (whose object header differs). Returns whether it added the margin."""
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return False
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt: the first field of every object
    if count.value >= NONE_MARGIN:
        return False
    count.value += NONE_MARGIN
    return True


def protect_bool_refcount() -> bool:
    """The same margin for True and False: PySide6 6.12's `SignalInstance.emit()` returns True without adding
    a reference, so on CPython 3.11 every emitted signal takes one from True, and the interpreter aborts
    ("bool_dealloc: deallocating True or False") once a session has emitted more signals than True had
    references. Idempotent; does nothing on 3.12+ or on debug builds. Returns whether it added the margin."""
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return False
    added = False
    for value in (True, False):
        count = ctypes.c_ssize_t.from_address(id(value))
        if count.value < NONE_MARGIN:
            count.value += NONE_MARGIN
            added = True
    return added
