"""The PyInstaller bundle of packaging/incident-logger.spec, built once per test session: its console program runs
--version, demo and check on a fresh data folder, and its window program starts offscreen until the window shows."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop import __version__
from desktop.timing import PREFIX, QUIT_AFTER_SHOW_ENV, TIMING_ENV

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "incident-logger.spec"
BUILD_TIMEOUT = 900
RUN_TIMEOUT = 120
BAD_SIGNS = ("Traceback", "Segmentation fault", "Fatal Python error", "could not be read", "ModuleNotFoundError")
pytestmark = [pytest.mark.bundle, pytest.mark.timeout(BUILD_TIMEOUT + 2 * RUN_TIMEOUT)]


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/incident-logger of a fresh PyInstaller build (about a minute; PyInstaller's own cache helps later)."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is missing: install the test extra (pip install -e '.[test]')")
    root = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(root / "dist"), "--workpath", str(root / "work"), str(SPEC)],
        capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-6000:]
    (root / "build-seconds.txt").write_text(f"{time.monotonic() - started:.1f}\n", encoding="utf-8")
    return root / "dist" / "incident-logger"


def program(bundle: Path, name: str) -> Path:
    return bundle / (name + (".exe" if sys.platform == "win32" else ""))


def run(executable: Path, *arguments: str, **environment: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON") or "KEYRING" in key}
    done = subprocess.run([str(executable), *arguments], env={**env, **environment}, capture_output=True,
                          text=True, timeout=RUN_TIMEOUT, check=False)  # fmt: skip
    for sign in BAD_SIGNS:
        assert sign not in done.stderr, f"{sign!r} on stderr of {executable.name} {arguments}:\n{done.stderr}"
    return done


def test_the_bundle_holds_both_programs_and_the_data_files(bundle: Path) -> None:
    assert program(bundle, "incident-logger").is_file() and program(bundle, "incident-logger-cli").is_file()
    internal = bundle / "_internal"
    versions = sorted(p.name for p in (ROOT / "desktop/persistence/migrations/versions").glob("*.py"))
    assert sorted(p.name for p in (internal / "desktop/persistence/migrations/versions").glob("*.py")) == versions
    assert (internal / "desktop/resources/incident-logger.svg").is_file()
    assert (internal / "desktop/resources/icons/new.svg").is_file()
    assert (internal / "desktop/resources/guide/index.md").is_file()


def test_the_console_program_tells_its_version(bundle: Path) -> None:
    done = run(program(bundle, "incident-logger-cli"), "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"incident-logger {__version__}"


def test_demo_then_check_on_a_fresh_data_folder(bundle: Path, tmp_path: Path) -> None:
    cli = program(bundle, "incident-logger-cli")
    demo = run(cli, "--data-dir", str(tmp_path), "demo")  # creates the database: every migration runs
    assert demo.returncode == 0, demo.stderr
    assert "demo data: 3 incidents added" in demo.stdout
    check = run(cli, "--data-dir", str(tmp_path), "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.strip() == "ok"
    listed = run(cli, "--data-dir", str(tmp_path), "list")
    assert listed.returncode == 0 and len(listed.stdout.strip().splitlines()) >= 3, listed.stdout + listed.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="the window program has no console on Windows (by design)")
def test_the_window_program_with_arguments_runs_the_command_line(bundle: Path) -> None:
    done = run(program(bundle, "incident-logger"), "--version")
    assert done.returncode == 0 and done.stdout.strip() == f"incident-logger {__version__}", done.stderr


def test_the_window_starts_offscreen_on_a_database_file_given_to_it(bundle: Path, tmp_path: Path) -> None:
    case = tmp_path / "north.incidents"
    data = tmp_path / "data"
    made = run(program(bundle, "incident-logger-cli"), "--data-dir", str(data), "--database-url",
               f"sqlite:///{case}", "--create", "demo")  # fmt: skip
    assert made.returncode == 0, made.stderr
    done = run(program(bundle, "incident-logger"), "--data-dir", str(data), str(case),
               QT_QPA_PLATFORM="offscreen", **{QUIT_AFTER_SHOW_ENV: "1", TIMING_ENV: "1"})  # fmt: skip
    assert done.returncode == 0, done.stderr
    log = (data / "logs" / "incident-logger.log").read_text(encoding="utf-8")
    assert f"main window shown on {case}" in log and "exited with 0" in log
    if sys.platform != "win32":  # no console there for the timing marks
        assert f"{PREFIX}first page shown" in done.stderr
