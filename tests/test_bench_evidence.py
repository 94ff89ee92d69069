"""The benchmark's evidence area at a tiny size: `BENCH_ONLY=evidence python -m bench` makes its own database (no
incidents generated), adds the photos, verifies them, backs them up, adds one larger file, and prints each figure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_evidence_area_runs_alone_and_reports_every_figure() -> None:
    environment = {**os.environ, "BENCH_ONLY": "evidence", "BENCH_EVIDENCE_FILES": "4", "BENCH_EVIDENCE_MB": "1.5",
                   "BENCH_EVIDENCE_BIG_MB": "3", "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip
    done = subprocess.run([sys.executable, "-m", "bench"], cwd=ROOT, env=environment, capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip
    out = done.stdout
    assert done.returncode == 0, out + done.stderr
    assert "database:" not in out and "generated" not in out, out  # no incidents generated for this area
    assert "(failed)" not in out and "skipped" not in out, out + done.stderr
    for expected in ("add 4 photos of 1.5 MB (one add each, AttachmentService)", "files/s", "MB/s",
                     "MB more on disk for 6 MB of payload", "evidence verify, 4 stored files", "ok;",
                     "verified backup of that database", "add one 3 MB file (from disk, child process)",
                     "peak RSS"):  # fmt: skip
        assert expected in out, f"{expected!r} not in:\n{out}"
