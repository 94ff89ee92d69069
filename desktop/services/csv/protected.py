"""A CSV, ZIP or XLSX export written as a passphrase-protected ZIP, each file streamed into its encrypted entry."""

from __future__ import annotations

import io
import time
from contextlib import ExitStack, suppress
from dataclasses import replace
from pathlib import Path
from typing import IO

from desktop.persistence.cipher import Passphrase
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.bundle import companion_path
from desktop.services.csv.export import (
    ExportCancelled,
    ExportOptions,
    ExportResult,
    FileFormat,
    Progress,
    _audit,
    clean_export_leftovers,
)
from desktop.services.csv.files import README, layout_of, readme_text, write_tables
from desktop.services.csv.tables import Layout
from desktop.services.output_targets import streams_through
from desktop.services.protected_zip import BUFFER, ProtectedZip, entry_name, protected_target


def protected_path(target: Path, options: ExportOptions) -> Path:
    """The file a protected export to `target` writes: `NAME.csv.zip`, `NAME.xlsx.zip`; a ZIP bundle its own name."""
    return protected_target(target, zipped=options.format_for(target) is FileFormat.ZIP)


def export_protected(database: Database, target: Path, options: ExportOptions, passphrase: Passphrase,
                     progress: Progress | None = None) -> ExportResult:  # fmt: skip
    """Export as `options` say into a ZIP protected by `passphrase` (WinZip AES-256), at protected_path(target):
    a CSV export as the CSV file (the spreadsheet profile's legal history file beside it), a ZIP bundle as its
    files and README (each entry encrypted), a workbook as the XLSX file. Nothing plain is written to disk: the
    table streams into its entry; the legal history and the workbook's sheets wait in scratch files encrypted with
    a key held in memory. Audited as export_file is; on cancel or error nothing is left."""
    started = time.perf_counter()
    file_format = options.format_for(target)
    path = protected_path(target, options)
    layout = layout_of(options)
    where = options.checked_filter()
    removed = () if streams_through(path) else tuple(clean_export_leftovers(path))
    try:
        with ExitStack() as stack:
            archive = ProtectedZip(path, passphrase, stack)
            rows = _write_entries(database, archive, target, file_format, options, layout, progress)
            archive.commit()
        _audit(database, options, layout.keys, rows, where, str(path), protected=True)
    except ExportCancelled:
        result = ExportResult(0, layout.keys, path, cancelled=True, seconds=time.perf_counter() - started)
    else:
        result = ExportResult(rows, layout.keys, path, seconds=time.perf_counter() - started)
    return replace(result, leftovers_removed=removed)


def _write_entries(database: Database, archive: ProtectedZip, target: Path, file_format: FileFormat,
                   options: ExportOptions, layout: Layout, progress: Progress | None) -> int:  # fmt: skip
    if file_format is FileFormat.XLSX:
        from desktop.services.csv.xlsx import write_workbook  # openpyxl is loaded only for workbooks

        with archive.binary(entry_name(target, f"{options.entity.table}.xlsx"), compress=False) as workbook:
            return write_workbook(database, workbook, options, layout, progress, archive.sealed)
    bundle = file_format is FileFormat.ZIP  # its table named as the plain bundle names it
    table = f"{target.stem}.csv" if bundle else entry_name(target, f"{options.entity.table}.csv")
    companion = companion_path(Path(table)).name if layout.history else None
    rows = _write_csv(database, archive, table, companion, options, layout, progress)
    if file_format is FileFormat.ZIP:
        archive.add(README, readme_text(options, layout, table, companion))
    return rows


def _write_csv(database: Database, archive: ProtectedZip, table: str, companion: str | None, options: ExportOptions,
               layout: Layout, progress: Progress | None) -> int:  # fmt: skip
    """The table streamed into its entry; the legal history into a sealed scratch file meanwhile (a ZIP is written
    one entry at a time), then into its own entry."""
    if companion is None:
        with archive.text(table) as out:
            return write_tables(database, out, None, options, layout, progress)
    history = archive.sealed("legal-history.csv")
    with ExitStack() as closing:
        history_text = io.TextIOWrapper(io.BufferedWriter(history, BUFFER), encoding="utf-8", newline="")
        closing.callback(_close_quietly, history_text)  # after a cancel too, before the scratch file goes
        with archive.text(table) as out:
            rows = write_tables(database, out, history_text, options, layout, progress)
        history_text.close()
    archive.add_sealed(companion, history)
    return rows


def _close_quietly(stream: IO[str]) -> None:
    with suppress(ValueError, OSError):
        stream.close()
