"""Writes csv_parse_golden.json: what the row parser, parse_cell and PartialDate.parse made of generated cells before
they were made faster (tests/test_csv_parse_speedup.py checks the faster ones give the same). Run from tests/:
python data/make_csv_parse_golden.py — only to record a deliberate change of what is read."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.csv_cells import golden

if __name__ == "__main__":
    target = Path(__file__).with_name("csv_parse_golden.json")
    target.write_text(json.dumps(golden(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {target}")
