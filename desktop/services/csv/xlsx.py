"""XLSX export with openpyxl (write-only, so memory stays flat): typed cells, a frozen header row, fitted column
widths, the legal history sheet (spreadsheet profile) and a README sheet. No cell is ever a formula: every text
cell is written as a string cell, whatever it starts with."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from zipfile import ZIP64_LIMIT, ZIP_DEFLATED, ZipFile, ZipInfo

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
from desktop.services.sealed_scratch import SealedFile

if TYPE_CHECKING:
    from _typeshed import StrPath

MAX_CELL = 32_767  # characters a spreadsheet cell holds
SAMPLE = 1_000  # rows whose widths the column widths are fitted to (written before the rest)
MAX_WIDTH = 60
# XML 1.0 cannot hold these control characters; they are written as OOXML escapes (_x0001_), which Excel and
# LibreOffice show as the character, and a literal "_x0041_" gets its underscore escaped (_x005F_x0041_).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")

Sealer = Callable[[str], SealedFile]
Pieces = Path | Sealer | None
"""Where the sheets wait until the workbook is saved: a folder (plain files), a maker of sealed scratch files
(a protected export: encrypted with a key held in memory), or None (openpyxl's files in the system's temp folder)."""


def _escape(text: str) -> str:
    if _ILLEGAL.search(text) is None:
        return text
    return _ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


class _Sheet:
    """One sheet: the header, then rows; the first SAMPLE rows are held back to fit the column widths."""

    def __init__(self, book: Workbook, title: str, header: list[str], pieces: Pieces = None) -> None:
        self.sheet: WriteOnlyWorksheet = book.create_sheet(title)
        self.sheet.freeze_panes = "A2"
        # the sheet's XML beside the target (or sealed), not as openpyxl.* in the system's temp folder
        self.pieces = pieces
        self.piece = f"sheet{len(book.worksheets)}.xml"
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
        _give_writer(self.sheet, self.pieces, self.piece)
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


class _SealedSheetWriter(sheet_writer.WorksheetWriter):  # type: ignore[misc]  # openpyxl is untyped
    """A write-only sheet's writer into a SealedFile (openpyxl writes to any object with `write`)."""

    def cleanup(self) -> None:
        self.out.discard()


def _give_writer(sheet: WriteOnlyWorksheet, pieces: Pieces, name: str) -> None:
    """Make the sheet write its XML into `pieces` (a folder or sealed scratch files) under `name`."""
    if isinstance(pieces, Path):
        _write_sheet_in(sheet, pieces / name)
    elif pieces is not None:
        writer = _SealedSheetWriter(sheet, out=pieces(name))
        writer.write_top()
        sheet._writer = writer


class _Archive(ZipFile):
    """The workbook's ZIP, taking a sheet written to a SealedFile as openpyxl gives a sheet's file."""

    def write(self, filename: StrPath | SealedFile, arcname: StrPath | None = None, compress_type: int | None = None,
              compresslevel: int | None = None) -> None:  # fmt: skip
        if not isinstance(filename, SealedFile):
            super().write(filename, arcname, compress_type, compresslevel)
            return
        info = ZipInfo(str(arcname), time.localtime()[:6])
        info.compress_type = ZIP_DEFLATED
        with self.open(info, "w", force_zip64=filename.size * 1.05 > ZIP64_LIMIT) as out:
            filename.copy_to(out)


def _width(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 19
    if isinstance(value, date):
        return 10
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def write_workbook(database: Database, path: Path | IO[bytes], options: ExportOptions, layout: Layout,
                   progress: Progress | None, pieces: Pieces = None) -> int:  # fmt: skip
    """Write the workbook to a file or a binary stream; returns the rows of the main sheet. A text too long for a
    cell raises ValueError. The sheets wait in `pieces` (default: the system's temporary folder) until the workbook
    is saved."""
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


def _fill(book: Workbook, database: Database, path: Path | IO[bytes], options: ExportOptions, layout: Layout,
          progress: Progress | None, pieces: Pieces) -> int:  # fmt: skip
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
    _give_writer(about, pieces, f"sheet{len(book.worksheets)}.xml")
    for line in readme(layout, [*sheets, ("README", "this description")], COLUMNS[options.entity]):
        cell = WriteOnlyCell(about, value=_escape(line) or None)
        cell.data_type = "s"
        about.append([cell])
    _save(book, path)
    return rows


def _save(book: Workbook, path: Path | IO[bytes]) -> None:
    """book.save(path), closing the archive on a failure too (a full disk): openpyxl leaves that to the garbage
    collector, whose second failure to close it prints a traceback."""
    archive = _Archive(path, "w", ZIP_DEFLATED, allowZip64=True)
    try:
        book.properties.modified = datetime.now(UTC).replace(tzinfo=None)
        ExcelWriter(book, archive).save()  # closes the archive when done
    except BaseException:
        with suppress(Exception):
            archive.close()
        raise
