"""The None reference-count guard keeps many Qt calls from aborting CPython 3.11 (PySide6 6.12 defect)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.ui.pyside_workarounds import NONE_MARGIN, protect_bool_refcount, protect_none_refcount

MANY_VOID_CALLS = """
import sys
{guard}
from PySide6.QtCore import QObject
probe = QObject()
for _ in range(100_000):
    probe.setObjectName("x")  # a void method: returns None
print("survived")
"""


def run(guard: str) -> subprocess.CompletedProcess[str]:
    code = MANY_VOID_CALLS.format(guard=guard)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)


def test_many_void_qt_calls_survive_once_the_ui_package_is_imported() -> None:
    guarded = run("import desktop.ui")
    assert guarded.returncode == 0 and "survived" in guarded.stdout, guarded.stderr[-2000:]


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from CPython 3.12 on")
def test_the_guard_is_what_keeps_them_alive() -> None:
    """Documents the defect: without the guard the same calls abort (if this starts failing because they
    survive, the installed PySide6 is fixed and the work-around can go)."""
    unguarded = run("")
    assert unguarded.returncode != 0 and "deallocating None" in unguarded.stderr


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from CPython 3.12 on")
def test_the_margin_is_added_once() -> None:
    protect_none_refcount()  # already done by importing desktop.ui
    assert sys.getrefcount(None) >= NONE_MARGIN
    assert protect_none_refcount() is False


MANY_SIGNALS = """
import sys
{guard}
from PySide6.QtCore import QObject, Signal
class Probe(QObject):
    changed = Signal()
probe = Probe()
for _ in range(100_000):
    probe.changed.emit()  # returns True
del probe
print("survived")
"""


def test_many_emitted_signals_survive_once_the_ui_package_is_imported() -> None:
    code = MANY_SIGNALS.format(guard="import desktop.ui")
    guarded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert guarded.returncode == 0 and "survived" in guarded.stdout, guarded.stderr[-2000:]


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True and False are immortal from CPython 3.12 on")
def test_the_bool_guard_is_what_keeps_them_alive() -> None:
    code = MANY_SIGNALS.format(guard="")
    unguarded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert unguarded.returncode != 0 and "deallocating True or False" in unguarded.stderr
    assert sys.getrefcount(True) >= NONE_MARGIN and protect_bool_refcount() is False
