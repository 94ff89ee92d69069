"""XLSX export with openpyxl (write-only, so memory stays flat): typed cells, a frozen header row, fitted column
widths, the legal history sheet (spreadsheet profile) and a README sheet. No cell is ever a formula: every text
cell is written as a string cell, whatever it starts with."""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet import _writer as sheet_writer
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter

from desktop.domain.kinds import RecordKind
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.export import ExportOptions, Progress
from desktop.services.csv.files import record_chunks
from desktop.services.csv.format import COLUMNS
from desktop.services.csv.legal_history import HISTORY_COLUMNS
from desktop.services.csv.tables import Layout, places, readme

MAX_CELL = 32_767  # characters a spreadsheet cell holds
SAMPLE = 1_000  # rows whose widths the column widths are fitted to (written before the rest)
MAX_WIDTH = 60
# XML 1.0 cannot hold these control characters; they are written as OOXML escapes (_x0001_), which Excel and
# LibreOffice show as the character, and a literal "_x0041_" gets its underscore escaped (_x005F_x0041_).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


def _escape(text: str) -> str:
    if _ILLEGAL.search(text) is None:
        return text
    return _ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


class _Sheet:
    """One sheet: the header, then rows; the first SAMPLE rows are held back to fit the column widths."""

    def __init__(self, book: Workbook, title: str, header: list[str], pieces: Path | None = None) -> None:
        self.sheet: WriteOnlyWorksheet = book.create_sheet(title)
        self.sheet.freeze_panes = "A2"
        # the sheet's XML beside the target, not as openpyxl.* in the system's temp folder
        self.piece = pieces / f"sheet{len(book.worksheets)}.xml" if pieces is not None else None
        self.header = header
        self.held: list[tuple[list[Any], str]] | None = []
        self.bold = Font(bold=True)

    def add(self, values: list[Any], where: str) -> None:
        if self.held is not None:
            self.held.append((values, where))
            if len(self.held) >= SAMPLE:
                self._release()
            return
        self.sheet.append(self._cells(values, where))

    def _release(self) -> None:
        held, self.held = self.held or [], None
        for index, title in enumerate(self.header, start=1):
            longest = max([len(title) + 2, *(_width(row[index - 1]) for row, _ in held)])
            self.sheet.column_dimensions[get_column_letter(index)].width = min(MAX_WIDTH, longest + 1)
        if self.piece is not None:
            _write_sheet_in(self.sheet, self.piece)
        heading = []
        for title in self.header:
            cell = WriteOnlyCell(self.sheet, value=_escape(title))
            cell.data_type = "s"
            cell.font = self.bold
            heading.append(cell)
        self.sheet.append(heading)
        for values, where in held:
            self.sheet.append(self._cells(values, where))

    def close(self) -> None:
        if self.held is not None:
            self._release()

    def _cells(self, values: list[Any], where: str) -> list[Any]:
        """The row as openpyxl takes it: plain values (it types numbers, dates as yyyy-mm-dd and date-times as
        yyyy-mm-dd h:mm:ss, and skips None), except text it would not keep as text - starting with "=" (it would make
        that a formula) or an error code such as "#N/A": that becomes a cell typed as a string. (Other text - "+1",
        " =1", "＝1" - is a string cell already; a string cell is never evaluated.)"""
        cells: list[Any] = []
        for index, value in enumerate(values):
            if not isinstance(value, str):
                cells.append(value)
                continue
            if len(value) > MAX_CELL:
                raise ValueError(f"{where}: {self.header[index]} is {len(value):,} characters long; a "
                                 f"spreadsheet cell holds at most {MAX_CELL:,} - export this as CSV")  # fmt: skip
            text = _escape(value)
            if text[:1] == "=" or text in ERROR_CODES:
                cell = WriteOnlyCell(self.sheet, value=text)
                cell.data_type = "s"  # never a formula, whatever the text starts with
                cells.append(cell)
            else:
                cells.append(text or None)
        return cells


def _write_sheet_in(sheet: WriteOnlyWorksheet, path: Path) -> None:
    """Give a write-only sheet the writer openpyxl would make at its first row, but writing to `path` (it removes
    the file when it is saved into the workbook, and at exit). Called once the column widths are set: the top of
    the sheet holds them."""
    path.touch(mode=0o600)
    sheet_writer.ALL_TEMP_FILES.append(str(path))
    writer = sheet_writer.WorksheetWriter(sheet, out=str(path))
    writer.write_top()
    sheet._writer = writer


def _width(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 19
    if isinstance(value, date):
        return 10
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def write_workbook(database: Database, path: Path, options: ExportOptions, layout: Layout,
                   progress: Progress | None, pieces: Path | None = None) -> int:  # fmt: skip
    """Write the workbook; returns the rows of the main sheet. A text too long for a cell raises ValueError. The
    sheets are written in the folder `pieces` (default: the system's temporary folder) until the workbook is saved."""
    book = Workbook(write_only=True)
    try:
        return _fill(book, database, path, options, layout, progress, pieces)
    except BaseException:
        _abandon(book)
        raise


def _abandon(book: Workbook) -> None:
    """Finish and delete the sheets' temporary files (openpyxl leaves them, and half-written, on an error)."""
    for sheet in book.worksheets:
        with suppress(Exception):
            sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            with suppress(OSError):
                writer.cleanup()


def _fill(book: Workbook, database: Database, path: Path, options: ExportOptions, layout: Layout,
          progress: Progress | None, pieces: Path | None) -> int:  # fmt: skip
    main = _Sheet(book, options.entity.heading_plural[:31], layout.headers, pieces)
    history = _Sheet(book, "Legal history", [c.header for c in HISTORY_COLUMNS], pieces) if layout.history else None
    rows = 0
    with database.unit_of_work(write=False) as uow:
        layout.places = places(uow) if options.entity in (RecordKind.INCIDENT, RecordKind.PLAN_ITEM) else {}
        for records in record_chunks(uow, options, progress):
            for record in records:
                rows += 1
                where = f"{options.entity.heading} row {rows + 1}"
                main.add(layout.row(record), where)
                if history is not None:
                    for entry in layout.history_rows(record):
                        history.add(entry, f"legal history of {where}")
    main.close()
    sheets = [(main.sheet.title, f"the {options.entity.plural}")]
    if history is not None:
        history.close()
        sheets.append((history.sheet.title, "their legal history"))
    about = book.create_sheet("README")
    about.column_dimensions["A"].width = 120
    if pieces is not None:
        _write_sheet_in(about, pieces / f"sheet{len(book.worksheets)}.xml")
    for line in readme(layout, [*sheets, ("README", "this description")], COLUMNS[options.entity]):
        cell = WriteOnlyCell(about, value=_escape(line) or None)
        cell.data_type = "s"
        about.append([cell])
    _save(book, path)
    return rows


def _save(book: Workbook, path: Path) -> None:
    """book.save(path), closing the archive on a failure too (a full disk): openpyxl leaves that to the garbage
    collector, whose second failure to close it prints a traceback."""
    archive = ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True)
    try:
        book.properties.modified = datetime.now(UTC).replace(tzinfo=None)
        ExcelWriter(book, archive).save()  # closes the archive when done
    except BaseException:
        with suppress(Exception):
            archive.close()
        raise
