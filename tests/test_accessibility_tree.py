"""The real accessibility tree, as a screen reader gets it: the app runs under Xvfb with its own D-Bus session and
AT-SPI bus; keys typed with xdotool open each tab and each record form (new and edit); Debian's pyatspi walks the
tree (tests/support/atspi_walk.py, run by /usr/bin/python3) and every focusable accessible must have a name.

The Debian packages (scripts/system-packages.sh, TEST_EXTRAS): xvfb, dbus-daemon, at-spi2-core, python3-pyatspi,
xdotool. A missing one fails the test with its name: it is installed by the test set-up."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = next(
    (p for p in ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher") if Path(p).exists()),
    "/usr/libexec/at-spi-bus-launcher",
)
WALKER = Path(__file__).parent / "support" / "atspi_walk.py"
TABS = {"Incidents": "ctrl+1", "Facilities": "ctrl+2", "Plan items": "ctrl+3", "Directives": "ctrl+4"}
FORMS = {"Incidents": "incident", "Facilities": "facility", "Plan items": "plan item", "Directives": "directive"}


def missing_tools() -> list[str]:
    """Each tool the test needs that is not installed, with the Debian package that has it."""
    missing = [
        f"{tool} (Debian package {package})"
        for tool, package in (("Xvfb", "xvfb"), ("dbus-daemon", "dbus-daemon"), ("xdotool", "xdotool"))
        if shutil.which(tool) is None
    ]
    if not Path(BUS_LAUNCHER).exists():
        missing.append(f"{BUS_LAUNCHER} (Debian package at-spi2-core)")
    probe = (
        subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
        if Path(SYSTEM_PYTHON).exists()
        else None
    )
    if probe is None or probe.returncode != 0:
        missing.append(f"pyatspi for {SYSTEM_PYTHON} (Debian package python3-pyatspi)")
    return missing


@dataclass
class Desktop:
    """Xvfb, a D-Bus session with the AT-SPI bus, and the app on them."""

    environment: dict[str, str]
    app: subprocess.Popen[bytes] | None = None
    window: str = ""
    dumps: dict[str, dict[str, object]] = field(default_factory=dict)

    def walk(self, label: str, wait_for: str) -> dict[str, object]:
        """The tree while a window named `wait_for` shows (the walker waits up to 30 s for it)."""
        assert self.app is not None
        done = subprocess.run(
            [SYSTEM_PYTHON, str(WALKER), str(self.app.pid), "--wait-for", wait_for],
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, f"{label}: {done.stderr}"
        tree: dict[str, object] = json.loads(done.stdout)
        self.dumps[label] = tree
        return tree

    def click(self, point: list[int]) -> None:
        subprocess.run(
            ["xdotool", "mousemove", "--sync", str(point[0]), str(point[1]), "click", "1"],
            env=self.environment,
            check=True,
            timeout=30,
        )
        time.sleep(0.4)

    def keys(self, *keys: str) -> None:
        """Type `keys` as a person would into the app's window in front (there is no window manager: xdotool gives
        the newest visible window of the app the input focus first)."""
        assert self.app is not None
        for key in keys:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--pid", str(self.app.pid)],
                env=self.environment,
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
            windows = found.stdout.split()
            assert windows, f"no visible window of the app to type {key!r} into"
            subprocess.run(
                ["xdotool", "windowfocus", "--sync", windows[-1]], env=self.environment, check=True, timeout=30
            )
            subprocess.run(["xdotool", "key", "--clearmodifiers", key], env=self.environment, check=True, timeout=30)
            time.sleep(0.4)


def start(
    command: list[str], environment: dict[str, str], stack: ExitStack, **options: object
) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(command, env=environment, **options)  # type: ignore[call-overload]

    def stop() -> None:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    stack.callback(stop)
    return process  # type: ignore[no-any-return]


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Desktop]:
    missing = missing_tools()
    if missing:
        pytest.fail(
            "the accessibility tree test needs " + ", ".join(missing) + " (scripts/system-packages.sh --test)",
            pytrace=False,
        )
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("DISPLAY", "DBUS_", "AT_SPI"))
    }
    environment.update(
        {
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_ACCESSIBILITY": "1",
            "QT_QPA_PLATFORM": "xcb",
            "NO_AT_BRIDGE": "0",
            "XDG_RUNTIME_DIR": str(tmp_path / "run"),
        }
    )
    (tmp_path / "run").mkdir(mode=0o700)
    with ExitStack() as stack:
        read, write = os.pipe()
        start(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
            environment,
            stack,
            pass_fds=(write,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as display:
            number = display.readline().strip()
        assert number.isdigit(), "Xvfb did not say its display"
        environment["DISPLAY"] = f":{number}"
        bus = start(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"], environment, stack, stdout=subprocess.PIPE
        )
        assert bus.stdout is not None
        with bus.stdout:
            environment["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().decode().strip()
        start([BUS_LAUNCHER, "--launch-immediately"], environment, stack)
        data = tmp_path / "data"
        environment["INCIDENT_LOGGER_KEY_DIR"] = str(tmp_path / "keys")
        subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(data), "demo"],
            env=environment,
            check=True,
            capture_output=True,
            timeout=120,
        )
        session = Desktop(environment)
        log = stack.enter_context(open(tmp_path / "app.err", "wb"))
        session.app = start([sys.executable, "-m", "desktop", "--data-dir", str(data)], environment, stack, stderr=log)
        yield session


def unnamed(tree: dict[str, object]) -> list[str]:
    return [f"{item['role']} at {item['path']}" for item in tree["focusable"] if not item["name"].strip()]  # type: ignore[attr-defined]


def test_every_focusable_accessible_has_a_name(desktop: Desktop) -> None:
    tree = desktop.walk("main window", "Incident Logger")
    assert tree["focusable"], "nothing focusable on the bus: is the app's accessibility bridge on?"
    for tab, key in TABS.items():
        desktop.keys(key, "ctrl+n")
        form = desktop.walk(f"new {FORMS[tab]}", f"New {FORMS[tab]}")
        assert any(w["name"].startswith(f"New {FORMS[tab]}") for w in form["windows"])  # type: ignore[attr-defined]
        desktop.keys("Escape")
        desktop.walk(f"after new {FORMS[tab]}", "Incident Logger")
        table = desktop.walk(f"tab {tab}", "Incident Logger")
        desktop.click(table["first_cell"])  # type: ignore[arg-type]
        desktop.keys("Return")  # Enter in the table edits the selected row
        desktop.walk(f"edit {FORMS[tab]}", f"Edit {FORMS[tab]}")
        desktop.keys("Escape")
    desktop.keys("alt+d")  # the Dashboard tab (its mnemonic): charts, their table buttons, the deadline tables
    dashboard = desktop.walk("dashboard", "Incident Logger")
    names = [item["name"] for item in dashboard["focusable"]]  # type: ignore[attr-defined]
    assert any(name.startswith("Incidents per month") for name in names), names  # a chart, named by its title
    assert any(name.startswith("Show ") and name.endswith(" as a table") for name in names), names
    counted = {label: len(tree["focusable"]) for label, tree in desktop.dumps.items()}  # type: ignore[arg-type]
    problems = {label: unnamed(tree) for label, tree in desktop.dumps.items() if unnamed(tree)}
    distinct = {path for paths in problems.values() for path in paths}
    print(
        f"focusable accessibles: {sum(counted.values())} in {len(counted)} walks ({counted}); "
        f"cells: {sum(int(t['cells']) for t in desktop.dumps.values())}; "  # type: ignore[call-overload]
        f"without a name: {sum(map(len, problems.values()))} ({len(distinct)} distinct)"
    )
    assert not problems, json.dumps(problems, indent=1)
