"""X11's select-to-paste: text merely selected in a sensitive field leaves the selection clipboard after the delay
(and on quitting), text selected in a plain field stays. Run on a real X server (Xvfb) with Qt's xcb platform, in a
child process: the offscreen platform the other tests use has no selection clipboard."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.linux_only  # X11's primary selection on Xvfb

REPOSITORY = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def x_display() -> Iterator[str]:
    """A throw-away Xvfb server's display (skipped without Xvfb, failed under CI, which installs it)."""
    if shutil.which("Xvfb") is None:
        if os.environ.get("CI"):
            pytest.fail("Xvfb is not installed; CI installs it (scripts/system-packages.sh --test)")
        pytest.skip("Xvfb is not installed")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "800x600x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    os.close(write)
    with os.fdopen(read) as numbers:
        display = numbers.readline().strip()
    try:
        yield f":{display}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_sensitive_selection_leaves_the_selection_clipboard(x_display: str, tmp_path: Path) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": x_display,
                   "PYTHONPATH": os.pathsep.join([str(REPOSITORY / "tests"), str(REPOSITORY)])}  # fmt: skip
    probe = [sys.executable, "-m", "support.selection_probe", str(tmp_path / "settings.ini")]
    done = subprocess.run(probe, capture_output=True, text=True, timeout=60, env=environment, cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["supports"] is True and seen["active"] is True
    assert seen["sensitive_selected"] == "J. Doe, born 1990"  # selecting put it there, as X11 does
    assert seen["sensitive_after"] == ""  # and the guard took it away after the delay
    assert seen["plain_selected"] == seen["plain_after"] == "Window broken"  # a plain field's selection stays
    assert seen["after_quitting"] == ""  # quitting takes a sensitive selection away at once
