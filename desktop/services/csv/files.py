"""Export to a file of any kind: round-trip CSV (export.py), spreadsheet-profile CSV with its legal history file,
a ZIP of those with a README, or an XLSX workbook (xlsx.py); each written whole or not at all."""

from __future__ import annotations

import csv
import os
import shutil
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from desktop.domain.kinds import RecordKind
from desktop.persistence.cipher import Passphrase
from desktop.persistence.unit_of_work import Database, UnitOfWork
from desktop.services.csv.bundle import companion_path
from desktop.services.csv.export import (
    BOM,
    LINE_END,
    Destination,
    ExportCancelled,
    ExportOptions,
    ExportResult,
    FileFormat,
    Progress,
    Redaction,
    _audit,
    _count,
    _record_chunks,
    _write,
    clean_export_leftovers,
    export_records,
    readable,
)
from desktop.services.csv.format import COLUMNS, format_datetime
from desktop.services.csv.legal_history import HISTORY_COLUMNS
from desktop.services.csv.sheet import Cell, Profile, neutralize_sheet
from desktop.services.csv.tables import Layout, Masked, places, readme
from desktop.services.leftovers import create_temporary_folder
from desktop.services.output_targets import TargetError, private_scratch, streams_through
from desktop.services.staged_output import StagedFile

README = "README.txt"

__all__ = ["export_file", "write_tables", "written_files"]


def written_files(path: Path, options: ExportOptions) -> list[Path]:
    """The files an export to `path` writes (a spreadsheet-profile CSV of incidents: also its legal history)."""
    if options.format_for(path) is FileFormat.CSV and layout_of(options).history:
        return [path, companion_path(path)]
    return [path]


def export_file(database: Database, target: Destination, options: ExportOptions,
                progress: Progress | None = None, *, protect: Passphrase | None = None) -> ExportResult:  # fmt: skip
    """Export as `options` say to a path (its extension chooses CSV, ZIP or XLSX unless options.file_format does)
    or, round-trip CSV only, to a stream. Records an EXPORT audit entry; on cancel or error nothing is left.
    What killed exports left in the target's folder is removed first (ExportResult.leftovers_removed says what).

    With `protect`, the export is written as a passphrase-protected ZIP instead (csv/protected.py: `NAME.csv.zip`,
    `NAME.xlsx.zip`, a ZIP bundle under its own name); ExportResult.path names the file written."""
    options = readable(database, options)  # a team reader's file leaves out the fields it may not read
    if protect is not None:
        if not isinstance(target, str | os.PathLike):
            raise ValueError("a protected export needs a file name")
        from desktop.services.csv.protected import export_protected

        return export_protected(database, Path(target), options, protect, progress)
    file_format = options.format_for(target)
    if options.profile is Profile.ROUND_TRIP and file_format is FileFormat.CSV:
        return export_records(database, target, options, progress)
    if not isinstance(target, str | os.PathLike):
        raise ValueError("a spreadsheet-profile, ZIP or XLSX export needs a file name")
    started = time.perf_counter()
    path = Path(target)
    layout = layout_of(options)
    where = options.checked_filter()
    if file_format is FileFormat.CSV and layout.history and streams_through(path):
        raise TargetError("it cannot take the legal history file the spreadsheet profile writes beside the table; "
                          "give the name of a file, or choose --format zip or xlsx")  # fmt: skip
    removed = () if streams_through(path) else tuple(clean_export_leftovers(path))  # nothing to clean in /dev
    try:
        with ExitStack() as stack:
            rows = _write_files(database, path, file_format, options, layout, progress, stack)
        _audit(database, options, layout.keys, rows, where, str(path))  # once the files are in place, not before
    except ExportCancelled:
        result = ExportResult(0, layout.keys, path, cancelled=True, seconds=time.perf_counter() - started)
    else:
        result = ExportResult(rows, layout.keys, path, seconds=time.perf_counter() - started)
    return replace(result, leftovers_removed=removed)


def layout_of(options: ExportOptions) -> Layout:
    mask = options.redaction is Redaction.MASK
    if options.profile is Profile.SPREADSHEET:
        return Layout(options.entity, options.profile, sheet=options.chosen_sheet_columns(), mask=mask)
    return Layout(options.entity, options.profile, round_trip=options.chosen_columns(), mask=mask)


def _write_files(database: Database, path: Path, file_format: FileFormat, options: ExportOptions, layout: Layout,
                 progress: Progress | None, stack: ExitStack) -> int:  # fmt: skip
    if file_format is FileFormat.XLSX:
        from desktop.services.csv.xlsx import write_workbook  # openpyxl is loaded only for workbooks

        staged = StagedFile(path, stack)
        rows = write_workbook(database, staged.path, options, layout, progress, _pieces(path, stack))
        staged.commit()
        return rows
    if file_format is FileFormat.CSV:
        main = StagedFile(path, stack)
        history = StagedFile(companion_path(path), stack) if layout.history else None
        rows = _write_csv(database, main.path, history.path if history else None, options, layout, progress)
        main.commit()
        if history is not None:
            history.commit()
        return rows
    table = _pieces(path, stack) / f"{path.stem}.csv"
    companion = companion_path(table) if layout.history else None
    rows = _write_csv(database, table, companion, options, layout, progress)
    staged = StagedFile(path, stack)
    with zipfile.ZipFile(staged.path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.write(table, table.name)
        if companion is not None:
            archive.write(companion, companion.name)
        archive.writestr(README, readme_text(options, layout, table.name, companion.name if companion else None))
    staged.commit()
    return rows


def readme_text(options: ExportOptions, layout: Layout, table: str, companion: str | None) -> bytes:
    """The README.txt of a ZIP bundle holding the files `table` and `companion`."""
    described = [(table, f"the {options.entity.plural}")]
    if companion is not None:
        described.append((companion, "their legal history"))
    return ("\r\n".join(readme(layout, described, COLUMNS[options.entity])) + "\r\n").encode("utf-8")


def _pieces(target: Path, stack: ExitStack) -> Path:
    """A folder `.<name>.parts-<pid>` beside `target` (0700) for the pieces of a ZIP or XLSX file, removed with
    `stack`: the tables hold what the export holds, so they stay where a killed run's leftovers are found. For a
    character device or FIFO, a private folder elsewhere (never a folder in /dev)."""
    if streams_through(target):
        return Path(stack.enter_context(private_scratch()))
    folder = create_temporary_folder(target)
    stack.callback(shutil.rmtree, folder, True)
    return folder


def record_chunks(uow: UnitOfWork, options: ExportOptions, progress: Progress | None) -> Iterator[list[Any]]:
    """The selected records a chunk at a time, telling progress (which may cancel) after each."""
    where = options.checked_filter()
    total = _count(uow, options.entity, where)
    if progress is not None and progress(0, total) is False:
        raise ExportCancelled
    written = 0
    for records in _record_chunks(uow, options.entity, where):
        yield records
        written += len(records)
        if progress is not None and progress(written, total) is False:
            raise ExportCancelled


def _text(value: Cell) -> str:
    if type(value) is str:
        return neutralize_sheet(value)
    if value is None:
        return ""
    if isinstance(value, Masked):
        return str(value)
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    return repr(value) if isinstance(value, float) else str(value)


def _write_csv(database: Database, table: Path, companion: Path | None, options: ExportOptions, layout: Layout,
               progress: Progress | None) -> int:  # fmt: skip
    """The table (and the legal history beside it) as CSV files; returns the rows of the table."""
    with ExitStack() as files:
        out = _open_csv(files, table)
        history = _open_csv(files, companion) if companion is not None else None
        return write_tables(database, out, history, options, layout, progress)


def write_tables(database: Database, out: IO[str], history_out: IO[str] | None, options: ExportOptions,
                 layout: Layout, progress: Progress | None) -> int:  # fmt: skip
    """The table to `out` (and the legal history to `history_out`) as CSV text; returns the rows of the table. The
    spreadsheet profile starts each with a byte order mark (sheet.py says why)."""
    if layout.profile is Profile.ROUND_TRIP:
        return _write(database, out, layout.round_trip, options.checked_filter(), options, progress)
    rows = 0
    out.write(BOM)
    writer = csv.writer(out, lineterminator=LINE_END)
    writer.writerow(layout.headers)
    history: Callable[[list[Cell]], Any] | None = None
    if history_out is not None:
        history_out.write(BOM)
        history_writer = csv.writer(history_out, lineterminator=LINE_END)
        history_writer.writerow([c.header for c in HISTORY_COLUMNS])
        history = history_writer.writerow
    with database.unit_of_work(write=False) as uow:
        layout.places = places(uow) if options.entity in (RecordKind.INCIDENT, RecordKind.PLAN_ITEM) else {}
        for records in record_chunks(uow, options, progress):
            for record in records:
                writer.writerow([_text(v) for v in layout.row(record)])
                if history is not None:
                    for entry in layout.history_rows(record):
                        history([_text(v) for v in entry])
            rows += len(records)
    return rows


def _open_csv(files: ExitStack, path: Path) -> IO[str]:
    out: IO[str] = files.enter_context(open(path, "w", encoding="utf-8", newline="", buffering=1 << 20))  # noqa: SIM115
    return out
