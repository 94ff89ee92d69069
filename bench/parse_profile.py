"""CPU time of RowParser.parse over a CSV file, read as the importer reads it: python -m bench.parse_profile FILE."""

from __future__ import annotations

import gc
import hashlib
import os
import sys
import time

from desktop.domain.kinds import RecordKind
from desktop.services.csv.detect import Problem, RecordReader, auto_mapping, inspect, open_text
from desktop.services.csv.rows import RowParser

CHUNK = 500  # rows (importer.PROGRESS_ROWS)


def main(path: str, repeat: int = 3) -> None:
    with open(path, "rb") as stream:
        layout = inspect(stream, RecordKind.INCIDENT)
        text = open_text(stream, layout.encoding)
        records = iter(RecordReader(text, layout.delimiter))
        next(records)
        rows = [(line, fields) for line, fields in records if not isinstance(fields, Problem)]
        text.detach()
    mapping = auto_mapping(RecordKind.INCIDENT, layout.header)
    gc.freeze()  # the rows read beforehand are not the importer's (it reads a chunk at a time): not walked
    timings = []
    digest = ""
    for _ in range(repeat):
        parser = RowParser(RecordKind.INCIDENT, layout.header, mapping)
        hashed = hashlib.sha256()
        spent = 0.0
        for start in range(0, len(rows), CHUNK):  # a chunk at a time, as the importer parses them
            chunk = rows[start : start + CHUNK]
            started = time.process_time()
            parsed = [parser.parse(line, fields) for line, fields in chunk]
            spent += time.process_time() - started
            if os.environ.get("DIGEST"):
                for cells in parsed:
                    hashed.update(repr((cells.line, cells.values, cells.columns, cells.problems)).encode())
        timings.append(spent)
        digest = hashed.hexdigest()[:16] if os.environ.get("DIGEST") else ""
    best = min(timings)
    print(
        f"{len(rows)} rows: best {best:.2f} s CPU ({best / len(rows) * 1e6:.1f} µs/row), runs "
        + ", ".join(f"{t:.2f}" for t in timings)
        + (f", digest {digest}" if digest else "")
    )


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3)
