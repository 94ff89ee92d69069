"""Thousands of malformed files: ragged rows, unclosed quotes, NUL bytes, huge fields, wrong encodings, bad dates,
unknown labels, cut-off and random bytes. The import never raises, every rejection names a line and a column,
and a rejected file writes nothing (no row, no audit entry)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from desktop.domain.kinds import RecordKind
from desktop.persistence.models import AuditRow, FacilityRow, IncidentRow, PlanItemRow
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.export import ExportOptions, export_records
from desktop.services.csv.importer import ImportOptions, ImportReport, import_csv

MALFORMED = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                             HealthCheck.too_slow])  # fmt: skip
GARBAGE = st.sampled_from(["2019-13-01", "yesterday", "Arson", "-1", "1.5", "maybe", "2019-02-30", "=1+1", "'", '"',
                           "x" * 300, "\x00", "firearms:a\\b", "closed@soon", "0000-00-00",
                           "99999999999999999"])  # fmt: skip


@pytest.fixture
def files(demo_database: Database, tmp_path: Path) -> dict[RecordKind, bytes]:
    """The demo data's three exports, as bytes to break."""
    found = {}
    for entity in RecordKind:
        stream = io.BytesIO()
        export_records(demo_database, stream, ExportOptions(entity))
        found[entity] = stream.getvalue()
    return found


def fingerprint(database: Database) -> tuple[int, ...]:
    """Row counts and audit entries: any write changes at least one of them."""
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        return tuple(uow.session.scalar(select(func.count()).select_from(model)) or 0
                     for model in (IncidentRow, FacilityRow, PlanItemRow, AuditRow))  # fmt: skip


def check(database: Database, tmp_path: Path, entity: RecordKind, data: bytes, create: bool) -> ImportReport:
    path = tmp_path / "malformed.csv"
    path.write_bytes(data)
    before = fingerprint(database)
    report = import_csv(database, path, ImportOptions(entity=entity, create_facilities=create))  # must not raise
    if report.accepted:
        assert report.committed and report.problem_count == 0
    else:
        assert report.problems and not report.committed
        assert all(p.line >= 1 and p.column >= 1 and p.reason for p in report.problems), report.problems
        assert fingerprint(database) == before
    return report


def insert(data: bytes, position: int, piece: bytes) -> bytes:
    position %= len(data) + 1
    return data[:position] + piece + data[position:]


@st.composite
def structural(draw: st.DrawFn, data: bytes) -> bytes:
    """The file with a few structural breaks at drawn places."""
    lines = data.split(b"\r\n")
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["ragged+", "ragged-", "quote", "nul", "huge", "cut", "blank", "cr", "bytes"]))
        number = draw(st.integers(0, max(0, len(lines) - 1)))
        line = lines[number]
        if kind == "ragged+":
            lines[number] = line + b",extra"
        elif kind == "ragged-" and b"," in line:
            lines[number] = line[: line.rfind(b",")]
        elif kind == "quote":
            lines[number] = insert(line, draw(st.integers(0, 400)), b'"')
        elif kind == "nul":
            lines[number] = insert(line, draw(st.integers(0, 400)), b"\x00")
        elif kind == "huge":
            lines[number] = insert(line, draw(st.integers(0, 400)), b"x" * draw(st.sampled_from([20_001, 140_000])))
        elif kind == "cut":
            lines = b"\r\n".join(lines)[: draw(st.integers(0, len(data)))].split(b"\r\n")
        elif kind == "blank":
            lines.insert(number, b"")
        elif kind == "cr":
            lines[number] = insert(line, draw(st.integers(0, 400)), b"\r")
        else:
            lines[number] = insert(line, draw(st.integers(0, 400)), draw(st.binary(min_size=1, max_size=6)))
    return b"\r\n".join(lines)


@st.composite
def bad_cells(draw: st.DrawFn, data: bytes) -> bytes:
    """The file with some cells replaced by bad dates, unknown labels, wrong numbers or random text."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    for _ in range(draw(st.integers(1, 4))):
        row = draw(st.integers(0, len(rows) - 1))
        column = draw(st.integers(0, len(rows[row]) - 1))
        rows[row][column] = draw(GARBAGE | st.text(max_size=20))
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]))
    return out.getvalue().encode(encoding, errors="replace")


@MALFORMED
@given(data=st.data(), entity=st.sampled_from(RecordKind), create=st.booleans())
def test_structurally_broken_files(
    demo_database: Database, files: dict[RecordKind, bytes], tmp_path: Path, data: st.DataObject, entity: RecordKind,
    create: bool,
) -> None:  # fmt: skip
    report = check(demo_database, tmp_path, entity, data.draw(structural(files[entity])), create)
    event("accepted" if report.accepted else "rejected")


@MALFORMED
@given(data=st.data(), entity=st.sampled_from(RecordKind), create=st.booleans())
def test_files_with_bad_cells_and_encodings(
    demo_database: Database, files: dict[RecordKind, bytes], tmp_path: Path, data: st.DataObject, entity: RecordKind,
    create: bool,
) -> None:  # fmt: skip
    report = check(demo_database, tmp_path, entity, data.draw(bad_cells(files[entity])), create)
    event("accepted" if report.accepted else "rejected")


@settings(MALFORMED, max_examples=400)
@given(raw=st.binary(max_size=600), entity=st.sampled_from(RecordKind), header=st.booleans())
def test_random_bytes(demo_database: Database, tmp_path: Path, raw: bytes, entity: RecordKind, header: bool) -> None:
    prefix = b"uuid,title,facility_name,name,description\r\n" if header else b""
    report = check(demo_database, tmp_path, entity, prefix + raw, False)
    event("accepted" if report.accepted else "rejected")


def test_the_checks_can_fail(demo_database: Database, files: dict[RecordKind, bytes], tmp_path: Path) -> None:
    """The property's own checks see a rejection with its location, and an accepted file as accepted."""
    broken = files[RecordKind.INCIDENT].replace(b"armed_assault", b"arson", 1)
    report = check(demo_database, tmp_path, RecordKind.INCIDENT, broken, False)
    assert not report.accepted and [(p.line, p.column) for p in report.problems] == [(2, 14)]
    assert check(demo_database, tmp_path, RecordKind.INCIDENT, files[RecordKind.INCIDENT], False).unchanged == 3
