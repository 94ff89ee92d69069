"""Compile translations/*.ts into desktop/resources/translations/*.qm with PySide6's lrelease (run at set-up/build)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "translations"
TARGET = ROOT / "desktop" / "resources" / "translations"


def lrelease() -> list[str]:
    """pyside6-lrelease beside this Python (the venv's bin or Scripts), else the lrelease inside PySide6."""
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (here / name).is_file():
            return [str(here / name)]
    try:
        import PySide6
    except ImportError:  # an isolated build environment: only a pyside6-lrelease on PATH can do it
        pass
    else:
        package = Path(PySide6.__file__).parent
        for candidate in (package / "lrelease", package / "lrelease.exe", package / "Qt" / "libexec" / "lrelease"):
            if candidate.is_file():
                return [str(candidate)]
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    raise SystemExit("compile_translations: no pyside6-lrelease next to this Python nor in PySide6 (pip install PySide6)")


def main() -> int:
    sources = sorted(SOURCES.glob("*.ts"))
    if not sources:
        print(f"compile_translations: no .ts files in {SOURCES}", file=sys.stderr)
        return 1
    TARGET.mkdir(parents=True, exist_ok=True)
    tool = lrelease()
    for source in sources:
        target = TARGET / f"{source.stem}.qm"
        result = subprocess.run([*tool, "-silent", str(source), "-qm", str(target)], check=False)
        if result.returncode != 0 or not target.is_file():
            print(f"compile_translations: lrelease failed on {source}", file=sys.stderr)
            return 1
        print(f"{source.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
