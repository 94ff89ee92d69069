"""Build hook: compile translations/*.ts to desktop/resources/translations/*.qm before the package is built."""

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildPyWithTranslations(build_py):
    """Runs scripts/compile_translations.py when lrelease is at hand; otherwise .qm files already compiled (make's
    set-up) are packaged as they are, and a build without them says so."""

    def run(self) -> None:
        script = HERE / "scripts" / "compile_translations.py"
        if script.is_file() and subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
            if not any((HERE / "desktop" / "resources" / "translations").glob("*.qm")):
                print("warning: no compiled translations; the package will speak English only", file=sys.stderr)
        super().run()


setup(cmdclass={"build_py": BuildPyWithTranslations})
