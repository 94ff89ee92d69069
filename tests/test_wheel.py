"""The wheel of `python -m build` (sdist, then the wheel from it) installed in a clean venv: the app icon and the
action icons are found there (not the drawn fallback), the migrations create a database and the check passes."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from desktop import __version__

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 300
pytestmark = [pytest.mark.bundle, pytest.mark.timeout(3 * TIMEOUT)]

ICON_CHECK = """
import desktop
from PySide6.QtWidgets import QApplication
from desktop.ui import icons
app = QApplication([])
print(desktop.__file__)
print(icons.resource(icons.APP_ICON))
print(icons.resource("icons/new.svg"))
icon = icons.app_icon()
print(icon.pixmap(256, 256).width())
"""


def run(*command: str | Path, cwd: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run([str(part) for part in command], cwd=cwd, env={**env, **environment},
                          capture_output=True, text=True, timeout=TIMEOUT, check=False)  # fmt: skip


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `python -m build` makes of the source tree (setuptools of the dev venv: --no-isolation)."""
    out = tmp_path_factory.mktemp("wheel")
    done = run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT, cwd=out)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (built,) = out.glob("incident_logger-*.whl")
    return built


@pytest.fixture(scope="session")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv with the wheel installed (--no-deps); the dev venv's site-packages come after its own through a
    .pth file, for PySide6 and the other dependencies (not downloaded again). Returns its python."""
    home = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(home)
    python = home / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    done = run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel,
               cwd=home)  # fmt: skip
    assert done.returncode == 0, done.stderr
    own = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=home).stdout.strip())
    dev = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (own / "zz-dev-venv.pth").write_text("".join(f"{path}\n" for path in dev), encoding="utf-8")
    return python


def test_the_wheel_carries_icons_guide_and_migrations(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "desktop/resources/incident-logger.svg" in names
    assert {f"desktop/resources/icons/{name}.svg" for name in ("new", "edit", "delete", "undo", "redo")} <= names
    assert "desktop/resources/guide/index.md" in names
    assert "desktop/persistence/migrations/env.py" in names
    versions = {f"desktop/persistence/migrations/versions/{p.name}"
                for p in (ROOT / "desktop/persistence/migrations/versions").glob("*.py")}  # fmt: skip
    assert versions and versions <= names


def test_the_installed_app_finds_its_icons(installed: Path, tmp_path: Path) -> None:
    done = run(installed, "-c", ICON_CHECK, cwd=tmp_path, QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 0, done.stderr
    package, app_icon, new_icon, width = done.stdout.split()
    site = installed.parent.parent
    assert Path(package).is_relative_to(site), f"desktop imported from {package}, not the new venv"
    assert Path(app_icon).is_relative_to(site) and Path(new_icon).is_relative_to(site)
    assert width == "256"  # the SVG scales; the drawn fallback is 64 pixels wide
    assert "could not be read" not in done.stderr


def test_the_installed_app_creates_a_database_and_checks_it(installed: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    script = installed.parent / ("incident-logger.exe" if sys.platform == "win32" else "incident-logger")
    version = run(script, "--version", cwd=tmp_path)
    assert version.stdout.strip() == f"incident-logger {__version__}", version.stderr
    demo = run(installed, "-m", "desktop", "--data-dir", data, "demo", cwd=tmp_path)
    assert demo.returncode == 0 and "demo data: 3 incidents added" in demo.stdout, demo.stderr
    check = run(installed, "-m", "desktop", "--data-dir", data, "check", cwd=tmp_path)
    assert check.returncode == 0 and check.stdout.strip() == "ok", check.stdout + check.stderr
