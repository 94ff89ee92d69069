"""Linux desktop integration: the .desktop file, the *.incidents MIME type and the AppStream metainfo pass the
freedesktop tools, and `make install-desktop PREFIX=…` installs them so that the MIME database maps *.incidents
to application/x-incident-logger."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
DESKTOP_FILE = RESOURCES / "incident-logger.desktop"
MIME_XML = RESOURCES / "incident-logger-mime.xml"
METAINFO = RESOURCES / "io.github.incident_logger.IncidentLogger.metainfo.xml"
MIME_TYPE = "application/x-incident-logger"
DOCS_URL = "https://raw.githubusercontent.com/incident-logger/incident-logger/main/docs/"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def tool(name: str, package: str) -> str:
    """The path of a freedesktop tool; a clear failure (not a skip) when its Debian package is missing."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: install the Debian package {package} (scripts/system-packages.sh --test)")
    return path


def run(*command: str, **environment: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, **environment})  # fmt: skip


def desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_the_desktop_file_passes_desktop_file_validate_and_opens_our_files() -> None:
    done = run(tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP_FILE))
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr
    entry = desktop_entry(DESKTOP_FILE)
    assert entry["Exec"] == "incident-logger %f"  # a file opened from the file manager reaches the app
    assert entry["MimeType"] == f"{MIME_TYPE};"  # our own type, not every SQLite file
    assert entry["Icon"] == "incident-logger"


def test_the_metainfo_passes_appstreamcli_validate() -> None:
    done = run(tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO))
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_metainfo_names_the_launcher_the_version_and_screenshots_that_exist() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("launchable") == DESKTOP_FILE.name
    assert component.findtext("provides/mediatype") == MIME_TYPE
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    newest = component.find("releases/release")
    assert newest is not None and newest.get("version") == version and newest.get("date")
    images = [image.text or "" for image in component.iterfind("screenshots/screenshot/image")]
    assert images
    for url in images:
        assert url.startswith(DOCS_URL), url
        assert (ROOT / "docs" / url.removeprefix(DOCS_URL)).is_file(), f"{url}: no such file in docs/"


def test_the_mime_xml_subclasses_sqlite_and_globs_incidents_files() -> None:
    namespace = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = ET.parse(MIME_XML).getroot().find("m:mime-type", namespace)
    assert kind is not None and kind.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in kind.iterfind("m:glob", namespace)] == ["*.incidents"]
    assert [s.get("type") for s in kind.iterfind("m:sub-class-of", namespace)] == ["application/vnd.sqlite3"]


MIME_QUERY = """
import sys
from PySide6.QtCore import QMimeDatabase
found = QMimeDatabase().mimeTypeForFile(sys.argv[1], QMimeDatabase.MatchMode.MatchExtension)
print(found.name(), found.inherits("application/vnd.sqlite3"), found.iconName())
"""


def test_make_install_desktop_installs_everything_and_incidents_files_get_our_type(tmp_path: Path) -> None:
    update = tool("update-mime-database", "shared-mime-info")
    prefix = tmp_path / "share"
    program = tmp_path / "bin" / "incident-logger"
    done = run("make", "-s", "-C", str(ROOT), "install-desktop", f"PREFIX={prefix}", f"PROGRAM={program}",
               f"PY={sys.executable}")  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    for size in SIZES:
        image = prefix / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "incident-logger.png"
        assert image.read_bytes()[16:24] == size.to_bytes(4, "big") * 2  # the PNG's IHDR width and height
    assert (prefix / "icons/hicolor/scalable/apps/incident-logger.svg").is_file()
    assert (prefix / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    installed = prefix / "applications" / "incident-logger.desktop"
    entry = desktop_entry(installed)
    assert entry["Exec"] == f"{program} %f" and entry["TryExec"] == str(program)
    valid = run(tool("desktop-file-validate", "desktop-file-utils"), str(installed))
    assert valid.returncode == 0 and not valid.stdout.strip(), valid.stdout + valid.stderr

    assert run(update, str(prefix / "mime")).returncode == 0  # (make did this too; again, to be sure it is fresh)
    globs = (prefix / "mime" / "globs2").read_text(encoding="utf-8").splitlines()
    assert any(line.endswith(f":{MIME_TYPE}:*.incidents") for line in globs), globs
    query = run(sys.executable, "-c", MIME_QUERY, str(tmp_path / "case.incidents"), XDG_DATA_HOME=str(prefix),
                XDG_DATA_DIRS="/usr/share", QT_QPA_PLATFORM="offscreen")  # fmt: skip
    assert query.stdout.split() == [MIME_TYPE, "True", "incident-logger"], query.stderr  # what Qt (like GLib) sees
    if shutil.which("update-desktop-database"):
        cache = (prefix / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert f"{MIME_TYPE}=incident-logger.desktop;" in cache

    removed = run("make", "-s", "-C", str(ROOT), "uninstall-desktop", f"PREFIX={prefix}")
    assert removed.returncode == 0, removed.stderr
    assert not installed.exists() and not (prefix / "metainfo" / METAINFO.name).exists()
    assert not list((prefix / "icons").rglob("incident-logger.*"))
    query = run(sys.executable, "-c", MIME_QUERY, str(tmp_path / "case.incidents"), XDG_DATA_HOME=str(prefix),
                XDG_DATA_DIRS="/usr/share", QT_QPA_PLATFORM="offscreen")  # fmt: skip
    assert query.stdout.split()[0] != MIME_TYPE
